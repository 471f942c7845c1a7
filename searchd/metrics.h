// SPDX-License-Identifier: Apache-2.0
// Request counters and a latency histogram in Prometheus text format.
// Thread-safe; cheap enough to call on every request.
#pragma once

#include "searchd/response_cache.h"

#include <array>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace a6kb {

// What the connection layer (transport.h) is doing now.
struct ConnectionStats {
    size_t open = 0;              // connections with a thread, waiting or being served
    size_t threads = 0;           // connection threads alive (idle ones included)
    unsigned long rejected = 0;   // connections answered 503 at --max-connections
    unsigned long timed_out = 0;  // requests answered 408 (--request-timeout, or a silent client)
};

class Metrics {
public:
    void observe(std::string_view route, int status, double seconds);
    void reloaded() { std::lock_guard lk(m_); ++reloads_; }
    // The body of /metrics: these counters, then the index's, the response
    // cache's and the connection layer's figures given.
    std::string render(size_t documents, const ResponseCache::Stats& cache, const ConnectionStats& connections) const;

private:
    static constexpr std::array<double, 12> BOUNDS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                      0.1,   0.25,   0.5,   1,    2.5,   5};
    mutable std::mutex m_;
    std::map<std::pair<std::string, int>, unsigned long> requests_;
    std::array<unsigned long, BOUNDS.size()> buckets_{};
    unsigned long count_ = 0;
    double sum_ = 0;
    unsigned long reloads_ = 0;
};

}  // namespace a6kb
