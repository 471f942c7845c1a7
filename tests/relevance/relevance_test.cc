// SPDX-License-Identifier: Apache-2.0
// The relevance suite: the shipped corpus, indexed as scripts/run does, and the
// queries of queries.tsv. Each query is a test case of its own, "relevance: WHO:
// QUERY", that fails when one of its expected records is not within its rank
// (the top 3 unless its line says otherwise), so ctest names the query that
// regressed. "relevance: the whole suite" prints precision@3 and MRR and writes
// every query's ranks to relevance-report.json in the build folder.
//
// Under ctest the corpus is indexed once, by the test relevance_index, into the
// folder named by A6KB_RELEVANCE_INDEX; run alone, this binary indexes it into
// a temporary folder of its own.
#include "core/index/indexer.h"
#include "core/search/searcher.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>

using namespace a6kb;

namespace {

struct Query {
    size_t line = 0;  // in queries.tsv
    std::string who, text;
    std::vector<std::string> expected;
    size_t within = 3;  // each expected record must rank 1..within
    std::string name() const { return "relevance: " + who + ": " + text; }
};

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::stringstream ss(s);
    for (std::string part; std::getline(ss, part, sep);) out.push_back(part);
    return out;
}

// queries.tsv: who <TAB> query <TAB> expected ids, comma-separated [<TAB> rank].
std::vector<Query> load_queries() {
    const std::string path = std::string(A6KB_RELEVANCE) + "/queries.tsv";
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::vector<Query> out;
    size_t n = 0;
    for (std::string line; std::getline(in, line);) {
        ++n;
        if (line.empty() || line[0] == '#') continue;
        auto cols = split(line, '\t');
        Query q;
        q.line = n;
        if (cols.size() >= 3) q.expected = split(cols[2], ',');
        if (cols.size() < 3 || cols.size() > 4 || cols[1].empty() || q.expected.empty())
            throw std::runtime_error(path + ":" + std::to_string(n) + ": expected who, query, ids [, rank]");
        q.who = cols[0];
        q.text = cols[1];
        if (cols.size() == 4) q.within = std::stoul(cols[3]);
        out.push_back(std::move(q));
    }
    return out;
}

const std::vector<Query>& queries() {
    static const std::vector<Query> all = load_queries();
    return all;
}

// The index the queries run on: ctest's (relevance_index) or one made here.
class Corpus {
public:
    Corpus() {
        const char* shared = std::getenv("A6KB_RELEVANCE_INDEX");
        if (shared && *shared) {
            db_ = shared;
        } else {
            own_.emplace();
            IndexOptions o;
            o.db = own_->path() / "index";
            o.taxonomy = std::string(A6KB_CORPUS) + "/taxonomy.xml";
            o.paths = {A6KB_CORPUS};
            run_index(o);
            db_ = o.db.string();
        }
        searcher_ = std::make_unique<Searcher>(db_);
    }
    Searcher& searcher() const { return *searcher_; }

private:
    std::optional<test::TempDir> own_;
    std::string db_;
    std::unique_ptr<Searcher> searcher_;
};

Searcher& searcher() {
    static const Corpus corpus;
    return corpus.searcher();
}

struct Outcome {
    std::vector<std::string> got;  // hit ids, best first
    std::vector<size_t> ranks;     // of each expected id, 1-based; 0: not found
    bool passed(const Query& q) const {
        return std::all_of(ranks.begin(), ranks.end(), [&](size_t r) { return r >= 1 && r <= q.within; });
    }
};

Outcome run(const Query& q) {
    Searcher& s = searcher();
    auto res = s.search(parse_search_request({{"q", q.text}}, s.taxonomy()));
    Outcome o;
    for (const auto& h : res.hits) o.got.push_back(h.record.id);
    for (const auto& e : q.expected) {
        auto at = std::find(o.got.begin(), o.got.end(), e);
        o.ranks.push_back(at == o.got.end() ? 0 : static_cast<size_t>(at - o.got.begin()) + 1);
    }
    return o;
}

std::string top(const Outcome& o, size_t n) {
    std::string out;
    for (size_t i = 0; i < o.got.size() && i < n; ++i) out += (i ? ", " : "") + std::to_string(i + 1) + ". " + o.got[i];
    return out.empty() ? "no hits" : out;
}

