// SPDX-License-Identifier: Apache-2.0
// The relevance suite: the shipped corpus, indexed as scripts/run does, and
// the queries of queries.tsv; precision@3 and MRR are printed and written to
// relevance-report.json in the build folder. Fails below precision@3 0.9.
#include "core/index/indexer.h"
#include "core/search/searcher.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

using namespace a6kb;

TEST_CASE("relevance: precision@3 over the suite's queries is at least 0.9", "[relevance]") {
    test::TempDir dir;
    IndexOptions o;
    o.db = dir / "index";
    o.paths = {A6KB_CORPUS};
    run_index(o);
    Searcher s(o.db.string());

    std::ifstream in(std::string(A6KB_RELEVANCE) + "/queries.tsv");
    REQUIRE(in);
    std::string line;
    size_t expected_total = 0, found_total = 0, queries = 0;
    double rr_sum = 0;
    nlohmann::json report = nlohmann::json::array();
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::stringstream ls(line);
        std::string who, q, ids;
        std::getline(ls, who, '\t');
        std::getline(ls, q, '\t');
        std::getline(ls, ids, '\t');
        std::vector<std::string> expected;
        std::stringstream is(ids);
        for (std::string id; std::getline(is, id, ',');) expected.push_back(id);
        REQUIRE(!expected.empty());

        SearchRequest r = parse_search_request({{"q", q}}, s.taxonomy());
        auto res = s.search(r);
        std::vector<std::string> got;
        for (const auto& h : res.hits) got.push_back(h.record.id);
        size_t found = 0;
        double rr = 0;
        for (const auto& e : expected) {
            auto at = std::find(got.begin(), got.end(), e);
            if (at != got.end() && at - got.begin() < 3) ++found;
            if (at != got.end()) rr = std::max(rr, 1.0 / static_cast<double>(at - got.begin() + 1));
        }
        ++queries;
        expected_total += expected.size();
        found_total += found;
        rr_sum += rr;
        if (found < expected.size()) {
            std::string top;
            for (size_t i = 0; i < got.size() && i < 3; ++i) top += (i ? ", " : "") + got[i];
            WARN("[" << who << "] '" << q << "': expected " << ids << "; top 3: " << top);
        }
        report.push_back({{"who", who}, {"query", q}, {"expected", expected}, {"top", got}, {"found_in_top3", found},
                          {"reciprocal_rank", rr}});
    }
    double p3 = static_cast<double>(found_total) / static_cast<double>(expected_total);
    double mrr = rr_sum / static_cast<double>(queries);
    std::printf("relevance: %zu queries, precision@3 %.3f (%zu of %zu expected records), MRR %.3f\n", queries, p3,
                found_total, expected_total, mrr);
    std::ofstream("relevance-report.json") << nlohmann::json{{"queries", queries}, {"precision_at_3", p3}, {"mrr", mrr},
                                                             {"results", report}}.dump(2);
    CHECK(queries >= 40);
    CHECK(p3 >= 0.9);
}
