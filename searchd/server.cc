// SPDX-License-Identifier: Apache-2.0
#include "searchd/server.h"

#include "core/model/errors.h"
#include "core/model/log.h"
#include "core/search/searcher.h"
#include "searchd/community.h"
#include "searchd/pages.h"
#include "searchd/reply.h"
#include "searchd/transport.h"

#include <httplib.h>
#include <xapian.h>

#include <malloc.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/resource.h>
#include <sys/socket.h>

#include <atomic>
#include <chrono>

namespace a6kb {

namespace {

// glibc's malloc keeps what its arenas (up to 8 per core, one per thread
// first met) free for later instead of handing it back. Each index revision
// builds a new facet table and completion list, and frees the old ones, on
// whichever threads meet it: under a re-indexing loop VmRSS tripled in 90 s
// with 22 MB in use (malloc_stats; docs/reliability.md, Stress). So when a
// searcher meets a new revision, the free pages go back to the system, at
// most once a second.
void give_back_free_memory() {
    static std::atomic<int64_t> last_ms{0};
    int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now().time_since_epoch()).count();
    int64_t last = last_ms.load(std::memory_order_relaxed);
    if (now - last < 1000 || !last_ms.compare_exchange_strong(last, now)) return;
    ::malloc_trim(0);
}

}  // namespace

SearchServer::Lease::Lease(SearchServer& s) : server_(s) {
    s.searching_->acquire();
    try {
        {
            std::lock_guard lk(s.pool_mutex_);
            if (!s.pool_.empty()) {
                searcher_ = std::move(s.pool_.back());
                s.pool_.pop_back();
            }
        }
        if (!searcher_) {
            searcher_ = std::make_unique<Searcher>(s.config_.db, std::nullopt, s.config_.limits, s.snapshots_);
        } else if (searcher_->refresh()) {
            s.metrics_.reloaded();
            give_back_free_memory();
        }
    } catch (...) {
        s.searching_->release();
        throw;
    }
}

SearchServer::Lease::~Lease() {
    searcher_->idle();
    {
        std::lock_guard lk(server_.pool_mutex_);
        server_.pool_.push_back(std::move(searcher_));
    }
    server_.searching_->release();
}

void SearchServer::Lease::reopen() {
    searcher_->refresh();
    server_.metrics_.reloaded();
}

SearchServer::SearchServer(ServerConfig config)
    : config_(std::move(config)),
      server_(std::make_unique<HttpServer>(config_)),
      searching_(std::make_unique<std::counting_semaphore<>>(config_.threads)),
      responses_(std::make_unique<ResponseCache>(config_.cache_mb << 20)) {
    std::optional<Taxonomy> tax;
    if (!config_.taxonomy.empty()) tax = Taxonomy::load(config_.taxonomy);
    snapshots_ = std::make_shared<SnapshotCache>(std::move(tax));
    {
        Lease check(*this);  // fails here, at start-up, if the index or taxonomy is unusable
    }
    server_->set_payload_max_length(config_.max_body_bytes);
    server_->set_read_timeout(config_.read_timeout_s, 0);
    // httplib's default also sets SO_REUSEPORT, which lets a second daemon
    // bind the same port silently; only SO_REUSEADDR here. TCP_NODELAY
    // (inherited by accepted connections): httplib writes a response's
    // headers and body separately, and Nagle's algorithm with the client's
    // delayed ACK held every keep-alive response back 40 ms.
    server_->set_socket_options([](int sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
    });
    server_->set_keep_alive_max_count(100);
    server_->set_keep_alive_timeout(2);
    if (!config_.web.empty()) pages_ = std::make_unique<Pages>(config_.web);
    if (!config_.community.empty())
        community_ = std::make_unique<Community>(config_.db, config_.community, config_.submit_per_hour);
    routes();
}

SearchServer::~SearchServer() = default;

