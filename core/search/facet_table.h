// SPDX-License-Identifier: Apache-2.0
// Facet values of every document, held in memory as a bit mask per facet
// per document id, for counting facets without reading value slots (as
// Sphinx keeps its attributes). Built from the facet filter terms' posting
// lists once per index revision; shared read-only by all searchers.
//
// A document's row packs the facets tightly: a facet of fewer than 64 values
// shares a 64-bit word with others (its bits at `shift`), a larger one (the
// 197 countries) has whole words of its own, and rows are 64 bytes apart
// and aligned when they fit in 64, so that counting a matching document
// touches one cache line: counting is bound by those misses (session 8:
// 15 words a row before, 120 bytes, two lines).
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
    FacetTable() = default;
    FacetTable(const FacetTable&) = delete;  // data_ points into bits_
    FacetTable& operator=(const FacetTable&) = delete;
    struct Column {
        std::string id;                              // facet id
        std::string prefix;
        std::vector<std::string> values;             // bit i <-> values[i]
        std::unordered_map<std::string, int> index;  // value -> bit
        size_t offset = 0;                           // first word of the column in a document's row
        size_t words = 1;                            // 64-bit words of the column's own bits (a Mask's length)
        unsigned shift = 0;                          // a packed column: where its bits start in word `offset`
        uint64_t low = ~uint64_t{0};                 // a packed column: its bits, once shifted down
        bool packed = false;                         // fewer than 64 values: shares its word
    };
    using Mask = std::vector<uint64_t>;              // one column's bits (bit i: values[i]), `words` long

    // Cost: one pass over the facet terms' posting lists; memory 8 bytes x
    // words of all columns x last docid.
    // One column per facet of `fields` (Taxonomy::fields).
    static std::shared_ptr<const FacetTable> build(const Xapian::Database& db, const std::vector<schema::FacetField>& fields);

    const std::vector<Column>& columns() const { return columns_; }
    int column_of(std::string_view facet) const;
    // A document's row, all columns (all zero for a document the table does not know).
    const uint64_t* row(Xapian::docid did) const {
        size_t at = static_cast<size_t>(did) * stride_;
        return at + stride_ <= rows_ ? data_ + at : zeros_.data();
    }
    // Word w of a column's own bits in a row (bit i: values[i]).
    static uint64_t column_word(const uint64_t* row, const Column& c, size_t w) {
        return c.packed ? (row[c.offset] >> c.shift) & c.low : row[c.offset + w];
    }
    // Whether a document has any of the bits of `mask` in the column.
    bool intersects(Xapian::docid did, size_t column, const Mask& mask) const;
    // Bits of the given values in a column (unknown values have none).
    Mask bits_of(size_t column, const std::vector<std::string>& values) const;
    // A column's mask with no bits set.
    Mask empty_mask(size_t column) const { return Mask(columns_[column].words, 0); }

private:
    std::vector<Column> columns_;
    size_t stride_ = 0;            // words per document, all columns (8 or a multiple of 8)
    std::vector<uint64_t> bits_;   // the rows, from data_ on
    uint64_t* data_ = nullptr;     // the first row, 64-byte aligned inside bits_
    size_t rows_ = 0;              // words of rows from data_ (docid * stride + column offset + word)
    std::vector<uint64_t> zeros_;  // a row of a document the table does not know

    void lay_out();                // offsets and shifts of the columns, the stride
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
