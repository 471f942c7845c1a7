// SPDX-License-Identifier: Apache-2.0
// Passages over HTTP: passages=N on hits, GET /api/v1/passages, and the
// results page's Paragraphs view.
#include "core/index/indexer.h"
#include "serving.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <set>

using namespace a6kb;
using nlohmann::json;
using test::TempDir;

namespace {

// The search corpus, plus a decision-like text and a long note that
// mentions the same words apart (tests/fixtures/answers).
struct Site {
    TempDir dir;
    std::unique_ptr<test::Serving> serving;
    int port = 0;
    Site() {
        IndexOptions o = test::index_search_corpus(
            dir.path(), {{"answers/cma8-decisions.txt", test::read_file(test::fixture("answers/cma8-decisions.txt"))},
                         {"answers/readiness-synthesis.md", test::read_file(test::fixture("answers/readiness-synthesis.md"))}});
        ServerConfig c;
        c.db = o.db.string();
        c.port = 0;
        c.threads = 4;
        c.quiet = true;
        c.web = std::string(A6KB_WEB);
        serving = std::make_unique<test::Serving>(c);
        port = serving->port();
    }
    httplib::Result get(const std::string& path) {
        httplib::Client cli("127.0.0.1", port);
        return cli.Get(path.c_str());
    }
    json get_json(const std::string& path, int status) {
        auto r = get(path);
        REQUIRE(r);
        INFO(path << " -> " << r->body.substr(0, 2000));
        REQUIRE(r->status == status);
        return json::parse(r->body);
    }
};

Site& site() {
    static Site s;
    return s;
}

}  // namespace

TEST_CASE("hits carry their best passages: passages=N, text, label, citation, link; snippet is the best one", "[http][passages]") {
    auto j = site().get_json("/api/v1/search?q=corresponding+adjustments+policies+and+measures&passages=3", 200);
    REQUIRE(!j["hits"].empty());
    const json& hit = j["hits"][0];
    CHECK(hit["id"] == "5-cma-8");
    REQUIRE(hit["passages"].is_array());
    CHECK(hit["passages"].size() >= 2);
    CHECK(hit["passages"].size() <= 3);
    const json& best = hit["passages"][0];
    CHECK(hit["snippet"] == best["text"]);
    CHECK_THAT(best["text"].get<std::string>(), Catch::Contains("<mark>policies</mark> and <mark>measures</mark>") &&
                                                    Catch::Contains("quantified mitigation outcomes"));
    CHECK_THAT(best["citation"].get<std::string>(), Catch::StartsWith("decision 5/CMA.8, ") && Catch::EndsWith(best["label"].get<std::string>()));
    CHECK_THAT(best["link"].get<std::string>(), Catch::StartsWith("/doc/5-cma-8/at/"));
    CHECK(best["file"].is_null());  // not a PDF
    CHECK_THAT(hit["why"].get<std::string>(), Catch::StartsWith("all 4 words in "));
    for (const auto& p : hit["passages"]) CHECK(p["text"] != "");

    auto one = site().get_json("/api/v1/search?q=corresponding+adjustments+policies+and+measures", 200);
    CHECK(one["hits"][0]["passages"].size() == 1);
    // A record without passages (a catalog entry) has none, and its snippet as before.
    auto cat = site().get_json("/api/v1/search?q=3/CMA.3", 200);
    CHECK(cat["hits"][0]["id"] == "3-cma-3");
    CHECK(cat["hits"][0]["passages"] == json::array());
}

TEST_CASE("passages=abc, 0, 99 are refused with 400 naming the parameter, on every search route", "[http][passages][errors]") {
    for (const char* path : {"/api/v1/search", "/api/v1/passages", "/search"}) {
        for (const char* v : {"abc", "0", "99"}) {
            auto r = site().get(std::string(path) + "?q=methane&passages=" + v);
            REQUIRE(r);
            INFO(path << " passages=" << v << " -> " << r->body.substr(0, 300));
            CHECK(r->status == 400);
            CHECK_THAT(r->body, Catch::Contains("passages"));
        }
    }
    auto j = site().get_json("/api/v1/search?q=methane&passages=abc", 400);
    CHECK(j["error"]["code"] == "bad_parameter");
    CHECK_THAT(j["error"]["message"].get<std::string>(), Catch::Contains("'passages'"));
}

