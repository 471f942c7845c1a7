// SPDX-License-Identifier: Apache-2.0
// Queries as people type them (issue 14): spelling variants from data,
// correction beside good words, versions by typing, acronyms both ways,
// questions. The cases index a small catalog of their own with the shipped
// taxonomy and the shipped corpus/variants.txt beside it.
#include "core/index/indexer.h"
#include "core/model/errors.h"
#include "core/model/variants.h"
#include "core/search/correction.h"
#include "core/search/searcher.h"
#include "core/search/versions.h"
#include "support.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

using namespace a6kb;
using test::TempDir;

namespace {

std::string record(const std::string& symbol, const std::string& version, const std::string& title, const std::string& text) {
    std::string r = "<record>";
    if (!symbol.empty()) r += "<symbol>" + symbol + "</symbol><type>methodology</type>";
    if (!version.empty()) r += "<version>" + version + "</version>";
    return r + "<title>" + title + "</title><text>" + text + "</text></record>\n";
}

// AMS-III.D 1.0-12.0 and 14.0-21.0 (no 13.0), an additionality tool, texts
// in British and American spelling and compounds written both ways.
std::string catalog() {
    std::string c = "<?xml version=\"1.0\"?>\n<catalog lang=\"en\">\n";
    for (int v = 1; v <= 21; ++v)
        if (v != 13)
            c += record("AMS-III.D", std::to_string(v) + ".0", "Methane recovery in animal manure management systems",
                        "Methane recovery from manure, version " + std::to_string(v) + ". Additionality is shown with TOOL01.");
    c += record("ACM0002", "20.0", "Grid-connected electricity generation from renewable sources", "Grid electricity.");
    c += record("ACM0002", "22.0", "Grid-connected electricity generation from renewable sources", "Grid electricity.");
    c += record("TOOL01", "7.0.0", "Tool for the demonstration and assessment of additionality",
                "Additionality of a project activity is demonstrated with this tool.");
    for (int i = 1; i <= 3; ++i) {
        std::string n = std::to_string(i);
        c += record("", "", "Registration note " + n + " on a programme of activities",
                    "A programme of activities registers component activities. Authorisation by the host Party.");
        c += record("", "", "Issuance note " + n + " on a program of activities",
                    "A program of activities issues credits. Authorization by the host Party.");
        c += record("", "", "Household energy note " + n, n == "1" ? "Efficient cook stoves for households."
                                                                   : "Efficient cookstoves for households.");
    }
    c += record("", "", "Meeting report", "The parties discussed the timeline and a tool. One word was misspelt: additionalty.");
    // "blend" is rare and close to "amend", which is far more frequent; but a title holds it.
    c += record("ACM0005", "7.1.0", "Increasing the blend in cement production", "Cement with more additives in the blend.");
    for (int i = 1; i <= 12; ++i) c += record("", "", "Note " + std::to_string(i), "Parties amend the cement rules.");
    return c + "</catalog>\n";
}

struct Corpus {
    TempDir dir;
    std::string db;
    Corpus() {
        namespace fs = std::filesystem;
        fs::create_directories(dir / "corpus");
        fs::copy_file(std::string(A6KB_CORPUS) + "/taxonomy.xml", dir / "corpus/taxonomy.xml");
        fs::copy_file(std::string(A6KB_CORPUS) + "/variants.txt", dir / "corpus/variants.txt");
        test::write_file(dir / "corpus/notes.catalog.xml", catalog());
        IndexOptions o;
        o.db = dir / "index";
        o.taxonomy = dir / "corpus/taxonomy.xml";
        o.paths = {dir / "corpus"};
        run_index(o);
        db = o.db.string();
    }
};

Searcher& searcher() {
    static Corpus corpus;
    static Searcher s(corpus.db);
    return s;
}

SearchResult search(const std::string& q, Params extra = {}) {
    extra.emplace_back("q", q);
    extra.emplace_back("per_page", "50");
    return searcher().search(parse_search_request(extra, searcher().taxonomy()));
}

std::vector<std::string> ids(const SearchResult& r) {
    std::vector<std::string> out;
    for (const auto& h : r.hits) out.push_back(h.record.id);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("variants.txt: groups of forms, roots, errors with file and line", "[queries][variants]") {
    auto v = Variants::parse("# comment\nprogramme | program\norganis* | organiz*\ncookstove | cook stove | cook-stove\n", "v.txt");
    REQUIRE(v.groups().size() == 3);
    CHECK(v.groups()[0].forms == std::vector<std::vector<std::string>>{{"programme"}, {"program"}});
    CHECK(v.groups()[1].roots);
    CHECK(v.groups()[2].forms.size() == 2);  // "cook stove" and "cook-stove" are the same words
    CHECK(v.groups()[2].line == 4);
    CHECK_THROWS_WITH(Variants::parse("\nprogramme\n", "v.txt"), Catch::Contains("v.txt:2"));
    CHECK_THROWS_WITH(Variants::parse("organis* | organization\n", "v.txt"), Catch::Contains("either every form"));
    CHECK(Variants::load("/nonexistent/variants.txt").empty());
    CHECK_NOTHROW(Variants::load(std::string(A6KB_CORPUS) + "/variants.txt"));
    CHECK(!Variants::load(std::string(A6KB_CORPUS) + "/variants.txt").empty());
}

TEST_CASE("variant pairs find the same records, phrases included", "[queries][variants]") {
    for (auto [a, b] : std::vector<std::pair<std::string, std::string>>{
             {"programme of activities", "program of activities"},
             {"\"programme of activities\"", "\"program of activities\""},
             {"authorisation", "authorization"},
             {"cook stove", "cookstove"},
             {"cook stoves", "cookstoves"},
             {"cook-stove", "cookstove"}}) {
        INFO(a << " / " << b);
        auto ra = ids(search(a)), rb = ids(search(b));
        CHECK(ra == rb);
        CHECK(!ra.empty());
    }
    CHECK(search("\"program of activities\"").total == 6);
    CHECK(search("authorisation").total == 6);
    CHECK(search("cookstove").total == 3);
}

TEST_CASE("a misspelt word beside a good one is corrected, and said so", "[queries][correction]") {
    auto r = search("additionalty tool");
    REQUIRE(!r.hits.empty());
    CHECK(r.hits.front().record.id == "tool01-v7-0-0");
    CHECK(r.corrected);
    REQUIRE(r.suggestion);
    CHECK(*r.suggestion == "additionality tool");
    REQUIRE(r.original);
    CHECK(*r.original == "additionalty tool");
    // exact=1: as typed, which finds the one report with the typo.
    auto exact = search("additionalty tool", {{"exact", "1"}});
    CHECK(!exact.corrected);
    CHECK(ids(exact) == std::vector<std::string>{"meeting-report"});
    // Quoted phrases, codes and good words are left alone.
    CHECK(!search("\"additionalty\"").corrected);
    CHECK(!search("methane recovery").corrected);
    CHECK(!search("AMS-III.D").corrected);
    // A rare word some title holds is a word, not a misspelling of a frequent one.
    auto blend = search("cement blend");
    CHECK(!blend.corrected);
    REQUIRE(!blend.hits.empty());
    CHECK(blend.hits.front().record.id == "acm0005-v7-1-0");
}

TEST_CASE("correct_words: only misspelt plain words", "[queries][correction]") {
    Xapian::Database db(searcher().database());
    std::unordered_set<std::string> keep = protected_words(searcher().taxonomy());
    CHECK(correct_words("additionalty tool", db, keep) == std::optional<std::string>("additionality tool"));
    CHECK(!correct_words("additionality tool", db, keep));
    CHECK(!correct_words("ADDITIONALTY tool", db, keep));  // capitals: a code or an acronym
    CHECK(!correct_words("\"additionalty tool\"", db, keep));
    CHECK(!correct_words("authorisation", db, keep));  // a variant, not a misspelling
    CHECK(keep.count("authorization"));                // taxonomy label words are kept
}

TEST_CASE("versions by typing: that version first, or what the family holds", "[queries][versions]") {
    for (const char* q : {"AMS-III.D version 12", "AMS-III.D v12", "AMS-III.D ver. 12.0", "AMS-III.D/12", "ams iii d v.12"}) {
        INFO(q);
        auto r = search(q);
        REQUIRE(!r.hits.empty());
        CHECK(r.hits.front().record.id == "ams-iii-d-v12-0");
        REQUIRE(r.versions.size() == 1);
        CHECK(r.versions[0].latest == "21.0");
        CHECK(r.versions[0].message().empty());
    }
    auto missing = search("AMS-III.D version 13");
    REQUIRE(missing.versions.size() == 1);
    CHECK(missing.versions[0].ids.empty());
    CHECK(missing.versions[0].message() == "version 13 of AMS-III.D is not in the index; it holds 1.0-12.0 and 14.0-21.0");
    REQUIRE(!missing.hits.empty());
    CHECK(missing.hits.front().record.id == "ams-iii-d-v21-0");
    auto acm = search("ACM0002 v.20");
    REQUIRE(!acm.hits.empty());
    CHECK(acm.hits.front().record.id == "acm0002-v20-0");
    REQUIRE(acm.hits.size() >= 2);
    CHECK(acm.hits[1].record.id == "acm0002-v22-0");  // the latest beside it
    CHECK(search("TOOL01 version 7").hits.front().record.id == "tool01-v7-0-0");
    CHECK(search("AMS-III.D").versions.empty());
}

TEST_CASE("version_after, same_version, version_runs", "[queries][versions]") {
    std::string v;
    CHECK(version_after(" version 13", 0, v) == 11);
    CHECK(v == "13");
    CHECK(version_after(" v13 manure", 0, v) == 4);
    CHECK(version_after(" ver. 13.0", 0, v) == 10);
    CHECK(v == "13.0");
    CHECK(version_after("/13", 0, v) == 3);
    CHECK(version_after(" v.20", 0, v) == 5);
    CHECK(version_after(" various", 0, v) == 0);
    CHECK(version_after(" 13", 0, v) == 0);
    CHECK(version_after(" v13abc", 0, v) == 0);
    CHECK(same_version("13", "13.0"));
    CHECK(same_version("07.0.0", "7"));
    CHECK(!same_version("20.1", "20"));
    CHECK(version_runs({"1.0", "2.0", "3.0", "5.0", "20.0", "20.1", "21.0"}) == "1.0-3.0, 5.0 and 20.0-21.0");
}

TEST_CASE("acronyms both ways; a question is ranked by its key terms", "[queries][acronyms]") {
    auto& s = searcher();
    auto q = build_query("PoA", s.database());
    CHECK(q.query.get_description().find("programme@") != std::string::npos);  // the expansion as a phrase
    auto long_form = build_query("programme of activities", s.database());
    CHECK(long_form.query.get_description().find("poa") != std::string::npos);
    auto question = build_query("how many members does the Supervisory Body have?", s.database());
    std::string d = question.query.get_description();
    CHECK(d.find("Zmember") != std::string::npos);
    for (const char* filler : {"Zhow", "Zmani", "many", "Zdoe@", "Zhave"}) {
        INFO(filler);
        CHECK(d.find(filler) == std::string::npos);
    }
    // Not a question: the same filler rules as before.
    CHECK(build_query("many members", s.database()).query.get_description().find("Zmani") != std::string::npos);
}
