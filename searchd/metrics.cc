// SPDX-License-Identifier: Apache-2.0
#include "searchd/metrics.h"

#include <cstdio>

namespace a6kb {

namespace {

template <typename T>
void add_metric(std::string& text, const char* name, const char* type, const char* help, T value) {
    text += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n" + name + " " +
            std::to_string(value) + "\n";
}

}  // namespace

void Metrics::observe(std::string_view route, int status, double seconds) {
    std::lock_guard lk(m_);
    ++requests_[{std::string(route), status}];
    for (size_t i = 0; i < BOUNDS.size(); ++i)
        if (seconds <= BOUNDS[i]) ++buckets_[i];
    ++count_;
    sum_ += seconds;
}

std::string Metrics::render(size_t documents, const ResponseCache::Stats& cache, const ConnectionStats& c) const {
    std::unique_lock lk(m_);
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
    lk.unlock();
    add_metric(out, "a6kb_cache_hits_total", "counter", "Requests answered from the response cache.", cache.hits);
    add_metric(out, "a6kb_cache_misses_total", "counter", "Cacheable requests that had to be searched.", cache.misses);
    add_metric(out, "a6kb_cache_bytes", "gauge", "Bytes held by the response cache.", cache.bytes);
    add_metric(out, "a6kb_http_connections", "gauge", "Connections open now (each has a thread).", c.open);
    add_metric(out, "a6kb_http_threads", "gauge", "Connection threads alive, idle ones included.", c.threads);
    add_metric(out, "a6kb_http_refused_total", "counter", "Connections answered 503 at --max-connections.", c.rejected);
    add_metric(out, "a6kb_http_request_timeouts_total", "counter",
               "Requests answered 408: not received within --request-timeout.", c.timed_out);
    return out;
}

}  // namespace a6kb
