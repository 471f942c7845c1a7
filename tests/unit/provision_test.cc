// SPDX-License-Identifier: Apache-2.0
// Provisions (the rulebook): citations and their anchors, which must be the
// anchors the passage cutter gives the cited paragraphs; the figure and
// own-words checks; the structural and text checks of --check on a corpus
// of our own.
#include "core/index/check.h"
#include "core/index/passages.h"
#include "core/index/provision_text.h"
#include "core/model/figures.h"
#include "core/model/provision.h"
#include "core/search/query.h"
#include "support.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace a6kb;
namespace fs = std::filesystem;

TEST_CASE("citations parse into the decision, annex and paragraph", "[provision]") {
    auto c = parse_citation("decision 3/CMA.3, annex, paragraph 67(a)");
    REQUIRE(c);
    CHECK(c->symbol == "3/CMA.3");
    CHECK(c->annex);
    CHECK(c->annex_no.empty());
    CHECK(c->paragraph == 67);
    CHECK(c->sub == "(a)");
    CHECK(citation_anchor(*c) == "annex-p67");

    c = parse_citation("decision 6/CMA.4, annex II, paragraph 12(b)(i)");
    REQUIRE(c);
    CHECK(c->annex_no == "II");
    CHECK(citation_anchor(*c) == "annex2-p12");
    c = parse_citation("decision 2/CMA.3, paragraph 4");
    REQUIRE(c);
    CHECK(!c->annex);
    CHECK(citation_anchor(*c) == "p4");

    for (const char* bad : {"", "3/CMA.3, paragraph 4", "decision 3/CMA.3", "decision 3/CMA.3, para 4",
                            "decision AMS-III.D, paragraph 4", "decision 3/CMA.3, annex Q, paragraph 4",
                            "decision 3/CMA.3, paragraph 0", "decision 3/CMA.3, paragraph 4 (a)",
                            "decision 3/CMA.3, annex, chapter V, paragraph 4", "decision 3/CMA.3, paragraph 4(A)"}) {
        INFO(bad);
        std::string why;
        CHECK(!parse_citation(bad, &why));
        CHECK(!why.empty());
    }
}

TEST_CASE("paragraph order: body, then annexes, by number", "[provision]") {
    auto key = [](const char* s) { return paragraph_order_key(*parse_citation(s)); };
    CHECK(key("decision 2/CMA.3, paragraph 9") < key("decision 2/CMA.3, paragraph 10"));
    CHECK(key("decision 2/CMA.3, paragraph 20") < key("decision 2/CMA.3, annex, paragraph 1"));
    CHECK(key("decision 2/CMA.3, annex, paragraph 18") < key("decision 2/CMA.3, annex, paragraph 18(h)"));
    CHECK(key("decision 6/CMA.4, annex I, paragraph 40") < key("decision 6/CMA.4, annex II, paragraph 2"));
}

TEST_CASE("a citation's anchor is the anchor the cutter gives the cited paragraph", "[provision][passages]") {
    Record d;
    d.set_one("type", "decision");
    d.symbols = {"7/CMA.9"};
    d.pages = {"Decision 7/CMA.9\nA title of ours\nThe Conference,\nRecalling things,\n"
               "1. Adopts the rules in the annex;\n2. Requests the secretariat to act;\n"
               "Annex\nRules\nI. Scope\n1. The rules apply to every activity.\n"
               "A. Details\n2. Each host Party shall:\n(a) Report by 15 April;\n(b) Keep a registry.\n"
               "Annex II\nMore rules\n1. A second annex paragraph.\n"};
    std::set<std::string> anchors;
    for (const auto& p : cut_passages(d)) anchors.insert(p.anchor);
    for (const char* cited : {"decision 7/CMA.9, paragraph 2", "decision 7/CMA.9, annex, paragraph 1",
                              "decision 7/CMA.9, annex, paragraph 2(b)", "decision 7/CMA.9, annex II, paragraph 1"}) {
        INFO(cited);
        CHECK(anchors.count(citation_anchor(*parse_citation(cited))) == 1);
    }
    CHECK(anchors.count(citation_anchor(*parse_citation("decision 7/CMA.9, annex, paragraph 3"))) == 0);
}

