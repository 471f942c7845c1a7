// SPDX-License-Identifier: Apache-2.0
#include "searchd/http.h"

#include "core/model/errors.h"
#include "core/model/log.h"
#include "core/search/searcher.h"
#include "searchd/pages.h"
#include "searchd/render.h"

#include <httplib.h>
#include <xapian.h>

#include <arpa/inet.h>
#include <malloc.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <set>
#include <condition_variable>
#include <cstring>
#include <functional>
#include <list>
#include <system_error>
#include <thread>

namespace a6kb {

namespace {

constexpr const char* JSON_TYPE = "application/json; charset=utf-8";

Params params_of(const httplib::Request& req) {
    Params p;
    for (const auto& [k, v] : req.params) p.emplace_back(k, v);
    return p;
}

void send_json(httplib::Response& res, int status, const nlohmann::json& body) {
    res.status = status;
    res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), JSON_TYPE);
}

void send_error(httplib::Response& res, int status, const std::string& code, const std::string& message) {
    send_json(res, status, error_json(code, message));
}

}  // namespace

// ------------------------------------------------------------------ connections
//
// httplib 0.11 hands each accepted connection to one task of its TaskQueue
// for the connection's whole life, and bounds the reading of a request only
// per read (a byte every read timeout keeps it going). With a fixed pool, as
// many slow clients as workers stalled everyone else. searchd replaces the
// two parts httplib lets a program replace:
//
// - the task queue (Server::new_task_queue): ConnectionPool starts a thread
//   for a connection when no idle one is waiting, up to --max-connections;
//   threads idle for IDLE_EXIT beyond the --threads kept ready exit; at the
//   cap the accept thread itself answers 503 and closes the connection, so
//   nothing is queued behind busy threads;
// - the per-connection loop (the virtual Server::process_and_close_socket;
//   httplib's SSLServer overrides it the same way): keep-alive, over a
//   socket stream of our own whose reads share one deadline per request
//   (--request-timeout, from the request's first byte). A request not read
//   in time is answered 408 and its connection closed. HTTP parsing,
//   routing and writing stay httplib's (the protected process_request).
//
// The number of requests searched at once stays --threads (a semaphore
// around the searcher lease), so connections cost a thread each but no
// index handle.

namespace {

constexpr auto IDLE_EXIT = std::chrono::seconds(10);  // an idle thread above --threads exits after this
thread_local bool t_turn_away = false;               // set while the accept thread refuses a connection

int millis_until(std::chrono::steady_clock::time_point t) {
    auto ms = std::chrono::ceil<std::chrono::milliseconds>(t - std::chrono::steady_clock::now()).count();
    return ms < 0 ? 0 : ms > INT32_MAX ? INT32_MAX : static_cast<int>(ms);
}

std::chrono::steady_clock::duration seconds_of(time_t sec, time_t usec) {
    return std::chrono::seconds(sec) + std::chrono::microseconds(usec);
}

class ConnectionPool final : public httplib::TaskQueue {
public:
    using Refuse = std::function<void(std::function<void()>)>;

    ConnectionPool(size_t ready, size_t max, std::atomic<size_t>& threads, Refuse refuse)
        : ready_(std::min(ready, max)), max_(max), threads_(threads), refuse_(std::move(refuse)) {
        std::lock_guard lk(m_);
        for (size_t i = 0; i < ready_; ++i) spawn_locked();
    }
    ~ConnectionPool() override { shutdown(); }

    void enqueue(std::function<void()> fn) override {
        std::unique_lock lk(m_);
        reap_locked();
        // A job is only queued for a thread that will take it at once: one
        // not serving a connection (waiting, or still starting), or a new one.
        if (live_ - busy_ > jobs_.size() || (live_ < max_ && spawn_locked())) {
            jobs_.push_back(std::move(fn));
            cv_.notify_one();
            return;
        }
        lk.unlock();
        refuse_(std::move(fn));
    }

    // Serves what is queued, then joins every thread.
    void shutdown() override {
        {
            std::lock_guard lk(m_);
            if (joined_) return;
            joined_ = stopping_ = true;
        }
        cv_.notify_all();
        for (auto& w : workers_) w.thread.join();
        workers_.clear();
    }

private:
    struct Worker {
        std::thread thread;
        bool done = false;
    };

