// SPDX-License-Identifier: Apache-2.0
#include "core/model/errors.h"
#include "core/index/indexer.h"
#include "core/search/query.h"
#include "core/search/searcher.h"
#include "support.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

using namespace a6kb;
using test::TempDir;

namespace {

// One indexed search corpus shared by the cases of this file.
struct Indexed {
    TempDir dir;
    std::string db;
    Indexed() : db(test::index_search_corpus(dir.path()).db.string()) {}
};

Indexed& indexed() {
    static Indexed i;
    return i;
}

SearchRequest req(std::initializer_list<std::pair<std::string, std::string>> p, const Searcher& s) {
    return parse_search_request(Params(p), s.taxonomy());
}

std::vector<std::string> ids(const SearchResult& r) {
    std::vector<std::string> out;
    for (const auto& h : r.hits) out.push_back(h.record.id);
    return out;
}

size_t count_of(const SearchResult& r, const std::string& facet, const std::string& value) {
    for (const auto& f : r.facets)
        if (f.id == facet)
            for (const auto& v : f.values)
                if (v.value == value) return v.count;
    return 0;
}

}  // namespace

TEST_CASE("parameters: facets OR within, labels resolved, errors name the parameter", "[search][params]") {
    auto tax = Taxonomy::load(test::fixture("taxonomy.xml"));
    auto r = parse_search_request({{"q", " methane "}, {"group", "DNA"}, {"group", "development-banks"}, {"type", "Tool"},
                                   {"year_from", "2020"}, {"sort", "newest"}, {"page", "2"}, {"per_page", "20"},
                                   {"versions", "all"}},
                                  tax);
    CHECK(r.q == "methane");
    CHECK(r.filters["group"] == std::vector<std::string>{"governments-dnas", "development-banks"});
    CHECK(r.filters["type"] == std::vector<std::string>{"tool"});
    CHECK(r.year_from == 2020);
    CHECK(r.sort == SearchRequest::Sort::newest);
    CHECK(r.page == 2);
    CHECK(r.per_page == 20);
    CHECK(!r.latest_only);
    auto back = parse_search_request(r.to_params(), tax);
    CHECK(back.to_params() == r.to_params());

    auto error_of = [&](Params p) {
        try {
            parse_search_request(p, tax);
        } catch (const UserError& e) {
            return e.code() + ": " + e.what();
        }
        return std::string("no error");
    };
    CHECK_THAT(error_of({{"grup", "x"}}), Catch::Contains("'grup'") && Catch::Contains("unknown"));
    CHECK_THAT(error_of({{"group", "bankers"}}), Catch::Contains("'group'") && Catch::Contains("'bankers'"));
    CHECK_THAT(error_of({{"per_page", "101"}}), Catch::Contains("'per_page'"));
    CHECK_THAT(error_of({{"per_page", "ten"}}), Catch::Contains("'per_page'"));
    CHECK_THAT(error_of({{"page", "0"}}), Catch::Contains("'page'"));
    CHECK_THAT(error_of({{"page", "1001"}}), Catch::Contains("'page'") && Catch::Contains("deeper"));
    CHECK_THAT(error_of({{"sort", "best"}}), Catch::Contains("'sort'"));
    CHECK_THAT(error_of({{"year_from", "20x"}}), Catch::Contains("'year_from'"));
    CHECK_THAT(error_of({{"year_from", "2024"}, {"year_to", "2020"}}), Catch::Contains("'year_from'"));
    CHECK_THAT(error_of({{"q", "a"}, {"q", "b"}}), Catch::Contains("more than once"));
    CHECK_THAT(error_of({{"q", std::string(1001, 'x')}}), Catch::StartsWith("query_too_long"));
    CHECK(error_of({{"js", "1"}}) != "no error");
    CHECK_NOTHROW(parse_search_request({{"js", "1"}}, tax, {}, {"js"}));
}

