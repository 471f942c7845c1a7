// SPDX-License-Identifier: Apache-2.0
// The overviews as JSON (GET /api/v1/labs, /api/v1/arrangements,
// /api/v1/rulebook) on the shipped corpus: each says what its page shows,
// from the same view, and refuses what it does not take. And the home page's
// ways in, a long facet folded.
#include "core/index/indexer.h"
#include "core/search/searcher.h"
#include "searchd/render.h"
#include "serving.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

using namespace a6kb;
using nlohmann::json;

namespace {

struct Shipped {
    test::TempDir dir;
    std::string db;
    std::unique_ptr<test::Serving> serving;
    Shipped() {
        IndexOptions o;
        o.db = dir / "index";
        o.taxonomy = std::string(A6KB_CORPUS) + "/taxonomy.xml";
        o.paths = {A6KB_CORPUS};
        run_index(o);
        db = o.db.string();
        ServerConfig c;
        c.db = db;
        c.port = 0;
        c.threads = 2;
        c.quiet = true;
        c.web = std::string(A6KB_WEB);
        serving = std::make_unique<test::Serving>(c);
    }
    httplib::Result fetch(const std::string& path) {
        httplib::Client cli("127.0.0.1", serving->port());
        return cli.Get(path.c_str());
    }
    json get(const std::string& path, int status = 200) {
        auto r = fetch(path);
        REQUIRE(r);
        CHECK(r->status == status);
        CHECK(r->get_header_value("Content-Type") == "application/json; charset=utf-8");
        return json::parse(r->body);
    }
};

Shipped& shipped() {
    static Shipped s;
    return s;
}

}  // namespace

TEST_CASE("GET /api/v1/arrangements: the host by acquirer matrix of the page, with labels", "[http][overviews]") {
    json j = shipped().get("/api/v1/arrangements");
    Searcher s(shipped().db);
    const ArrangementsOverview o = s.arrangements();
    REQUIRE(j["hosts"].size() == o.hosts.size());
    REQUIRE(j["acquirers"].size() == o.acquirers.size());
    CHECK(j["arrangements"] == o.arrangements);
    CHECK(j["transfers"] == o.transfers);
    CHECK(j["count"] == json(o.count));
    CHECK(o.arrangements > 50);  // 107 records from the facts in session 7
    // Ghana hosts an arrangement with Switzerland (the first ITMO transfer).
    size_t gh = 0, ch = 0;
    for (size_t h = 0; h < j["hosts"].size(); ++h)
        if (j["hosts"][h]["id"] == "gh") gh = h + 1;
    for (size_t a = 0; a < j["acquirers"].size(); ++a)
        if (j["acquirers"][a]["id"] == "ch") ch = a + 1;
    REQUIRE(gh > 0);
    REQUIRE(ch > 0);
    CHECK(j["hosts"][gh - 1]["label"] == "Ghana");
    CHECK(j["count"][gh - 1][ch - 1].get<size_t>() >= 1);
    shipped().get("/api/v1/arrangements?host=gh", 400);
}

TEST_CASE("GET /api/v1/rulebook: every provision with its citation and text; topic= or group= keeps theirs", "[http][overviews]") {
    json all = shipped().get("/api/v1/rulebook");
    Searcher s(shipped().db);
    const RulebookView v = s.rulebook();
    REQUIRE(all["total"] == v.provisions.size());
    REQUIRE(all["provisions"].size() == v.provisions.size());
    CHECK(all["filter"].is_null());
    bool share_of_proceeds = false;
    for (const auto& p : all["provisions"]) {
        CHECK_FALSE(p["citation"].get<std::string>().empty());
        CHECK_FALSE(p["text"].get<std::string>().empty());
        share_of_proceeds |= p["citation"].get<std::string>().rfind("decision 3/CMA.3", 0) == 0 &&
                             p["text"].get<std::string>().find("Adaptation Fund") != std::string::npos;
    }
    CHECK(share_of_proceeds);
    // group=DNA (an alternative label) is resolved to its concept; only its provisions stay.
    json dna = shipped().get("/api/v1/rulebook?group=DNA");
    CHECK(dna["filter"] == json{{"facet", "group"}, {"id", "governments-dnas"}});
    CHECK(dna["total"].get<size_t>() > 0);
    CHECK(dna["total"].get<size_t>() < all["total"].get<size_t>());
    for (const auto& p : dna["provisions"]) CHECK_THAT(p["groups"].get<std::vector<std::string>>(), Catch::VectorContains(std::string("governments-dnas")));
    CHECK(shipped().get("/api/v1/rulebook?topic=colour", 400)["error"]["message"] == "parameter 'topic': 'colour' is not a topic of the taxonomy");
    shipped().get("/api/v1/rulebook?by=group", 400);
}

TEST_CASE("GET /api/v1/labs: each lab with its records by kind, and who asked whom", "[http][overviews]") {
    json j = shipped().get("/api/v1/labs");
    Searcher s(shipped().db);
    const LabsOverview o = s.labs();
    REQUIRE(j["labs"].size() == o.labs.size());
    REQUIRE(!o.labs.empty());
    CHECK(j["labs"][0]["id"] == o.labs[0].lab.id);
    CHECK(j["labs"][0]["questions"].size() == o.labs[0].questions.size());
    CHECK(j["labs"][0]["outcomes"].size() == o.labs[0].outcomes.size());
    CHECK(j["groups"].size() == o.groups.size());
    CHECK(j["asked"] == json(o.asked));
    for (const auto& q : j["labs"][0]["questions"]) {
        CHECK(q.contains("asked_by"));
        CHECK(q["link"] == "/doc/" + q["id"].get<std::string>());
    }
    shipped().get("/api/v1/labs?lab=1", 400);
}

TEST_CASE("home page: a facet of many values shows its 12 largest and folds all of them under Show all", "[http][overviews][pages]") {
    auto r = shipped().fetch("/");
    REQUIRE(r);
    REQUIRE(r->status == 200);
    const std::string& body = r->body;
    const size_t at = body.find("id=\"browse-country\"");
    REQUIRE(at != std::string::npos);
    const std::string section = body.substr(at, body.find("</section>", at) - at);
    const size_t fold = section.find("<details class=\"browse-more\">");
    REQUIRE(fold != std::string::npos);
    auto links = [](const std::string& s) {
        size_t n = 0;
        for (size_t p = s.find("href=\"/search?country="); p != std::string::npos; p = s.find("href=\"/search?country=", p + 1)) ++n;
        return n;
    };
    CHECK(links(section.substr(0, fold)) == 12);
    // The fold holds every country with records, as many as the overview counts.
    Searcher s(shipped().db);
    size_t with_records = 0;
    for (const auto& f : s.facet_overview())
        if (f.id == "country")
            for (const auto& v : f.values) with_records += v.count > 0;
    CHECK(links(section.substr(fold)) == with_records);
    CHECK_THAT(section, Catch::Contains("Show all " + std::to_string(with_records)));
    // A short facet (stakeholder groups, 5) is not folded.
    const size_t g = body.find("id=\"browse-group\"");
    REQUIRE(g != std::string::npos);
    CHECK(body.substr(g, body.find("</section>", g) - g).find("browse-more") == std::string::npos);
}