    bool spawn_locked() {
        auto& w = workers_.emplace_back();
        try {
            w.thread = std::thread([this, &w] { work(w); });
        } catch (const std::system_error& e) {  // out of threads or memory: refuse this one
            workers_.pop_back();
            log::error("thread_not_started", {{"message", e.what()}, {"threads", std::to_string(live_)}});
            return false;
        }
        threads_.store(++live_);
        return true;
    }

    // Joins threads that have exited (they set `done` as their last step under the lock).
    void reap_locked() {
        for (auto it = workers_.begin(); it != workers_.end();) {
            if (!it->done) {
                ++it;
                continue;
            }
            it->thread.join();
            it = workers_.erase(it);
        }
    }

    void work(Worker& self) {
        std::unique_lock lk(m_);
        for (;;) {
            bool woken = cv_.wait_for(lk, IDLE_EXIT, [&] { return !jobs_.empty() || stopping_; });
            if (!jobs_.empty()) {
                auto fn = std::move(jobs_.front());
                jobs_.pop_front();
                ++busy_;
                lk.unlock();
                try {
                    fn();
                } catch (const std::exception& e) {
                    log::error("connection_failed", {{"message", e.what()}});
                } catch (...) {
                    log::error("connection_failed", {{"message", "unknown exception"}});
                }
                fn = nullptr;
                lk.lock();
                --busy_;
                continue;
            }
            if (stopping_ || (!woken && live_ > ready_)) break;
        }
        threads_.store(--live_);
        self.done = true;
    }

    const size_t ready_, max_;
    std::atomic<size_t>& threads_;
    Refuse refuse_;
    std::mutex m_;
    std::condition_variable cv_;
    std::list<Worker> workers_;  // stable addresses: each thread holds its own entry
    std::list<std::function<void()>> jobs_;
    size_t live_ = 0, busy_ = 0;  // threads alive; threads serving a connection
    bool stopping_ = false, joined_ = false;
};

}  // namespace

class HttpServer final : public httplib::Server {
public:
    explicit HttpServer(const ServerConfig& c)
        : ready_(c.threads), max_connections_(c.max_connections), request_timeout_(std::chrono::seconds(c.request_timeout_s)) {
        stop_fd_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
        if (stop_fd_ < 0) throw std::system_error(errno, std::generic_category(), "eventfd");
        new_task_queue = [this] {
            return new ConnectionPool(ready_, max_connections_, threads_, [](std::function<void()> fn) {
                t_turn_away = true;
                fn();  // process_and_close_socket, which sees the flag
                t_turn_away = false;
            });
        };
    }
    ~HttpServer() override { ::close(stop_fd_); }

    // httplib listens with a backlog of 5; a burst of connections then waits
    // for SYN retransmits (1 s and more). listen() again only resizes it.
    void widen_backlog() {
        int s = svr_sock_;
        if (s != INVALID_SOCKET) ::listen(s, SOMAXCONN);
    }

    // Closes the listening socket (the accept loop ends; httplib's stop() does
    // the same, but not before the loop has started) and wakes connections
    // waiting for their next request.
    void halt() {
        stopping_ = true;
        uint64_t one = 1;
        [[maybe_unused]] auto n = ::write(stop_fd_, &one, sizeof one);
        int s = svr_sock_.exchange(INVALID_SOCKET);
        if (s != INVALID_SOCKET) {
            ::shutdown(s, SHUT_RDWR);
            ::close(s);
        }
    }

    SearchServer::ConnectionStats stats() const {
        return {open_.load(), threads_.load(), rejected_.load(), timed_out_.load()};
    }

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

// A connection's socket as httplib sees it: buffered reads, every read of a
// request bounded by the read timeout and by the request's deadline.
class HttpServer::Stream final : public httplib::Stream {
public:
    Stream(socket_t sock, HttpServer& server) : sock_(sock), server_(server) {}

