// SPDX-License-Identifier: Apache-2.0
// searchd's transport: httplib::Server with connection handling of its own
// (transport.cc says why). It knows sockets, threads and timeouts, and
// nothing of routes, searchers or pages; the application (server.h,
// routes.cc) registers its handlers on it as on any httplib::Server.
//
// - A thread per connection, started when no idle one waits, up to
//   --max-connections; beyond that the accept thread answers 503 itself.
// - One deadline per request (--request-timeout, from its first byte): a
//   request not read in time is answered 408 and its connection closed.
// - stop() (halt) is safe before listen has started, and wakes connections
//   waiting for their next request.
#pragma once

#include "searchd/config.h"
#include "searchd/metrics.h"

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstdint>

namespace a6kb {

inline constexpr const char* JSON_TYPE = "application/json; charset=utf-8";

class HttpServer final : public httplib::Server {
public:
    // Reads threads, max_connections and request_timeout_s; throws
    // std::system_error when its wake-up descriptor cannot be made.
    explicit HttpServer(const ServerConfig& c);
    ~HttpServer() override;

    // httplib listens with a backlog of 5; a burst of connections then waits
    // for SYN retransmits (1 s and more). listen() again only resizes it.
    void widen_backlog();

    // Closes the listening socket (the accept loop ends; httplib's stop() does
    // the same, but not before the loop has started) and wakes connections
    // waiting for their next request.
    void halt();

    ConnectionStats stats() const;

private:
    class Stream;
    bool process_and_close_socket(socket_t sock) override;
    void turn_away(socket_t sock);

    const size_t ready_, max_connections_;
    const std::chrono::steady_clock::duration request_timeout_;
    int stop_fd_ = -1;
    std::atomic<bool> stopping_{false};
    std::atomic<size_t> open_{0}, threads_{0};
    std::atomic<unsigned long> rejected_{0}, timed_out_{0};
    std::atomic<int64_t> last_refusal_log_{0};
};

}  // namespace a6kb
