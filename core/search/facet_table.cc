// SPDX-License-Identifier: Apache-2.0
#include "core/search/facet_table.h"

#include <algorithm>
#include <bit>

namespace a6kb {

void FacetTable::lay_out() {
    // Large columns take whole words, first; the packed ones fill the words
    // after them, each where it fits first.
    size_t words = 0;
    for (Column& c : columns_) {
        c.packed = c.values.size() < 64;
        c.words = std::max<size_t>(1, (c.values.size() + 63) / 64);
        if (!c.packed) c.offset = words, words += c.words;
    }
    std::vector<unsigned> used;  // bits used of each packed word, from `words` on
    for (Column& c : columns_) {
        if (!c.packed) continue;
        const auto n = static_cast<unsigned>(c.values.size());
        size_t w = 0;
        while (w < used.size() && used[w] + n > 64) ++w;
        if (w == used.size()) used.push_back(0);
        c.offset = words + w;
        c.shift = used[w];
        c.low = n == 0 ? 0 : (~uint64_t{0} >> (64 - n));
        used[w] += n;
    }
    words += used.size();
    stride_ = words <= 8 ? 8 : (words + 7) / 8 * 8;  // a row in one 64-byte line when it fits
}

std::shared_ptr<const FacetTable> FacetTable::build(const Xapian::Database& db, const std::vector<schema::FacetField>& fields) {
    auto table = std::make_shared<FacetTable>();
    for (const auto& f : fields) {
        Column col{f.id, f.prefix, {}, {}};
        for (auto t = db.allterms_begin(f.prefix); t != db.allterms_end(f.prefix); ++t) {
            col.index.emplace((*t).substr(f.prefix.size()), static_cast<int>(col.values.size()));
            col.values.push_back((*t).substr(f.prefix.size()));
        }
        table->columns_.push_back(std::move(col));
    }
    table->lay_out();
    table->zeros_.assign(table->stride_, 0);
    table->rows_ = (static_cast<size_t>(db.get_lastdocid()) + 1) * table->stride_;
    table->bits_.assign(table->rows_ + 8, 0);  // room to align the first row on 64 bytes
    auto* base = table->bits_.data();
    table->data_ = base + (8 - (reinterpret_cast<uintptr_t>(base) / 8) % 8) % 8;
    for (const Column& col : table->columns_) {
        for (size_t bit = 0; bit < col.values.size(); ++bit) {
            const std::string term = col.prefix + col.values[bit];
            const size_t word = col.packed ? col.offset : col.offset + bit / 64;
            const uint64_t one = uint64_t{1} << (col.packed ? col.shift + bit : bit % 64);
            for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p)
                table->data_[static_cast<size_t>(*p) * table->stride_ + word] |= one;
        }
    }
    return table;
}

int FacetTable::column_of(std::string_view facet) const {
    for (size_t c = 0; c < columns_.size(); ++c)
        if (columns_[c].id == facet) return static_cast<int>(c);
    return -1;
}

FacetTable::Mask FacetTable::bits_of(size_t column, const std::vector<std::string>& values) const {
    Mask m = empty_mask(column);
    for (const auto& v : values) {
        auto it = columns_[column].index.find(v);
        if (it != columns_[column].index.end()) m[static_cast<size_t>(it->second) / 64] |= uint64_t{1} << (it->second % 64);
    }
    return m;
}

bool FacetTable::intersects(Xapian::docid did, size_t column, const Mask& mask) const {
    const uint64_t* r = row(did);
    const Column& c = columns_[column];
    for (size_t w = 0; w < mask.size(); ++w)
        if (column_word(r, c, w) & mask[w]) return true;
    return false;
}

TableSpy::TableSpy(const FacetTable& table, std::vector<size_t> columns) : table_(table), counts_(table.columns().size()) {
    for (size_t c : columns) {
        counts_[c].assign(table.columns()[c].values.size(), 0);
        if (!table.columns()[c].values.empty()) columns_.push_back(c);
    }
}

TableSpy::TableSpy(const FacetTable& table, std::map<size_t, FacetTable::Mask> filters)
    : table_(table), filters_(filters.begin(), filters.end()), counts_(table.columns().size()) {
    for (const auto& [c, mask] : filters_) counts_[c].assign(table.columns()[c].values.size(), 0);
}

void TableSpy::add(const uint64_t* row, size_t column) {
    const auto& col = table_.columns()[column];
    auto& counts = counts_[column];
    for (size_t w = 0, n = col.words; w < n; ++w) {
        uint64_t m = FacetTable::column_word(row, col, w);
        while (m) {
            ++counts[w * 64 + static_cast<size_t>(std::countr_zero(m))];
            m &= m - 1;
        }
    }
}

void TableSpy::operator()(const Xapian::Document& doc, double) {
    const Xapian::docid did = doc.get_docid();
    const uint64_t* row = table_.row(did);
    if (filters_.empty()) {
        for (size_t c : columns_) add(row, c);
        return;
    }
    size_t failed = 0, failed_column = 0;
    for (const auto& [c, mask] : filters_) {
        if (!table_.intersects(did, c, mask)) {
            if (++failed > 1) return;
            failed_column = c;
        }
    }
    if (failed == 1) {
        add(row, failed_column);
        return;
    }
    for (const auto& [c, mask] : filters_) add(row, c);
}

}  // namespace a6kb
