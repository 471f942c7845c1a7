// SPDX-License-Identifier: Apache-2.0
// a6kb-load: a bounded HTTP load against a searchd on this machine.
// N connections (one thread each, keep-alive) replay a list of request paths
// in a loop for a fixed time or number of requests, then print requests,
// errors (non-2xx or failed connections), throughput and latency percentiles
// as one JSON object. Used by scripts/soak and scripts/bench.
#include <CLI/CLI.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <mutex>
#include <thread>

int main(int argc, char** argv) {
    std::string host = "127.0.0.1";
    int port = 8080;
    unsigned connections = 16;
    double seconds = 10;
    size_t max_requests = 0;
    std::string paths_file;
    CLI::App app{"a6kb-load: replay request paths against a6kb-searchd on 127.0.0.1 for a bounded time"};
    app.add_option("--port", port, "searchd port on 127.0.0.1")->required();
    app.add_option("--connections,-c", connections, "concurrent keep-alive connections")->check(CLI::Range(1u, 256u));
    app.add_option("--seconds,-t", seconds, "how long to run")->check(CLI::Range(0.1, 3600.0));
    app.add_option("--requests,-n", max_requests, "stop after this many requests in all (0: time only)");
    app.add_option("paths", paths_file, "file with one request path per line (e.g. /api/v1/search?q=...)")->required()->check(CLI::ExistingFile);
    CLI11_PARSE(app, argc, argv);

    std::vector<std::string> paths;
    std::ifstream in(paths_file);
    for (std::string line; std::getline(in, line);)
        if (!line.empty() && line[0] == '/') paths.push_back(line);
    if (paths.empty()) {
        std::fprintf(stderr, "no request paths in %s (lines must start with /)\n", paths_file.c_str());
        return 2;
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
            httplib::Client cli(host, port);
            cli.set_keep_alive(true);
            cli.set_read_timeout(30, 0);
            std::vector<double> mine;
            std::map<std::string, size_t> kinds;
            for (;;) {
                size_t i = next++;
                if ((max_requests && i >= max_requests) || std::chrono::steady_clock::now() >= deadline) break;
                const std::string& path = paths[(i + c * 7919) % paths.size()];
                auto t0 = std::chrono::steady_clock::now();
                auto res = cli.Get(path.c_str());
                mine.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
                if (!res) {
                    ++errors;
                    ++kinds["connection: " + httplib::to_string(res.error())];
                } else if (res->status >= 300) {
                    ++errors;
                    ++kinds[std::to_string(res->status) + " " + path.substr(0, 80)];
                }
            }
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
        {"connections", connections}, {"seconds", elapsed}, {"requests", latencies.size()}, {"errors", errors.load()},
        {"requests_per_second", static_cast<double>(latencies.size()) / elapsed},
        {"latency_ms", {{"p50", pct(0.5)}, {"p90", pct(0.9)}, {"p99", pct(0.99)}, {"max", latencies.empty() ? 0 : latencies.back()}}},
        {"error_kinds", error_kinds}};
    std::printf("%s\n", out.dump().c_str());
    return errors.load() == 0 ? 0 : 1;
}
