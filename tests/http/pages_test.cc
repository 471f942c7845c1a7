// SPDX-License-Identifier: Apache-2.0
// The web pages as HTTP responses: status, headers, escaping, static files.
// (What a person sees and clicks is covered by tests/browser.)
#include "core/index/indexer.h"
#include "serving.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <httplib.h>

#include <thread>

using namespace a6kb;
using test::TempDir;

namespace {

struct Site {
    TempDir dir;
    std::unique_ptr<test::Serving> serving;
    int port = 0;
    Site() {
        IndexOptions o = test::index_search_corpus(dir.path(), {{"lab.catalog.xml",
                         "<catalog><record><symbol>A6-LAB-2030-01</symbol><title>Test lab</title><type>lab-session</type>"
                         "<date>2030-05-01</date></record>"
                         "<record id=\"q1\"><title>Question 1: banks ask DNAs about authorization</title><type>lab-question</type>"
                         "<asked-by>development-banks</asked-by><group>governments-dnas</group><cites>A6-LAB-2030-01</cites></record>"
                         "</catalog>"},
                         test::markup_note()});
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
};

Site& site() {
    static Site s;
    return s;
}

void check_page(const httplib::Result& r, int status) {
    REQUIRE(r);
    CHECK(r->status == status);
    CHECK(r->get_header_value("Content-Type") == "text/html; charset=utf-8");
    std::string csp = r->get_header_value("Content-Security-Policy");
    CHECK_THAT(csp, Catch::Contains("script-src 'self'"));
    CHECK(csp.find("unsafe-inline") == std::string::npos);
    CHECK_THAT(r->body, Catch::StartsWith("<!doctype html>") && Catch::Contains("<html lang=\"en\">"));
    CHECK(r->body.find("<script>") == std::string::npos);  // no inline script
}

}  // namespace

TEST_CASE("every page answers with HTML, a CSP and no inline script", "[pages]") {
    for (const char* path : {"/", "/search", "/search?q=methane&group=DNA&sort=newest", "/doc/ams-iii-d-v21-0", "/labs", "/about",
                             "/rulebook", "/rulebook?group=governments-dnas"}) {
        INFO(path);
        check_page(site().get(path), 200);
    }
}

TEST_CASE("the results page shows hits, facets with counts, chips and the feed", "[pages]") {
    auto r = site().get("/search?q=manure&group=project-developers");
    check_page(r, 200);
    CHECK_THAT(r->body, Catch::Contains("<mark>manure</mark>"));
    CHECK_THAT(r->body, Catch::Contains("name=\"group\" value=\"project-developers\" checked"));
    CHECK_THAT(r->body, Catch::Contains("class=\"chip\" href=\"/search?q=manure\""));
    CHECK_THAT(r->body, Catch::Contains("/feed.atom?q=manure&amp;group=project-developers"));
    CHECK_THAT(r->body, Catch::Contains("3 versions"));
    // A record without text (a catalog entry) is highlighted in its summary.
    auto g = site().get("/search?q=balance&type=glossary");
    check_page(g, 200);
    CHECK_THAT(g->body, Catch::Contains("<mark>balance</mark>"));
}

TEST_CASE("user input is escaped everywhere on the page", "[pages][xss]") {
    auto r = site().get("/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%22%27");
    check_page(r, 200);
    CHECK(r->body.find("<script>alert") == std::string::npos);
    CHECK_THAT(r->body, Catch::Contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    // The query finds the note whose title and text hold that markup: shown as text.
    CHECK_THAT(r->body, Catch::Contains("1 record"));
    CHECK_THAT(r->body, Catch::Contains("Escaping &lt;script&gt;alert(1)&lt;/script&gt; in a title"));
    CHECK_THAT(r->body, Catch::Contains("&lt;img src=x onerror=<mark>alert</mark>(2)&gt;"));
    CHECK(r->body.find("<img") == std::string::npos);
    auto note = site().get("/doc/f-notes-markup-md");
    check_page(note, 200);
    CHECK(note->body.find("<script>alert") == std::string::npos);
    CHECK_THAT(note->body, Catch::Contains("<h1>Escaping &lt;script&gt;alert(1)&lt;/script&gt; in a title</h1>"));
    auto e = site().get("/doc/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E");
    check_page(e, 404);
    CHECK(e->body.find("<img src=x") == std::string::npos);
}

TEST_CASE("errors are pages with a search box; bad parameters name themselves", "[pages][errors]") {
    auto nf = site().get("/no/such/page");
    check_page(nf, 404);
    CHECK_THAT(nf->body, Catch::Contains("Page not found") && Catch::Contains("name=\"q\""));
    auto bad = site().get("/search?per_page=0");
    check_page(bad, 400);
    CHECK_THAT(bad->body, Catch::Contains("per_page"));
    auto missing = site().get("/doc/no-such-record");
    check_page(missing, 404);
    // The API keeps answering JSON.
    auto api = site().get("/api/v1/nothing");
    REQUIRE(api);
    CHECK(api->get_header_value("Content-Type") == "application/json; charset=utf-8");
}

TEST_CASE("the labs page links each cell of the who-asked-whom matrix to its questions", "[pages][labs]") {
    auto r = site().get("/labs");
    check_page(r, 200);
    CHECK_THAT(r->body, Catch::Contains("Test lab") && Catch::Contains("Question 1: banks ask DNAs"));
    std::string cell = "/search?asked_by=development-banks&amp;group=governments-dnas&amp;type=lab-question";
    CHECK_THAT(r->body, Catch::Contains("href=\"" + cell + "\""));
    auto q = site().get("/search?type=lab-question&group=governments-dnas&asked_by=development-banks");
    check_page(q, 200);
    CHECK_THAT(q->body, Catch::Contains("Question 1: banks ask DNAs"));
}

TEST_CASE("the rulebook page without provisions says so; an unknown topic or parameter is a 400", "[pages][rulebook]") {
    auto r = site().get("/rulebook");
    check_page(r, 200);
    CHECK_THAT(r->body, Catch::Contains("No provision records are in the index yet") && Catch::Contains("href=\"/rulebook\""));
    for (const char* bad : {"/rulebook?topic=colour", "/rulebook?by=group", "/rulebook?topic=mrv&group=governments-dnas"}) {
        INFO(bad);
        check_page(site().get(bad), 400);
    }
    CHECK_THAT(site().get("/rulebook?topic=colour")->body, Catch::Contains("&#39;colour&#39; is not a topic of the taxonomy"));
}

TEST_CASE("static files come only from web/static, with cache headers", "[pages][static]") {
    auto css = site().get("/static/a6kb.css?v=1");
    REQUIRE(css);
    CHECK(css->status == 200);
    CHECK(css->get_header_value("Cache-Control") == "public, max-age=31536000, immutable");
    auto js = site().get("/static/a6kb.js");
    REQUIRE(js);
    CHECK(js->get_header_value("Cache-Control") == "public, max-age=3600");
    for (const char* escape : {"/static/../templates/header.tpl", "/static/%2e%2e/templates/header.tpl",
                               "/static/..%2f..%2fCMakeLists.txt"}) {
        INFO(escape);
        auto r = site().get(escape);
        REQUIRE(r);
        CHECK(r->status == 404);
        CHECK(r->body.find("AUTOESCAPE") == std::string::npos);
    }
}

namespace {

long counter(const std::string& name) {
    auto m = site().get("/metrics");
    REQUIRE(m);
    auto at = m->body.find("\n" + name + " ");
    REQUIRE(at != std::string::npos);
    return std::stol(m->body.substr(at + name.size() + 2));
}

}  // namespace

TEST_CASE("pages documented as cached are answered from the response cache the second time", "[pages][cache]") {
    // /labs was once left out: the cache listed it under another name than its route's.
    for (const char* path : {"/", "/search?q=cache+me", "/doc/tool14-v3-0", "/labs"}) {
        INFO(path);
        auto first = site().get(path);
        check_page(first, 200);
        long hits = counter("a6kb_cache_hits_total");
        auto again = site().get(path);
        check_page(again, 200);
        CHECK(counter("a6kb_cache_hits_total") == hits + 1);
        CHECK(again->body == first->body);
    }
    // The about page names the address it was reached at: never cached.
    site().get("/about");
    long hits = counter("a6kb_cache_hits_total");
    check_page(site().get("/about"), 200);
    CHECK(counter("a6kb_cache_hits_total") == hits);
}

TEST_CASE("other methods: 405 in JSON on every API path, the 404 page elsewhere", "[pages][errors]") {
    httplib::Client cli("127.0.0.1", site().port);
    for (const char* path : {"/api/v1/search", "/feed.atom", "/opensearch.xml", "/healthz", "/metrics"}) {
        INFO(path);
        auto r = cli.Post(path, "x", "text/plain");
        REQUIRE(r);
        CHECK(r->status == 405);
        CHECK(r->get_header_value("Allow") == "GET, HEAD");
        CHECK(r->get_header_value("Content-Type") == "application/json; charset=utf-8");
    }
    auto page = cli.Delete("/labs");
    check_page(page, 404);
    CHECK_THAT(page->body, Catch::Contains("Page not found"));
}

TEST_CASE("the results page links its CSV download, with the search's parameters", "[pages][csv]") {
    auto r = site().get("/search?q=manure&group=project-developers");
    check_page(r, 200);
    CHECK_THAT(r->body, Catch::Contains("href=\"/api/v1/search.csv?q=manure&amp;group=project-developers\""));
    CHECK_THAT(r->body, Catch::Contains("Download CSV"));
}
