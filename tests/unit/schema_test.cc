// SPDX-License-Identifier: Apache-2.0
#include "core/model/schema.h"

#include <catch2/catch.hpp>

#include <set>

using namespace a6kb;

TEST_CASE("no prefix is a prefix of another, no slot is used twice", "[schema]") {
    std::set<Xapian::valueno> slots;
    for (const auto* a : schema::ALL) {
        if (a->slot != schema::NO_SLOT) CHECK(slots.insert(a->slot).second);
        for (const auto* b : schema::ALL) {
            if (a == b || a->prefix.empty() || b->prefix.empty()) continue;
            INFO(a->name << " vs " << b->name);
            CHECK(b->prefix.substr(0, a->prefix.size()) != a->prefix);
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
