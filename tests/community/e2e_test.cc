// SPDX-License-Identifier: Apache-2.0
// End to end on the shipped corpus: submit -> 401 without a token ->
// approve -> found by /api/v1/search within seconds -> counted in the labs'
// who-asked-whom matrix -> reject -> gone; answers mark their question
// answered; an a6kb-indexer run and an approval at once both succeed.
#include "../http/child.h"
#include "core/index/community_source.h"
#include "site.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <regex>

using namespace a6kb;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

bool has(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// Polls the search until `id` is found (or not, with `present` false), up to `limit`; returns the seconds taken or -1.
double until_found(test::Site& site, const std::string& query, const std::string& id, bool present,
                   std::chrono::seconds limit = std::chrono::seconds(30)) {
    const auto start = Clock::now();
    while (Clock::now() - start < limit) {
        if (has(site.search_ids(query), id) == present)
            return std::chrono::duration<double>(Clock::now() - start).count();
    }
    return -1;
}

// The number in the labs matrix's cell from `asker` to `asked` (0 when empty).
int matrix_cell(test::Site& site, const std::string& asker, const std::string& asked) {
    auto r = site.client().Get("/labs");
    REQUIRE(r);
    REQUIRE(r->status == 200);
    std::smatch m;
    std::regex cell("aria-label=\"([0-9]+) questions from " + asker + " to " + asked + "\"");
    return std::regex_search(r->body, m, cell) ? std::stoi(m[1]) : 0;
}

}  // namespace

TEST_CASE("submit, approve, search, labs matrix, reject: the whole path", "[community][e2e]") {
    test::Site site;
    const std::string from = "Private sector and financial institutions", to = "Governments and Designated National Authorities";
    const int before = matrix_cell(site, from, to);
    const int64_t id = site.submit(test::a_question("Zanzibar seaweed credits and letters of authorization"));
    const std::string rid = "community-" + std::to_string(id);
    const std::string query = "q=zanzibar seaweed";
    CHECK_FALSE(has(site.search_ids(query), rid));  // pending is not searchable

    auto cli = site.client();
    const std::string approve = "/api/v1/contributions/" + std::to_string(id) + "/approve";
    auto anon = cli.Post(approve.c_str(), "", "application/json");
    REQUIRE(anon);
    CHECK(anon->status == 401);
    CHECK(site.contribution_status(id) == "pending");

    const auto start = Clock::now();
    auto ok = cli.Post(approve.c_str(), site.auth(), "", "application/json");
    REQUIRE(ok);
    REQUIRE(ok->status == 200);
    const double waited = until_found(site, query, rid, true);
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    WARN("submit -> approve -> searchable on the shipped corpus: " << seconds << " s");
    REQUIRE(waited >= 0);
    CHECK(seconds < 5);

    // Faceted like any record; open, then answered.
    CHECK(has(site.search_ids("type=lab-question&status=open&group=governments-dnas"), rid));
    CHECK(matrix_cell(site, from, to) == before + 1);
    auto doc = cli.Get(("/api/v1/documents/" + rid).c_str());
    REQUIRE(doc);
    CHECK(doc->body.find("someone@example.org") == std::string::npos);  // the contact is never shown

    const int64_t answer = site.submit({{"kind", "answer"}, {"text", "Through the national registry, in three weeks."},
                                        {"groups", {"governments-dnas"}}, {"answers", id}});
    auto a = cli.Post(("/api/v1/contributions/" + std::to_string(answer) + "/approve?wait=1").c_str(), site.auth(), "", "application/json");
    REQUIRE(a);
    CHECK(json::parse(a->body)["indexed"] == true);
    CHECK(has(site.search_ids("type=lab-question&status=answered"), rid));
    CHECK_FALSE(has(site.search_ids("type=lab-question&status=open"), rid));
    auto page = cli.Get(("/doc/" + rid).c_str());
    REQUIRE(page);
    CHECK(page->body.find("Through the national registry, in three weeks.") != std::string::npos);  // the answer under its question
    CHECK(has(site.search_ids("type=lab-answer"), "community-" + std::to_string(answer)));

    auto rej = cli.Post(("/api/v1/contributions/" + std::to_string(id) + "/reject").c_str(), site.auth(),
                        json{{"reason", "asked twice"}}.dump(), "application/json");
    REQUIRE(rej);
    CHECK(rej->status == 200);
    CHECK(until_found(site, query, rid, false) >= 0);
    CHECK(matrix_cell(site, from, to) == before);
    // Its answer waits for an approved question again.
    CHECK(until_found(site, "type=lab-answer", "community-" + std::to_string(answer), false) >= 0);
}

