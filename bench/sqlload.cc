// SPDX-License-Identifier: Apache-2.0
// a6kb-sqlload: a bounded load over the MySQL protocol (Sphinx's SphinxQL
// listener) on this machine, shaped like a6kb-load: N connections (one thread
// each, one connection each for the whole run) replay a list of requests in a
// loop for a fixed time or number of requests. A request is one line: one or
// more statements separated by ';', sent in one round trip (multi-statement)
// and every result set read to the end. Prints one JSON object: requests,
// errors, requests/s, latency percentiles. Used by scripts/bench --peers.
#include <CLI/CLI.hpp>
#include <mysql.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <map>
#include <mutex>
#include <thread>

int main(int argc, char** argv) {
    std::string host = "127.0.0.1";
    unsigned port = 9306;
    unsigned connections = 1;
    double seconds = 10;
    size_t max_requests = 0;
    bool show = false;
    std::string file;
    CLI::App app{"a6kb-sqlload: replay SphinxQL requests against a searchd on 127.0.0.1 for a bounded time"};
    app.add_option("--port", port, "MySQL-protocol port on 127.0.0.1")->required();
    app.add_option("--connections,-c", connections, "concurrent connections")->check(CLI::Range(1u, 256u));
    app.add_option("--seconds,-t", seconds, "how long to run")->check(CLI::Range(0.1, 3600.0));
    app.add_option("--requests,-n", max_requests, "stop after this many requests in all (0: time only)");
    app.add_flag("--show", show, "print each request's result sets (rows as tab-separated lines) instead of timing");
    app.add_option("requests", file, "file with one request per line (statements separated by ';')")->required()->check(CLI::ExistingFile);
    CLI11_PARSE(app, argc, argv);

    std::vector<std::string> lines;
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);)
        if (!line.empty() && line[0] != '#') lines.push_back(line);
    if (lines.empty()) {
        std::fprintf(stderr, "no requests in %s\n", file.c_str());
        return 2;
    }
    mysql_library_init(0, nullptr, nullptr);

    auto connect = [&](MYSQL* db) {
        // Bounded: a server that stops answering is an error, not a hang.
        unsigned timeout = 30;
        mysql_options(db, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
        mysql_options(db, MYSQL_OPT_READ_TIMEOUT, &timeout);
        mysql_options(db, MYSQL_OPT_WRITE_TIMEOUT, &timeout);
        return mysql_real_connect(db, host.c_str(), "", "", nullptr, port, nullptr, CLIENT_MULTI_STATEMENTS) != nullptr;
    };
    // Runs one request; returns the result sets read, or -1 on an error.
    auto run = [&](MYSQL* db, const std::string& sql, std::string* error, bool print) -> int {
        if (mysql_real_query(db, sql.data(), sql.size()) != 0) {
            *error = mysql_error(db);
            return -1;
        }
        int sets = 0;
        for (;;) {
            if (MYSQL_RES* res = mysql_store_result(db)) {
                ++sets;
                if (print) {
                    unsigned n = mysql_num_fields(res);
                    while (MYSQL_ROW row = mysql_fetch_row(res)) {
                        std::string l;
                        for (unsigned i = 0; i < n; ++i) l += (i ? "\t" : "") + std::string(row[i] ? row[i] : "NULL");
                        std::printf("%d\t%s\n", sets, l.c_str());
                    }
                }
                mysql_free_result(res);
            } else if (mysql_field_count(db) != 0) {
                *error = mysql_error(db);
                return -1;
            }
            int more = mysql_next_result(db);
            if (more == -1) break;
            if (more > 0) {
                *error = mysql_error(db);
                return -1;
            }
        }
        return sets;
    };

    if (show) {
        MYSQL* db = mysql_init(nullptr);
        if (!connect(db)) {
            std::fprintf(stderr, "cannot connect: %s\n", mysql_error(db));
            return 1;
        }
        int status = 0;
        for (const auto& l : lines) {
            std::printf("# %s\n", l.c_str());
            std::string error;
            if (run(db, l, &error, true) < 0) {
                std::printf("! %s\n", error.c_str());
                status = 1;
            }
        }
        mysql_close(db);
        return status;
    }

    std::atomic<size_t> next{0}, errors{0};
    std::mutex m;
    std::vector<double> latencies;
    std::map<std::string, size_t> error_kinds;
    const auto start = std::chrono::steady_clock::now();
    const auto deadline = start + std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(seconds));
    std::vector<std::thread> threads;
    for (unsigned c = 0; c < connections; ++c) {
        threads.emplace_back([&, c] {
            std::vector<double> mine;
            std::map<std::string, size_t> kinds;
            MYSQL* db = mysql_init(nullptr);
            if (!connect(db)) {
                ++errors;
                ++kinds[std::string("connect: ") + mysql_error(db)];
            } else {
                for (;;) {
                    size_t i = next++;
                    if ((max_requests && i >= max_requests) || std::chrono::steady_clock::now() >= deadline) break;
                    const std::string& sql = lines[(i + c * 7919) % lines.size()];
                    auto t0 = std::chrono::steady_clock::now();
                    std::string error;
                    int sets = run(db, sql, &error, false);
                    mine.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
                    if (sets < 0) {
                        ++errors;
                        ++kinds[error.substr(0, 120)];
                        if (mysql_ping(db) != 0) break;  // the connection is gone
                    }
                }
            }
            mysql_close(db);
            mysql_thread_end();
            std::lock_guard lk(m);
            latencies.insert(latencies.end(), mine.begin(), mine.end());
            for (auto& [k, n] : kinds) error_kinds[k] += n;
        });
    }
    for (auto& t : threads) t.join();
    double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::sort(latencies.begin(), latencies.end());
    auto pct = [&](double p) {
        if (latencies.empty()) return 0.0;
        return latencies[std::min(latencies.size() - 1, static_cast<size_t>(p * static_cast<double>(latencies.size())))];
    };
    nlohmann::json out = {
        {"client", "a6kb-sqlload"}, {"connections", connections}, {"seconds", elapsed}, {"requests", latencies.size()},
        {"errors", errors.load()}, {"requests_per_second", static_cast<double>(latencies.size()) / elapsed},
        {"latency_ms", {{"p50", pct(0.5)}, {"p90", pct(0.9)}, {"p99", pct(0.99)}, {"max", latencies.empty() ? 0 : latencies.back()}}},
        {"error_kinds", error_kinds}};
    std::printf("%s\n", out.dump().c_str());
    mysql_library_end();
    return errors.load() == 0 ? 0 : 1;
}