void check_query(const Query& q) {
    Outcome o = run(q);
    INFO("queries.tsv line " << q.line << ": '" << q.text << "'; got " << top(o, std::max<size_t>(q.within, 5)));
    for (size_t i = 0; i < q.expected.size(); ++i) {
        INFO(q.expected[i] << " must rank 1.." << q.within << "; it ranks "
                           << (o.ranks[i] ? std::to_string(o.ranks[i]) : std::string("nowhere among the hits")));
        CHECK((o.ranks[i] >= 1 && o.ranks[i] <= q.within));
    }
}

// One Catch test case per line of queries.tsv, registered when the binary
// starts (Catch2 v2 has no other way to make cases from data at run time).
class QueryCase : public Catch::ITestInvoker {
public:
    explicit QueryCase(size_t index) : index_(index) {}
    void invoke() const override { check_query(queries().at(index_)); }

private:
    size_t index_;
};

class BrokenList : public Catch::ITestInvoker {
public:
    explicit BrokenList(std::string why) : why_(std::move(why)) {}
    void invoke() const override { FAIL(why_); }

private:
    std::string why_;
};

struct RegisterQueries {
    RegisterQueries() {
        try {
            for (size_t i = 0; i < queries().size(); ++i) {
                std::string name = queries()[i].name();
                Catch::AutoReg(new QueryCase(i), CATCH_INTERNAL_LINEINFO, "", Catch::NameAndTags{name, "[relevance]"});
            }
        } catch (const std::exception& e) {
            Catch::AutoReg(new BrokenList(e.what()), CATCH_INTERNAL_LINEINFO, "",
                           Catch::NameAndTags{"relevance: queries.tsv", "[relevance]"});
        }
    }
};
const RegisterQueries register_queries;

// One query's line of the report: its ranks, the top 10, and its share of
// the metrics (expected ids in the top 3; 1 / the best expected rank).
nlohmann::json report_entry(const Query& q, const Outcome& o) {
    nlohmann::json ranks = nlohmann::json::object();
    size_t found = 0, best = 0;
    for (size_t i = 0; i < q.expected.size(); ++i) {
        size_t r = o.ranks[i];
        ranks[q.expected[i]] = r ? nlohmann::json(r) : nlohmann::json();
        if (r >= 1 && r <= 3) ++found;
        if (r && (!best || r < best)) best = r;
    }
    std::vector<std::string> first(o.got.begin(), o.got.begin() + static_cast<long>(std::min<size_t>(o.got.size(), 10)));
    return {{"line", q.line}, {"who", q.who}, {"query", q.text}, {"expected", q.expected}, {"within", q.within},
            {"ranks", ranks}, {"passed", o.passed(q)}, {"top", first}, {"found_in_top3", found},
            {"reciprocal_rank", best ? 1.0 / static_cast<double>(best) : 0.0}};
}

}  // namespace

TEST_CASE("relevance: the whole suite: precision@3 at least 0.9, report in the build folder", "[relevance]") {
    size_t expected_total = 0, found_total = 0, failed = 0;
    double rr_sum = 0;
    nlohmann::json results = nlohmann::json::array();
    for (const Query& q : queries()) {
        Outcome o = run(q);
        nlohmann::json entry = report_entry(q, o);
        expected_total += q.expected.size();
        found_total += entry["found_in_top3"].get<size_t>();
        rr_sum += entry["reciprocal_rank"].get<double>();
        failed += o.passed(q) ? 0 : 1;
        results.push_back(std::move(entry));
    }
    const size_t n = queries().size();
    double p3 = static_cast<double>(found_total) / static_cast<double>(expected_total);
    double mrr = rr_sum / static_cast<double>(n);
    std::printf("relevance: %zu queries, %zu failed; precision@3 %.3f (%zu of %zu expected records), MRR %.3f; report %s\n",
                n, failed, p3, found_total, expected_total, mrr, A6KB_RELEVANCE_REPORT);
    std::ofstream(A6KB_RELEVANCE_REPORT) << nlohmann::json{{"queries", n}, {"failed", failed}, {"precision_at_3", p3},
                                                           {"mrr", mrr}, {"results", results}}.dump(2) << '\n';
    CHECK(n >= 40);
    CHECK(p3 >= 0.9);
}