TEST_CASE("query building: symbols in any spelling, fields, broken syntax", "[search][query]") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    auto desc = [&](const std::string& q) { return build_query(q, db).query.get_description(); };
    for (const char* q : {"AMS-III.D", "ams-iii.d", "AMS III D", "III.D", "symbol:ams-iii.d"}) {
        INFO(q);
        CHECK(desc(q) == "Query((PostingSource(Xapian::FixedWeightPostingSource(wt=100)) AND XSYams-iii.d))");
    }
    CHECK_THAT(desc("3/CMA.3 share of proceeds"), Catch::Contains("XSY3/cma.3") && Catch::Contains("Zshare"));
    CHECK_THAT(desc("tool 7"), Catch::Contains("XSYtool07"));
    CHECK_THAT(desc("title:methane"), Catch::Contains("ZSmethan"));
    CHECK_THAT(desc("methane -flare"), Catch::Contains("AND_NOT"));
    CHECK_THAT(desc("\"manure management\""), Catch::Contains("PHRASE"));
    CHECK_THAT(desc("methane manure"), Catch::Contains("Zmethan@1 AND Zmanur@2"));
    CHECK(build_query("", db).empty);
    CHECK(build_query("   ", db).query.get_description() == "Query(<alldocuments>)");
    for (const char* broken : {"\"unbalanced", "methane AND", "(manure", "OR OR", "NOT", "\"", "-", "title:"}) {
        INFO(broken);
        CHECK_NOTHROW(build_query(broken, db));
    }
    CHECK(build_query("methane AND", db).degraded);
}

TEST_CASE("a symbol finds its record first; versions collapse to the latest with a count", "[search]") {
    Searcher s(indexed().db);
    for (const char* q : {"AMS-III.D", "ams iii d", "III.D", "manure AMS-III.D"}) {
        INFO(q);
        auto r = s.search(req({{"q", q}}, s));
        REQUIRE(!r.hits.empty());
        CHECK(r.hits[0].record.id == "ams-iii-d-v21-0");
        CHECK(r.hits[0].versions == 3);
        CHECK(r.hits[0].record.latest);
    }
    auto all = s.search(req({{"q", "AMS-III.D"}, {"versions", "all"}}, s));
    REQUIRE(all.hits.size() == 3);
    CHECK(all.hits[0].record.id == "ams-iii-d-v21-0");
    auto decision = s.search(req({{"q", "3/CMA.3"}}, s));
    REQUIRE(!decision.hits.empty());
    CHECK(decision.hits[0].record.id == "3-cma-3");
    CHECK(decision.hits[0].record.url == "https://example.org/3-cma-3");
}

