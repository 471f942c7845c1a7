// SPDX-License-Identifier: Apache-2.0
// Cutting text into passages: a decision-like text of our own (preamble,
// operative paragraphs, annexes with chapters and sections, sub-paragraphs,
// a paragraph over a page break), a methodology-like PDF, bad input, and
// the real documents when they are there.
#include "core/extract/extract.h"
#include "core/index/indexer.h"
#include "core/index/passages.h"
#include "core/model/passage.h"
#include "core/model/record.h"
#include "core/model/schema.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <cstdlib>
#include <iostream>
#include <set>
#include <tuple>

using namespace a6kb;
namespace fs = std::filesystem;

namespace {

Record record(std::vector<std::string> pages, const std::string& type, const std::string& media = "text/plain") {
    Record r;
    r.pages = std::move(pages);
    r.media_type = media;
    if (!type.empty()) r.set_one("type", type);
    return r;
}

Record extracted(const std::string& bytes, std::string_view media, const std::string& type) {
    auto e = extract_bytes(bytes, media);
    REQUIRE(e.doc);
    return record(e.doc->pages, type, std::string(media));
}

bool anchor_ok(const std::string& a) {
    return !a.empty() && a.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos;
}

// Every passage has a location and an anchor of the grammar, unique in the record.
void check_locations(const std::vector<Passage>& ps) {
    std::set<std::string> anchors;
    for (const auto& p : ps) {
        INFO(p.anchor << " " << p.label);
        CHECK(!p.label.empty());
        CHECK(anchor_ok(p.anchor));
        CHECK(anchors.insert(p.anchor).second);
        CHECK(!p.text.empty());
    }
}

using Where = std::tuple<std::string, std::string, int>;  // label, anchor, page

std::vector<Where> where(const std::vector<Passage>& ps) {
    std::vector<Where> out;
    for (const auto& p : ps) out.emplace_back(p.label, p.anchor, p.page);
    return out;
}

const Passage& find(const std::vector<Passage>& ps, const std::string& anchor) {
    for (const auto& p : ps)
        if (p.anchor == anchor) return p;
    FAIL("no passage " << anchor);
    return ps.front();
}

}  // namespace

TEST_CASE("a decision: preamble, paragraphs, annexes, chapters, sections, a page break", "[passages]") {
    auto r = extracted(test::read_file(test::fixture("passages/decision.txt")), media::TEXT, "decision");
    REQUIRE(r.pages.size() == 2);
    auto ps = cut_passages(r);
    check_locations(ps);
    CHECK(where(ps) == std::vector<Where>{
                           {"title", "title", 1},
                           {"preamble", "preamble-1", 1},
                           {"preamble", "preamble-2", 1},
                           {"preamble", "preamble-3", 1},
                           {"paragraph 1", "p1", 1},
                           {"paragraph 2", "p2", 1},
                           {"paragraph 3", "p3", 1},
                           {"annex", "annex", 1},
                           {"annex, chapter I", "annex-ch1", 1},
                           {"annex, chapter I, paragraph 1", "annex-p1", 1},
                           {"annex, chapter II", "annex-ch2", 1},
                           {"annex, chapter II.A", "annex-ch2-a", 1},
                           {"annex, chapter II.A, paragraph 2", "annex-p2", 1},
                           {"annex, chapter II.A, paragraph 3", "annex-p3", 1},
                           {"annex, chapter II.B", "annex-ch2-b", 1},
                           {"annex, chapter II.B, paragraph 4", "annex-p4", 1},
                           {"annex, chapter III", "annex-ch3", 2},
                           {"annex, chapter III, paragraph 5", "annex-p5", 2},
                           {"annex, chapter III, paragraph 5", "annex-p5-2", 2},  // a repeated number
                           {"annex, chapter III, paragraph 7", "annex-p7", 2},    // a broken sequence
                           {"annex II", "annex2", 2},
                           {"annex II, paragraph 1", "annex2-p1", 2},
                           {"adoption", "adoption", 2},
                       });
    CHECK(find(ps, "title").text == "Decision 7/CMA.9\nKeeping a ledger of wombat credits");
    CHECK(find(ps, "title").heading);
    CHECK(find(ps, "annex-ch2-a").heading);
    CHECK(!find(ps, "p2").heading);
    // Sub-paragraphs stay inside their paragraph.
    CHECK(find(ps, "p2").text ==
          "2. Requests the panel to:\n(a) Count the burrows twice a year;\n(b) Publish the counts, including:\n"
          "(i) The burrows in each valley;\n(ii) The burrows that were abandoned;");
    CHECK(find(ps, "p2").number == "2");
    // The paragraph split over two pages is one passage that starts on the first.
    const auto& p4 = find(ps, "annex-p4");
    CHECK(p4.text.find("with the date, the\namount and the reason") != std::string::npos);
    CHECK(p4.last_page == 2);
    CHECK(find(ps, "annex-p2").path ==
          std::vector<std::string>{"Annex", "II. Keeping the ledger", "A. Accounts"});
    CHECK(find(ps, "annex-p5").text.find("five per cent") != std::string::npos);
}

