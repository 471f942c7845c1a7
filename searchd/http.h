// SPDX-License-Identifier: Apache-2.0
// The HTTP face of a6kb: every route is declared in SearchServer::routes().
// The only code that includes httplib.h.
#pragma once

#include "searchd/config.h"
#include "searchd/metrics.h"
#include "searchd/response_cache.h"

#include <functional>
#include <memory>
#include <mutex>
#include <semaphore>
#include <vector>

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace a6kb {

class HttpServer;  // httplib::Server with searchd's own connection handling (http.cc)
class Searcher;
class SnapshotCache;
class Pages;

class SearchServer {
public:
    // Opens the index once to check it (throws UserError or Xapian::Error).
    explicit SearchServer(ServerConfig config);
    ~SearchServer();
    SearchServer(const SearchServer&) = delete;
    SearchServer& operator=(const SearchServer&) = delete;

    // Binds the configured address; returns the port (useful with port 0).
    // Throws std::runtime_error when the address cannot be bound.
    int bind();
    // Serves until stop(); in-flight requests finish first.
    void run();
    // Stops accepting and closes idle keep-alive connections; requests being
    // read or answered finish first. Safe to call before run() has started.
    void stop();

    // What the connection layer is doing now (also in /metrics).
    struct ConnectionStats {
        size_t open = 0;              // connections with a thread, waiting or being served
        size_t threads = 0;           // connection threads alive (idle ones included)
        unsigned long rejected = 0;   // connections answered 503 at --max-connections
        unsigned long timed_out = 0;  // requests answered 408 (--request-timeout, or a silent client)
    };
    ConnectionStats connections() const;

private:
    ServerConfig config_;
    std::unique_ptr<HttpServer> server_;
    std::unique_ptr<std::counting_semaphore<>> searching_;  // --threads requests searched at once
    Metrics metrics_;
    std::unique_ptr<Pages> pages_;  // null without a web folder
    std::mutex pool_mutex_;
    std::vector<std::unique_ptr<Searcher>> pool_;  // idle searchers, one per worker in use
    std::shared_ptr<SnapshotCache> snapshots_;     // what all searchers of the index share
    std::unique_ptr<ResponseCache> responses_;     // finished answers of the current revision

    class Lease;
    using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;
    using LeaseHandler = std::function<void(Lease&, const httplib::Request&, httplib::Response&)>;
    void routes();
    void page_routes();
    // Every handler runs through wrap: timing, metrics, the error contract,
    // one retry on a revision the indexer replaced under our feet.
    Handler wrap(std::string route, LeaseHandler fn);
    // A failure told as JSON (the API, or no web folder) or as a page.
    void fail(const httplib::Request& req, httplib::Response& res, bool api, int status, const std::string& code,
              const std::string& message);
    std::string base_url(const httplib::Request& req) const;
};

}  // namespace a6kb
