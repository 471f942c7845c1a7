// SPDX-License-Identifier: Apache-2.0
#include "core/index/infer.h"
#include "core/model/taxonomy.h"
#include "support.h"

#include <catch2/catch.hpp>

using namespace a6kb;

namespace {
Extracted pages_of(std::vector<std::string> pages, std::string media_type = "application/pdf") {
    Extracted e;
    e.media_type = std::move(media_type);
    e.pages = std::move(pages);
    return e;
}
}  // namespace

TEST_CASE("a modern methodology page gives symbol, version, type, scope, family", "[infer]") {
    auto tax = Taxonomy::load(test::fixture("taxonomy.xml"));
    auto e = pages_of({"CLEAN DEVELOPMENT MECHANISM\nAMS-III.D\nSmall-scale Methodology\nAMS-III.D: Methane recovery in "
                       "animal\nmanure management systems\nVersion 21.0\nSectoral scope(s): 13, 15\n",
                       "The project developer applies TOOL14 and TOOL07 to the clean development mechanism activity. "
                       "The clean development mechanism. clean development mechanism."});
    auto r = infer_records(e, "m/ams.pdf", "whatever.pdf", tax, nullptr);
    REQUIRE(r.error.empty());
    REQUIRE(r.records.size() == 1);
    const Record& rec = r.records[0];
    CHECK(rec.id == "ams-iii-d-v21-0");
    CHECK(rec.title == "Methane recovery in animal manure management systems");
    CHECK(rec.symbols == std::vector<std::string>{"AMS-III.D"});
    CHECK(rec.version == "21.0");
    CHECK(rec.family == "AMS-III.D");
    CHECK(rec.first("type") == "methodology");
    CHECK(rec.values("scope") == std::vector<std::string>{"13", "15"});
    CHECK(rec.values("mechanism") == std::vector<std::string>{"cdm"});
    CHECK(rec.references == std::vector<std::string>{"TOOL14", "TOOL07"});
    CHECK(rec.values("group") == std::vector<std::string>{"project-developers"});
    CHECK(rec.sources == std::vector<std::string>{"m/ams.pdf"});
}

TEST_CASE("an old small-scale layout and the file name fill what the page lacks", "[infer]") {
    auto tax = Taxonomy::load(test::fixture("taxonomy.xml"));
    auto e = pages_of({"Appendix B of the simplified modalities\nTYPE III - OTHER PROJECT ACTIVITIES\nIII. D. Methane "
                       "recovery\nTechnology/measure\n1. This project category comprises methane recovery."});
    auto r = infer_records(e, "a.pdf", "UNFCCC__Agriculture__AMS-III.D__v03-0__source.pdf", tax, nullptr);
    REQUIRE(r.records.size() == 1);
    CHECK(r.records[0].symbols == std::vector<std::string>{"AMS-III.D"});
    CHECK(r.records[0].title == "Methane recovery");
    CHECK(r.records[0].version == "3.0");
    CHECK(r.records[0].family == "AMS-III.D");
}

TEST_CASE("a tool filed under a methodology's name keeps its own identity", "[infer]") {
    auto tax = Taxonomy::load(test::fixture("taxonomy.xml"));
    auto e = pages_of({"UNFCCC/CCNUCC\nCDM – Executive Board\nEB 39\nReport\nAnnex 7\nPage 1\nMethodological tool\n"
                       "\xE2\x80\x9CTool to calculate baseline emissions from electricity consumption\xE2\x80\x9D\n"
                       "(Version 01)\n"});
    auto r = infer_records(e, "t.pdf", "tools__UNFCCC__Agriculture__ACM0010__v03-0__Tool.pdf", tax, nullptr);
    REQUIRE(r.records.size() == 1);
    CHECK(r.records[0].symbols.empty());
    CHECK(r.records[0].first("type") == "tool");
    CHECK(r.records[0].title == "Tool to calculate baseline emissions from electricity consumption");
    CHECK(r.records[0].id.rfind("f-", 0) == 0);
}

