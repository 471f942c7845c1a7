// SPDX-License-Identifier: Apache-2.0
// Search over an a6kb index: one SearchRequest in, one SearchResult out, the
// same for the JSON API, the web pages and the Atom feed.
//
// Contract and costs:
// - Facet counts are exact: every match is visited (checkatleast = the
//   document count) unless the time limit cuts the match short, in which
//   case `exact` is false. Counts are disjunctive: a facet with a selection
//   is counted by a second match without that facet's filter, so its counts
//   say what ticking another value would add. Cost: one match, plus one per
//   facet with a selection.
// - Multi-valued facets are counted with Xapian's built-in
//   ValueCountMatchSpy on the "a|b" slot and split afterwards, so counting
//   also works on remote shards.
// - A Searcher is not thread-safe; use one per thread. Call refresh() before
//   a request to see the latest committed revision.
#pragma once

#include "core/model/record.h"
#include "core/model/taxonomy.h"
#include "core/search/counting.h"
#include "core/search/facet_table.h"
#include "core/search/judging_table.h"
#include "core/search/passages.h"
#include "core/search/query.h"
#include "core/search/request.h"
#include "core/search/views.h"

#include <xapian.h>

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

namespace a6kb {

struct Hit {
    Record record;        // without page texts
    double score = 0;     // the match's weight, raised by its best passage's evidence in the re-ranked window
    std::string snippet;  // HTML-escaped, matches in <mark>: the best passage's text when it has passages
    int page = 0;         // 1-based page of the snippet for paged formats, else 0
    size_t versions = 1;  // records in its family
    std::vector<std::string> matched;
    // Its best passages, best first (up to SearchRequest::passages); empty
    // for a record without passages (the snippet then comes from its pages).
    std::vector<ShownPassage> passages;
    std::string why;      // "all 4 words in paragraph 58"; empty without passage evidence
};

struct SearchResult {
    std::string query;     // as asked
    std::string parsed;    // the query as run (Xapian's description)
    std::string executed;  // the query text actually run (the correction, when applied)
    size_t total = 0;
    bool exact = true;
    int page = 1;
    int per_page = 10;
    std::vector<Hit> hits;
    std::vector<FacetResult> facets;
    std::optional<std::string> suggestion;
    bool corrected = false;  // the suggestion was applied (a misspelt word, or no hits as typed); `query` is then the original
    std::optional<std::string> original;  // when corrected: the query as typed
    std::vector<VersionAsked> versions;   // versions typed after symbols, with what the index holds
    double took_ms = 0;
};

// Paragraph search (GET /api/v1/passages, the Paragraphs view): every
// passage that speaks to the query (speaks_to), grouped by document.
struct PassageGroup {
    Record record;                       // without page texts
    double score = 0;                    // as a hit's
    std::vector<ShownPassage> passages;  // in text order, at most PASSAGES_PER_DOCUMENT
    size_t total = 0;                    // its passages that speak to the query
};

struct PassageResult {
    std::string query, parsed;
    size_t documents = 0;  // documents with a passage that speaks to the query
    size_t passages = 0;   // such passages in them
    bool exact = true;     // false when more documents matched than were judged (PASSAGE_SCAN)
    int page = 1, per_page = 10;
    std::vector<PassageGroup> groups;
    std::vector<FacetResult> facets;  // of the documents the query matches, as a search's
    double took_ms = 0;
};

// The top of a relevance ranking re-ranked with passage evidence: three
// pages' worth, at least 30 and at most 100 hits. Past it, Xapian's order
// stands, so a document is on one page only.
inline constexpr int RERANK_MIN = 30, RERANK_MAX = 100;
// A hit is re-ranked by rank_score (passages.h), then by the rules below.
// A question that asks for a figure (asks_for_figure: "how much", "by
// when", "deadline") raises the hits whose title or best passage states one
// (states_figure) by this factor, in the re-ranked window only: the answer
// "5 per cent at issuance" above a paragraph that only names the levy.
inline constexpr double FIGURE_BOOST = 0.5;
// In the re-ranked window, the k-th provision of a decision after its best
// one has its score times PROVISION_DAMPING^k (searcher.cc, rerank): the
// rulebook answers, one decision does not fill the page.
inline constexpr double PROVISION_DAMPING = 0.6;
// A query that names a topic rather than asks for a rule (not seeks_answer:
// "share of proceeds", "international registry") has its provisions' scores
// times this, so the glossary, the standards and the decisions lead and the
// rulebook follows; a question or a longer query is answered by provisions.
inline constexpr double PROVISION_TOPIC_DAMPING = 0.35;
// Paragraph search judges the first PASSAGE_SCAN matching documents and
// lists at most PASSAGES_PER_DOCUMENT passages of each.
inline constexpr int PASSAGE_SCAN = 1000;
inline constexpr size_t PASSAGES_PER_DOCUMENT = 20;

// What every searcher of one index revision shares, built once per revision:
// the taxonomy, the completion list and the in-memory facet table.
struct IndexSnapshot {
    struct SuggestEntry {
        std::string key;  // slug form, for prefix matching
        Suggestion s;
        int rank;         // lower first
        std::string date;
    };
    std::string key;  // identifies the revision
    Taxonomy taxonomy;
    std::vector<SuggestEntry> suggest;
    std::shared_ptr<const FacetTable> table;  // null: count from value slots (remote shards)
    std::shared_ptr<const JudgingTable> judging;  // what judging a hit reads besides positions
    std::unordered_set<std::string> keep_spelling;  // words spelling correction leaves alone (core/search/correction.h)
};

// Hands out the snapshot of a database's current revision, building it at
// most once per revision. Thread-safe; one per served index.
class SnapshotCache {
public:
    explicit SnapshotCache(std::optional<Taxonomy> taxonomy = std::nullopt) : taxonomy_(std::move(taxonomy)) {}
    std::shared_ptr<const IndexSnapshot> get(const Xapian::Database& db, const std::string& path);

private:
    std::optional<Taxonomy> taxonomy_;  // instead of the one stored in the index
    std::mutex m_;
    std::shared_ptr<const IndexSnapshot> current_;
};

class Searcher {
public:
    // Opens `db_path` (a database folder or a stub file). The taxonomy is
    // read from the index itself (stored by the indexer) unless one is given.
    // Searchers of one index should share a SnapshotCache (`cache`); without
    // one, the searcher keeps its own.
    explicit Searcher(const std::string& db_path, std::optional<Taxonomy> taxonomy = std::nullopt,
                      SearchLimits limits = {}, std::shared_ptr<SnapshotCache> cache = nullptr);

