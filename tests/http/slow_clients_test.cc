// SPDX-License-Identifier: Apache-2.0
// Slow and idle clients against searchd's connection layer (searchd/transport.cc):
// more half-sent requests than --threads must not keep a normal request
// waiting; at --max-connections a new connection is answered 503 at once;
// a request still incomplete at --request-timeout is answered 408.
//
// No sleep orders these steps: each one waits (bounded) for the server's own
// connection count to say the slow connections are held, then checks.
#include "core/index/indexer.h"
#include "searchd/server.h"
#include "serving.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

using namespace a6kb;
using nlohmann::json;
using test::TempDir;
using Clock = std::chrono::steady_clock;

namespace {

// A SearchServer in a thread on a free port, with access to its counters.
struct Server {
    TempDir dir;
    std::unique_ptr<SearchServer> server;
    std::thread thread;
    int port = 0;

    explicit Server(unsigned threads, unsigned max_connections, int request_timeout_s) {
        IndexOptions o = test::index_search_corpus(dir.path());
        ServerConfig c;
        c.db = o.db.string();
        c.port = 0;
        c.quiet = true;
        c.threads = threads;
        c.max_connections = max_connections;
        c.request_timeout_s = request_timeout_s;
        c.read_timeout_s = 60;  // so that only the request deadline can end a slow request
        server = std::make_unique<SearchServer>(c);
        port = server->bind();
        thread = std::thread([this] { server->run(); });
    }
    ~Server() {
        server->stop();
        thread.join();
    }

    // Waits until the server holds `n` open connections; false after 10 s.
    bool await_open(size_t n) const {
        auto until = Clock::now() + std::chrono::seconds(10);
        while (server->connections().open != n) {
            if (Clock::now() > until) return false;
            std::this_thread::yield();
        }
        return true;
    }
};

int connect_to(int port) {
    int fd = test::connect_loopback(port);
    REQUIRE(fd >= 0);
    return fd;
}

void send_all(int fd, const std::string& s) {
    REQUIRE(::send(fd, s.data(), s.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(s.size()));
}

struct Reply {
    int status = 0;  // 0: no response
    std::string text;
    double seconds = 0;
};

// Reads one response (or until the server closes, or `limit` passes).
Reply read_reply(int fd, std::chrono::milliseconds limit) {
    Reply r;
    auto started = Clock::now();
    auto until = started + limit;
    char buf[8192];
    for (;;) {
        size_t end = r.text.find("\r\n\r\n");
        if (end != std::string::npos) {
            size_t cl = r.text.find("Content-Length: ");
            if (cl != std::string::npos && cl < end &&
                r.text.size() >= end + 4 + std::stoul(r.text.substr(cl + 16)))
                break;
        }
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count();
        if (left <= 0) break;
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(left)) <= 0) break;
        ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0) break;
        r.text.append(buf, static_cast<size_t>(n));
    }
    r.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    if (r.text.rfind("HTTP/1.1 ", 0) == 0 && r.text.size() >= 12) r.status = std::stoi(r.text.substr(9, 3));
    return r;
}

Reply request(int port, const std::string& path, std::chrono::milliseconds limit) {
    int fd = connect_to(port);
    send_all(fd, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    Reply r = read_reply(fd, limit);
    ::close(fd);
    return r;
}

// A request cut before its end: the server waits for the rest.
const std::string HALF = "GET /api/v1/search?q=methane HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow";

}  // namespace

TEST_CASE("more slow connections than --threads do not keep a normal request waiting", "[http][slow-clients]") {
    // 2 threads kept ready; a fixed pool of 2 would hold every worker until
    // the 30 s deadline, so each normal request below would time out.
    Server s(/*threads=*/2, /*max_connections=*/64, /*request_timeout_s=*/30);
    std::vector<int> slow;
    for (int i = 0; i < 24; ++i) {
        slow.push_back(connect_to(s.port));
        send_all(slow.back(), HALF);
    }
    REQUIRE(s.await_open(24));
    for (int i = 0; i < 20; ++i) {
        Reply r = request(s.port, i % 2 ? "/healthz" : "/api/v1/search?q=AMS-III.D", std::chrono::seconds(2));
        INFO("request " << i << ": " << r.text.substr(0, 120));
        REQUIRE(r.status == 200);
        CHECK(r.seconds < 2);
    }
    // The slow ones were held all along, unanswered.
    auto c = s.server->connections();
    CHECK(c.open >= 24);
    CHECK(c.threads >= 24);
    CHECK(c.timed_out == 0);
    CHECK(c.rejected == 0);
    for (int fd : slow) {
        pollfd p{fd, POLLIN, 0};
        CHECK(::poll(&p, 1, 0) == 0);
        ::close(fd);
    }
}

TEST_CASE("at --max-connections a new connection is answered 503 at once", "[http][slow-clients]") {
    Server s(/*threads=*/2, /*max_connections=*/6, /*request_timeout_s=*/30);
    std::vector<int> slow;
    for (int i = 0; i < 6; ++i) {
        slow.push_back(connect_to(s.port));
        send_all(slow.back(), HALF);
    }
    REQUIRE(s.await_open(6));
    Reply r = request(s.port, "/api/v1/search?q=methane", std::chrono::seconds(2));
    REQUIRE(r.status == 503);
    CHECK(r.seconds < 1);
    CHECK(r.text.find("Retry-After: 1\r\n") != std::string::npos);
    auto body = json::parse(r.text.substr(r.text.find("\r\n\r\n") + 4));
    CHECK(body["error"]["code"] == "overloaded");
    CHECK(s.server->connections().rejected == 1);

    // One slow client leaves: the next request is served.
    ::close(slow.back());
    slow.pop_back();
    REQUIRE(s.await_open(5));
    CHECK(request(s.port, "/healthz", std::chrono::seconds(2)).status == 200);
    for (int fd : slow) ::close(fd);
}

TEST_CASE("a request not received within --request-timeout is answered 408", "[http][slow-clients]") {
    Server s(/*threads=*/2, /*max_connections=*/16, /*request_timeout_s=*/1);
    // A byte every 100 ms: each read succeeds long before the 60 s read
    // timeout, so only the deadline for the whole request can end it.
    int fd = connect_to(s.port);
    send_all(fd, "GET /healthz HTTP/1.1\r\nX-Slow: ");
    auto started = Clock::now();
    std::atomic<bool> done{false};
    std::thread trickle([&] {
        while (!done) {
            if (::send(fd, "a", 1, MSG_NOSIGNAL) != 1) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));  // the client's pace, not synchronisation
        }
    });
    Reply r = read_reply(fd, std::chrono::seconds(10));
    double secs = std::chrono::duration<double>(Clock::now() - started).count();
    done = true;
    trickle.join();
    ::close(fd);
    INFO(r.text);
    REQUIRE(r.status == 408);
    CHECK(secs >= 0.9);
    CHECK(secs < 5);
    CHECK(json::parse(r.text.substr(r.text.find("\r\n\r\n") + 4))["error"]["code"] == "request_timeout");
    CHECK(s.server->connections().timed_out == 1);
    // A whole request on a new connection is still answered.
    CHECK(request(s.port, "/healthz", std::chrono::seconds(2)).status == 200);
}
