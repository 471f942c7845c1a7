// SPDX-License-Identifier: Apache-2.0
// The reader: a record's text as its passages (core/model/passage.h), shown
// part by part so that a 300-page report is not one 10 MB page.
//
// - A part is PASSAGES_PER_PART passages in order: part_of(ordinal) needs
//   nothing but the ordinal, so a search hit can link the part holding its
//   passage without reading the record.
// - Reading a part reads its passages' metadata entries only (passage_key
//   per ordinal); the contents (the heading passages of every part) are
//   found by one walk over the record's keys (metadata_keys_begin with
//   passage_prefix) that decodes the headings alone.
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

// Passages per part: decisions' paragraphs average 0.6 KB and PDF page
// passages 1-2 KB, so a part stays well under 500 KB of HTML.
inline constexpr size_t PASSAGES_PER_PART = 150;

// The 1-based part holding passage `ordinal` (0-based).
constexpr size_t part_of(size_t ordinal) { return ordinal / PASSAGES_PER_PART + 1; }

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

// The ordinal of the passage with this anchor, found by walking the
// record's passages (a link that names no part); nullopt when none has it.
std::optional<size_t> find_anchor(const Xapian::Database& db, const std::string& id, const std::string& anchor);

}  // namespace a6kb
