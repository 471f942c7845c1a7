// SPDX-License-Identifier: Apache-2.0
// Small text utilities shared by the extractors and the classifier.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace a6kb::text {

// Valid UTF-8 out of any bytes: each invalid or truncated sequence becomes
// U+FFFD, NUL bytes are dropped. `repaired` (if given) counts replacements.
std::string repair_utf8(std::string_view in, size_t* repaired = nullptr);

// CRLF and CR to LF, tabs and other blanks to single spaces within a line,
// trailing blanks removed, runs of more than one empty line collapsed.
std::string normalize_whitespace(std::string_view in);

// Unicode lowercase (through Xapian::Unicode).
std::string to_lower(std::string_view in);

std::string trim(std::string_view in);
std::string collapse_spaces(std::string_view in);   // all whitespace runs -> one space, trimmed

// Words for phrase matching: lowercased runs of letters and digits; a '.'
// between two alphanumerics stays inside the word ("6.4", "a6.4er").
std::vector<std::string> words(std::string_view in);

// Best guess of the ISO 639-1 language of `text` from function-word counts
// (en, fr, es, de, pt); empty when there is too little text to tell.
std::string detect_language(std::string_view text);

// Dates written in prose or ISO form: "13 November 2021", "November 13, 2021",
// "2021-11-13", "March 2022" (-> "2022-03"). Returns ISO strings "YYYY-MM-DD"
// or "YYYY-MM", in order of appearance; at most `limit`.
std::vector<std::string> find_dates(std::string_view text, size_t limit = 50);

// Parses one date string in any of the forms above, or a bare year; returns ISO or nullopt.
std::optional<std::string> parse_date(std::string_view s);

// "2021-11-13" -> "20211113", "2021-11" -> "20211100", "2021" -> "20210000".
std::string date_key(std::string_view iso);

}  // namespace a6kb::text

namespace a6kb::text {
// &, <, >, " and ' escaped for HTML text and attribute values.
std::string html_escape(std::string_view in);
}  // namespace a6kb::text