TEST_CASE("facet counts are exact and disjunctive", "[search][facets]") {
    // The counts, by hand from write_search_corpus() and tests/fixtures/taxonomy.xml:
    // - group governments-dnas: the lab (front matter "DNA", an alt of the concept)
    //   and 2/CMA.9 (its cue "designated national authority", weight 3, twice) = 2;
    // - group development-banks: the lab only (front matter) = 1; so ticking both
    //   gives their union, {lab, 2/CMA.9} = 2, and neither value's count moves;
    // - type decision: 1/CMA.9, 2/CMA.9, 3/CMA.9 and 3/CMA.3 = 4; with
    //   governments-dnas ticked only 2/CMA.9 stays, and the lab session with it;
    // - year: 2030 for the three CMA.9 decisions, 2021 for 3/CMA.3.
    Searcher s(indexed().db);
    auto none = s.search(req({}, s));
    CHECK(none.total == 8);  // 3 decisions, AMS-III.D (latest only), TOOL14, lab, 3/CMA.3, glossary
    size_t dnas = count_of(none, "group", "governments-dnas");
    size_t banks = count_of(none, "group", "development-banks");
    CHECK(dnas == 2);
    CHECK(banks == 1);
    auto one = s.search(req({{"group", "governments-dnas"}}, s));
    CHECK(one.total == dnas);
    CHECK(ids(one) == std::vector<std::string>{"2-cma-9", "f-labs-lab-md"});  // newest first without a query
    auto two = s.search(req({{"group", "governments-dnas"}, {"group", "development-banks"}}, s));
    // Ticking a second value: the union, and the facet's own counts unchanged.
    CHECK(two.total == 2);
    size_t group_values = 0;
    for (const auto& f : two.facets) {
        if (f.id != "group") continue;
        for (const auto& v : f.values) {
            ++group_values;
            CHECK(v.count == count_of(none, "group", v.value));
            CHECK(v.selected == (v.value == "governments-dnas" || v.value == "development-banks"));
        }
    }
    CHECK(group_values >= 2);
    // Another facet's counts follow the selection.
    size_t decisions_all = count_of(none, "type", "decision");
    CHECK(decisions_all == 4);
    CHECK(count_of(one, "type", "decision") == 1);
    CHECK(count_of(one, "type", "lab-session") == 1);
    auto typed = s.search(req({{"type", "decision"}}, s));
    CHECK(typed.total == decisions_all);
    // Year facet and range.
    CHECK(count_of(none, "year", "2030") == 3);
    CHECK(count_of(none, "year", "2021") == 1);
    auto y = s.search(req({{"year_from", "2030"}}, s));
    CHECK(y.total == 3);
    CHECK(count_of(y, "year", "2021") == 1);  // year is counted without its own filter
    CHECK(y.exact);
}

TEST_CASE("facets list the values the selection has and the ticked ones; the overview lists every concept", "[search][facets]") {
    Searcher s(indexed().db);
    auto listed = [](const SearchResult& r, const std::string& facet, const std::string& value) {
        for (const auto& f : r.facets)
            if (f.id == facet)
                for (const auto& v : f.values)
                    if (v.value == value) return true;
        return false;
    };
    // No record of the corpus is in French: "fr" is a concept of the
    // language facet with no records, left out of a search's facets.
    auto none = s.search(req({}, s));
    CHECK(listed(none, "lang", "en"));
    CHECK_FALSE(listed(none, "lang", "fr"));
    for (const auto& f : none.facets)
        for (const auto& v : f.values) CHECK(v.count > 0);
    // Ticked, it is listed at 0 (the page shows the tick, to take it off).
    auto french = s.search(req({{"lang", "fr"}}, s));
    CHECK(french.total == 0);
    REQUIRE(listed(french, "lang", "fr"));
    CHECK(count_of(french, "lang", "fr") == 0);
    // The overview (GET /api/v1/facets) lists every concept, counts of 0 included.
    bool fr_in_overview = false;
    for (const auto& f : s.facet_overview())
        if (f.id == "lang")
            for (const auto& v : f.values) fr_in_overview |= v.value == "fr" && v.count == 0;
    CHECK(fr_in_overview);
}

TEST_CASE("spelling is corrected when the query has no hits; synonyms join acronyms and expansions", "[search]") {
    Searcher s(indexed().db);
    auto r = s.search(req({{"q", "corresponding adjustmnts"}}, s));
    REQUIRE(r.suggestion);
    CHECK(*r.suggestion == "corresponding adjustments");
    CHECK(r.corrected);
    CHECK(!r.hits.empty());
    // A query that finds something is not second-guessed, even where the
    // word as typed is not in the index and only its stem matches.
    auto stemmed = s.search(req({{"q", "adjustment"}}, s));
    CHECK(!stemmed.hits.empty());
    CHECK(!stemmed.suggestion);
    CHECK(!stemmed.corrected);
    auto dna = s.search(req({{"q", "DNA"}}, s));
    auto dna_ids = ids(dna);
    CHECK(std::count(dna_ids.begin(), dna_ids.end(), "2-cma-9") == 1);  // says "designated national authority"
    auto expanded = s.search(req({{"q", "designated national authority"}}, s));
    CHECK(!expanded.hits.empty());
    auto nothing = s.search(req({{"q", "zzyzx"}}, s));
    CHECK(nothing.total == 0);
    CHECK(nothing.hits.empty());
}

