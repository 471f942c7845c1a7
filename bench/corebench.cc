// SPDX-License-Identifier: Apache-2.0
// a6kb-corebench: the search core in-process, without HTTP, and raw Xapian
// on the same requests, for scripts/bench.
//
// Reads request paths (/api/v1/search?q=...&group=..., as a6kb-synth writes
// them), parses each with a6kb::parse_search_request, then times, per request:
// - a6kb: a6kb::Searcher::search() — what searchd does minus HTTP and JSON;
// - xapian: the floor under it with Xapian alone: QueryParser (English
//   stemming, words ANDed), the same filter terms (OR within a facet, AND
//   across, XN for the latest versions), one Enquire for the top 10 with a
//   ValueCountMatchSpy on every facet slot without a selection, one more
//   BoolWeight match per facet with a selection (disjunctive counts, as a6kb),
//   the hits' document data read, "a|b" slot values split into counts.
// One warm-up pass, then the list is replayed in a loop for --seconds (at
// least one full pass). With --threads N each thread has its own handle.
// Prints one JSON object per mode (latency percentiles in ms, requests/s,
// and how many requests' match totals agree between the two modes).
#include "core/model/errors.h"
#include "core/search/query.h"
#include "core/model/schema.h"
#include "core/search/searcher.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <mutex>
#include <thread>

namespace {

using Clock = std::chrono::steady_clock;

std::string url_decode(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '+') out += ' ';
        else if (s[i] == '%' && i + 2 < s.size()) {
            out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else out += s[i];
    }
    return out;
}

a6kb::Params params_of(const std::string& path) {
    a6kb::Params p;
    size_t q = path.find('?');
    if (q == std::string::npos) return p;
    std::string rest = path.substr(q + 1);
    size_t start = 0;
    while (start <= rest.size()) {
        size_t amp = rest.find('&', start);
        std::string kv = rest.substr(start, amp == std::string::npos ? std::string::npos : amp - start);
        if (!kv.empty()) {
            size_t eq = kv.find('=');
            p.emplace_back(url_decode(kv.substr(0, eq)), eq == std::string::npos ? "" : url_decode(kv.substr(eq + 1)));
        }
        if (amp == std::string::npos) break;
        start = amp + 1;
    }
    return p;
}

// The raw-Xapian loop: one request.
class RawXapian {
public:
    explicit RawXapian(const std::string& db) : db_(db) {
        qp_.set_database(db_);
        qp_.set_stemmer(Xapian::Stem("english"));
        qp_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        qp_.set_default_op(Xapian::Query::OP_AND);
        for (const auto& f : a6kb::schema::declared_facets()) facet_ids_.emplace_back(f.id);
    }

    size_t search(const a6kb::SearchRequest& r) {
        namespace schema = a6kb::schema;
        Xapian::Query q = r.q.empty() ? a6kb::match_all()
                                      : qp_.parse_query(r.q, Xapian::QueryParser::FLAG_DEFAULT);
        auto filter = [&](const std::string& skip) {
            std::vector<Xapian::Query> parts;
            for (const auto& [facet, values] : r.filters) {
                if (facet == skip || values.empty()) continue;
                const schema::FacetField* f = schema::facet(facet);
                std::vector<Xapian::Query> terms;
                for (const auto& v : values) terms.emplace_back(schema::term(*f, v));
                parts.emplace_back(Xapian::Query::OP_OR, terms.begin(), terms.end());
            }
            if (r.latest_only) parts.emplace_back(std::string(schema::LATEST.prefix));
            return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
        };
        auto filtered = [](const Xapian::Query& base, const Xapian::Query& f) {
            return f.empty() ? base : Xapian::Query(Xapian::Query::OP_FILTER, base, f);
        };
        const Xapian::doccount all = std::max<Xapian::doccount>(1, db_.get_doccount());
        std::map<std::string, std::map<std::string, size_t>> counts;
        auto collect = [&](const std::string& id, const Xapian::ValueCountMatchSpy& spy) {
            auto& dest = counts[id];
            bool multi = schema::facet(id)->multi;
            for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
                if (multi)
                    for (const auto& v : schema::split_multi(*it)) dest[v] += it.get_termfreq();
                else
                    dest[*it] += it.get_termfreq();
            }
        };

