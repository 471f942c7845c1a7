// SPDX-License-Identifier: Apache-2.0
#include "core/model/errors.h"
#include "core/model/taxonomy.h"
#include "core/model/text.h"
#include "support.h"

#include <catch2/catch.hpp>

using namespace a6kb;

TEST_CASE("the test taxonomy loads with its facets and concepts", "[taxonomy]") {
    auto tax = Taxonomy::load(test::fixture("taxonomy.xml"));
    const Facet* group = tax.facet("group");
    REQUIRE(group);
    CHECK(group->multi);
    CHECK(group->classify);
    CHECK(group->concepts.size() == 5);
    REQUIRE(group->find("governments-dnas"));
    CHECK(group->find("governments-dnas")->alts.front() == "DNA");
    CHECK(!tax.facet("nope"));
    CHECK(tax.resolve(*group, "dna") == "governments-dnas");
    CHECK(tax.resolve(*group, "Development banks") == "development-banks");
    CHECK(tax.resolve(*group, "governments-dnas") == "governments-dnas");
    CHECK(tax.resolve(*group, "bankers").empty());
}

TEST_CASE("the shipped corpus taxonomy loads and has the facets other parts rely on", "[taxonomy]") {
    auto tax = Taxonomy::load(std::string(A6KB_CORPUS) + "/taxonomy.xml");
    for (const char* f : {"group", "topic", "type", "mechanism", "scope", "status", "lang"}) {
        INFO(f);
        CHECK(tax.facet(f));
    }
    for (const char* g : {"development-banks", "project-developers", "private-finance", "governments-dnas", "un-organizations"})
        CHECK(tax.facet("group")->find(g));
    for (const char* t : {"decision", "standard", "procedure", "tool", "methodology", "information-note", "meeting-report",
                          "glossary", "lab-session", "lab-question", "lab-outcome", "pledge"})
        CHECK(tax.facet("type")->find(t));
    for (const char* m : {"article-6.2", "article-6.4", "article-6.8", "cdm"}) CHECK(tax.facet("mechanism")->find(m));
    for (int s = 1; s <= 15; ++s) CHECK(tax.facet("scope")->find(std::to_string(s)));
}

TEST_CASE("a bad taxonomy is refused with file, line and reason", "[taxonomy]") {
    auto error_of = [](const std::string& xml) {
        try {
            Taxonomy::parse(xml, "t.xml");
        } catch (const UserError& e) {
            CHECK(e.code() == "bad_taxonomy");
            return std::string(e.what());
        }
        return std::string("no error");
    };
    CHECK(error_of("<taxonomy><facet id=\"a\" label=\"A\">\n<concept id=\"x\" label=\"X\">\n</facet></taxonomy>")
              .rfind("t.xml:3:", 0) == 0);
    CHECK_THAT(error_of("<taxonomy>\n<facet id=\"Bad Id\" label=\"A\"/></taxonomy>"),
               Catch::StartsWith("t.xml:2:") && Catch::Contains("id"));
    CHECK_THAT(error_of("<taxonomy>\n<facet id=\"a\"/></taxonomy>"), Catch::Contains("needs a label"));
    CHECK_THAT(error_of("<taxonomy><facet id=\"a\" label=\"A\">\n<concept id=\"x\" label=\"X\"/>\n<concept id=\"x\" label=\"Y\"/></facet></taxonomy>"),
               Catch::StartsWith("t.xml:3:") && Catch::Contains("twice"));
    CHECK_THAT(error_of("<taxonomy><facet id=\"a\" label=\"A\" multi=\"maybe\"/></taxonomy>"), Catch::Contains("multi"));
    CHECK_THAT(error_of("<taxonomy><facet id=\"a\" label=\"A\"><concept id=\"x\" label=\"X\"><cue weight=\"0\">y</cue></concept></facet></taxonomy>"),
               Catch::Contains("weight"));
    CHECK_THAT(error_of("<taxonomy/>"), Catch::Contains("no facet"));
    CHECK_THAT(error_of("<other/>"), Catch::Contains("<taxonomy>"));
    CHECK_THROWS_AS(Taxonomy::load("/nonexistent/taxonomy.xml"), UserError);
}

TEST_CASE("acronyms pair with the expansions their letters spell", "[taxonomy]") {
    auto tax = Taxonomy::parse(R"(<taxonomy><facet id="f" label="F">
      <concept id="dna" label="Governments and DNAs"><alt>DNA</alt><alt>DNAs</alt>
        <alt>Designated National Authority</alt><alt>ministry of environment</alt></concept>
      <concept id="sop" label="Share of proceeds"><alt>SOP</alt></concept>
      <concept id="vvb" label="Validation and verification body"><alt>VVB</alt><alt>Party</alt></concept>
      <concept id="mdb" label="Development banks"><alt>MDB</alt></concept></facet></taxonomy>)", "t");
    std::vector<std::string> found;
    for (const auto& a : tax.acronyms()) {
        std::string e;
        for (const auto& w : a.expansion) e += (e.empty() ? "" : " ") + w;
        found.push_back(a.acronym + "=" + e);
    }
    CHECK(found == std::vector<std::string>{"dna=designated national authority", "dnas=designated national authority",
                                            "sop=share of proceeds", "vvb=validation and verification body"});
    CHECK(tax.aliases_in(text::words("The designated national authority and the share of proceeds; a Party.")) ==
          std::vector<std::string>{"dna", "dnas", "sop"});
}

TEST_CASE("cues classify text, titles weigh triple, single-valued facets take the best", "[taxonomy]") {
    auto tax = Taxonomy::load(test::fixture("taxonomy.xml"));
    const Facet& group = *tax.facet("group");
    auto words = text::words("The designated national authority of the host Party informs the development bank.");
    // governments-dnas: 3 (phrase) + 1 (host party) = 4; development-banks: 3.
    CHECK(tax.classify(group, words, {}) == std::vector<std::string>{"governments-dnas", "development-banks"});
    CHECK(tax.classify(group, text::words("A host Party."), {}).empty());  // 1 < threshold 3
    CHECK(tax.classify(group, {}, text::words("Host Party guidance")) == std::vector<std::string>{"governments-dnas"});
    const Facet& type = *tax.facet("type");
    auto t = text::words("This standard sets out... this standard ... a methodological tool ... methodological tool");
    CHECK(tax.classify(type, t, {}).size() == 1);
}