TEST_CASE("figures are normalised: per cent, number words, thousands; references are not figures", "[provision]") {
    using V = std::vector<std::string>;
    CHECK(figures_of("5 per cent of A6.4ERs") == V{"5%"});
    CHECK(figures_of("two per cent, 2%, 2 %") == V{"2%", "2%", "2%"});
    CHECK(figures_of("by 15 April 2025, 1,000 units") == V{"15", "april", "2025", "1000"});
    CHECK(figures_of("decision 3/CMA.3, annex, paragraph 67(a) and Article 6, paragraph 2, and the 6.4 mechanism").empty());
    CHECK(figures_of("CO2 and tCO2 eq").empty());
    CHECK(missing_figures("Five per cent goes to adaptation", "a share of 5 per cent").empty());
    CHECK(missing_figures("within two weeks", "within 2 weeks").empty());
    CHECK(missing_figures("2 per cent is cancelled", "at least 2 per cent").empty());
    CHECK(missing_figures("3% is cancelled", "at least 2 per cent") == V{"3%"});
    CHECK(missing_figures("by 31 December", "by 30 November") == V{"31", "december"});
    CHECK(missing_figures("5 units", "a 5 per cent share").empty());  // a bare number matches its percentage
}

TEST_CASE("states_figure: numbers and per cent, not symbols or references", "[provision][figures]") {
    for (const char* yes : {"5 per cent of A6.4ERs", "by 31 December 2023", "at least 2%", "12 members", "five percent"}) {
        INFO(yes);
        CHECK(states_figure(yes));
    }
    for (const char* no : {"decision 3/CMA.3", "the 6.4 mechanism", "tonnes of CO2", "paragraph 18 of the annex",
                           "Article 6, paragraph 2", "A6.4-SBM014-A06", "goes to the Adaptation Fund"}) {
        INFO(no);
        CHECK(!states_figure(no));
    }
}

TEST_CASE("asks_for_figure: questions for an amount, a time or a deadline", "[provision][figures]") {
    CHECK(asks_for_figure("how much of the share of proceeds goes to adaptation"));
    CHECK(asks_for_figure("by when must the DNA approve the transition"));
    CHECK(asks_for_figure("deadline for annual information"));
    CHECK(asks_for_figure("When is the regular information due?"));
    CHECK(!asks_for_figure("when is a first transfer"));
    CHECK(!asks_for_figure("what must an initial report contain"));
    CHECK(!asks_for_figure("share of proceeds"));
    CHECK(!asks_for_figure("how to authorize A6.4ERs"));
}

TEST_CASE("seeks_answer: questions and longer queries, not topics, definitions or places", "[provision][figures]") {
    CHECK(seeks_answer("can an authorization be changed after first transfer"));
    CHECK(seeks_answer("how much of the share of proceeds goes to adaptation"));
    CHECK(seeks_answer("corresponding adjustment method for a single-year NDC"));
    CHECK(!seeks_answer("initial report cooperative approach"));
    CHECK(!seeks_answer("share of proceeds"));
    CHECK(!seeks_answer("international registry"));
    CHECK(!seeks_answer("what is a corresponding adjustment?"));
    CHECK(!seeks_answer("where do I find the mechanism registry"));
}

TEST_CASE("shared word runs: terms of art count as one word", "[provision]") {
    const std::string para = "Each participating Party shall apply corresponding adjustments in a manner that ensures "
                             "transparency, accuracy, completeness, comparability and consistency.";
    CHECK(longest_shared_run("It applies corresponding adjustments with transparency and accuracy.", para).size() < 5);
    auto run = longest_shared_run("Parties shall apply corresponding adjustments in a manner that ensures transparency, accuracy, completeness.", para);
    CHECK(run.size() == 11);  // shall apply [corresponding adjustments] in a manner that ensures transparency accuracy completeness
    // The CMA's 17-word name is one word of the run.
    const std::string cma = "Requests the Conference of the Parties serving as the meeting of the Parties to the Paris Agreement to act";
    CHECK(longest_shared_run("the Conference of the Parties serving as the meeting of the Parties to the Paris Agreement", cma).size() == 1);
    CHECK(longest_shared_run("quokkas and wombats", para).size() == 1);  // "and"
    CHECK(longest_shared_run("quokkas, wombats", para).empty());
}

namespace {

const char* const DECISIONS = R"(<?xml version="1.0" encoding="UTF-8"?>
<catalog lang="en"><record><title>Rules of ours</title><symbol>7/CMA.9</symbol><type>decision</type></record></catalog>
)";

std::string provision(const std::string& id, const std::string& citation, const std::string& text, const std::string& extra = "") {
    return "<record id=\"" + id + "\"><title>A rule</title><citation>" + citation +
           "</citation><group>governments-dnas</group><topic>registries-tracking</topic><text>" + text + "</text>" + extra +
           "</record>";
}

