// SPDX-License-Identifier: Apache-2.0
// core/search/facet_table: rows packed tightly (facets of fewer than 64 values
// share words) count exactly what the documents hold, at the edges of a word.
#include "core/search/facet_table.h"

#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <set>

using namespace a6kb;

namespace {

schema::FacetField field(const std::string& id) {
    schema::FacetField f;
    f.id = id;
    f.prefix = "XZ" + id + ":";
    return f;
}

}  // namespace

TEST_CASE("facet table: packed and whole-word columns count and filter as the documents say", "[search][facets]") {
    // Values per facet: 63 and 64 (either side of a word), 1, 5, 130 (three
    // words), 40 and 30 (they cannot share a word), and one with none.
    const std::map<std::string, size_t> sizes = {{"a63", 63}, {"b64", 64}, {"c1", 1}, {"d5", 5},
                                                 {"e130", 130}, {"f40", 40}, {"g30", 30}, {"h0", 0}};
    std::vector<schema::FacetField> fields;
    for (const auto& [id, n] : sizes) fields.push_back(field(id));
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    std::mt19937 rng(7);
    std::map<Xapian::docid, std::map<std::string, std::set<std::string>>> truth;
    for (int d = 0; d < 300; ++d) {
        Xapian::Document doc;
        std::map<std::string, std::set<std::string>> held;
        for (const auto& [id, n] : sizes) {
            if (n == 0) continue;
            for (int k = 0; k < 3; ++k)
                if (rng() % 2) {
                    // Each value's term; the values' names sort as their numbers do not.
                    const std::string v = "v" + std::to_string(rng() % n);
                    doc.add_boolean_term("XZ" + id + ":" + v);
                    held[id].insert(v);
                }
        }
        truth[db.add_document(doc)] = held;
    }
    db.commit();
    auto table = FacetTable::build(db, fields);
    std::vector<size_t> all;
    for (size_t c = 0; c < table->columns().size(); ++c) all.push_back(c);

    // Plain counts: every document, every column.
    TableSpy spy(*table, all);
    for (const auto& [did, held] : truth) spy(db.get_document(did), 0);
    for (size_t c = 0; c < table->columns().size(); ++c) {
        const auto& col = table->columns()[c];
        for (size_t bit = 0; bit < col.values.size(); ++bit) {
            size_t want = 0;
            for (const auto& [did, held] : truth) {
                auto it = held.find(col.id);
                want += it != held.end() && it->second.count(col.values[bit]);
            }
            INFO(col.id << "=" << col.values[bit]);
            CHECK(spy.counts()[c][bit] == want);
        }
    }
    // A filter on each column: intersects() agrees with the truth for every document.
    for (size_t c = 0; c < table->columns().size(); ++c) {
        const auto& col = table->columns()[c];
        if (col.values.empty()) continue;
        const std::vector<std::string> picked = {col.values.front(), col.values.back()};
        const FacetTable::Mask mask = table->bits_of(c, picked);
        for (const auto& [did, held] : truth) {
            auto it = held.find(col.id);
            const bool want = it != held.end() && (it->second.count(picked[0]) || it->second.count(picked[1]));
            CHECK(table->intersects(did, c, mask) == want);
        }
    }
    // A document added later has no values.
    CHECK_FALSE(table->intersects(db.get_lastdocid() + 5, 0, table->bits_of(0, {table->columns()[0].values.front()})));
}