        // The top 10, with a spy per facet without a selection.
        Xapian::Enquire enquire(db_);
        enquire.set_query(filtered(q, filter("")));
        if (r.q.empty()) enquire.set_sort_by_value(schema::DATE.slot, true);
        else enquire.set_sort_by_relevance_then_value(schema::DATE.slot, true);
        std::vector<std::pair<std::string, std::unique_ptr<Xapian::ValueCountMatchSpy>>> spies;
        for (const auto* f : counted_) {
            auto sel = r.filters.find(f->id);
            if (sel != r.filters.end() && !sel->second.empty()) continue;
            spies.emplace_back(f->id, std::make_unique<Xapian::ValueCountMatchSpy>(f->slot));
            enquire.add_matchspy(spies.back().second.get());
        }
        Xapian::MSet m = enquire.get_mset(static_cast<Xapian::doccount>((r.page - 1) * r.per_page),
                                          static_cast<Xapian::doccount>(r.per_page), all);
        size_t data = 0;
        for (auto it = m.begin(); it != m.end(); ++it) data += it.get_document().get_data().size();
        for (const auto& [id, spy] : spies) collect(id, *spy);
        // Disjunctive counts: each facet with a selection, without its own filter.
        for (const auto& [facet, values] : r.filters) {
            if (values.empty() || !schema::facet(facet)) continue;
            Xapian::Enquire e(db_);
            e.set_query(filtered(q, filter(facet)));
            e.set_weighting_scheme(Xapian::BoolWeight());
            Xapian::ValueCountMatchSpy spy(schema::facet(facet)->slot);
            e.add_matchspy(&spy);
            e.get_mset(0, 0, all);
            collect(facet, spy);
        }
        sink_ += data + counts.size();
        return m.get_matches_estimated();
    }

    size_t sink() const { return sink_; }

private:
    Xapian::Database db_;
    Xapian::QueryParser qp_;
    std::vector<std::string> facet_ids_;
    // The facets a6kb counts: the taxonomy's eight (asked_by is not shown).
    const std::vector<const a6kb::schema::FacetField*> counted_ = [] {
        std::vector<const a6kb::schema::FacetField*> out;
        for (const auto& f : a6kb::schema::declared_facets())
            if (f.counted()) out.push_back(&f);
        return out;
    }();
    size_t sink_ = 0;
};

struct Run {
    std::vector<double> latencies_ms;
    std::vector<size_t> totals;  // of the first full pass, per request
    size_t errors = 0;
    double seconds = 0;
};

double pct(const std::vector<double>& sorted, double p) {
    if (sorted.empty()) return 0;
    return sorted[std::min(sorted.size() - 1, static_cast<size_t>(p * static_cast<double>(sorted.size())))];
}

}  // namespace