    // Sees the latest committed revision; returns true if it changed.
    bool refresh();

    // Lets go of its revision's shared data (facet table, completions) while
    // it sits idle, so a pool of idle searchers keeps no old revision alive
    // (under a re-indexing loop, each held a different one); the next
    // refresh() takes the current one.
    void idle() { snapshot_.reset(); }

    SearchResult search(const SearchRequest& request);
    // Paragraph search (passage_search.cc): request.per_page documents a page.
    PassageResult passages(const SearchRequest& request);
    std::optional<DocumentView> document(const std::string& id);
    std::vector<FacetResult> facet_overview();
    std::vector<Suggestion> suggest(const std::string& prefix, size_t limit = 10);
    LabsOverview labs();
    ArrangementsOverview arrangements();
    // Every provision (provisions.cc); their text read from the passages.
    RulebookView rulebook();

    const Taxonomy& taxonomy() const { return snapshot_->taxonomy; }
    const SearchLimits& limits() const { return limits_; }
    Xapian::Database& database() { return db_; }
    size_t documents() const { return db_.get_doccount(); }
    std::string revision() const;
    // Names the revision this searcher sees (changes with every commit).
    const std::string& snapshot_key() const { return snapshot_->key; }

private:
    std::string path_;
    Xapian::Database db_;
    SearchLimits limits_;
    std::shared_ptr<SnapshotCache> cache_;
    std::shared_ptr<const IndexSnapshot> snapshot_;
    bool table_usable_ = true;  // false once the database refused a table spy (remote shards)

    std::optional<Xapian::Document> find(const std::string& id);
    // The rulebook's parts of a document page (provisions.cc).
    void add_provisions(DocumentView& v);
    ProvisionEntry provision_entry(const Xapian::Document& doc, bool with_text);
    std::optional<RecordRef> decision_of(const std::string& symbol);
    RecordRef ref_of(const Xapian::Document& doc);
    const FacetTable* table() const { return table_usable_ ? snapshot_->table.get() : nullptr; }
    const JudgingTable& judging() const { return *snapshot_->judging; }
    FacetCounter counter() const { return FacetCounter(db_, taxonomy(), table(), limits_.time_limit_s); }
    struct Match {
        Xapian::Enquire enquire;
        Xapian::MSet mset;
        std::unique_ptr<TableSpy> spy;  // counted the facets without a selection (local indexes)
    };
    struct HitContext;
    Match match(const ParsedQuery& p, const SearchRequest& r, const Xapian::Query& filter, bool with_spy,
                Xapian::doccount first, Xapian::doccount size);
    // The query run, corrected when it finds nothing; fills res's query fields.
    Match run(ParsedQuery& pq, const SearchRequest& r, SearchResult& res, Xapian::doccount first, Xapian::doccount size);
    Hit hit_of(const Xapian::MSetIterator& it, const JudgedDocument& judged, HitContext& c);
    bool show_passages(Hit& hit, const JudgedDocument& judged, const HitContext& c);
    // Spelling: a misspelt word beside good ones, else a query with no hits
    // (core/search/correction.h); replaces `pq` and `m` when the correction
    // finds something, and says so in `res`.
    void correct(const SearchRequest& r, const Xapian::Query& filter, ParsedQuery& pq, Match& m, SearchResult& res,
                 Xapian::doccount first, Xapian::doccount size);
};

}  // namespace a6kb
