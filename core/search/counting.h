// SPDX-License-Identifier: Apache-2.0
// Facet counts of a search, by one of two strategies:
// - the in-memory FacetTable and its TableSpy (local indexes): the facets
//   without a selection are counted during the main match itself (the
//   searcher adds the spy plain_columns() asks for); every facet with a
//   selection in one more match without the facet filters;
// - value slots and Xapian's ValueCountMatchSpy (remote shards, or a table
//   that could not be built): one match for the facets without a
//   selection, one per facet with one. Facets without a value slot (taxonomy
//   facets with a derived prefix) have no counts this way: their values are
//   listed with count 0.
// Counts are disjunctive: a facet's counts ignore that facet's own selection.
#pragma once

#include "core/search/facet_table.h"
#include "core/search/request.h"

#include <xapian.h>

#include <map>
#include <string>
#include <vector>

namespace a6kb {

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

class FacetCounter {
public:
    // `table` null: count from value slots.
    FacetCounter(const Xapian::Database& db, const Taxonomy& taxonomy, const FacetTable* table, double time_limit_s)
        : db_(db), taxonomy_(taxonomy), table_(table), time_limit_s_(time_limit_s) {}

    // The table columns a spy on the main match counts: the counted facets
    // without a selection. Empty without a table.
    std::vector<size_t> plain_columns(const SearchRequest& r) const;

    // Counts of every counted facet (Taxonomy::fields, not hidden), in that
    // order. `spy` (if any) counted plain_columns() during the main match of
    // `base`; the rest is counted here. `exact` turns false when a time limit
    // cut a counting match short.
    // `every_concept`: each facet lists all its concepts, counts of 0 too
    // (the overview); else the values with a count and the ticked ones.
    std::vector<FacetResult> count(const Xapian::Query& base, const SearchRequest& r, const TableSpy* spy, bool& exact,
                                   bool every_concept = false) const;

private:
    using Counts = std::map<std::string, std::map<std::string, size_t>>;
    const Xapian::Database& db_;
    const Taxonomy& taxonomy_;
    const FacetTable* table_;
    double time_limit_s_;

    std::vector<const schema::FacetField*> counted() const;
    Xapian::Enquire counting_enquire(const Xapian::Query& q) const;
    void take(const TableSpy& spy, Counts& counts) const;
    FacetTable::Mask selection_mask(const schema::FacetField& f, size_t column, const SearchRequest& r) const;
    void count_with_table(const Xapian::Query& base, const SearchRequest& r, const TableSpy* spy, Counts& counts,
                          bool& exact) const;
    void count_slots(const Xapian::Query& q, const std::vector<const schema::FacetField*>& fields, Counts& counts,
                     bool& exact) const;
    void count_with_slots(const Xapian::Query& base, const SearchRequest& r, Counts& counts, bool& exact) const;
    std::vector<FacetResult> results(const Counts& counts, const SearchRequest& r, bool every_concept) const;
};

}  // namespace a6kb