TEST_CASE("a methodology PDF: numbered sections, paragraphs and pages", "[passages]") {
    const std::string header = "TOOL99 Methodological tool: Counting burrows";
    auto pdf = test::make_pdf({
        {"CLEAN DEVELOPMENT MECHANISM", "TOOL99", "Methodological tool", "Counting burrows", "Version 01.0"},
        {header, "1. Introduction", "1. This tool counts the burrows of a valley.", "2. Scope and applicability",
         "2.1. Scope", "2. The tool applies to the burrows of wombats."},
        {header, "2.2 Applicability", "3. It applies when the valley is dry:", "(a) The burrows can be seen;",
         "(b) The season is over."},
        {header, "3. Monitoring", "4. Count the burrows twice a year, as the", "Annex I Parties in the pilot phase and in",
         "the valleys do."},
    });
    auto r = extracted(pdf, media::PDF, "tool");
    REQUIRE(r.pages.size() == 4);
    auto ps = cut_passages(r);
    check_locations(ps);
    const auto& s22 = find(ps, "s2-2");
    CHECK(s22.label == "section 2.2 (Applicability)");
    CHECK(s22.page == 3);
    CHECK(s22.heading);
    CHECK(s22.number == "2.2");
    const auto& p3 = find(ps, "s2-2-p3");
    CHECK(p3.label == "section 2.2, paragraph 3");
    CHECK(p3.page == 3);
    CHECK(p3.text.find("(b) The season is over.") != std::string::npos);
    CHECK(p3.path == std::vector<std::string>{"2. Scope and applicability", "2.2 Applicability"});
    CHECK(find(ps, "s2-1-p2").page == 2);
    CHECK(find(ps, "s3-p4").label == "section 3, paragraph 4");
    CHECK(find(ps, "s3-p4").text.find("Annex I Parties in the pilot phase") != std::string::npos);  // a term, not an annex
    CHECK(ps.back().anchor == "s3-p4");
    CHECK(find(ps, "s1").label == "section 1 (Introduction)");
    // The running header is kept once, not on every page.
    int headers = 0;
    for (const auto& p : ps) headers += p.text.find(header) != std::string::npos;
    CHECK(headers == 1);
}

