// SPDX-License-Identifier: Apache-2.0
// docs/schema.md must mirror core/model/schema.h: every prefix and slot is listed.
#include "core/model/schema.h"
#include "support.h"

#include <catch2/catch.hpp>

using namespace a6kb;

TEST_CASE("docs/schema.md lists every prefix and value slot of the schema", "[docs][schema]") {
    std::string doc = test::read_file(std::string(A6KB_DOCS) + "/schema.md");
    REQUIRE(!doc.empty());
    for (const auto* f : schema::ALL) {
        INFO(f->name);
        if (!f->prefix.empty()) CHECK(doc.find("| " + std::string(f->name) + " | `" + std::string(f->prefix) + "` |") != std::string::npos);
        if (f->slot != schema::NO_SLOT)
            CHECK(doc.find("| " + std::to_string(f->slot) + " | " + std::string(f->name) + " |") != std::string::npos);
    }
    for (const auto& f : schema::declared_facets()) {
        INFO(f.id);
        CHECK(doc.find("| " + f.id + " | `" + f.prefix + "` |") != std::string::npos);
        if (f.slot != schema::NO_SLOT) CHECK(doc.find("| " + std::to_string(f.slot) + " | " + f.id + " |") != std::string::npos);
    }
}
