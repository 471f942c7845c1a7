// SPDX-License-Identifier: Apache-2.0
// The passage that answers: for a hit, which of its passages (core/model/
// passage.h) best matches the whole query, and that passage as shown —
// highlighted, trimmed around the matches, with its location and citation.
//
// How a passage is judged (score_passages): the query's positions in the
// document, mapped to passages through the start positions of value slot
// schema::PASSAGES, no text read. Per passage: the share of the query's
// words it holds, weighted by idf (the dominant part: all words inside one
// paragraph beat more occurrences of one word, and beat words scattered over
// several), how tightly they sit (the smallest window holding them, words
// side by side as in a phrase), a little for repetition; very short passages
// (a heading that repeats the query) lose a little. Only the chosen passages
// are then read (one metadata entry each).
//
// Cost: one position list per query word form per document judged; the
// forms of a stemmed word are found once per query (terms of the database
// sharing its stem, QueryWords::build).
#pragma once

#include "core/model/passage.h"
#include "core/model/record.h"
#include "core/model/taxonomy.h"
#include "core/search/judging_table.h"
#include "core/search/query.h"

#include <xapian.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace a6kb {

// One word of the query, as passages are searched for it.
struct QueryWord {
    std::string shown;  // as typed, lowercased
    std::string stem;   // its English stem (matches in highlighting)
    // Ways the text may write it, each a sequence of index terms that must
    // stand side by side: the forms of the database sharing its stem, one
    // term each, and the expansion of an acronym ("designated national authority").
    std::vector<std::vector<std::string>> spellings;
    double weight = 1;  // idf in the database
};

struct QueryWords {
    std::vector<QueryWord> words;  // at most 64 (the held-words mask)
    double total_weight() const;
    // The query's words (ParsedQuery::text without stop words or field
    // terms), their forms in `db` and the acronyms of `taxonomy` spelled out.
    static QueryWords build(const ParsedQuery& pq, const Xapian::Database& db, const Taxonomy& taxonomy);
};

// What one passage holds of the query.
struct PassageEvidence {
    size_t ordinal = 0;
    uint64_t held = 0;        // bit i: query word i occurs in it
    unsigned occurrences = 0;
    unsigned length = 0;      // term positions it spans
    unsigned window = 0;      // smallest span of positions holding every word it holds
    unsigned adjacent = 0;    // neighbouring occurrences of two different words (gap of at most 2)
    double coverage = 0;      // weight of the words held / weight of all, 0..1
    double score = 0;

    size_t held_count() const;
};

// Where each query word occurs in one document: positions[i] sorted, for word i.
using WordPositions = std::vector<std::vector<unsigned>>;
WordPositions word_positions(const Xapian::Database& db, Xapian::docid did, const QueryWords& q);
// The same for many documents at once (out[k] for dids[k]), read term by
// term in docid order: what judging a result list should use.
std::vector<WordPositions> word_positions(const Xapian::Database& db, const std::vector<Xapian::docid>& dids, const QueryWords& q);
// The same for every hit of `mset`, in its order (empty lists when `q` has no words).
std::vector<WordPositions> word_positions(const Xapian::Database& db, const Xapian::MSet& mset, const QueryWords& q);

// The evidence of every passage holding at least one word, best first (ties:
// text order). `starts` are the passages' start positions (decode_starts);
// positions before the first start (title, symbols, summary) are not in
// any passage. `end` bounds the last passage (0: unknown, it runs on).
std::vector<PassageEvidence> score_passages(const std::vector<unsigned>& starts, const WordPositions& positions,
                                            const QueryWords& q, unsigned end = 0);
// The evidence of a span of positions taken as one passage (a record
// without passages; the title part), ordinal 0.
PassageEvidence score_span(const WordPositions& positions, const QueryWords& q, unsigned from, unsigned to);

// How much a document's best passage answers the query, 0..1: used to
// re-rank the top of a result list (searcher.cc).
double answer_strength(const PassageEvidence& e, size_t words);

// A passage counts as speaking to the query (the Paragraphs view) when it
// holds every word of a query of up to two words, all but one of a longer one.
bool speaks_to(const PassageEvidence& e, size_t words);

