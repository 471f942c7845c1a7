// SPDX-License-Identifier: Apache-2.0
// The reader: a record's text as its passages (core/model/passage.h), shown
// part by part so that a 300-page report is not one 10 MB page.
//
// - A part is up to PASSAGES_PER_PART passages in order, and no more than
//   PART_BYTES of stored passages (unless one passage alone is larger), so
//   a part stays under 500 KB of HTML whatever the passages' sizes. Where a
//   part starts depends on the sizes before it: link a passage by its
//   anchor (passage_path in citation.h, answered through find_anchor), not
//   by a part number.
// - One walk over the record's entries (metadata_keys_begin with
//   passage_prefix) reads and decodes them in order (stored passages may be
//   deflated, and the budget counts text bytes); it keeps the part's
//   passages and the other parts' headings (for the contents).
// - With a query, the part's passages come highlighted (HTML-escaped,
//   matches in <mark>), through Xapian's snippet code and the query as the
//   searcher builds it.
#pragma once

#include "core/model/passage.h"

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

namespace a6kb {

// A part's limits, in passages and in bytes of their text. The page adds
// about 0.7 KB a passage (its Cite box, anchors, page number) and escaping
// a little, so a full part is at most ~370 KB of HTML.
inline constexpr size_t PASSAGES_PER_PART = 150;
inline constexpr size_t PART_BYTES = 250 * 1024;

struct ReaderPassage {
    size_t ordinal = 0;
    Passage passage;
    std::string html;  // the text, HTML-escaped; with a query, matches in <mark>
    size_t marks = 0;  // matches highlighted
};

struct ContentsEntry {
    std::string text;    // the heading as printed
    std::string anchor;
    size_t part = 1;
    size_t depth = 0;    // enclosing headings
};

struct ReaderText {
    size_t passages = 0;  // in the whole record
    size_t parts = 0;     // 0: the record has no passages
    size_t part = 1;      // the part shown
    std::vector<ContentsEntry> contents;  // every part's headings, in order
    std::vector<ReaderPassage> shown;     // the part's passages, in order
    size_t matches = 0;                   // passages of the part with a highlighted match
};

// Part `part` (1-based) of record `id`'s text; a part past the last is
// empty (shown.empty() with parts > 0). `q`, when not empty, is highlighted.
ReaderText read_text(const Xapian::Database& db, const std::string& id, size_t part, const std::string& q = "");

// Where the passage with this anchor is: its ordinal and its part, found by
// walking the record's passages; nullopt when none has it.
struct PassagePlace {
    size_t ordinal = 0;
    size_t part = 1;
};
std::optional<PassagePlace> find_anchor(const Xapian::Database& db, const std::string& id, const std::string& anchor);

}  // namespace a6kb