TEST_CASE("hits carry snippets with marks, the page, why they matched", "[search]") {
    Searcher s(indexed().db);
    auto r = s.search(req({{"q", "biogas flare"}}, s));
    REQUIRE(!r.hits.empty());
    const Hit& h = r.hits[0];
    CHECK(h.record.id == "ams-iii-d-v21-0");
    CHECK(h.page == 3);
    CHECK_THAT(h.snippet, Catch::Contains("<mark>biogas</mark>"));
    CHECK(h.matched == std::vector<std::string>{"biogas", "flare"});
    CHECK(h.record.pages.empty());
}

TEST_CASE("markup in a record's title and text comes out of the snippet escaped", "[search][xss]") {
    TempDir dir;
    Searcher s(test::index_search_corpus(dir.path(), {test::markup_note()}).db.string());
    auto xss = s.search(req({{"q", "<script>alert(1)</script>"}}, s));
    REQUIRE(xss.hits.size() == 1);  // only the note holds these words
    const Hit& h = xss.hits[0];
    CHECK(h.record.title == "Escaping <script>alert(1)</script> in a title");  // data, escaped by each renderer
    INFO(h.snippet);
    CHECK_THAT(h.snippet, Catch::Contains("&lt;<mark>script</mark>&gt;<mark>alert</mark>(<mark>1</mark>)"));
    CHECK_THAT(h.snippet, Catch::Contains("&lt;img src=x onerror=<mark>alert</mark>(2)&gt;"));
    CHECK(h.snippet.find("<script") == std::string::npos);
    CHECK(h.snippet.find("<img") == std::string::npos);
}

TEST_CASE("sorting by date; browsing without a query", "[search]") {
    Searcher s(indexed().db);
    auto newest = s.search(req({{"sort", "newest"}}, s));
    auto oldest = s.search(req({{"sort", "oldest"}}, s));
    REQUIRE(newest.hits.size() > 2);
    CHECK(newest.hits.front().record.date >= newest.hits.back().record.date);
    CHECK(oldest.hits.front().record.date <= oldest.hits[1].record.date);
    auto page2 = s.search(req({{"per_page", "2"}, {"page", "2"}, {"sort", "newest"}}, s));
    REQUIRE(page2.hits.size() == 2);
    CHECK(page2.hits[0].record.id == newest.hits[2].record.id);
}

TEST_CASE("browsing on several threads at once shares no Xapian object", "[search][threads]") {
    // Xapian's reference counts are not atomic: a query object copied on two
    // threads at once can be freed under one of them. The static
    // Xapian::Query::MatchAll was such an object (every browse copied it).
    Xapian::WritableDatabase mem(std::string(), Xapian::DB_BACKEND_INMEMORY);
    auto a = build_query("", mem).query, b = build_query("", mem).query;
    CHECK(a.get_description() == "Query(<alldocuments>)");
    CHECK(a.internal.get() != Xapian::Query::MatchAll.internal.get());
    CHECK(a.internal.get() != b.internal.get());

    // Two searchers browse and count facets side by side (run this under
    // scripts/test --sanitize or a thread sanitizer to see a race).
    Searcher first(indexed().db);
    const size_t expected = first.search(req({}, first)).total;
    REQUIRE(expected > 0);
    std::atomic<size_t> wrong{0};
    auto browse = [&] {
        Searcher s(indexed().db);
        for (int i = 0; i < 300; ++i) {
            if (s.search(req({}, s)).total != expected) ++wrong;
            if (s.facet_overview().empty()) ++wrong;
        }
    };
    std::thread t1(browse), t2(browse);
    t1.join();
    t2.join();
    CHECK(wrong == 0);
}