    // Waits up to `idle_s` for the next request's first byte (or the client
    // closing). False when idle that long, or when the server is stopping.
    bool next_request(time_t idle_s) {
        if (broken_) return false;
        if (off_ == len_) {
            pollfd p[2] = {{sock_, POLLIN, 0}, {server_.stop_fd_, POLLIN, 0}};
            int r;
            do r = ::poll(p, 2, static_cast<int>(idle_s * 1000));
            while (r < 0 && errno == EINTR);
            if (r <= 0 || p[0].revents == 0) return false;
        }
        deadline_ = std::chrono::steady_clock::now() + server_.request_timeout_;
        status_ = 0;
        return true;
    }

    // The status of the response written to the last request (0: none).
    int status() const { return status_; }

    bool is_readable() const override {
        if (off_ < len_) return true;
        pollfd p{sock_, POLLIN, 0};
        auto t = seconds_of(server_.read_timeout_sec_, server_.read_timeout_usec_);
        return ::poll(&p, 1, static_cast<int>(std::chrono::ceil<std::chrono::milliseconds>(t).count())) > 0;
    }

    bool is_writable() const override {
        if (broken_) return false;
        pollfd p{sock_, POLLOUT, 0};
        auto t = seconds_of(server_.write_timeout_sec_, server_.write_timeout_usec_);
        return ::poll(&p, 1, static_cast<int>(std::chrono::ceil<std::chrono::milliseconds>(t).count())) > 0 &&
               !(p.revents & (POLLERR | POLLHUP));
    }

    ssize_t read(char* ptr, size_t size) override {
        if (broken_) return -1;
        while (off_ == len_) {
            if (!await_bytes()) return -1;
            ssize_t n = ::recv(sock_, buf_.data(), buf_.size(), MSG_DONTWAIT);
            if (n == 0) return 0;  // the client closed its side
            if (n < 0) {
                if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK) continue;
                broken_ = true;
                return -1;
            }
            off_ = 0;
            len_ = static_cast<size_t>(n);
        }
        size_t n = std::min(size, len_ - off_);
        std::memcpy(ptr, buf_.data() + off_, n);
        off_ += n;
        return static_cast<ssize_t>(n);
    }

    ssize_t write(const char* ptr, size_t size) override {
        if (broken_) return -1;
        // httplib writes a response's status line and headers in one call,
        // first (after a "100 Continue", if any).
        if (status_ < 200 && size >= 12 && std::memcmp(ptr, "HTTP/1.1 ", 9) == 0)
            status_ = std::atoi(std::string(ptr + 9, 3).c_str());
        auto limit = std::chrono::steady_clock::now() + seconds_of(server_.write_timeout_sec_, server_.write_timeout_usec_);
        for (;;) {
            ssize_t n = ::send(sock_, ptr, size, MSG_DONTWAIT | MSG_NOSIGNAL);
            if (n >= 0) return n;
            if (errno == EINTR) continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                pollfd p{sock_, POLLOUT, 0};
                int ms = millis_until(limit);
                if (ms > 0 && (::poll(&p, 1, ms) > 0 || errno == EINTR)) continue;
            }
            broken_ = true;  // the client is gone, or reads too slowly
            return -1;
        }
    }

    void get_remote_ip_and_port(std::string& ip, int& port) const override { address(true, ip, port); }
    void get_local_ip_and_port(std::string& ip, int& port) const override { address(false, ip, port); }
    socket_t socket() const override { return sock_; }

