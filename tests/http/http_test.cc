// SPDX-License-Identifier: Apache-2.0
// The HTTP API: the router in a thread on a free port of 127.0.0.1,
// stopped by a scope guard; every endpoint and every error.
#include "core/index/indexer.h"
#include "serving.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include <thread>

using namespace a6kb;
using nlohmann::json;
using test::TempDir;

namespace {

struct Running {
    TempDir dir;
    IndexOptions index;
    std::unique_ptr<test::Serving> serving;
    int port = 0;

    Running() : index(test::index_search_corpus(dir.path())) {
        ServerConfig c;
        c.db = index.db.string();
        c.port = 0;
        c.threads = 4;
        c.quiet = true;
        serving = std::make_unique<test::Serving>(c);
        port = serving->port();
    }
    httplib::Result get(const std::string& path) {
        httplib::Client cli("127.0.0.1", port);
        return cli.Get(path.c_str());
    }
    json get_json(const std::string& path, int expect_status) {
        auto res = get(path);
        REQUIRE(res);
        INFO(path << " -> " << res->body);
        CHECK(res->status == expect_status);
        CHECK(res->get_header_value("Content-Type") == "application/json; charset=utf-8");
        return json::parse(res->body);
    }
};

Running& server() {
    static Running r;
    return r;
}

}  // namespace

TEST_CASE("GET /api/v1/search answers the documented shape", "[http]") {
    auto j = server().get_json("/api/v1/search?q=AMS-III.D&group=project-developers", 200);
    CHECK(j["query"]["q"] == "AMS-III.D");
    CHECK(j["query"]["filters"]["group"] == json::array({"project-developers"}));
    CHECK(j["total"]["exact"] == true);
    CHECK(j["page"] == 1);
    CHECK(j["per_page"] == 10);
    REQUIRE(j["hits"].size() >= 1);
    const auto& h = j["hits"][0];
    CHECK(h["id"] == "ams-iii-d-v21-0");
    CHECK(h["symbol"] == "AMS-III.D");
    CHECK(h["version"] == "21.0");
    CHECK(h["versions"] == 3);
    CHECK(h["type"] == "methodology");
    for (const char* k : {"title", "mechanism", "groups", "topics", "scopes", "status", "date", "lang", "url", "source",
                          "page", "snippet", "score", "matched"})
        CHECK(h.contains(k));
    for (const char* f : {"group", "topic", "type", "mechanism", "scope", "status", "lang", "year"}) {
        INFO(f);
        CHECK(j["facets"][f].is_array());
    }
    CHECK(j["suggestion"].is_null());
    CHECK(j["took_ms"].is_number());
    auto res = server().get("/api/v1/search?q=x");
    CHECK(res->get_header_value("Access-Control-Allow-Origin") == "*");
}

TEST_CASE("errors are JSON with a code and a message naming the problem", "[http][errors]") {
    auto bad = server().get_json("/api/v1/search?per_page=500", 400);
    CHECK(bad["error"]["code"] == "bad_parameter");
    CHECK_THAT(bad["error"]["message"].get<std::string>(), Catch::Contains("per_page"));
    CHECK(server().get_json("/api/v1/search?group=bankers", 400)["error"]["message"].get<std::string>().find("bankers") !=
          std::string::npos);
    CHECK(server().get_json("/api/v1/search?q=" + std::string(1200, 'a'), 413)["error"]["code"] == "query_too_long");
    CHECK(server().get_json("/api/v1/documents/nope", 404)["error"]["code"] == "not_found");
    CHECK(server().get_json("/api/v1/nothing-here", 404)["error"]["code"] == "not_found");
    CHECK(server().get_json("/api/v1/suggest?limit=0", 400)["error"]["code"] == "bad_parameter");
    httplib::Client cli("127.0.0.1", server().port);
    auto post = cli.Post("/api/v1/search", "{}", "application/json");
    REQUIRE(post);
    CHECK(post->status == 405);
    CHECK(post->get_header_value("Allow") == "GET, HEAD");
    CHECK(json::parse(post->body)["error"]["code"] == "method_not_allowed");
}

TEST_CASE("a malformed query degrades to a plain search", "[http][errors]") {
    for (const char* q : {"%22unbalanced", "methane%20AND", "(((", "NOT", "title%3A", "%00", "%FF%FE"}) {
        INFO(q);
        server().get_json(std::string("/api/v1/search?q=") + q, 200);
    }
}

TEST_CASE("GET /api/v1/documents/{id}: the whole record and its relations", "[http]") {
    auto j = server().get_json("/api/v1/documents/tool14-v3-0", 200);
    CHECK(j["symbol"] == "TOOL14");
    CHECK(j["pages"] == 2);
    CHECK(j["versions"].size() == 1);
    CHECK(j["cited_by"].size() >= 3);
    CHECK(j.contains("similar"));
    CHECK(j.contains("cites"));
    auto cma3 = server().get_json("/api/v1/documents/3-cma-3", 200);
    CHECK(cma3["url"] == "https://example.org/3-cma-3");
    CHECK(cma3["cited_by"][0]["id"] == "1-cma-9");
}

TEST_CASE("GET /api/v1/facets and /api/v1/suggest", "[http]") {
    auto f = server().get_json("/api/v1/facets", 200);
    CHECK(f["documents"] == 10);
    size_t methodologies = 0;
    for (const auto& v : f["facets"]["type"])
        if (v["value"] == "methodology") methodologies = v["count"];
    CHECK(methodologies == 3);  // every version counts here
    auto s = server().get_json("/api/v1/suggest?q=tool1", 200);
    REQUIRE(s["suggestions"].size() >= 1);
    CHECK(s["suggestions"][0]["text"] == "TOOL14");
    CHECK(server().get_json("/api/v1/suggest?q=", 200)["suggestions"].empty());
}

