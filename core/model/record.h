// SPDX-License-Identifier: Apache-2.0
// Record: one searchable item of the knowledge base (a decision, a version of
// a methodology, a standard, a glossary entry, a lab question...), whatever
// file or catalog entry it came from.
#pragma once

#include "core/model/passage.h"

#include <nlohmann/json_fwd.hpp>
#include <xapian.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace a6kb {

class Taxonomy;
namespace schema {
struct FacetField;
}

using FacetValues = std::map<std::string, std::vector<std::string>, std::less<>>;

struct Record {
    std::string id;                       // unique, stable: slug of symbol+version, or of the source path
    std::string title;
    std::vector<std::string> symbols;     // canonical; the first is the primary symbol
    std::string version;                  // normalized ("21.0"), may be empty
    std::string family;                   // shared by every version of the same code; may be empty
    // Facet values: facet id (Taxonomy::fields) -> concept ids, in the order
    // found; a single-valued facet holds one. No empty lists are kept.
    // Derived facets (the year) are not here: they come from other fields.
    FacetValues facets;
    std::string date;                     // ISO: YYYY-MM-DD, YYYY-MM or YYYY
    std::string url;                      // official address
    std::vector<std::string> sources;     // where it came from, relative to the corpus root given; first is the main one
    std::vector<std::string> pages;       // text per page (one element for formats without pages)
    std::vector<unsigned> page_pos;       // index term position where each page starts (set when indexed)
    std::vector<std::string> headings;    // section headings, indexed with extra weight
    // The text as passages that know their place (core/model/passage.h),
    // cut by the indexer from the pages; stored as metadata, not in the data.
    std::vector<Passage> passages;
    std::string summary;
    std::vector<std::string> references;  // canonical symbols cited by the text
    // Provisions (type "provision", core/model/provision.h): the paragraph
    // told, the decision it belongs to, and the provisions it refines.
    std::string citation;                 // "decision 3/CMA.3, annex, paragraph 67(a)"; empty for other records
    std::string decision;                 // canonical symbol of the decision, "3/CMA.3"
    std::vector<std::string> refines;     // record ids of the provisions this one refines or changes
    std::map<std::string, int> aliases;   // acronyms of concepts the text spells out -> occurrences
    std::string media_type;               // of the main source, or "catalog"
    bool latest = true;                   // newest version in its family (set by the indexer)

    std::string year() const { return date.size() >= 4 ? date.substr(0, 4) : std::string(); }

    const std::vector<std::string>& values(std::string_view facet) const;
    std::string first(std::string_view facet) const;  // the first value, or empty
    bool has(std::string_view facet, std::string_view value) const;
    void set(const std::string& facet, std::vector<std::string> values);  // empty: removes the facet
    void set_one(const std::string& facet, const std::string& value) { set(facet, {value}); }
    void add(const std::string& facet, const std::string& value);         // once, at the end
};

nlohmann::json to_json(const Record& r, bool with_text = true);
Record record_from_json(const nlohmann::json& j);

// Key terms naming the files a record came from (schema::SOURCE terms).
std::vector<std::string> source_keys_of(const Xapian::Document& doc);

// Builds the Xapian document for a record: free text with positions (title
// and symbols weighted over body), boolean facet terms, value slots, and the
// record as JSON in the document data. `source_keys` are the SOURCE terms.
// `tg` must already have its stemmer set; it needs no database, so documents
// can be built on any thread (spelling data comes from spelling_words).
Xapian::Document to_document(const Record& r, const std::vector<std::string>& source_keys,
                             Xapian::TermGenerator& tg, const Taxonomy* taxonomy);

// The words a record offers the spelling corrector, each with how often it
// occurs: from the title, symbols, headings, summary, first page and concept
// labels, where the words people search for are (every page would cost
// indexing time for little gain). The indexer adds them to the database.
using SpellingWords = std::vector<std::pair<std::string, Xapian::termcount>>;
SpellingWords spelling_words(const Record& r, const Taxonomy* taxonomy);

Record record_from_document(const Xapian::Document& doc);

// A record's values of one facet: stored ones, or derived (the year of the date).
std::vector<std::string> values_of(const Record& r, const schema::FacetField& field);

// The document data: the record's fields as JSON, a NUL byte, then the page
// texts separated by form feeds (extracted text never holds one), so the
// fields are read without parsing the text. Data written before this layout
// (JSON with "pages") is still read.
// A record with passages keeps no page text in the data: its pages are
// rebuilt from its passages by load_pages.
std::string encode_data(const Record& r);
Record decode_data(const std::string& data, bool with_pages = true);

// Reads `r`'s stored passages into r.passages and rebuilds r.pages from them
// (each page's passages, a blank line between two); leaves `r` as it is
// when it has none stored (data written before passages holds its pages).
void load_pages(const Xapian::Database& db, Record& r);

// The same for a search hit, reading only what a snippet needs: the first
// passage and the (at most 3) passages where `words` occur most, found
// from their positions in `doc` and its passage starts; the other pages'
// text is left empty. r.passages is not filled.
void load_pages_matching(const Xapian::Database& db, Record& r, const Xapian::Document& doc,
                         const std::vector<std::string>& words);

}  // namespace a6kb
