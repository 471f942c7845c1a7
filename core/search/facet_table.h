// SPDX-License-Identifier: Apache-2.0
// Facet values of every document, held in memory as one 64-bit mask per
// facet per document id, for counting facets without reading value slots
// (as Sphinx keeps its attributes). Built from the facet filter terms' posting
// lists once per index revision; shared read-only by all searchers.
//
// Only for a local database: a match spy that looks documents up by id
// cannot run on remote shards, which use Xapian's built-in
// ValueCountMatchSpy instead (Searcher chooses).
#pragma once

#include "core/model/schema.h"

#include <xapian.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace a6kb {

class FacetTable {
public:
    struct Column {
        std::string id;                              // facet id
        std::string prefix;
        std::vector<std::string> values;             // bit i <-> values[i]
        std::unordered_map<std::string, int> index;  // value -> bit
    };

    // nullptr when a facet has more than 64 distinct values (then counting
    // falls back to value slots). Cost: one pass over the facet terms'
    // posting lists; memory 8 bytes x facets x last docid.
    // One column per facet of `fields` (Taxonomy::fields).
    static std::shared_ptr<const FacetTable> build(const Xapian::Database& db, const std::vector<schema::FacetField>& fields);

    const std::vector<Column>& columns() const { return columns_; }
    int column_of(std::string_view facet) const;
    uint64_t mask(Xapian::docid did, size_t column) const {
        size_t at = static_cast<size_t>(did) * columns_.size() + column;
        return at < bits_.size() ? bits_[at] : 0;
    }
    // Bits of the given values in a column (unknown values have none).
    uint64_t bits_of(size_t column, const std::vector<std::string>& values) const;

private:
    std::vector<Column> columns_;
    std::vector<uint64_t> bits_;  // docid * columns + column
};

// Counts facet values of matching documents from a FacetTable.
//
// Plain mode: every document seen counts for the given columns.
// Disjunctive mode: `filters` gives, per column with a selection, the mask a
// document must intersect to pass; a document passing all counts for every
// filtered column, one failing exactly one filter counts for that column
// only — what each facet's counts would be with its own selection removed.
class TableSpy : public Xapian::MatchSpy {
public:
    TableSpy(const FacetTable& table, std::vector<size_t> columns);
    TableSpy(const FacetTable& table, std::map<size_t, uint64_t> filters);

    void operator()(const Xapian::Document& doc, double weight) override;
    // counts[column][bit]
    const std::vector<std::vector<size_t>>& counts() const { return counts_; }

private:
    const FacetTable& table_;
    std::vector<size_t> columns_;
    std::vector<std::pair<size_t, uint64_t>> filters_;
    std::vector<std::vector<size_t>> counts_;
    void add(Xapian::docid did, size_t column);
};

}  // namespace a6kb