TEST_CASE("passages of other texts: headings, pages, paragraphs", "[passages]") {
    Record md = record({"Notes\n\nWe met in the valley.\n\nBackground\n\nWombats dig.\n\nThey sleep by day."}, "");
    md.headings = {"Background"};
    auto ps = cut_passages(md);
    check_locations(ps);
    CHECK(where(ps) == std::vector<Where>{{"paragraph 1", "t1", 0},
                                          {"paragraph 2", "t2", 0},
                                          {"Background", "h-background", 0},
                                          {"Background", "h-background-1", 0},
                                          {"Background", "h-background-2", 0}});
    CHECK(find(ps, "h-background").heading);

    SECTION("empty pages of a PDF give nothing; the others keep their number") {
        auto pdf = record({"", "Text on the second page.\n\nMore text.", "", "Last words."}, "", "application/pdf");
        CHECK(where(cut_passages(pdf)) ==
              std::vector<Where>{{"page 2", "page2-1", 2}, {"page 2", "page2-2", 2}, {"page 4", "page4-1", 4}});
    }
    SECTION("no text, no passages") {
        CHECK(cut_passages(record({}, "decision")).empty());
        CHECK(cut_passages(record({"", "  \n\n"}, "methodology", "application/pdf")).empty());
    }
}

TEST_CASE("bad input: no numbering, long texts, a 5 MB line", "[passages][robust]") {
    SECTION("a decision with no numbering is cut by paragraphs") {
        auto ps = cut_passages(record({"Some words.\n\nOther words.\n\nLast words."}, "decision"));
        check_locations(ps);
        CHECK(ps.size() == 3);
    }
    SECTION("10,000 numbered paragraphs") {
        std::string text = "Decision 1/CMA.99\nMany paragraphs\n";
        for (int i = 1; i <= 10000; ++i) text += std::to_string(i) + ". Decides on matter number " + std::to_string(i) + ";\n";
        auto ps = cut_passages(record({text}, "decision"));
        REQUIRE(ps.size() == 10001);
        check_locations(ps);
        CHECK(ps.back().anchor == "p10000");
    }
    SECTION("a 5 MB line is cut into bounded passages, at sentence ends when it has them") {
        std::string sentences;
        while (sentences.size() < (5u << 20)) sentences += "The wombat digs a burrow under the old gum tree. ";
        std::string solid(5u << 20, 'x');
        for (const auto& line : {sentences, solid}) {
            auto ps = cut_passages(record({line}, "methodology"));
            check_locations(ps);
            size_t total = 0;
            for (const auto& p : ps) {
                CHECK(p.text.size() <= 3000);
                total += p.text.size();
            }
            CHECK(total >= line.size() - ps.size() * 2);  // only the spaces at the cuts go
            if (line[0] == 'T') CHECK(ps.front().text.back() == '.');
        }
    }
}

namespace {

fs::path realdocs() {
    if (const char* env = std::getenv("A6KB_REALDOCS")) return env;
    return fs::path(A6KB_CORPUS) / ".." / ".." / "shared" / "realdocs";  // ../shared/realdocs from the source tree
}

}  // namespace

TEST_CASE("realdocs: every document yields passages with a location", "[passages][realdocs]") {
    const fs::path root = realdocs();
    if (!fs::is_directory(root)) {
        WARN("realdocs not found at " << root.string() << ": skipped");
        return;
    }
    test::TempDir dir;
    IndexOptions o;
    o.db = dir / "index";
    o.taxonomy = fs::path(A6KB_CORPUS) / "taxonomy.xml";
    o.paths = {root};
    o.jobs = 2;
    run_index(o);
    Xapian::Database db(o.db.string());
    size_t records = 0, unfccc = 0, numbered = 0;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        Record r = record_from_document(db.get_document(*it));
        auto ps = load_passages(db, r.id);
        INFO(r.id);
        CHECK(!ps.empty());
        check_locations(ps);
        ++records;
        if (r.sources.empty() || r.sources.front().rfind("unfccc-decisions/", 0) != 0) continue;
        for (const auto& p : ps) {
            ++unfccc;
            numbered += !p.number.empty() && p.label.find("paragraph") != std::string::npos;
        }
    }
    CHECK(records > 100);
    std::cout << "realdocs: " << records << " records; passages of the UNFCCC texts with a paragraph number: "
              << numbered << " of " << unfccc << " (" << (unfccc ? 100.0 * numbered / unfccc : 0) << "%)\n";
}