TEST_CASE("searchers on several threads make the same snippets as one alone", "[search][threads]") {
    // Snippets run Xapian's stemmer and highlighter for every hit: nothing
    // they use may be shared between threads (a shared stemmer corrupted the
    // heap; run under a thread sanitizer to see such a race directly).
    Searcher alone(indexed().db);
    std::vector<SearchRequest> requests;
    std::vector<std::vector<std::string>> expected;
    for (const char* q : {"methane", "cookstoves", "share of proceeds", "corresponding adjustment", "baseline emissions"}) {
        requests.push_back(req({{"q", q}}, alone));
        std::vector<std::string> snippets;
        for (const auto& h : alone.search(requests.back()).hits) snippets.push_back(h.snippet);
        expected.push_back(snippets);
    }
    size_t with_snippets = 0;
    for (const auto& e : expected) with_snippets += e.size();
    REQUIRE(with_snippets > 0);
    std::atomic<size_t> wrong{0};
    auto search = [&] {
        Searcher s(indexed().db);
        for (int round = 0; round < 200; ++round)
            for (size_t i = 0; i < requests.size(); ++i) {
                std::vector<std::string> got;
                for (const auto& h : s.search(requests[i]).hits) got.push_back(h.snippet);
                if (got != expected[i]) ++wrong;
            }
    };
    std::thread t1(search), t2(search), t3(search);
    t1.join();
    t2.join();
    t3.join();
    CHECK(wrong == 0);
}

TEST_CASE("a document view lists versions, what it cites and what cites it", "[search][document]") {
    Searcher s(indexed().db);
    auto v = s.document("ams-iii-d-v20-0");
    REQUIRE(v);
    CHECK(v->versions.size() == 3);
    CHECK(v->versions[0].id == "ams-iii-d-v21-0");
    CHECK(v->pages == 3);
    REQUIRE(!v->cites.empty());
    CHECK(v->cites[0].first == "TOOL14");
    REQUIRE(v->cites[0].second);
    CHECK(v->cites[0].second->id == "tool14-v3-0");
    auto tool = s.document("tool14-v3-0");
    REQUIRE(tool);
    CHECK(tool->cited_by.size() >= 3);  // the AMS-III.D versions
    auto cma3 = s.document("3-cma-3");
    REQUIRE(cma3);
    REQUIRE(cma3->cited_by.size() == 1);
    CHECK(cma3->cited_by[0].id == "1-cma-9");
    CHECK(!s.document("no-such-id"));
}

TEST_CASE("suggestions complete symbols, concepts and titles by prefix", "[search][suggest]") {
    Searcher s(indexed().db);
    auto sym = s.suggest("ams-ii");
    REQUIRE(!sym.empty());
    CHECK(sym[0].text == "AMS-III.D");
    CHECK(sym[0].kind == "symbol");
    CHECK(s.suggest("ams iii d")[0].text == "AMS-III.D");
    bool concept_found = false;
    for (const auto& x : s.suggest("designated")) concept_found |= x.kind == "concept";
    CHECK(concept_found);
    bool title_found = false;
    for (const auto& x : s.suggest("anaerobic")) title_found |= x.kind == "title" && x.id == "tool14-v3-0";
    CHECK(title_found);
    CHECK(s.suggest("").empty());
}

TEST_CASE("the searcher sees a new revision after refresh", "[search]") {
    TempDir dir;
    IndexOptions o = test::index_search_corpus(dir.path());
    Searcher s(o.db.string());
    CHECK(s.search(req({{"q", "hydrogen"}}, s)).total == 0);
    test::write_file(dir / "corpus/new.txt", "Green hydrogen and cooperative approaches for industry decarbonisation.");
    run_index(o);
    CHECK(s.refresh());
    CHECK(s.search(req({{"q", "hydrogen"}}, s)).total == 1);
    CHECK(!s.refresh());
}