// Annex paragraph 3, past the passage size limit, its deadline in its last part.
std::string long_paragraph() {
    std::string p = "3. Each host Party shall describe its arrangements";
    for (int i = 0; i < 80; ++i) p += ", including arrangement number " + std::to_string(i + 100);
    return p + ". The description is due by 30 June.\n";
}

CheckReport check(const test::TempDir& dir, const std::string& records, bool texts) {
    test::write_file(dir / "corpus/decisions.catalog.xml", DECISIONS);
    test::write_file(dir / "corpus/provisions/7-cma-9.catalog.xml",
                     "<?xml version=\"1.0\"?><catalog type=\"provision\" lang=\"en\" mechanism=\"article-6.2\" "
                     "decision=\"7/CMA.9\" date=\"2030-11-20\">" + records + "</catalog>");
    test::write_file(dir / "texts/cma9.txt",
                     "Decision 7/CMA.9\nRules of ours\nThe Conference,\n1. Adopts the rules in the annex;\n"
                     "Annex\nRules\n1. Each host Party shall report the annual information by 15 April of the following year "
                     "in the agreed electronic format.\n2. Each host Party shall keep a registry.\n" + long_paragraph());
    IndexOptions o;
    o.paths = {dir / "corpus"};
    o.taxonomy = fs::path(A6KB_CORPUS) / "taxonomy.xml";
    return check_corpus(o, texts ? std::vector<fs::path>{dir / "texts"} : std::vector<fs::path>{});
}

bool has(const CheckReport& r, const std::string& words) {
    return std::any_of(r.problems.begin(), r.problems.end(), [&](const std::string& p) { return p.find(words) != std::string::npos; });
}

}  // namespace

TEST_CASE("the check passes good provisions and resolves them in the texts", "[provision][check]") {
    test::TempDir dir;
    auto r = check(dir,
                   provision("prov-7-cma-9-annex-p1", "decision 7/CMA.9, annex, paragraph 1",
                             "Host Parties send their yearly figures no later than 15 April.") +
                       provision("prov-7-cma-9-annex-p2", "decision 7/CMA.9, annex, paragraph 2", "A registry is needed.",
                                 "<refines>prov-7-cma-9-annex-p1</refines>") +
                       provision("prov-7-cma-9-annex-p3", "decision 7/CMA.9, annex, paragraph 3",
                                 "Host Parties describe their arrangements by 30 June."),
                   true);
    INFO((r.problems.empty() ? std::string() : r.problems.front()));
    CHECK(r.problems.empty());
    CHECK(r.provisions == 3);
    CHECK(r.resolved == 3);
}

TEST_CASE("the check finds structural problems", "[provision][check]") {
    test::TempDir dir;
    auto r = check(dir,
                   provision("prov-7-cma-9-annex-p3", "decision 7/CMA.9, annex, paragraph 2", "Wrong id.") +
                       provision("prov-7-cma-9-p1", "decision 8/CMA.9, paragraph 1", "Another decision.") +
                       provision("prov-7-cma-9-annex-p1", "decision 7/CMA.9, annex, paragraph 1", "Refines nothing.",
                                 "<refines>prov-nowhere</refines>"),
                   false);
    CHECK(has(r, "its id must start with 'prov-7-cma-9-annex-p2'"));
    CHECK(has(r, "the citation names 8/CMA.9 but the provision belongs to 7/CMA.9"));
    CHECK(has(r, "refines 'prov-nowhere'"));
    CHECK(r.resolved == 0);
}

TEST_CASE("the check finds missing paragraphs, figures and copied runs", "[provision][check]") {
    test::TempDir dir;
    auto r = check(dir,
                   provision("prov-7-cma-9-annex-p9", "decision 7/CMA.9, annex, paragraph 9", "No such paragraph.") +
                       provision("prov-7-cma-9-annex-p1", "decision 7/CMA.9, annex, paragraph 1",
                                 "Host Parties report by 30 April.") +
                       provision("prov-7-cma-9-annex-p2", "decision 7/CMA.9, annex, paragraph 2(c)", "A registry.") +
                       provision("prov-7-cma-9-annex-p1-2", "decision 7/CMA.9, annex, paragraph 1",
                                 "They report the annual information by 15 April of the following year in the agreed format."),
                   true);
    CHECK(has(r, "the official text has no such paragraph (anchor annex-p9)"));
    CHECK(has(r, "states 30, which the cited paragraph does not"));
    CHECK(has(r, "has no sub-paragraph (c)"));
    // report the [annual information] by 15 april of the following year in the agreed: 13 words
    CHECK(has(r, "shares 13 consecutive words with decision 7/CMA.9, annex, paragraph 1"));
}