private:
    // Waits until the socket has bytes, closed or failed (true), or until the
    // read timeout or the request's deadline, whichever is first (false,
    // after answering 408: the request did not arrive in time).
    bool await_bytes() {
        auto limit = std::min(deadline_, std::chrono::steady_clock::now() +
                                             seconds_of(server_.read_timeout_sec_, server_.read_timeout_usec_));
        for (;;) {
            pollfd p{sock_, POLLIN, 0};
            int r = ::poll(&p, 1, millis_until(limit));
            if (r > 0) return true;
            if (r < 0 && errno == EINTR) continue;
            if (r < 0) {
                broken_ = true;
                return false;
            }
            if (millis_until(limit) > 0) continue;  // woke early
            break;
        }
        static const std::string body =
            R"({"error":{"code":"request_timeout","message":"the request did not arrive in time"}})";
        static const std::string reply = "HTTP/1.1 408 Request Timeout\r\nContent-Type: " + std::string(JSON_TYPE) +
                                         "\r\nContent-Length: " + std::to_string(body.size()) +
                                         "\r\nConnection: close\r\n\r\n" + body;
        [[maybe_unused]] auto n = ::send(sock_, reply.data(), reply.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
        server_.timed_out_.fetch_add(1, std::memory_order_relaxed);
        broken_ = true;  // httplib's own error response, if it tries one, is not sent
        return false;
    }

    void address(bool remote, std::string& ip, int& port) const {
        sockaddr_storage a{};
        socklen_t len = sizeof a;
        auto* sa = reinterpret_cast<sockaddr*>(&a);
        if ((remote ? ::getpeername(sock_, sa, &len) : ::getsockname(sock_, sa, &len)) != 0) return;
        char host[INET6_ADDRSTRLEN] = "";
        if (a.ss_family == AF_INET) {
            auto* v4 = reinterpret_cast<sockaddr_in*>(&a);
            ::inet_ntop(AF_INET, &v4->sin_addr, host, sizeof host);
            port = ntohs(v4->sin_port);
        } else if (a.ss_family == AF_INET6) {
            auto* v6 = reinterpret_cast<sockaddr_in6*>(&a);
            ::inet_ntop(AF_INET6, &v6->sin6_addr, host, sizeof host);
            port = ntohs(v6->sin6_port);
        }
        ip = host;
    }

    socket_t sock_;
    HttpServer& server_;
    std::array<char, 4096> buf_;
    size_t off_ = 0, len_ = 0;
    std::chrono::steady_clock::time_point deadline_ = std::chrono::steady_clock::time_point::max();
    int status_ = 0;
    bool broken_ = false;
};

bool HttpServer::process_and_close_socket(socket_t sock) {
    if (t_turn_away) {
        turn_away(sock);
        return false;
    }
    open_.fetch_add(1);
    bool ret = false;
    {
        Stream strm(sock, *this);
        for (size_t left = keep_alive_max_count_; left > 0 && !stopping_; --left) {
            if (!strm.next_request(keep_alive_timeout_sec_)) break;
            bool closed = false;
            ret = process_request(strm, left == 1 || stopping_, closed, nullptr);
            if (!ret || closed) break;
            // The request could not be read whole: what follows it on the
            // connection is not a request to answer (RFC 9112, 2.2).
            int st = strm.status();
            if (st == 400 || st == 413 || st == 414 || st == 431) break;
        }
    }
    open_.fetch_sub(1);
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
    return ret;
}

