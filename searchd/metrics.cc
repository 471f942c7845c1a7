// SPDX-License-Identifier: Apache-2.0
#include "searchd/metrics.h"

#include <cstdio>

namespace a6kb {

void Metrics::observe(const std::string& route, int status, double seconds) {
    std::lock_guard lk(m_);
    ++requests_[{route, status}];
    for (size_t i = 0; i < BOUNDS.size(); ++i)
        if (seconds <= BOUNDS[i]) ++buckets_[i];
    ++count_;
    sum_ += seconds;
}

std::string Metrics::render(size_t documents) const {
    std::lock_guard lk(m_);
    std::string out;
    char buf[256];
    out += "# HELP a6kb_requests_total HTTP requests by route and status.\n# TYPE a6kb_requests_total counter\n";
    for (const auto& [key, n] : requests_) {
        std::snprintf(buf, sizeof buf, "a6kb_requests_total{route=\"%s\",status=\"%d\"} %lu\n", key.first.c_str(),
                      key.second, n);
        out += buf;
    }
    out += "# HELP a6kb_request_seconds Time to answer a request.\n# TYPE a6kb_request_seconds histogram\n";
    for (size_t i = 0; i < BOUNDS.size(); ++i) {
        std::snprintf(buf, sizeof buf, "a6kb_request_seconds_bucket{le=\"%g\"} %lu\n", BOUNDS[i], buckets_[i]);
        out += buf;
    }
    std::snprintf(buf, sizeof buf, "a6kb_request_seconds_bucket{le=\"+Inf\"} %lu\na6kb_request_seconds_sum %.6f\n"
                  "a6kb_request_seconds_count %lu\n", count_, sum_, count_);
    out += buf;
    std::snprintf(buf, sizeof buf, "# HELP a6kb_index_documents Records in the index.\n# TYPE a6kb_index_documents gauge\n"
                  "a6kb_index_documents %zu\n# HELP a6kb_index_reloads_total Times a new index revision was opened.\n"
                  "# TYPE a6kb_index_reloads_total counter\na6kb_index_reloads_total %lu\n", documents, reloads_);
    out += buf;
    return out;
}

}  // namespace a6kb
