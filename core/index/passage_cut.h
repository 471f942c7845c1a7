// SPDX-License-Identifier: Apache-2.0
// The machinery the passage cutters share (core/index/passages.cc): the
// record's text as one stream of lines that know their page, and a builder
// that opens, fills and closes passages, bounds their size and keeps their
// anchors unique. Internal to core/index.
#pragma once

#include "core/model/passage.h"
#include "core/model/record.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace a6kb::cut {

// A passage longer than this is cut at a sentence end, else at a space,
// else anywhere (a UTF-8 boundary), into parts of at most this many bytes.
inline constexpr size_t MAX_PASSAGE_BYTES = 3000;

struct Line {
    std::string_view text;  // trimmed, never holds '\n'; empty: a paragraph break
    int page = 0;           // 1-based in paged records, else 0
};

// The lines of `r`'s pages, trimmed. In a paged record, running headers and
// footers (lines repeated at the top or bottom of most pages, page numbers)
// are dropped after their first page, and a page break is a paragraph
// break unless the text runs on (no sentence end before it, a lowercase
// word after it). The views point into r.pages.
std::vector<Line> lines_of(const Record& r);
bool paged(const Record& r);

// A passage's location, without text.
inline Passage at(std::string label, std::string anchor, std::string number = {}, std::vector<std::string> path = {},
                  bool heading = false) {
    Passage p;
    p.label = std::move(label);
    p.anchor = std::move(anchor);
    p.number = std::move(number);
    p.path = std::move(path);
    p.heading = heading;
    return p;
}

class Builder {
public:
    // Starts a passage (closing the open one) with its location set;
    // `anchor` is made unique in the record.
    void open(Passage p, const Line& first);
    void append(const Line& line);  // to the open passage; opens a plain one if none
    void close();
    bool is_open() const { return open_; }
    std::vector<Passage> take();

private:
    void emit(Passage p, int last_page);
    std::string unique(const std::string& anchor);

    std::vector<Passage> out_;
    std::unordered_map<std::string, int> seen_;
    Passage current_;
    int last_page_ = 0;
    bool open_ = false;
};

// Small text tests the cutters share.
bool ends_sentence(std::string_view s);   // '.', ';', ':', '!', '?' (closing quotes and brackets skipped)
bool starts_lower(std::string_view s);    // an ASCII lowercase letter
bool starts_upper(std::string_view s);
int roman_value(std::string_view s);      // "XIV" -> 14; 0 if not a roman numeral
std::string slug_anchor(std::string_view s, size_t max_words = 4);  // "Share of proceeds" -> "share-of-proceeds"

// The generic cutter: blank-line paragraphs, headings (r.headings) and pages.
std::vector<Passage> by_headings(const Record& r, const std::vector<Line>& lines);
// UNFCCC decisions and reports: preamble, numbered paragraphs, annexes,
// chapters and sections.
std::vector<Passage> by_decision(const Record& r, const std::vector<Line>& lines);
// Whether plain text numbers its paragraphs 1., 2., 3. ... as decisions do.
bool numbers_paragraphs(const std::vector<Line>& lines);
// Whether it numbers sections as methodologies do ("2.1. Scope", "2.1 Scope").
bool numbers_sections(const std::vector<Line>& lines);
// Methodologies, tools, standards, procedures: numbered sections and paragraphs.
std::vector<Passage> by_sections(const Record& r, const std::vector<Line>& lines);

}  // namespace a6kb::cut
