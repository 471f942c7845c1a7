// SPDX-License-Identifier: Apache-2.0
// Facet values of every document, held in memory as a bit mask per facet
// per document id (one 64-bit word per 64 values the facet has in the index:
// one word for most facets, four for 197 countries), for counting facets without reading value slots
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
        size_t offset = 0;                           // first word of the column in a document's row
        size_t words = 1;                            // 64-bit words of the column
    };
    using Mask = std::vector<uint64_t>;              // one column's bits, `words` long

    // Cost: one pass over the facet terms' posting lists; memory 8 bytes x
    // words of all columns x last docid.
    // One column per facet of `fields` (Taxonomy::fields).
    static std::shared_ptr<const FacetTable> build(const Xapian::Database& db, const std::vector<schema::FacetField>& fields);

    const std::vector<Column>& columns() const { return columns_; }
    int column_of(std::string_view facet) const;
    // A document's words, all columns (all zero for a document the table does not know).
    const uint64_t* row(Xapian::docid did) const {
        size_t at = static_cast<size_t>(did) * stride_;
        return at + stride_ <= bits_.size() ? bits_.data() + at : zeros_.data();
    }
    // The column's words of a document.
    const uint64_t* row(Xapian::docid did, size_t column) const { return row(did) + columns_[column].offset; }
    // Whether a document has any of the bits of `mask` in the column.
    bool intersects(Xapian::docid did, size_t column, const Mask& mask) const;
    // Bits of the given values in a column (unknown values have none).
    Mask bits_of(size_t column, const std::vector<std::string>& values) const;
    // A column's mask with no bits set.
    Mask empty_mask(size_t column) const { return Mask(columns_[column].words, 0); }

private:
    std::vector<Column> columns_;
    size_t stride_ = 0;            // words per document, all columns
    std::vector<uint64_t> bits_;   // docid * stride + column offset + word
    std::vector<uint64_t> zeros_;  // a row of a document the table does not know
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
    TableSpy(const FacetTable& table, std::map<size_t, FacetTable::Mask> filters);

    void operator()(const Xapian::Document& doc, double weight) override;
    // counts[column][bit]
    const std::vector<std::vector<size_t>>& counts() const { return counts_; }

private:
    const FacetTable& table_;
    std::vector<size_t> columns_;  // plain mode: those with values in the index (an empty column counts nothing)
    std::vector<std::pair<size_t, FacetTable::Mask>> filters_;
    std::vector<std::vector<size_t>> counts_;
    void add(const uint64_t* row, size_t column);
};

}  // namespace a6kb