TEST_CASE("an a6kb-indexer run and an approval at the same moment both succeed", "[community][e2e]") {
    test::Site site;
    const int64_t id = site.submit(test::a_question("Kiribati mangrove baseline question"));
    const std::string rid = "community-" + std::to_string(id);
    // A full re-index of the corpus (a few seconds) with the community database as a source too.
    test::Child indexer({A6KB_INDEXER_BIN, "--db", site.db.string(), "--full", "--quiet", "--community",
                         site.community.string(), A6KB_CORPUS});
    auto ok = site.client().Post(("/api/v1/contributions/" + std::to_string(id) + "/approve?wait=1").c_str(), site.auth(), "",
                                 "application/json");
    REQUIRE(ok);
    CHECK(ok->status == 200);
    CHECK(json::parse(ok->body)["indexed"] == true);
    INFO(indexer.seen);
    CHECK(indexer.stop(0) == 0);  // signal 0: only wait for it to exit
    CHECK(has(site.search_ids("q=kiribati mangrove"), rid));
}

TEST_CASE("the indexer reads the community database as a source, incrementally", "[community][e2e]") {
    test::TempDir dir;
    CommunityStore store(dir.path() / "c.db");
    Contribution c;
    c.kind = "outcome";
    c.status = "approved";
    c.fields = {{"title", "Regional MRV hub"}, {"text", "Three DNAs agreed to share one MRV help desk."}, {"lab", "A6-LAB-2025-01"}};
    const int64_t id = store.submit(c);
    IndexOptions o;
    o.db = dir.path() / "index";
    o.paths = {A6KB_CORPUS};
    o.community = dir.path() / "c.db";
    auto first = run_index(o);
    CHECK(first.records_written > 0);
    auto second = run_index(o);
    CHECK(second.records_written == 0);  // nothing changed: nothing written
    store.set_status(id, "withdrawn", "ana", "");
    auto third = run_index(o);
    CHECK(third.records_deleted == 1);
}

TEST_CASE("a6kb-searchd moderator add prints the token once as the last line; list and remove", "[community][e2e]") {
    test::TempDir dir;
    const std::string file = (dir.path() / "c.db").string();
    auto run = [&](std::vector<std::string> args) {
        args.insert(args.begin(), {A6KB_SEARCHD_BIN, "moderator"});
        args.insert(args.end(), {"--community", file});
        test::Child c(args);
        c.wait_for("\x04", std::chrono::seconds(30));  // never printed: reads all the output, until it ends
        const int status = c.stop(0);
        return std::make_pair(status, c.seen);
    };
    auto [added, out] = run({"add", "ana"});
    CHECK(added == 0);
    REQUIRE(out.size() > 1);
    const std::string last = out.substr(out.rfind('\n', out.size() - 2) + 1);
    const std::string token = last.substr(0, last.size() - 1);
    CHECK(CommunityStore(file).authenticate(token) == std::optional<std::string>("ana"));
    CHECK(run({"add", "ana"}).first == 1);  // the name is taken
    CHECK(run({"list"}).second.find("ana\t") == 0);
    CHECK(run({"add", "no spaces please"}).first == 2);
    CHECK(run({"remove", "ana"}).first == 0);
    CHECK(run({"remove", "ana"}).first == 1);
    CHECK_FALSE(CommunityStore(file).authenticate(token));
}