int SearchServer::bind() {
    int port = config_.port == 0 ? server_->bind_to_any_port(config_.host)
                                 : (server_->bind_to_port(config_.host, config_.port) ? config_.port : -1);
    if (port < 0)
        throw std::runtime_error("cannot listen on " + config_.host + ":" + std::to_string(config_.port) +
                                 " (in use, or not an address of this machine)");
    config_.port = port;
    server_->widen_backlog();
    // Each connection is a descriptor, and the index takes some per searcher:
    // raise the soft limit to what --max-connections needs, if allowed.
    rlimit nofile{};
    const rlim_t wanted = rlim_t(config_.max_connections) + 16 * rlim_t(config_.threads) + 64;
    if (::getrlimit(RLIMIT_NOFILE, &nofile) == 0 && nofile.rlim_cur != RLIM_INFINITY && nofile.rlim_cur < wanted) {
        nofile.rlim_cur = nofile.rlim_max == RLIM_INFINITY ? wanted : std::min(wanted, nofile.rlim_max);
        ::setrlimit(RLIMIT_NOFILE, &nofile);
        if (nofile.rlim_cur < wanted)
            log::warn("open_file_limit", {{"limit", std::to_string(nofile.rlim_cur)}, {"wanted", std::to_string(wanted)},
                                          {"message", "--max-connections may not be reached; raise ulimit -n"}});
    }
    return port;
}

void SearchServer::run() { server_->listen_after_bind(); }

void SearchServer::stop() { server_->halt(); }

ConnectionStats SearchServer::connections() const { return server_->stats(); }

std::string SearchServer::base_url(Req req) const {
    if (!config_.base_url.empty()) return config_.base_url;
    std::string host = req.get_header_value("Host");
    if (host.empty()) host = config_.host + ":" + std::to_string(config_.port);
    return "http://" + host;
}

namespace {

double seconds_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

SearchServer::Handler SearchServer::wrap(Route route, LeaseHandler fn) {
    return [this, route, fn = std::move(fn)](Req req, Res res) {
        auto started = std::chrono::steady_clock::now();
        try {
            Lease lease(*this);
            std::string revision;
            if (answer_from_cache(route, lease, req, res, revision)) {
                metrics_.observe(name_of(route), res.status, seconds_since(started));
                return;
            }
            try {
                fn(lease, req, res);
            } catch (const Xapian::DatabaseModifiedError&) {
                lease.reopen();
                res = httplib::Response();
                fn(lease, req, res);
            }
            if (res.status == -1) res.status = 200;  // httplib's "not set", which it sends as 200
            keep_in_cache(route, lease, req, res, revision);
        } catch (const UserError& e) {
            fail(req, res, status_for(e.code()), e.code(), e.what());
        } catch (const Xapian::Error& e) {
            log::error("index_error", {{"path", req.path}, {"message", e.get_description()}});
            fail(req, res, status_of(ErrorCode::index_error), std::string(code_of(ErrorCode::index_error)),
                 "the index could not be read; try again");
        } catch (const std::exception& e) {
            log::error("internal_error", {{"path", req.path}, {"message", e.what()}});
            fail(req, res, status_of(ErrorCode::internal_error), std::string(code_of(ErrorCode::internal_error)),
                 "internal error; it has been logged");
        }
        metrics_.observe(name_of(route), res.status, seconds_since(started));
    };
}

// Answers that depend on nothing but the request and the index revision
// come from the response cache when seen before. `revision` is set for
// keep_in_cache when the route is cacheable.
bool SearchServer::answer_from_cache(Route route, Lease& lease, Req req, Res res, std::string& revision) {
    if (!responses_->enabled() || !cacheable(route)) return false;
    revision = lease->snapshot_key();
    auto hit = responses_->get(revision, std::string(name_of(route)) + " " + req.target);
    if (!hit) return false;
    res.status = hit->status;
    for (const auto& [k, v] : hit->headers) res.set_header(k, v);
    res.set_content(hit->body, hit->content_type);
    return true;
}

void SearchServer::keep_in_cache(Route route, Lease& lease, Req req, Res res, const std::string& revision) {
    if (revision.empty() || res.status != 200 || lease->snapshot_key() != revision) return;
    ResponseCache::Entry e{res.status, res.get_header_value("Content-Type"), res.body, {}};
    for (const auto& [k, v] : res.headers)
        if (k != "Content-Type" && k != "Content-Length") e.headers.emplace_back(k, v);
    responses_->put(revision, std::string(name_of(route)) + " " + req.target, std::move(e));
}

void SearchServer::fail(Req req, Res res, int status, const std::string& code, const std::string& message) {
    if (!pages_ || is_api_path(req.path)) {
        send_error(res, status, code, message);
        return;
    }
    std::string q = req.has_param("q") ? req.get_param_value("q") : "";
    if (q.size() > 200) q.clear();
    send_html(res, status,
              pages_->error(status, status >= 500 ? "Something went wrong on our side; it has been logged. Please try again." : message, q));
}

}  // namespace a6kb
