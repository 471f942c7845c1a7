// SPDX-License-Identifier: Apache-2.0
#include "core/search/facet_table.h"

#include <bit>

namespace a6kb {

std::shared_ptr<const FacetTable> FacetTable::build(const Xapian::Database& db, const std::vector<schema::FacetField>& fields) {
    auto table = std::make_shared<FacetTable>();
    for (const auto& f : fields) table->columns_.push_back({f.id, f.prefix, {}, {}});
    const size_t ncols = table->columns_.size();
    table->bits_.assign((static_cast<size_t>(db.get_lastdocid()) + 1) * ncols, 0);
    for (size_t c = 0; c < ncols; ++c) {
        Column& col = table->columns_[c];
        const std::string& prefix = col.prefix;
        for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
            std::string value = (*t).substr(prefix.size());
            if (col.values.size() == 64) return nullptr;
            int bit = static_cast<int>(col.values.size());
            col.values.push_back(value);
            col.index.emplace(value, bit);
            for (auto p = db.postlist_begin(*t); p != db.postlist_end(*t); ++p)
                table->bits_[static_cast<size_t>(*p) * ncols + c] |= uint64_t{1} << bit;
        }
    }
    return table;
}

int FacetTable::column_of(std::string_view facet) const {
    for (size_t c = 0; c < columns_.size(); ++c)
        if (columns_[c].id == facet) return static_cast<int>(c);
    return -1;
}

uint64_t FacetTable::bits_of(size_t column, const std::vector<std::string>& values) const {
    uint64_t m = 0;
    for (const auto& v : values) {
        auto it = columns_[column].index.find(v);
        if (it != columns_[column].index.end()) m |= uint64_t{1} << it->second;
    }
    return m;
}

TableSpy::TableSpy(const FacetTable& table, std::vector<size_t> columns)
    : table_(table), columns_(std::move(columns)), counts_(table.columns().size()) {
    for (size_t c : columns_) counts_[c].assign(table.columns()[c].values.size(), 0);
}

TableSpy::TableSpy(const FacetTable& table, std::map<size_t, uint64_t> filters)
    : table_(table), filters_(filters.begin(), filters.end()), counts_(table.columns().size()) {
    for (const auto& [c, mask] : filters_) counts_[c].assign(table.columns()[c].values.size(), 0);
}

void TableSpy::add(Xapian::docid did, size_t column) {
    uint64_t m = table_.mask(did, column);
    while (m) {
        ++counts_[column][static_cast<size_t>(std::countr_zero(m))];
        m &= m - 1;
    }
}

void TableSpy::operator()(const Xapian::Document& doc, double) {
    const Xapian::docid did = doc.get_docid();
    if (filters_.empty()) {
        for (size_t c : columns_) add(did, c);
        return;
    }
    size_t failed = 0, failed_column = 0;
    for (const auto& [c, mask] : filters_) {
        if ((table_.mask(did, c) & mask) == 0) {
            if (++failed > 1) return;
            failed_column = c;
        }
    }
    if (failed == 1) {
        add(did, failed_column);
        return;
    }
    for (const auto& [c, mask] : filters_) add(did, c);
}

}  // namespace a6kb