TEST_CASE("a bundle of decisions becomes one record per decision", "[infer]") {
    auto tax = Taxonomy::load(test::fixture("taxonomy.xml"));
    auto e = pages_of({"United Nations FCCC/PA/CMA/2030/9/Add.1\nDecision 1/CMA.9\nA made-up pact\nRecalling decision "
                       "3/CMA.3,\n 7th plenary meeting\n12 November 2030\nDecision 2/CMA.9\nGuidance on cooperative "
                       "approaches\nThe cooperative approaches and corresponding adjustments.\n"},
                      "text/plain");
    auto r = infer_records(e, "cma.txt", "cma.txt", tax, nullptr);
    REQUIRE(r.records.size() == 2);
    CHECK(r.records[0].id == "1-cma-9");
    CHECK(r.records[0].symbols == std::vector<std::string>{"1/CMA.9", "FCCC/PA/CMA/2030/9/Add.1"});
    CHECK(r.records[0].title == "A made-up pact");
    CHECK(r.records[0].first("type") == "decision");
    CHECK(r.records[0].first("status") == "adopted");
    CHECK(r.records[0].date == "2030-11-12");
    CHECK(r.records[0].references == std::vector<std::string>{"3/CMA.3"});
    CHECK(r.records[1].values("mechanism") == std::vector<std::string>{"article-6.2"});
    CHECK(r.records[1].values("topic") == std::vector<std::string>{"authorization-corresponding-adjustments"});
}

TEST_CASE("explicit metadata wins over inference; bad metadata is an error", "[infer]") {
    auto tax = Taxonomy::load(test::fixture("taxonomy.xml"));
    auto e = pages_of({"CLEAN DEVELOPMENT MECHANISM\nTOOL07\nMethodological tool\nEmission factor\nVersion 07.0\n"});
    Metadata meta{{"title", {"Grid emission factor tool"}}, {"group", {"MDB"}}, {"status", {"superseded"}}};
    auto r = infer_records(e, "t.pdf", "t.pdf", tax, &meta);
    REQUIRE(r.records.size() == 1);
    CHECK(r.records[0].title == "Grid emission factor tool");
    CHECK(r.records[0].values("group") == std::vector<std::string>{"development-banks"});
    CHECK(r.records[0].first("status") == "superseded");
    CHECK(r.records[0].symbols == std::vector<std::string>{"TOOL07"});
    Metadata bad{{"type", {"novel"}}};
    auto r2 = infer_records(e, "t.pdf", "t.pdf", tax, &bad);
    CHECK(r2.records.empty());
    CHECK_THAT(r2.error, Catch::Contains("'novel'"));
}

TEST_CASE("titles skip the boilerplate above them", "[infer]") {
    CHECK(title_from_lines("UNFCCC/CCNUCC\nCDM – Executive Board\nEB 35\nReport\nAnnex 19\nPage 1\nA/R Methodological "
                           "tool\n\xE2\x80\x9C" "Combined tool to identify the baseline scenario\xE2\x80\x9D\n") ==
          "Combined tool to identify the baseline scenario");
    CHECK(title_from_lines("____________________\n29 September 2006\nGuidance on registries\nfor Article 6\n\nBody") ==
          "Guidance on registries for Article 6");
    CHECK(title_from_lines("").empty());
}

TEST_CASE("a symbol cited where the first page's head is cut off is not taken as the record's own", "[infer]") {
    // The head read for a record's own symbol is the first 4,000 bytes of its
    // first page. A long line cut there must not look like a short line that
    // holds a symbol ("See A6.4-INFO-GOV-0007 and th"): found on the 100k
    // synthetic corpus, where it gave two documents one id.
    auto tax = Taxonomy::load(test::fixture("taxonomy.xml"));
    const std::string title = "Guidance for host countries\n";
    std::string filler;
    while (filler.size() < 3941) filler += "baseline ";
    filler.resize(3941);
    std::string cited = "See A6.4-INFO-GOV-0007 and";
    while (cited.size() < 600) cited += " the registry and its procedures";
    const std::string page = title + filler + "\n" + cited + "\n";
    REQUIRE(page.find("A6.4-INFO-GOV-0007") < 4000);
    REQUIRE(page.find('\n', title.size() + filler.size() + 1) > 4000);
    auto r = infer_records(pages_of({page}, "text/plain"), "notes/guidance.txt", "guidance.txt", tax, nullptr);
    REQUIRE(r.records.size() == 1);
    const Record& rec = r.records[0];
    CHECK(rec.symbols.empty());
    CHECK(rec.id != "a6-4-info-gov-0007");
    CHECK(rec.references == std::vector<std::string>{"A6.4-INFO-GOV-0007"});
}
