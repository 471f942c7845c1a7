// SPDX-License-Identifier: Apache-2.0
// Spelling correction beside good words: "additionalty tool" ->
// "additionality tool" although "tool" matches on its own.
//
// A word is corrected when the index does not hold it, or holds it in far
// fewer records (RARER times) than the close spelling Xapian's spelling table
// suggests (edit distance 2), and in no record's title (titles are edited:
// a rare word there is a word, "blend" of "cement blend"). Never corrected: quoted phrases, symbols and
// codes (anything with a digit, '.', '/', ':' or in capitals), words of four
// letters or fewer, query syntax (AND, OR, NOT, +, -, field:value), words
// with a spelling variant or acronym in the synonym table, and the words of
// the taxonomy's concept labels and alternative labels.
//
// Cost in the common case: one term frequency per word (a posting list the
// match reads anyway); the spelling table is asked only for a word the
// index holds in at most RARE_MAX records.
#pragma once

#include "core/model/taxonomy.h"

#include <xapian.h>

#include <optional>
#include <string>
#include <unordered_set>

namespace a6kb {

// The words no correction touches: every word of the taxonomy's labels.
std::unordered_set<std::string> protected_words(const Taxonomy& taxonomy);

// The whole query with its misspelt words corrected, or nullopt when no
// word is. `keep` from protected_words().
std::optional<std::string> correct_words(const std::string& q, const Xapian::Database& db,
                                         const std::unordered_set<std::string>& keep);

inline constexpr Xapian::doccount RARE_MAX = 3;  // asked about only when held by this many records or fewer
inline constexpr Xapian::doccount RARER = 10;    // and corrected when the suggestion is this many times as frequent

}  // namespace a6kb