TEST_CASE("GET /api/v1/passages: every passage that speaks to the query, grouped by document, counted, paginated", "[http][passages]") {
    auto j = site().get_json("/api/v1/passages?q=corresponding+adjustments", 200);
    const size_t documents = j["total"]["documents"].get<size_t>();
    CHECK(documents >= 2);
    CHECK(j["total"]["exact"] == true);
    size_t passages = 0;
    std::set<std::string> ids;
    for (const auto& d : j["documents"]) {
        ids.insert(d["id"].get<std::string>());
        CHECK(d["passages"].size() == d["passages_total"].get<size_t>());  // under 20 each here
        std::set<std::string> links;
        for (const auto& p : d["passages"]) {
            const std::string text = p["text"];
            CHECK_THAT(text, Catch::Contains("<mark>corresponding</mark>", Catch::CaseSensitive::No) &&
                                 Catch::Contains("<mark>adjustments</mark>", Catch::CaseSensitive::No));
            CHECK(links.insert(p["link"].get<std::string>()).second);
        }
        passages += d["passages_total"].get<size_t>();
    }
    CHECK(passages == j["total"]["passages"].get<size_t>());
    CHECK(ids.count("5-cma-8"));
    CHECK(ids.count("1-cma-9"));
    for (const auto& d : j["documents"])
        if (d["id"] == "5-cma-8") CHECK(d["passages_total"].get<size_t>() >= 3);  // its heading and the paragraphs under it
    CHECK(j["facets"].contains("type"));

    // One document a page: each on one page only, the same ones in all.
    std::set<std::string> paged;
    for (size_t page = 1; page <= documents; ++page) {
        auto p = site().get_json("/api/v1/passages?q=corresponding+adjustments&per_page=1&page=" + std::to_string(page), 200);
        REQUIRE(p["documents"].size() == 1);
        CHECK(paged.insert(p["documents"][0]["id"].get<std::string>()).second);
    }
    CHECK(paged == ids);
    // Filters as a search's: only decisions.
    auto d = site().get_json("/api/v1/passages?q=corresponding+adjustments&type=decision", 200);
    for (const auto& doc : d["documents"]) CHECK(doc["type"] == "decision");
    CHECK(d["total"]["documents"].get<size_t>() < documents);
    // A query no paragraph answers: no documents, no passages.
    auto none = site().get_json("/api/v1/passages?q=zzyzx", 200);
    CHECK(none["total"]["documents"] == 0);
    CHECK(none["total"]["passages"] == 0);
}

TEST_CASE("the results page shows each hit's passage and why; its Paragraphs view lists the paragraphs by document", "[pages][passages]") {
    auto r = site().get("/search?q=corresponding+adjustments+policies+and+measures");
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK_THAT(r->body, Catch::Contains("class=\"passage\"") && Catch::Contains("class=\"why\">all 4 words in ") &&
                            Catch::Contains("href=\"/doc/5-cma-8#") && Catch::Contains("aria-current=\"page\">Documents"));
    CHECK_THAT(r->body, Catch::Contains("view=paragraphs"));  // the tab

    auto p = site().get("/search?q=corresponding+adjustments&view=paragraphs");
    REQUIRE(p);
    CHECK(p->status == 200);
    CHECK_THAT(p->body, Catch::Contains("aria-current=\"page\">Paragraphs") && Catch::Contains("paragraphs in ") &&
                            Catch::Contains("class=\"hit group\"") && Catch::Contains("<mark>adjustments</mark>"));
    CHECK_THAT(p->body, Catch::Contains("<input type=\"hidden\" name=\"view\" value=\"paragraphs\">"));
    CHECK_THAT(p->body, Catch::Contains("/api/v1/passages?q=corresponding"));
    // Each document once, with its title linked.
    CHECK(p->body.find("href=\"/doc/5-cma-8\"") != std::string::npos);
    auto empty = site().get("/search?q=zzyzx&view=paragraphs");
    REQUIRE(empty);
    CHECK_THAT(empty->body, Catch::Contains("No paragraph holds these words together"));
}
