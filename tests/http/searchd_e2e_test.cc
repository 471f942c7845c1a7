// SPDX-License-Identifier: Apache-2.0
// End to end with the real binaries: a6kb-searchd started on a free port,
// searched, re-indexed under it, stopped with SIGTERM; and an index split
// into two shards served by xapian-tcpsrv gives the same answers as one.
#include "core/index/indexer.h"
#include "core/search/searcher.h"
#include "child.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace a6kb;
using nlohmann::json;
using test::TempDir;
using test::Child;
using test::connectable;
using test::free_port;
using namespace std::chrono_literals;

namespace {

IndexOptions index_of(const std::filesystem::path& db, std::vector<std::filesystem::path> paths) {
    IndexOptions o;
    o.db = db;
    o.taxonomy = test::fixture("taxonomy.xml");
    o.paths = std::move(paths);
    return o;
}

}  // namespace

TEST_CASE("a6kb-searchd serves, follows a re-index, and stops cleanly on SIGTERM", "[e2e][searchd]") {
    TempDir dir;
    test::write_search_corpus(dir / "corpus");
    auto opts = index_of(dir / "index", {dir / "corpus"});
    run_index(opts);
    Child d({A6KB_SEARCHD_BIN, "--db", opts.db.string(), "--listen", "127.0.0.1:0", "--threads", "4"});
    auto address = d.wait_for("listening address=http://127.0.0.1:");
    REQUIRE(address);
    int port = std::stoi(*address);
    httplib::Client cli("127.0.0.1", port);
    auto r = cli.Get("/api/v1/search?q=AMS-III.D");
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(json::parse(r->body)["hits"][0]["id"] == "ams-iii-d-v21-0");

    test::write_file(dir / "corpus/meth/AMS-III.D_v22.pdf",
                     test::make_pdf({{"CLEAN DEVELOPMENT MECHANISM", "AMS-III.D", "Small-scale Methodology",
                                      "Methane recovery in animal manure management systems", "Version 22.0"}}));
    run_index(opts);
    r = cli.Get("/api/v1/search?q=AMS-III.D");
    REQUIRE(r);
    auto j = json::parse(r->body);
    CHECK(j["hits"][0]["id"] == "ams-iii-d-v22-0");
    CHECK(j["hits"][0]["versions"] == 4);
    CHECK(d.wait_for("access method=GET path=/api/v1/search status=200"));
    CHECK(d.stop(SIGTERM) == 0);
}

TEST_CASE("a6kb-searchd refuses bad settings with the reason", "[e2e][searchd]") {
    TempDir dir;
    Child missing({A6KB_SEARCHD_BIN, "--db", (dir / "nothing").string(), "--listen", "127.0.0.1:0"});
    CHECK(missing.wait_for("index_error"));
    CHECK(missing.stop(0) == 1);
    Child bad_listen({A6KB_SEARCHD_BIN, "--db", (dir / "nothing").string(), "--listen", "localhost"});
    CHECK(bad_listen.wait_for("is not address:port"));
    CHECK(bad_listen.stop(0) == 2);
}

TEST_CASE("two shards behind xapian-tcpsrv answer like one index", "[e2e][shards]") {
    REQUIRE(access("/usr/bin/xapian-tcpsrv", X_OK) == 0);  // scripts/setup installs xapian-tools
    TempDir dir;
    test::write_search_corpus(dir / "corpus");
    // The same roots for the whole index, so records named by their path get the same ids.
    run_index(index_of(dir / "whole", {dir / "corpus/decisions", dir / "corpus/catalog.catalog.xml", dir / "corpus/meth",
                                       dir / "corpus/labs"}));
    // Shard by folder, so each version family stays in one shard.
    run_index(index_of(dir / "shard1", {dir / "corpus/decisions", dir / "corpus/catalog.catalog.xml"}));
    run_index(index_of(dir / "shard2", {dir / "corpus/meth", dir / "corpus/labs"}));
    int p1 = free_port(), p2 = free_port();
    Child s1({"/usr/bin/xapian-tcpsrv", "--interface", "127.0.0.1", "--port", std::to_string(p1), (dir / "shard1").string()});
    Child s2({"/usr/bin/xapian-tcpsrv", "--interface", "127.0.0.1", "--port", std::to_string(p2), (dir / "shard2").string()});
    auto deadline = std::chrono::steady_clock::now() + 30s;
    while (!(connectable(p1) && connectable(p2)) && std::chrono::steady_clock::now() < deadline) s1.wait_for("\x01", 0s);
    REQUIRE(connectable(p1));
    REQUIRE(connectable(p2));
    test::write_file(dir / "stub", "remote 127.0.0.1:" + std::to_string(p1) + "\nremote 127.0.0.1:" + std::to_string(p2) + "\n");

    Searcher whole((dir / "whole").string());
    Searcher sharded((dir / "stub").string());
    for (Params p : std::vector<Params>{{}, {{"q", "AMS-III.D"}}, {{"q", "methane"}, {"versions", "all"}},
                                        {{"group", "governments-dnas"}, {"group", "development-banks"}},
                                        {{"q", "corresponding adjustments"}, {"type", "decision"}},
                                        {{"year_from", "2025"}, {"sort", "newest"}}}) {
        p.emplace_back("per_page", "100");
        SearchRequest r = parse_search_request(p, whole.taxonomy());
        auto a = whole.search(r), b = sharded.search(r);
        INFO(a.query);
        CHECK(a.total == b.total);
        std::multiset<std::string> ia, ib;
        for (const auto& h : a.hits) ia.insert(h.record.id + " v" + std::to_string(h.versions));
        for (const auto& h : b.hits) ib.insert(h.record.id + " v" + std::to_string(h.versions));
        CHECK(ia == ib);
        if (!a.hits.empty()) CHECK(a.hits[0].record.id == b.hits[0].record.id);
        REQUIRE(a.facets.size() == b.facets.size());
        for (size_t i = 0; i < a.facets.size(); ++i)
            for (size_t k = 0; k < a.facets[i].values.size(); ++k) {
                INFO(a.facets[i].id << "=" << a.facets[i].values[k].value);
                CHECK(a.facets[i].values[k].count == b.facets[i].values[k].count);
            }
    }
}
