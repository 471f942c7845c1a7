// SPDX-License-Identifier: Apache-2.0
#include "core/index/catalog.h"
#include "core/model/errors.h"
#include "core/model/taxonomy.h"
#include "support.h"

#include <catch2/catch.hpp>

using namespace a6kb;
using test::TempDir;

TEST_CASE("catalog records and file metadata are read and validated", "[catalog]") {
    auto tax = Taxonomy::load(test::fixture("taxonomy.xml"));
    TempDir dir;
    test::write_file(dir / "x.catalog.xml", R"(<?xml version="1.0"?>
<catalog>
  <record>
    <symbol>ams iii d</symbol>
    <version>21.0</version>
    <title>Methane recovery in animal manure management systems</title>
    <type>methodology</type>
    <mechanism>CDM</mechanism>
    <scope>13</scope>
    <group>DNA</group>
    <date>2017-09-26</date>
    <url>https://example.org/ams-iii-d</url>
    <cites>tool 14</cites>
  </record>
  <record file="docs/note.pdf">
    <type>information-note</type>
  </record>
</catalog>)");
    auto cat = load_catalog(dir / "x.catalog.xml", tax);
    REQUIRE(cat.entries.size() == 2);
    CHECK(cat.entries[1].file == std::filesystem::weakly_canonical(dir / "docs/note.pdf"));
    Record r = record_from_catalog(cat.entries[0], "x.catalog.xml", tax);
    CHECK(r.id == "ams-iii-d-v21-0");
    CHECK(r.symbols == std::vector<std::string>{"AMS-III.D"});
    CHECK(r.family == "AMS-III.D");
    CHECK(r.values("mechanism") == std::vector<std::string>{"cdm"});
    CHECK(r.values("group") == std::vector<std::string>{"governments-dnas"});
    CHECK(r.references == std::vector<std::string>{"TOOL14"});
    CHECK(r.sources == std::vector<std::string>{"x.catalog.xml"});
    CHECK(r.media_type == "catalog");
}

TEST_CASE("catalog errors name the file, the line and the value", "[catalog]") {
    auto tax = Taxonomy::load(test::fixture("taxonomy.xml"));
    TempDir dir;
    auto error_of = [&](const std::string& xml) {
        test::write_file(dir / "bad.catalog.xml", xml);
        try {
            load_catalog(dir / "bad.catalog.xml", tax);
        } catch (const UserError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    CHECK_THAT(error_of("<catalog>\n<record><title>T</title>\n<group>bankers</group></record></catalog>"),
               Catch::Contains("bad.catalog.xml:2:") && Catch::Contains("'bankers'"));
    CHECK_THAT(error_of("<catalog>\n<record><title>T</title><colour>red</colour></record></catalog>"),
               Catch::Contains("unknown field <colour>"));
    CHECK_THAT(error_of("<catalog>\n<record><type>tool</type></record></catalog>"), Catch::Contains("needs a <title>"));
    CHECK_THAT(error_of("<catalog><record><title>T</title><date>someday</date></record></catalog>"),
               Catch::Contains("date 'someday'"));
    CHECK_THAT(error_of("<catalog><record><title>T</title><url>ftp://x</url></record></catalog>"), Catch::Contains("url"));
    CHECK_THAT(error_of("<catalog><record><title>T</title><status>draft</status><status>adopted</status></record></catalog>"),
               Catch::Contains("one value"));
    CHECK_THAT(error_of("<catalog>\n<record><title>Same</title></record>\n<record><title>Same</title></record></catalog>"),
               Catch::Contains(":3:") && Catch::Contains("twice"));
    CHECK_THAT(error_of("<catalog><record>"), Catch::Contains("bad.catalog.xml:"));
}

#include "core/index/check.h"

TEST_CASE("the corpus check reports every problem with its place", "[catalog][check]") {
    TempDir dir;
    test::write_file(dir / "c/a.catalog.xml",
                     "<catalog>\n<record><symbol>TOOL07</symbol><version>7.0</version><title>Grid factor</title></record>\n"
                     "<record><title>T</title><group>nobody</group></record>\n"
                     "<record><title>U</title><colour>red</colour></record>\n"
                     "<record file=\"missing.pdf\"><type>tool</type></record>\n</catalog>");
    test::write_file(dir / "c/b.catalog.xml",
                     "<catalog>\n<record><symbol>tool 7</symbol><version>07.0</version><title>Again</title></record>\n</catalog>");
    test::write_file(dir / "c/note.md", "---\ntype: novel\n---\nText.\n");
    IndexOptions o;
    o.taxonomy = test::fixture("taxonomy.xml");
    o.paths = {dir / "c"};
    auto r = check_corpus(o);
    CHECK(r.catalogs == 2);
    REQUIRE(r.problems.size() == 5);
    CHECK_THAT(r.problems[0], Catch::Contains("a.catalog.xml:3:") && Catch::Contains("'nobody'"));
    CHECK_THAT(r.problems[1], Catch::Contains("a.catalog.xml:4:") && Catch::Contains("<colour>"));
    CHECK_THAT(r.problems[2], Catch::Contains("a.catalog.xml:5") && Catch::Contains("does not exist"));
    CHECK_THAT(r.problems[3], Catch::Contains("b.catalog.xml:2") && Catch::Contains("tool07-v7-0") &&
                                  Catch::Contains("a.catalog.xml:2"));
    CHECK_THAT(r.problems[4], Catch::Contains("note.md") && Catch::Contains("'novel'"));
}

TEST_CASE("attributes of <catalog> are defaults for its records", "[catalog]") {
    auto tax = Taxonomy::load(test::fixture("taxonomy.xml"));
    TempDir dir;
    test::write_file(dir / "d.catalog.xml", "<catalog lang=\"en\" type=\"glossary\">\n<record><title>A</title></record>\n"
                                            "<record><title>B</title><lang>fr</lang></record></catalog>");
    auto cat = load_catalog(dir / "d.catalog.xml", tax);
    REQUIRE(cat.entries.size() == 2);
    auto a = record_from_catalog(cat.entries[0], "", tax), b = record_from_catalog(cat.entries[1], "", tax);
    CHECK(a.first("lang") == "en");
    CHECK(a.first("type") == "glossary");
    CHECK(b.first("lang") == "fr");
    test::write_file(dir / "e.catalog.xml", "<catalog title=\"x\"><record><title>A</title></record></catalog>");
    CHECK_THROWS_WITH(load_catalog(dir / "e.catalog.xml", tax), Catch::Contains("'title'"));
}
