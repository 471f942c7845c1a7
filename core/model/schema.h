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
inline constexpr Field SOURCE{"source", "XP", NO_SLOT, false, true, false, true, "source file key (absolute path, or a hash when too long)"};
inline constexpr Field DATE{"date", "", 0, false, false, true, false, "date as YYYYMMDD (partial dates padded with 00)"};
inline constexpr Field VERSION{"version", "", 10, false, false, true, false, "version sort key: each numeric part zero-padded to 6 digits"};
inline constexpr Field CARD{"card", "", 12, false, false, false, false, "compact JSON {i,t,s,v,d,y}: id, title, symbol, version, date, type (lists and completions without parsing the data)"};

// Facets; their names are the taxonomy's facet ids (plus year, from the date).
inline constexpr Field TYPE{"type", "XK", 1, true, false, true, true, "document type"};
inline constexpr Field MECHANISM{"mechanism", "XM", 2, true, true, false, true, "mechanism (article-6.2, article-6.4, article-6.8, cdm)"};
inline constexpr Field GROUP{"group", "XG", 3, true, true, false, true, "stakeholder group"};
inline constexpr Field TOPIC{"topic", "XC", 4, true, true, false, true, "topic"};
inline constexpr Field SCOPE{"scope", "XSC", 5, true, true, false, true, "CDM sectoral scope (1-15)"};
inline constexpr Field STATUS{"status", "XST", 6, true, false, true, true, "status (adopted, draft, ...)"};
inline constexpr Field LANG{"lang", "XL", 7, true, false, true, true, "language code (en, fr, ...)"};
inline constexpr Field YEAR{"year", "XY", 8, true, false, true, true, "year of the date"};
// Lab questions: the stakeholder groups that asked (values are group concepts).
inline constexpr Field ASKED_BY{"asked_by", "XQ", 11, true, true, false, true, "stakeholder groups that asked a lab question"};

inline constexpr std::array<const Field*, 19> ALL = {
    &ID, &TITLE, &SYMBOL, &FAMILY, &LATEST, &CITES, &SOURCE, &DATE, &VERSION, &CARD,
    &TYPE, &MECHANISM, &GROUP, &TOPIC, &SCOPE, &STATUS, &LANG, &YEAR, &ASKED_BY};

// Filterable fields. All but year and asked_by are taxonomy facets of the same id.
inline constexpr std::array<const Field*, 9> FACETS = {
    &TYPE, &MECHANISM, &GROUP, &TOPIC, &SCOPE, &STATUS, &LANG, &YEAR, &ASKED_BY};

// The facet field with this name, or nullptr.
const Field* facet(std::string_view name);

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
inline constexpr std::string_view META_TAXONOMY = "a6kb:taxonomy";      // the taxonomy path used
inline constexpr int SCHEMA_VERSION = 3;

}  // namespace a6kb::schema
