// SPDX-License-Identifier: Apache-2.0
#include "searchd/transport.h"

#include "core/model/log.h"
#include "searchd/error_codes.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <functional>
#include <list>
#include <mutex>
#include <system_error>
#include <thread>

namespace a6kb {

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

// A whole HTTP response written straight to a socket, where httplib cannot
// answer: the JSON error body of docs/api.md, then the connection closes.
std::string canned_reply(ErrorCode e, const char* reason, const char* message, const char* extra_headers) {
    std::string body = std::string(R"({"error":{"code":")") + std::string(code_of(e)) + R"(","message":")" + message + "\"}}";
    return "HTTP/1.1 " + std::to_string(status_of(e)) + " " + reason + "\r\nContent-Type: " + JSON_TYPE +
           "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n" + extra_headers + "Connection: close\r\n\r\n" + body;
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

HttpServer::HttpServer(const ServerConfig& c)
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

HttpServer::~HttpServer() { ::close(stop_fd_); }

void HttpServer::widen_backlog() {
    int s = svr_sock_;
    if (s != INVALID_SOCKET) ::listen(s, SOMAXCONN);
}

void HttpServer::halt() {
    stopping_ = true;
    uint64_t one = 1;
    [[maybe_unused]] auto n = ::write(stop_fd_, &one, sizeof one);
    int s = svr_sock_.exchange(INVALID_SOCKET);
    if (s != INVALID_SOCKET) {
        ::shutdown(s, SHUT_RDWR);
        ::close(s);
    }
}

ConnectionStats HttpServer::stats() const { return {open_.load(), threads_.load(), rejected_.load(), timed_out_.load()}; }

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
        static const std::string reply =
            canned_reply(ErrorCode::request_timeout, "Request Timeout", "the request did not arrive in time", "");
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
            if (st == 400 || st == 411 || st == 413 || st == 414 || st == 431) break;
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
    static const std::string reply = canned_reply(ErrorCode::overloaded, "Service Unavailable",
                                                  "too many connections; try again shortly", "Retry-After: 1\r\n");
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

}  // namespace a6kb