// The passage's text as HTML: escaped, the query's words (and other forms of
// their stems) in <mark>, trimmed to about `max_bytes` around the part that
// holds the most different words, with an ellipsis where cut. One stemmer
// per call (Snowball stemmers are not thread-safe).
std::string highlight(std::string_view text, const QueryWords& q, size_t max_bytes = 480);


// "all 4 words in paragraph 58", "3 of 4 words in annex, paragraph 2",
// "“adaptation” in section 5.2 (Applicability)".
std::string why_matched(const PassageEvidence& e, const QueryWords& q, const std::string& label);

// A document judged for the query: its passages' evidence, best first, and
// how strongly its best part (a passage, or the title and summary before
// the first) answers. A record without passages is judged as one span; a
// query without words (a symbol alone, browsing) reads only the starts.
// How well the title names what the query asks: `held`, the idf-weighted
// share of the query's words the title holds (0..1), and `score`, that share
// times the share of the title's positions that the query's words (and
// acronym expansions) cover. "CDM" matches "Glossary: Clean Development
// Mechanism (CDM)" at 0.8 and "Guidance relating to the clean development
// mechanism" at 0.43: of two records that both speak of it, the one that is
// about it, and only it, comes first.
struct TitleMatch {
    double held = 0;
    double score = 0;
};

struct JudgedDocument {
    std::vector<unsigned> starts;           // decode_starts of its slot; empty: no passages
    std::vector<PassageEvidence> passages;  // best first
    double strength = 0;                    // answer_strength of its best part
    TitleMatch title;
};

// `title_words`: the title's length (value slot schema::TITLE_WORDS; 0:
// unknown, no match).
TitleMatch title_match(const Xapian::Database& db, Xapian::docid did, const WordPositions& positions, const QueryWords& q,
                       unsigned title_words);

// The re-ranking score of a judged hit (searcher.cc, passage_search.cc):
// weight x (1 + PASSAGE_BOOST x strength) x (1 + TITLE_BOOST x title score).
// A query that asks for a rule (`answer`: seeks_answer, query.h, "how is the
// vintage of an ITMO determined") is answered by a passage: there a title
// counts only when it holds at least TITLE_HELD_FOR_ANSWER of the query, so a
// glossary entry named by one of its words does not take the place of the rule.
inline constexpr double PASSAGE_BOOST = 0.5;
// TITLE_BOOST measured on the relevance suites (shipped, realdocs, passages):
// 0.5 left realdocs' acronym class at 0.875 success@3, 1.0 and 1.5 lifted every
// class to 0.917 or more, 2.0 cost the passages part an answer at rank 1.
inline constexpr double TITLE_BOOST = 1.0;
inline constexpr double TITLE_HELD_FOR_ANSWER = 0.5;
inline double rank_score(double weight, const JudgedDocument& j, bool answer = false) {
    const double title = answer && j.title.held < TITLE_HELD_FOR_ANSWER ? 0 : j.title.score;
    return weight * (1 + PASSAGE_BOOST * j.strength) * (1 + TITLE_BOOST * title);
}
// `did` is the document's id in `db` as the match gives it (*MSetIterator):
// over several databases Document::get_docid() names it in its own shard.
// `positions`: the document's, from the many-documents word_positions (null: read here).
JudgedDocument judge(const Xapian::Database& db, Xapian::docid did, const JudgingValues& values, const QueryWords& q,
                     const WordPositions* positions = nullptr);
inline JudgedDocument judge(const Xapian::Database& db, Xapian::docid did, const Xapian::Document& doc, const QueryWords& q) {
    return judge(db, did, JudgingValues::of(doc), q);
}

// A passage as a hit shows it.
struct ShownPassage {
    size_t ordinal = 0;
    std::string text;      // highlighted HTML
    std::string label;
    std::string anchor;
    int page = 0;
    std::string citation;
    std::string link;      // /doc/{id}#anchor
    std::string file;      // /doc/{id}/file#page=N for a PDF passage with a page, else empty
    double score = 0;
    size_t held = 0;       // query words it holds
};

// Reads passage `e.ordinal` of `r` (one metadata entry) and shapes it;
// a missing entry gives nullopt-like empty text and the label "text".
ShownPassage show_passage(const Xapian::Database& db, const Record& r, const PassageEvidence& e, const QueryWords& q,
                          size_t max_bytes = 480);

}  // namespace a6kb
