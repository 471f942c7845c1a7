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

#include "core/search/facet_table.h"
#include "core/model/record.h"
#include "core/model/taxonomy.h"

#include <xapian.h>

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace a6kb {

using Params = std::vector<std::pair<std::string, std::string>>;

struct SearchLimits {
    size_t max_query_bytes = 1000;
    int max_per_page = 100;
    int max_depth = 10000;          // page * per_page
    double time_limit_s = 2.0;      // per match; 0 = none
};

struct SearchRequest {
    enum class Sort { relevance, newest, oldest };
    std::string q;
    std::map<std::string, std::vector<std::string>> filters;  // facet id -> concept ids (OR within, AND across)
    std::optional<int> year_from, year_to;
    Sort sort = Sort::relevance;
    int page = 1;
    int per_page = 10;
    bool latest_only = true;  // versions=latest

    // The request as URL parameters (for links: next page, feed, removing a filter).
    Params to_params() const;
};

std::string_view to_string(SearchRequest::Sort sort);

// Parses URL parameters. Throws UserError with code "bad_parameter" (naming
// the parameter and the value) or "query_too_long". Facet values may be
// concept ids, labels or acronyms; they are stored as ids. `allowed_extra`
// lists parameter names that are accepted and ignored.
SearchRequest parse_search_request(const Params& params, const Taxonomy& taxonomy, const SearchLimits& limits = {},
                                   const std::vector<std::string>& allowed_extra = {});

// The completion endpoint's parameters: q (the same checks as a search's)
// and limit (1 to 50). Throws UserError as parse_search_request does.
struct SuggestRequest {
    std::string q;
    size_t limit = 10;
};
SuggestRequest parse_suggest_request(const Params& params, const SearchLimits& limits = {});

struct FacetCount {
    std::string value;
    std::string label;
    size_t count = 0;
    bool selected = false;
};

struct FacetResult {
    std::string id;
    std::string label;
    std::vector<FacetCount> values;
};

struct Hit {
    Record record;        // without page texts
    double score = 0;
    std::string snippet;  // HTML-escaped, matches in <mark>
    int page = 0;         // 1-based page of the snippet for paged formats, else 0
    size_t versions = 1;  // records in its family
    std::vector<std::string> matched;
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
    bool corrected = false;  // the suggestion was applied because the query had no hits
    double took_ms = 0;
};

struct RecordRef {
    std::string id;
    std::string title;
    std::string symbol;
    std::string version;
    std::string date;
    std::string type;
    bool latest = true;
};

struct DocumentView {
    Record record;  // without page texts
    size_t pages = 0;
    std::vector<RecordRef> versions;                                 // newest first
    std::vector<std::pair<std::string, std::optional<RecordRef>>> cites;  // symbol, the record if indexed
    std::vector<RecordRef> cited_by;
    std::vector<RecordRef> similar;
};

// The implementation labs: each lab (a lab-session record with a symbol) and
// the records that cite it, by kind; and who asked whom across all lab questions.
struct LabView {
    Record lab;
    std::vector<Record> roundtables;  // lab-session parts
    std::vector<Record> questions;    // lab-question
    std::vector<Record> plans;        // expected outcomes and other planning notes (concept-note)
    std::vector<Record> outcomes;     // lab-outcome
    std::vector<Record> pledges;      // pledge
};

struct LabsOverview {
    std::vector<LabView> labs;                  // newest first
    std::vector<std::string> groups;            // group concept ids, taxonomy order
    std::vector<std::vector<size_t>> asked;     // asked[asker][addressed]: lab questions
};

struct Suggestion {
    std::string text;   // what to put in the search box
    std::string kind;   // symbol | concept | title
    std::string id;     // record id, or facet:concept for concepts
    std::string label;  // for display
};

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
    std::optional<DocumentView> document(const std::string& id);
    std::vector<FacetResult> facet_overview();
    std::vector<Suggestion> suggest(const std::string& prefix, size_t limit = 10);
    LabsOverview labs();

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
    RecordRef ref_of(const Xapian::Document& doc);
    const FacetTable* table() const { return table_usable_ ? snapshot_->table.get() : nullptr; }
    // Facet counts: `spy` (if any) already counted the unselected facets
    // during the main match; the rest are counted here.
    std::vector<FacetResult> count(const Xapian::Query& base, const SearchRequest& r, const TableSpy* spy, bool& exact);
    std::vector<FacetResult> results_from(const std::map<std::string, std::map<std::string, size_t>>& counts,
                                          const SearchRequest& r) const;
};

}  // namespace a6kb
