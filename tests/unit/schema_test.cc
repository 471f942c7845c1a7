// SPDX-License-Identifier: Apache-2.0
#include "core/model/schema.h"

#include <catch2/catch.hpp>

#include <set>

using namespace a6kb;

TEST_CASE("no prefix is a prefix of another, no slot is used twice", "[schema]") {
    // Fields, declared facets, and the derived prefixes of taxonomy facets
    // without an entry (two whose ids share a beginning).
    std::vector<std::pair<std::string, std::string>> prefixes;  // name, prefix
    std::set<Xapian::valueno> slots;
    for (const auto* f : schema::ALL) {
        if (f->slot != schema::NO_SLOT) CHECK(slots.insert(f->slot).second);
        if (!f->prefix.empty()) prefixes.emplace_back(f->name, f->prefix);
    }
    for (const auto& f : schema::declared_facets()) {
        if (f.slot != schema::NO_SLOT) CHECK(slots.insert(f.slot).second);
        prefixes.emplace_back(f.id, f.prefix);
    }
    for (const char* id : {"region", "reg", "country", "x"}) prefixes.emplace_back(id, schema::derived_prefix(id));
    CHECK(schema::derived_prefix("region") == "XZREGION:");
    for (const auto& [a_name, a] : prefixes) {
        for (const auto& [b_name, b] : prefixes) {
            if (a_name == b_name) continue;
            INFO(a_name << " vs " << b_name);
            CHECK(b.substr(0, a.size()) != a);
        }
    }
}

TEST_CASE("facet fields are found by name and multi values round-trip", "[schema]") {
    REQUIRE(schema::facet("group"));
    CHECK(schema::facet("group")->multi);
    CHECK(!schema::facet("title"));
    CHECK(schema::encode_multi({"b", "a", "b", ""}) == "a|b");
    CHECK(schema::split_multi("a|b") == std::vector<std::string>{"a", "b"});
    CHECK(schema::split_multi("").empty());
}

TEST_CASE("terms are lowercased, long ones hashed under the limit", "[schema]") {
    CHECK(schema::term(schema::SYMBOL, "AMS-III.D") == "XSYams-iii.d");
    CHECK(schema::exact_term(schema::SOURCE, "/A/b.pdf") == "XP/A/b.pdf");
    std::string long_path(400, 'x');
    auto t1 = schema::exact_term(schema::SOURCE, long_path);
    auto t2 = schema::exact_term(schema::SOURCE, long_path + "y");
    CHECK(t1.size() < 245);
    CHECK(t1 != t2);
}
