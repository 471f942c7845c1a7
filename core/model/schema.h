// SPDX-License-Identifier: Apache-2.0
// The index schema, declared once. Every term prefix and value slot that the
// indexer writes and searchd reads is spelled here and nowhere else; the table
// is mirrored in docs/schema.md.
//
// No prefix is a prefix of another, so a term list can be walked by prefix.
// Conventions (Xapian's): `Q` is the unique id term, `S` the title, our own
// fields start with `X`. Facet values are written twice: a boolean term
// (prefix + lowercase value) for filtering, and a value slot for counting.
// A multi-valued facet keeps all of a document's values in one slot as the
// sorted combination "a|b|c" (see encode_multi), so Xapian's built-in
// ValueCountMatchSpy can count it and the counts are split afterwards.
#pragma once

#include <xapian.h>

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace a6kb::schema {

inline constexpr Xapian::valueno NO_SLOT = Xapian::BAD_VALUENO;

struct Field {
    std::string_view name;     // the field and, for facets, the taxonomy facet id
    std::string_view prefix;   // term prefix; empty when the field has no terms
    Xapian::valueno slot;      // value slot, or NO_SLOT
    bool facet;                // counted and filterable
    bool multi;                // a document may hold several values
    bool sortable;             // the slot sorts meaningfully (string order)
    bool boolean;              // terms are filter terms (no positions, wdf 0)
    std::string_view about;    // one line for docs/schema.md and --help
};

// Free-text and identity fields.
inline constexpr Field ID{"id", "Q", NO_SLOT, false, false, false, true, "unique record id"};
inline constexpr Field TITLE{"title", "S", NO_SLOT, false, false, false, false, "title words, also indexed unprefixed with extra weight"};
inline constexpr Field SYMBOL{"symbol", "XSY", NO_SLOT, false, true, false, true, "document symbol, canonical and lowercased (ams-iii.d, 3/cma.3)"};
inline constexpr Field FAMILY{"family", "XF", 9, false, false, true, true, "version family: the code shared by all versions of a methodology or standard"};
inline constexpr Field LATEST{"latest", "XN", NO_SLOT, false, false, false, true, "term present (value empty) on the newest version of its family"};
inline constexpr Field CITES{"cites", "XR", NO_SLOT, false, true, false, true, "symbols this record cites, canonical and lowercased"};
inline constexpr Field DECISION{"decision", "XD", NO_SLOT, false, false, false, true, "a provision's decision symbol, canonical and lowercased (3/cma.3)"};
inline constexpr Field REFINES{"refines", "XE", NO_SLOT, false, true, false, true, "record ids of the provisions a provision refines"};
inline constexpr Field SOURCE{"source", "XP", NO_SLOT, false, true, false, true, "source file key (absolute path, or a hash when too long)"};
inline constexpr Field DATE{"date", "", 0, false, false, true, false, "date as YYYYMMDD (partial dates padded with 00)"};
inline constexpr Field VERSION{"version", "", 10, false, false, true, false, "version sort key: each numeric part zero-padded to 6 digits"};
inline constexpr Field PASSAGES{"passages", "", 13, false, false, false, false, "term position where each passage starts (core/model/passage.h encode_starts)"};
inline constexpr Field CARD{"card", "", 12, false, false, false, false, "compact JSON {i,t,s,v,d,y}: id, title, symbol, version, date, type (lists and completions without parsing the data)"};
inline constexpr Field TITLE_WORDS{"title_words", "", 14, false, false, false, false, "the title's length in term positions, decimal: its unprefixed copy stands at positions N+101..2N+100"};
inline constexpr Field BODY_END{"body_end", "", 15, false, false, false, false, "the term position where the last passage ends, decimal (records with passages)"};

// The fields that are not facets (the facets follow).
inline constexpr std::array<const Field*, 15> ALL = {
    &ID, &TITLE, &SYMBOL, &FAMILY, &LATEST, &CITES, &DECISION, &REFINES, &SOURCE, &DATE, &VERSION, &PASSAGES, &CARD, &TITLE_WORDS, &BODY_END};


// Facets: the one list. Every facet of the index is an entry here or a
// facet of the taxonomy (corpus/taxonomy.xml); a taxonomy facet without an
// entry gets a derived boolean prefix (derived_prefix) and no value slot.
// An entry says how the index holds the facet; the taxonomy gives labels
// and concepts. Adding a facet is an entry in the taxonomy, plus a line
// here when it needs a value slot (counting on remote shards) or a
// property below.
enum class Values {
    concepts,      // concept ids of a taxonomy facet (values_of), set by catalogs, front matter, cues
    year_of_date,  // derived: the year of the record's date, never stored in Record::facets
};
enum class Display {
    checkboxes,  // counted, a sidebar group of check boxes, a chip per selected value
    range,       // counted; the sidebar has a from-to range (parameters ID_from, ID_to)
    hidden,      // a filter only: not counted, not in the sidebar (a hidden form field keeps it)
};

struct FacetField {
    std::string id;              // facet id: URL parameter, catalog field, key of Record::facets
    std::string prefix;          // boolean term prefix
    Xapian::valueno slot = NO_SLOT;
    bool multi = true;           // a record may hold several values
    Values values = Values::concepts;
    std::string values_of;       // the taxonomy facet whose concepts are the values (id when empty)
    Display display = Display::checkboxes;
    std::string label;           // when the taxonomy has no facet of this id
    std::string plural;          // row label on a document page; the label when empty
    bool numbered = false;       // labels shown after their id ("13. Waste handling")
    bool open = false;           // its sidebar group starts open
    bool text = false;           // concept labels and acronyms are indexed as text of the record
    std::string api_key;         // the hit JSON key it also has (besides "facets"); empty: none
    std::string about;           // one line for docs/schema.md

    const std::string& concepts_facet() const { return values_of.empty() ? id : values_of; }
    bool counted() const { return display != Display::hidden; }
};

// The declared facets, in document-page order.
const std::vector<FacetField>& declared_facets();
// The declared facet with this id, or nullptr.
const FacetField* facet(std::string_view id);
// The prefix of a taxonomy facet without an entry: "XZ" + uppercased id +
// ":" ("region" -> "XZREGION:"). No declared prefix starts with "XZ" and the
// colon ends every derived one, so no prefix is a prefix of another.
std::string derived_prefix(std::string_view facet_id);
// A boolean term for `value` in a facet: prefix + lowercased value.
std::string term(const FacetField& field, std::string_view value);

// Names a facet may not take: the record's other fields (catalog elements)
// and the search parameters.
bool reserved_name(std::string_view id);
inline constexpr std::array<std::string_view, 14> RECORD_FIELDS = {
    "id", "title", "symbol", "version", "family", "date", "url", "summary", "cites", "text", "keywords",
    "citation", "decision", "refines"};

// A boolean term for `value` in `field`: prefix + lowercased value, hashed
// when it would pass Xapian's term length limit.
std::string term(const Field& field, std::string_view value);
// The same without lowercasing, for case-sensitive values (file paths).
std::string exact_term(const Field& field, std::string_view value);

// Multi-valued slot encoding: sorted, de-duplicated, joined by '|'.
std::string encode_multi(std::vector<std::string> values);
std::vector<std::string> split_multi(std::string_view encoded);

// Metadata keys in the database (Xapian user metadata).
inline constexpr std::string_view META_SCHEMA_VERSION = "a6kb:schema";
inline constexpr std::string_view META_FILE_PREFIX = "a6kb:file:";     // + source key -> JSON {hash, records|skip}
inline constexpr std::string_view META_INPUTS = "a6kb:inputs";          // hash of taxonomy + catalogs
inline constexpr std::string_view META_VARIANTS = "a6kb:variants";      // variants.txt as the synonyms were last written from
inline constexpr std::string_view META_TAXONOMY = "a6kb:taxonomy";      // the taxonomy path used
inline constexpr std::string_view META_PROGRAMMES = "a6kb:programmes";  // programmes.xml the records were read with
inline constexpr int SCHEMA_VERSION = 6;  // 5: passages (metadata, slot 13); no page texts in the data; 6: title length (slot 14), body end (slot 15), provisions (XD, XE)

}  // namespace a6kb::schema
