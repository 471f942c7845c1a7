// SPDX-License-Identifier: Apache-2.0
// From what a person typed to a Xapian::Query.
//
// - Symbols are found first, in any spelling people use ("AMS III D",
//   "ams-iii.d", "III.D", "3/cma.3", "tool 7", symbol:TOOL07) and match the
//   record with that symbol with a fixed weight above any text score, so
//   they rank first; a symbol inside a longer query still counts.
// - A version typed after a symbol (core/search/versions.h) gives the records
//   of that version a weight above the symbol's (VERSION_WEIGHT).
// - The rest goes through Xapian's QueryParser: English stemming, phrases,
//   AND/OR/NOT, +/-, title: and field prefixes (type:, group:...), synonyms
//   from the index (the taxonomy's labels and acronyms), spelling correction.
//   Words are ANDed by default. A question (a question word first, or a '?'
//   last) drops the filler around its key terms too ("how many", "does",
//   "tell me") and matches any of its key terms (ranked by how many and how
//   rare), so its key terms decide the ranking.
// - A query the parser refuses (unbalanced quotes, dangling operators) is
//   retried as plain words: it never fails.
#pragma once

#include "core/model/programmes.h"
#include "core/model/schema.h"
#include "core/search/versions.h"

#include <xapian.h>

#include <map>
#include <string>
#include <vector>

namespace a6kb {

class Taxonomy;

struct ParsedQuery {
    Xapian::Query query;                          // match_all() for an empty query
    bool empty = true;                            // nothing to match on: browse
    std::vector<std::string> symbols;             // canonical symbols recognised
    std::string text;                             // the part that went to the parser
    std::string corrected;                        // with Spelling::suggest: the whole query with spelling corrected, or empty
    bool degraded = false;                        // the parser refused the syntax; plain words were used
    std::map<std::string, std::string> display;   // index term -> what the user typed
    std::vector<VersionAsked> versions;           // symbols typed with a version ("AMS-III.D v13")
};

enum class DefaultOp { all_words, any_word };

// Whether to look for a spelling correction: it costs a quarter of a
// typical search, so the searcher asks only when the query found nothing.
enum class Spelling { skip, suggest };

// `db` gives spelling and synonym data; `facets` the field prefixes
// (type:, group:, ...; Taxonomy::fields, or the schema's declared facets when null);
// `programmes` the symbol patterns (Taxonomy::programmes, or the shipped ones when null).
ParsedQuery build_query(const std::string& q, const Xapian::Database& db, DefaultOp op = DefaultOp::all_words,
                        Spelling spelling = Spelling::skip, const std::vector<schema::FacetField>* facets = nullptr,
                        const Programmes* programmes = nullptr);

// The query text with the phrases and compounds of the index's spelling
// variants spelled out for the QueryParser, which expands synonyms of single
// words (and of runs of words) but none inside a quoted phrase:
// "program of activities" -> ("program of activities" OR "programme of
// activities"); cookstove -> (cookstove OR "cook stove"). Cost: a synonym
// lookup per word of four letters or more, and per run of up to three words
// in a phrase.
std::string with_variants(const std::string& q, const Xapian::Database& db);

// Whether a query asks for a figure: an amount, a share, a length of time,
// a date or a deadline ("how much of the share of proceeds goes to
// adaptation", "by when must the DNA approve", "deadline for annual
// information", "when is the report due"); a bare "when is" does not
// ("when is a first transfer" asks which event). The searcher then prefers hits that state one.
bool asks_for_figure(const std::string& q);

// Whether a query asks for a rule rather than names a topic: a request for
// a figure (asks_for_figure), a question other than a definition or a place
// ("what is ...", "where ..."), or more than four words besides stop words
// ("corresponding adjustment method for a single-year NDC"). The searcher lets the rulebook's provisions answer such queries
// and puts the glossary, standards and decisions first for a topic.
bool seeks_answer(const std::string& q);

// A query matching every document, new on each call. Never copy
// Xapian::Query::MatchAll instead: it is one object for the whole process,
// and Xapian's reference counts are not atomic, so searchers on several
// threads copying it at once can free it under each other.
Xapian::Query match_all();

// The fixed weight a symbol match adds (above any BM25 text score here).
inline constexpr double SYMBOL_WEIGHT = 100.0;
// And the asked version of a symbol typed with one, on top: it leads its family.
inline constexpr double VERSION_WEIGHT = 2 * SYMBOL_WEIGHT;

}  // namespace a6kb
