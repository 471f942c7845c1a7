// SPDX-License-Identifier: Apache-2.0
// Passages: a record's text as a sequence of parts that know their place —
// a decision's numbered paragraph with its sub-paragraphs, a methodology's
// numbered section, a heading's text, a PDF page's paragraph — so that a hit
// can show the paragraph that answers, where it is, and how to cite it.
//
// Storage (docs/schema.md, "Passages"):
// - the record's Xapian document indexes the passages' text one after the
//   other and keeps, in the value slot schema::PASSAGES, the term position
//   where each passage starts (encode_starts), so a query's positions in the
//   document name the passages they fall in without reading any text;
// - each passage is one entry of Xapian user metadata under
//   passage_key(record id, ordinal), so showing a hit's passage reads that
//   passage only, never the whole document's text; the reader lists a
//   record's passages with passage_prefix().
// Both are written in the indexer's transaction, with the document.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace a6kb {

struct Passage {
    // Where it is, as people cite it, without the document's own name:
    // "preamble", "paragraph 18", "annex, chapter V.D, paragraph 58",
    // "section 5.2 (Applicability)", "page 3". Never empty.
    std::string label;
    // Stable within its record (the same after re-indexing the same text),
    // unique, [a-z0-9-] only: "p18", "annex-p58", "s5-2", "page3-2".
    std::string anchor;
    std::string number;              // the paragraph or section number as printed ("58", "5.2"); may be empty
    std::vector<std::string> path;   // enclosing headings, outermost first; may be empty
    bool heading = false;            // the passage is a heading (shown as one in the reader's contents)
    int page = 0;                    // 1-based page where it starts in a paged format (PDF), else 0
    int last_page = 0;               // page where it ends when it runs over a page break, else 0
    std::string text;                // the passage's text
};

// Metadata key of passage `ordinal` (0-based) of record `record_id`; keys of
// one record sort in passage order and share passage_prefix(record_id).
// Long ids are hashed so that keys stay within Xapian's key length limit.
std::string passage_key(std::string_view record_id, size_t ordinal);
std::string passage_prefix(std::string_view record_id);

// A passage as stored (compact JSON); decode never throws: damaged data
// gives a passage labelled "text" with whatever text could be read.
std::string encode_passage(const Passage& p);
Passage decode_passage(std::string_view stored);

// The passages stored for a record, in order; none if it has none.
std::vector<Passage> load_passages(const Xapian::Database& db, std::string_view record_id);

// The start positions, as stored in the value slot: varint deltas.
std::string encode_starts(const std::vector<unsigned>& starts);
std::vector<unsigned> decode_starts(std::string_view stored);

}  // namespace a6kb
