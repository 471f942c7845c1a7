// SPDX-License-Identifier: Apache-2.0
// Request counters and a latency histogram in Prometheus text format.
// Thread-safe; cheap enough to call on every request.
#pragma once

#include <array>
#include <map>
#include <mutex>
#include <string>

namespace a6kb {

class Metrics {
public:
    void observe(const std::string& route, int status, double seconds);
    void reloaded() { std::lock_guard lk(m_); ++reloads_; }
    std::string render(size_t documents) const;

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