TEST_CASE("/api/v1/suggest refuses bad parameters as the search does, naming them", "[http][errors]") {
    for (const char* path : {"/api/v1/suggest?limit=0", "/api/v1/suggest?limit=51", "/api/v1/suggest?limit=x",
                             "/api/v1/suggest?page=2", "/api/v1/suggest?q=a&q=b"}) {
        INFO(path);
        auto j = server().get_json(path, 400);
        CHECK(j["error"]["code"] == "bad_parameter");
        std::string name = std::string(path).substr(std::string(path).find('?') + 1);
        name = name.substr(0, name.find('='));
        CHECK_THAT(j["error"]["message"].get<std::string>(), Catch::StartsWith("parameter '" + name + "'"));
    }
    const std::string q = "q=" + std::string(1200, 'a');
    auto suggest = server().get_json("/api/v1/suggest?" + q, 413);
    auto search = server().get_json("/api/v1/search?" + q, 413);
    CHECK(suggest["error"]["code"] == "query_too_long");
    CHECK(suggest["error"] == search["error"]);  // the same check, the same words
    CHECK(server().get_json("/api/v1/suggest?q=tool1&limit=1", 200)["suggestions"].size() == 1);
}

TEST_CASE("feeds, OpenSearch, health and metrics", "[http]") {
    auto feed = server().get("/feed.atom?type=decision");
    REQUIRE(feed);
    CHECK(feed->status == 200);
    CHECK(feed->get_header_value("Content-Type") == "application/atom+xml; charset=utf-8");
    pugi::xml_document doc;
    REQUIRE(doc.load_string(feed->body.c_str()));
    auto entries = doc.child("feed").children("entry");
    CHECK(std::distance(entries.begin(), entries.end()) == 4);  // 1-3/CMA.9 and 3/CMA.3, newest first
    CHECK_THAT(std::string(doc.child("feed").child("entry").child_value("title")), Catch::StartsWith("1/CMA.9"));
    // per_page is honoured when given (any value, 10 included); without it a feed shows up to 30.
    auto count_entries = [&](const std::string& path) {
        auto f = server().get(path);
        pugi::xml_document d;
        if (!f || !d.load_string(f->body.c_str())) return -1L;
        auto es = d.child("feed").children("entry");
        return static_cast<long>(std::distance(es.begin(), es.end()));
    };
    CHECK(count_entries("/feed.atom?per_page=2") == 2);
    // Without per_page: every record the same search finds (the fixture has fewer than 30).
    const long found = server().get_json("/api/v1/search?per_page=100", 200)["total"]["value"].get<long>();
    CHECK(found > 2);
    CHECK(count_entries("/feed.atom") == found);
    auto os = server().get("/opensearch.xml");
    REQUIRE(os);
    REQUIRE(doc.load_string(os->body.c_str()));
    CHECK(std::string(doc.child("OpenSearchDescription").child_value("ShortName")) == "a6kb");
    auto h = server().get_json("/healthz", 200);
    CHECK(h["status"] == "ok");
    CHECK(h["documents"] == 10);
    auto m = server().get("/metrics");
    REQUIRE(m);
    CHECK_THAT(m->body, Catch::Contains("a6kb_requests_total{route=\"healthz\",status=\"200\"}") &&
                            Catch::Contains("a6kb_request_seconds_bucket{le=\"+Inf\"}") &&
                            Catch::Contains("a6kb_index_documents 10"));
}

TEST_CASE("a re-index while serving is seen by the next request", "[http][reload]") {
    CHECK(server().get_json("/api/v1/search?q=hydrogen", 200)["total"]["value"] == 0);
    test::write_file(server().dir / "corpus/hydrogen.txt", "Green hydrogen under cooperative approaches.");
    run_index(server().index);
    CHECK(server().get_json("/api/v1/search?q=hydrogen", 200)["total"]["value"] == 1);
    std::filesystem::remove(server().dir / "corpus/hydrogen.txt");
    run_index(server().index);
    CHECK(server().get_json("/api/v1/search?q=hydrogen", 200)["total"]["value"] == 0);
}

TEST_CASE("a repeated request is answered from the response cache with the same bytes and headers", "[http][cache]") {
    auto counter = [](const std::string& name) {
        auto m = server().get("/metrics");
        REQUIRE(m);
        auto at = m->body.find("\n" + name + " ");
        REQUIRE(at != std::string::npos);
        return std::stol(m->body.substr(at + name.size() + 2));
    };
    const std::string path = "/api/v1/search?q=cooperative+approaches&per_page=3";
    auto first = server().get(path);
    REQUIRE(first);
    long hits = counter("a6kb_cache_hits_total");
    auto again = server().get(path);
    REQUIRE(again);
    CHECK(counter("a6kb_cache_hits_total") == hits + 1);
    CHECK(again->status == 200);
    CHECK(again->body == first->body);
    CHECK(again->get_header_value("Content-Type") == first->get_header_value("Content-Type"));
    CHECK(again->get_header_value("Access-Control-Allow-Origin") == "*");
    CHECK(again->get_header_value("X-Content-Type-Options") == "nosniff");
    // Errors are not kept: each bad request is answered afresh.
    long misses = counter("a6kb_cache_misses_total");
    server().get_json("/api/v1/search?page=0", 400);
    server().get_json("/api/v1/search?page=0", 400);
    CHECK(counter("a6kb_cache_misses_total") == misses + 2);
}