// At --max-connections: 503 at once, on the accept thread, without waiting.
void HttpServer::turn_away(socket_t sock) {
    unsigned long total = rejected_.fetch_add(1) + 1;
    static const std::string body =
        R"({"error":{"code":"overloaded","message":"too many connections; try again shortly"}})";
    static const std::string reply = "HTTP/1.1 503 Service Unavailable\r\nContent-Type: " + std::string(JSON_TYPE) +
                                     "\r\nContent-Length: " + std::to_string(body.size()) +
                                     "\r\nRetry-After: 1\r\nConnection: close\r\n\r\n" + body;
    // Take in what the client has sent already, so close() sends FIN, not RST.
    char sink[4096];
    while (::recv(sock, sink, sizeof sink, MSG_DONTWAIT) > 0) {
    }
    [[maybe_unused]] auto n = ::send(sock, reply.data(), reply.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
    // One warning per 10 s at most: a flood must not flood the log too.
    int64_t now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
    int64_t last = last_refusal_log_.load();
    if ((last == 0 || now - last >= 10) && last_refusal_log_.compare_exchange_strong(last, now))
        log::warn("connection_limit", {{"max_connections", std::to_string(max_connections_)},
                                       {"refused_total", std::to_string(total)}});
}

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

// A searcher borrowed from the pool for one request, returned afterwards.
class SearchServer::Lease {
public:
    // Waits while --threads requests are being searched.
    explicit Lease(SearchServer& s) : server_(s) {
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
    ~Lease() {
        searcher_->idle();
        {
            std::lock_guard lk(server_.pool_mutex_);
            server_.pool_.push_back(std::move(searcher_));
        }
        server_.searching_->release();
    }
    Searcher& operator*() { return *searcher_; }
    Searcher* operator->() { return searcher_.get(); }
    // After DatabaseModifiedError: reopen before the retry.
    void reopen() {
        searcher_->refresh();
        server_.metrics_.reloaded();
    }

private:
    SearchServer& server_;
    std::unique_ptr<Searcher> searcher_;
};

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
    routes();
    if (pages_) page_routes();
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

SearchServer::ConnectionStats SearchServer::connections() const { return server_->stats(); }

std::string SearchServer::base_url(const httplib::Request& req) const {
    if (!config_.base_url.empty()) return config_.base_url;
    std::string host = req.get_header_value("Host");
    if (host.empty()) host = config_.host + ":" + std::to_string(config_.port);
    return "http://" + host;
}

namespace {

// Pages may run our own script and styles only: no inline script, nothing from elsewhere.
constexpr const char* CSP =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

void send_html(httplib::Response& res, int status, std::string body) {
    res.status = status;
    res.set_header("Content-Security-Policy", CSP);
    res.set_header("Cache-Control", "no-cache");
    res.set_content(std::move(body), "text/html; charset=utf-8");
}

}  // namespace

namespace {

// Routes whose answer depends only on the request's path and query and on
// the index revision (not on headers, the time or the connection).
bool is_cacheable(const std::string& route) {
    static const std::set<std::string> routes = {"search", "document", "facets", "suggest",
                                                 "home", "page_search", "page_document", "labs"};
    return routes.count(route) > 0;
}

}  // namespace

SearchServer::Handler SearchServer::wrap(std::string route, LeaseHandler fn) {
    return [this, route = std::move(route), fn = std::move(fn)](const httplib::Request& req, httplib::Response& res) {
            auto started = std::chrono::steady_clock::now();
            bool api = !pages_ || req.path.rfind("/api/", 0) == 0 || req.path == "/feed.atom" || req.path == "/healthz" ||
                       req.path == "/metrics" || req.path == "/opensearch.xml";
            try {
                Lease lease(*this);
                // Answers that depend on nothing but the request and the index
                // revision come from the response cache when seen before.
                const bool cacheable = responses_->enabled() && is_cacheable(route);
                std::string revision, key;
                if (cacheable) {
                    revision = lease->snapshot_key();
                    key = route + " " + req.target;
                    if (auto hit = responses_->get(revision, key)) {
                        res.status = hit->status;
                        for (const auto& [k, v] : hit->headers) res.set_header(k, v);
                        res.set_content(hit->body, hit->content_type);
                        metrics_.observe(route, res.status, std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
                        return;
                    }
                }
                try {
                    fn(lease, req, res);
                } catch (const Xapian::DatabaseModifiedError&) {
                    lease.reopen();
                    res = httplib::Response();
                    fn(lease, req, res);
                }
                if (cacheable && res.status == 200 && lease->snapshot_key() == revision) {
                    ResponseCache::Entry e{res.status, res.get_header_value("Content-Type"), res.body, {}};
                    for (const auto& [k, v] : res.headers)
                        if (k != "Content-Type" && k != "Content-Length") e.headers.emplace_back(k, v);
                    responses_->put(revision, key, std::move(e));
                }
            } catch (const UserError& e) {
                int status = e.code() == "query_too_long" ? 413 : e.code() == "not_found" ? 404 : 400;
                fail(req, res, api, status, e.code(), e.what());
            } catch (const Xapian::Error& e) {
                log::error("index_error", {{"path", req.path}, {"message", e.get_description()}});
                fail(req, res, api, 500, "index_error", "the index could not be read; try again");
            } catch (const std::exception& e) {
                log::error("internal_error", {{"path", req.path}, {"message", e.what()}});
                fail(req, res, api, 500, "internal_error", "internal error; it has been logged");
            }
            double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
            metrics_.observe(route, res.status, secs);
    };
}

void SearchServer::fail(const httplib::Request& req, httplib::Response& res, bool api, int status,
                        const std::string& code, const std::string& message) {
    if (api || !pages_) {
        send_error(res, status, code, message);
        return;
    }
    std::string q = req.has_param("q") ? req.get_param_value("q") : "";
    if (q.size() > 200) q.clear();
    send_html(res, status,
              pages_->error(status, status >= 500 ? "Something went wrong on our side; it has been logged. Please try again." : message, q));
}

void SearchServer::routes() {
    using Req = const httplib::Request&;
    using Res = httplib::Response&;
    auto& s = *server_;

    s.Get("/api/v1/search", wrap("search", [](Lease& l, Req req, Res res) {
        SearchRequest r = parse_search_request(params_of(req), l->taxonomy(), l->limits());
        send_json(res, 200, to_json(l->search(r), r));
    }));
    s.Get(R"(/api/v1/documents/([^/]+))", wrap("document", [](Lease& l, Req req, Res res) {
        std::string id = req.matches[1];
        auto v = l->document(id);
        if (!v) throw UserError("not_found", "no record with id '" + id + "'");
        send_json(res, 200, to_json(*v));
    }));
    s.Get("/api/v1/facets", wrap("facets", [](Lease& l, Req req, Res res) {
        if (!req.params.empty()) throw UserError("bad_parameter", "parameter '" + req.params.begin()->first + "': unknown parameter");
        send_json(res, 200, {{"facets", to_json(l->facet_overview())}, {"documents", l->documents()}});
    }));
    s.Get("/api/v1/suggest", wrap("suggest", [](Lease& l, Req req, Res res) {
        std::string q;
        size_t limit = 10;
        for (const auto& [k, v] : req.params) {
            if (k == "q") q = v;
            else if (k == "limit") {
                try {
                    size_t used = 0;
                    int n = std::stoi(v, &used);
                    if (used != v.size() || n < 1 || n > 50) throw std::out_of_range(v);
                    limit = static_cast<size_t>(n);
                } catch (const std::exception&) {
                    throw UserError("bad_parameter", "parameter 'limit': must be a whole number between 1 and 50");
                }
            } else {
                throw UserError("bad_parameter", "parameter '" + k + "': unknown parameter");
            }
        }
        if (q.size() > l->limits().max_query_bytes) throw UserError("query_too_long", "parameter 'q': too long");
        send_json(res, 200, to_json(l->suggest(q, limit), q));
    }));
    s.Get("/feed.atom", wrap("feed", [this](Lease& l, Req req, Res res) {
        SearchRequest r = parse_search_request(params_of(req), l->taxonomy(), l->limits());
        r.sort = SearchRequest::Sort::newest;
        if (r.per_page == 10) r.per_page = 30;
        res.set_content(atom_feed(l->search(r), r, base_url(req)), "application/atom+xml; charset=utf-8");
    }));
    s.Get("/opensearch.xml", wrap("opensearch", [this](Lease&, Req req, Res res) {
        res.set_content(opensearch_description(base_url(req)), "application/opensearchdescription+xml; charset=utf-8");
    }));
    s.Get("/healthz", wrap("healthz", [](Lease& l, Req, Res res) {
        send_json(res, 200, {{"status", "ok"}, {"documents", l->documents()}, {"revision", l->revision()}});
    }));
    s.Get("/metrics", wrap("metrics", [this](Lease& l, Req, Res res) {
        auto c = connections();
        std::string text = metrics_.render(l->documents());
        auto rc = responses_->stats();
        auto metric = [&text](const char* name, const char* type, const char* help, auto value) {
            text += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n" + name + " " +
                    std::to_string(value) + "\n";
        };
        metric("a6kb_cache_hits_total", "counter", "Requests answered from the response cache.", rc.hits);
        metric("a6kb_cache_misses_total", "counter", "Cacheable requests that had to be searched.", rc.misses);
        metric("a6kb_cache_bytes", "gauge", "Bytes held by the response cache.", rc.bytes);
        metric("a6kb_http_connections", "gauge", "Connections open now (each has a thread).", c.open);
        metric("a6kb_http_threads", "gauge", "Connection threads alive, idle ones included.", c.threads);
        metric("a6kb_http_refused_total", "counter", "Connections answered 503 at --max-connections.", c.rejected);
        metric("a6kb_http_request_timeouts_total", "counter",
               "Requests answered 408: not received within --request-timeout.", c.timed_out);
        res.set_content(text, "text/plain; version=0.0.4; charset=utf-8");
    }));

    // The API answers other methods with 405 and the methods it allows.
    auto not_allowed = [this](Req req, Res res) {
        res.set_header("Allow", "GET, HEAD");
        send_error(res, 405, "method_not_allowed", req.method + " is not allowed on " + req.path + "; use GET");
        metrics_.observe("method_not_allowed", 405, 0);
    };
    for (const char* pattern : {R"(/api/.*)", "/feed.atom", "/opensearch.xml", "/healthz", "/metrics"}) {
        s.Post(pattern, not_allowed);
        s.Put(pattern, not_allowed);
        s.Delete(pattern, not_allowed);
        s.Patch(pattern, not_allowed);
    }

    s.set_error_handler([this](Req req, Res res) {
        if (!res.body.empty()) return;  // a handler already said what went wrong
        if (res.status == 404) {
            bool api = !pages_ || req.path.rfind("/api/", 0) == 0;
            if (api) send_error(res, 404, "not_found", "nothing at " + req.path);
            else send_html(res, 404, pages_->error(404, "There is no page at this address. Search instead:"));
            metrics_.observe("not_found", 404, 0);
        } else if (res.status == 413) {
            send_error(res, 413, "payload_too_large", "the request is too large");
        } else if (res.status >= 400) {
            send_error(res, res.status, "bad_request", "the request could not be read");
        }
    });
    s.set_exception_handler([](Req req, Res res, std::exception_ptr) {
        log::error("internal_error", {{"path", req.path}});
        send_error(res, 500, "internal_error", "internal error; it has been logged");
    });
    s.set_post_routing_handler([](Req req, Res res) {
        if (req.path.rfind("/api/", 0) == 0) res.set_header("Access-Control-Allow-Origin", "*");
        res.set_header("X-Content-Type-Options", "nosniff");
        res.set_header("Referrer-Policy", "same-origin");
    });
    if (!config_.quiet) {
        s.set_logger([](Req req, const httplib::Response& res) {
            log::info("access", {{"method", req.method}, {"path", req.path}, {"status", std::to_string(res.status)},
                                 {"remote", req.remote_addr}});
        });
    }
}

void SearchServer::page_routes() {
    using Req = const httplib::Request&;
    using Res = httplib::Response&;
    auto& s = *server_;
    auto page = [this](std::string route, std::function<std::string(Lease&, Req, Res)> fn) {
        return wrap(std::move(route), [fn = std::move(fn)](Lease& l, Req req, Res res) {
            send_html(res, 200, fn(l, req, res));
        });
    };
    s.Get("/", page("home", [this](Lease& l, Req, Res) {
        HomeView v{l->facet_overview(), l->documents(), l->search(HomeView::newest_request())};
        return pages_->home(v, l->taxonomy());
    }));
    s.Get("/search", page("page_search", [this](Lease& l, Req req, Res) {
        SearchRequest r = parse_search_request(params_of(req), l->taxonomy(), l->limits());
        SearchResult result = l->search(r);
        std::string qs = query_string(r.to_params());
        return pages_->search(r, result, l->taxonomy(), l->limits(), "/feed.atom" + (qs.empty() ? "" : "?" + qs));
    }));
    s.Get(R"(/doc/([^/]+))", page("page_document", [this](Lease& l, Req req, Res) {
        std::string id = req.matches[1];
        auto v = l->document(id);
        if (!v) throw UserError("not_found", "There is no record with the id \u201c" + id + "\u201d. It may have been renamed; search for it:");
        return pages_->document(*v, l->taxonomy());
    }));
    s.Get("/labs", page("page_labs", [this](Lease& l, Req, Res) { return pages_->labs(l->labs(), l->taxonomy()); }));
    s.Get("/about", page("page_about", [this](Lease& l, Req req, Res) {
        return pages_->about({l->facet_overview(), l->documents(), base_url(req)});
    }));

    // Static assets, only from web/static (httplib refuses paths with ".."):
    // versioned URLs are cached for a year, others for an hour.
    s.set_mount_point("/static", pages_->static_dir());
    s.set_file_request_handler([](Req req, Res res) {
        res.set_header("Cache-Control", req.has_param("v") ? "public, max-age=31536000, immutable" : "public, max-age=3600");
    });
}

}  // namespace a6kb