int main(int argc, char** argv) {
    std::string db, queries_file, mode = "both";
    double seconds = 10;
    unsigned threads = 1;
    CLI::App app{"a6kb-corebench: time a6kb::Searcher::search (no HTTP) and raw Xapian on the same requests"};
    app.add_option("--db", db, "index folder")->required();
    app.add_option("--mode", mode, "a6kb, xapian or both")->check(CLI::IsMember({"a6kb", "xapian", "both"}))->capture_default_str();
    app.add_option("--seconds,-t", seconds, "time per mode (at least one pass over the list)")->check(CLI::Range(0.0, 3600.0))->capture_default_str();
    app.add_option("--threads", threads, "threads, each with its own handle")->check(CLI::Range(1u, 64u))->capture_default_str();
    app.add_option("paths", queries_file, "file of request paths (/api/v1/search?...)")->required()->check(CLI::ExistingFile);
    CLI11_PARSE(app, argc, argv);

    std::vector<std::string> paths;
    std::ifstream in(queries_file);
    for (std::string line; std::getline(in, line);)
        if (!line.empty() && line[0] == '/') paths.push_back(line);
    if (paths.empty()) {
        std::fprintf(stderr, "no request paths in %s\n", queries_file.c_str());
        return 2;
    }

    try {
        a6kb::Searcher probe(db);
        std::vector<a6kb::SearchRequest> requests;
        size_t bad = 0;
        for (const auto& p : paths) {
            try {
                requests.push_back(a6kb::parse_search_request(params_of(p), probe.taxonomy()));
            } catch (const a6kb::UserError& e) {
                ++bad;
                std::fprintf(stderr, "skipping %s: %s\n", p.c_str(), e.what());
            }
        }
        if (requests.empty()) return 2;
        // a6kb requests are re-parsed from their paths inside the timing (as
        // searchd does), so only the paths that parsed are kept.
        if (bad) {
            std::vector<std::string> ok;
            for (const auto& p : paths) {
                try { a6kb::parse_search_request(params_of(p), probe.taxonomy()); ok.push_back(p); }
                catch (const a6kb::UserError&) {}
            }
            paths = ok;
        }

        std::map<std::string, std::vector<size_t>> first_totals;
        std::vector<nlohmann::json> outputs;
        for (std::string m : {std::string("a6kb"), std::string("xapian")}) {
            if (mode != "both" && mode != m) continue;
            std::vector<Run> runs(threads);
            std::atomic<bool> stop{false};
            auto worker = [&](unsigned t) {
                Run& run = runs[t];
                std::unique_ptr<a6kb::Searcher> searcher;
                std::unique_ptr<RawXapian> raw;
                if (m == "a6kb") searcher = std::make_unique<a6kb::Searcher>(db, probe.taxonomy());
                else raw = std::make_unique<RawXapian>(db);
                auto one = [&](size_t i) -> size_t {
                    if (searcher) {
                        // What searchd does per request: see the latest revision, parse, search.
                        searcher->refresh();
                        auto r = a6kb::parse_search_request(params_of(paths[i % paths.size()]), searcher->taxonomy());
                        return searcher->search(r).total;
                    }
                    return raw->search(requests[i % requests.size()]);
                };
                // Warm-up pass (thread 0 records the totals).
                for (size_t i = 0; i < requests.size(); ++i) {
                    size_t total = 0;
                    try { total = one(i); } catch (const std::exception&) { ++run.errors; }
                    if (t == 0) run.totals.push_back(total);
                }
                auto start = Clock::now();
                const auto deadline = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
                for (size_t i = t * 37;; ++i) {
                    if ((i - t * 37) >= requests.size() && Clock::now() >= deadline) break;
                    auto t0 = Clock::now();
                    try { one(i); } catch (const std::exception&) { ++run.errors; }
                    run.latencies_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
                }
                run.seconds = std::chrono::duration<double>(Clock::now() - start).count();
            };
            std::vector<std::thread> pool;
            for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker, t);
            for (auto& th : pool) th.join();
            std::vector<double> all;
            size_t errors = 0;
            double elapsed = 0;
            for (auto& r : runs) {
                all.insert(all.end(), r.latencies_ms.begin(), r.latencies_ms.end());
                errors += r.errors;
                elapsed = std::max(elapsed, r.seconds);
            }
            std::sort(all.begin(), all.end());
            double sum = 0;
            for (double x : all) sum += x;
            first_totals[m] = runs[0].totals;
            size_t hits = 0, zero = 0;
            for (size_t x : runs[0].totals) { hits += x; zero += x == 0; }
            outputs.push_back({{"mode", m}, {"threads", threads}, {"requests_in_list", requests.size()},
                               {"requests", all.size()}, {"seconds", elapsed}, {"errors", errors},
                               {"requests_per_second", static_cast<double>(all.size()) / elapsed},
                               {"latency_ms", {{"p50", pct(all, 0.5)}, {"p90", pct(all, 0.9)}, {"p99", pct(all, 0.99)},
                                               {"max", all.empty() ? 0 : all.back()},
                                               {"mean", all.empty() ? 0 : sum / static_cast<double>(all.size())}}},
                               {"total_matches", hits}, {"requests_without_hits", zero}, {"unparsed", bad}});
        }
        if (first_totals.size() == 2) {
            const auto& a = first_totals["a6kb"];
            const auto& x = first_totals["xapian"];
            size_t agree = 0;
            nlohmann::json differ = nlohmann::json::array();
            for (size_t i = 0; i < a.size() && i < x.size(); ++i) {
                if (a[i] == x[i]) ++agree;
                else if (differ.size() < 8) differ.push_back({{"path", paths[i]}, {"a6kb", a[i]}, {"xapian", x[i]}});
            }
            for (auto& o : outputs) {
                o["totals_agree"] = agree;
                o["totals_differ_examples"] = differ;
            }
        }
        for (const auto& o : outputs) std::printf("%s\n", o.dump().c_str());
        return 0;
    } catch (const Xapian::Error& e) {
        std::fprintf(stderr, "a6kb-corebench: %s\n", e.get_description().c_str());
        return 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "a6kb-corebench: %s\n", e.what());
        return 1;
    }
}
