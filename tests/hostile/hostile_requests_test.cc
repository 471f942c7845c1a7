// SPDX-License-Identifier: Apache-2.0
// Hostile requests: more than a thousand malformed, oversized, traversing
// and random requests, made deterministically and sent as raw bytes to the
// server in a thread on a free port of 127.0.0.1. None may get a 5xx, be
// dropped or hang; API errors must keep the {"error": {"code", "message"}}
// contract; nothing outside web/static may be served; and the server must
// still answer /healthz afterwards.
#include "core/index/indexer.h"
#include "../http/serving.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <random>
#include <thread>

using namespace a6kb;
using nlohmann::json;
using test::TempDir;

namespace {

constexpr const char* SECRET = "SECRET-7f3a-NOT-FOR-HTTP";

struct Server {
    TempDir dir;
    std::unique_ptr<test::Serving> serving;
    int port = 0;
    Server() {
        test::write_file(dir / "secret.txt", SECRET);  // beside the index, outside web/static
        IndexOptions o = test::index_search_corpus(dir.path());
        ServerConfig c;
        c.db = o.db.string();
        c.port = 0;
        c.threads = 8;
        c.quiet = true;
        c.web = std::string(A6KB_WEB);
        c.read_timeout_s = 2;
        serving = std::make_unique<test::Serving>(c);
        port = serving->port();
    }
};

struct Reply {
    bool answered = false;  // a status line came back
    bool timed_out = false;
    int status = 0;
    std::map<std::string, std::string> headers;  // lowercase names
    std::string body;
};

// True once `in` holds a whole response: headers, then Content-Length bytes
// or the last chunk (no body after HEAD). A server may keep the connection
// open after an error whatever the request said, so EOF is not awaited.
bool complete(const std::string& in, bool head) {
    size_t end = in.find("\r\n\r\n");
    if (end == std::string::npos) return false;
    if (head) return true;
    std::string headers = in.substr(0, end + 2);
    for (auto& c : headers) c = char(std::tolower(static_cast<unsigned char>(c)));
    size_t cl = headers.find("\r\ncontent-length:");
    if (cl != std::string::npos) return in.size() - end - 4 >= std::stoull(headers.substr(cl + 17));
    if (headers.find("transfer-encoding: chunked") != std::string::npos)
        return in.size() >= 5 && in.compare(in.size() - 5, 5, "0\r\n\r\n") == 0;
    return false;  // read to the end
}

// Sends `raw` on a new connection and reads one response, or until the
// server closes the connection or `timeout` passes without a byte.
Reply send_raw(int port, const std::string& raw, std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
    Reply r;
    int fd = test::connect_loopback(port);
    REQUIRE(fd >= 0);
    size_t sent = 0;
    while (sent < raw.size()) {
        ssize_t n = ::send(fd, raw.data() + sent, raw.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) break;  // the server may refuse the rest of an oversized request
        sent += static_cast<size_t>(n);
    }
    const bool head = raw.rfind("HEAD ", 0) == 0;
    std::string in;
    char buf[65536];
    while (!complete(in, head)) {
        pollfd p{fd, POLLIN, 0};
        int ready = ::poll(&p, 1, static_cast<int>(timeout.count()));
        if (ready == 0) {
            r.timed_out = true;
            break;
        }
        ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0) break;
        in.append(buf, static_cast<size_t>(n));
    }
    ::close(fd);
    if (in.rfind("HTTP/1.", 0) != 0 || in.size() < 12) return r;
    r.answered = true;
    r.timed_out = false;
    r.status = std::atoi(in.substr(9, 3).c_str());
    size_t end = in.find("\r\n\r\n");
    std::string head_text = in.substr(0, end);
    r.body = end == std::string::npos ? std::string() : in.substr(end + 4);
    for (size_t pos = head_text.find("\r\n"); pos != std::string::npos;) {
        size_t next = head_text.find("\r\n", pos + 2);
        std::string line = head_text.substr(pos + 2, next == std::string::npos ? std::string::npos : next - pos - 2);
        auto colon = line.find(':');
        if (colon != std::string::npos) {
            std::string name = line.substr(0, colon);
            for (auto& c : name) c = char(std::tolower(static_cast<unsigned char>(c)));
            auto value = line.find_first_not_of(' ', colon + 1);
            r.headers[name] = value == std::string::npos ? "" : line.substr(value);
        }
        pos = next;
    }
    return r;
}

std::string get(const std::string& target, const std::string& extra_headers = "", const std::string& method = "GET") {
    return method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra_headers + "Connection: close\r\n\r\n";
}

std::string pct(std::string_view bytes) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : bytes) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') out += char(c);
        else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

struct Attack {
    std::string name;
    std::string raw;
    bool may_close = false;  // no line end in it: the server can only wait, then hang up
};

// Values for q (already percent-encoded where they need to be).
std::vector<std::string> hostile_queries() {
    std::vector<std::string> q = {
        // Malformed percent-encoding and bad UTF-8.
        "%", "%%", "%%%", "%G1", "%ZZ", "%1", "abc%", "%C3", "%C3%28", "%FF%FE", "%ED%A0%80", "%F4%90%80%80",
        "%C0%AF", "%E2%82", "%80", "%00", "a%00b", "%0D%0AX-Injected:%201", "%2e%2e%2f%2e%2e%2f",
        // Unbalanced quotes and parentheses, operators only.
        "%22", "%22unbalanced", "%22a%22b%22c", "(((", ")))", "(a%20OR%20(b%20AND%20c", "a)%20OR%20(b",
        "AND", "OR", "NOT", "AND%20OR%20NOT", "XOR", "NEAR", "ADJ", "NEAR/3", "%2B", "-", "%2B-%2B-", "~", "%5E",
        "*", "a*", "**", "title%3A", "type%3A", "symbol%3A", "symbol%3A%22", "group%3Anobody", "%3A%3A%3A",
        "methane%20AND", "OR%20methane", "NOT%20NOT%20NOT", "%22%22", "()", "%5B%5D", "%7B%7D", "%5C", "%5C%22",
        "-methane%20-manure", "%2Bmethane%20%2B", "title%3A(", "a%20NEAR%20", "%40%23%24%25%5E%26*()",
        // Symbols at their limits.
        "AMS-III.D%20" + std::string(50, 'I'), "3%2FCMA." + std::string(30, '9'), "A6.4-" + std::string(60, '-'),
        "tool%20" + std::string(40, '9'), "symbol%3A" + std::string(200, 'x'),
        // Length: at the limit (1,000 bytes) and past it.
        std::string(1000, 'a'), std::string(1001, 'a'), std::string(5000, 'a'),
    };
    std::string terms;  // 500 terms in 1,000 bytes: at the limit
    for (int i = 0; i < 500; ++i) terms += (i ? "+" : "") + std::string(1, char('a' + i % 26));
    q.push_back(terms + "z");
    std::string ors;
    for (int i = 0; i < 120; ++i) ors += (i ? "%20OR%20" : "") + std::string("w") + std::to_string(i);
    q.push_back(ors);
    std::string quotes;
    for (int i = 0; i < 300; ++i) quotes += "%22(";
    q.push_back(quotes);
    return q;
}

std::vector<Attack> attacks() {
    std::vector<Attack> out;
    auto add = [&](std::string name, std::string raw) { out.push_back({std::move(name), std::move(raw)}); };

    // Every hostile q on every endpoint that reads it.
    for (const auto& q : hostile_queries())
        for (const char* ep : {"/api/v1/search", "/search", "/feed.atom", "/api/v1/suggest"})
            add(std::string(ep) + " q=" + q.substr(0, 40), get(std::string(ep) + "?q=" + q));

    // Paging, facets, repeated and unknown parameters.
    for (const char* v : {"-1", "0", "1", "1000", "1001", "2147483647", "2147483648", "-2147483649",
                          "99999999999999999999", "1e9", "0x10", "%201", "1%20", "", "abc", "1.5", "%00", "+1", "--1"}) {
        add(std::string("page=") + v, get(std::string("/api/v1/search?page=") + v));
        add(std::string("per_page=") + v, get(std::string("/api/v1/search?per_page=") + v));
        add(std::string("page+per_page=") + v, get(std::string("/search?per_page=100&page=") + v));
        add(std::string("limit=") + v, get(std::string("/api/v1/suggest?q=a&limit=") + v));
        add(std::string("year=") + v, get(std::string("/api/v1/search?year=") + v));
        add(std::string("year_from=") + v, get(std::string("/feed.atom?year_to=1990&year_from=") + v));
    }
    for (const char* p : {"foo=bar", "group%5B%5D=x", "facet=group", "sort=random", "sort=", "versions=some",
                          "versions=", "%ZZ=1", "=1", "=", "&&&", "&=&=&", "q", "q&q&q", "group=nobody",
                          "topic=%00", "type=..%2F..%2Fetc", "group=DNA&group=DNA&group=nobody", "lang=xx",
                          "mechanism=%FF", "scope=999", "status=%22", "year_from=2030&year_to=1990",
                          "q=a&q=b", "page=1&page=2", "per_page=5&per_page=500", "sort=newest&sort=oldest",
                          "group=governments-dnas&group=Governments%20and%20DNAs&group=dna", "callback=alert"}) {
        add(std::string("params ") + p, get(std::string("/api/v1/search?") + p));
        add(std::string("page params ") + p, get(std::string("/search?") + p));
        add(std::string("facets params ") + p, get(std::string("/api/v1/facets?") + p));
        for (const char* overview : {"/api/v1/labs?", "/api/v1/arrangements?", "/api/v1/rulebook?"})
            add(std::string(overview) + p, get(std::string(overview) + p));
    }
    std::string many_q, many_groups;
    for (int i = 0; i < 400; ++i) many_q += "q=a&";
    for (int i = 0; i < 600; ++i) many_groups += "group=DNA&";
    add("400 repeated q", get("/api/v1/search?" + many_q));
    add("600 repeated groups", get("/api/v1/search?" + many_groups));

    // Path traversal and odd paths.
    for (const std::string& p : std::vector<std::string>{"/static/../CMakeLists.txt", "/static/..%2f..%2fsecret.txt", "/static/%2e%2e/%2e%2e/etc/passwd",
          "/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/static/....//....//etc/passwd", "/static/..%5c..%5cetc%5cpasswd",
          "/static/%252e%252e/etc/passwd", "/static/a6kb.css%00.txt", "/static/%00", "/static/", "/static",
          "/static//etc/passwd", "/static/./a6kb.css", "/static/a6kb.css/..", "/static/..", "/static/%2e%2e",
          "/static/..;/etc/passwd", "/static/%c0%ae%c0%ae/etc/passwd", "/static/%u002e%u002e/etc/passwd",
          "/api/v1/documents/..%2f..%2fetc%2fpasswd", "/api/v1/documents/%2e%2e", "/api/v1/documents/..",
          "/api/v1/documents/%2e%2e%2f%2e%2e%2fsecret.txt", "/api/v1/documents/%00", "/api/v1/documents/a%2fb",
          "/api/v1/documents/", "/api/v1/documents/%FF%FE", "/api/v1/documents/" + std::string(3000, 'x'),
          "/doc/..%2f..%2fsecret.txt", "/doc/%2e%2e", "/doc/..", "/doc/%00", "/doc/%FF", "/doc/a%2f..%2f..",
          "/doc/%3Cscript%3E", "//etc/passwd", "/../../etc/passwd", "/./healthz", "/healthz/", "/healthz/..",
          "/api/v1/../../secret.txt", "/api/v1/search/../facets", "/api//v1//search", "/API/V1/SEARCH", "/%2e%2e/",
          "*", "/?", "/#frag", "/api/v1/search#x", "/%", "/%ZZ", "/%00", "/\\..\\..\\etc\\passwd"})
        add("path " + p, get(p));
    for (size_t n : {2000, 8000, 9000, 20000, 100000}) {
        add("long path " + std::to_string(n), get("/" + std::string(n, 'a')));
        add("long api path " + std::to_string(n), get("/api/v1/" + std::string(n, 'a')));
        add("long static path " + std::to_string(n), get("/static/" + std::string(n, 'a')));
    }

    // Headers.
    add("one 10 KB header", get("/healthz", "X-Big: " + std::string(10000, 'h') + "\r\n"));
    add("one 100 KB header", get("/api/v1/search", "X-Big: " + std::string(100000, 'h') + "\r\n"));
    std::string hundred, thousand;
    for (int i = 0; i < 100; ++i) hundred += "X-H" + std::to_string(i) + ": " + std::string(100, 'v') + "\r\n";
    for (int i = 0; i < 1000; ++i) thousand += "X-H" + std::to_string(i) + ": v\r\n";
    add("100 headers", get("/healthz", hundred));
    add("1000 headers", get("/api/v1/search?q=a", thousand));
    add("huge Host", "GET /opensearch.xml HTTP/1.1\r\nHost: " + std::string(5000, 'h') + "\r\nConnection: close\r\n\r\n");
    add("Host with markup", get("/opensearch.xml", "Host: \"><script>x</script>\r\n"));
    add("header without colon", get("/healthz", "NoColonHere\r\n"));
    add("folded header", get("/healthz", "X-A: a\r\n  continued\r\n"));
    add("NUL in a header", get("/healthz", std::string("X-A: a") + '\0' + "b\r\n"));
    add("Range past the end", get("/static/a6kb.css", "Range: bytes=99999999-\r\n"));
    add("Range backwards", get("/static/a6kb.css", "Range: bytes=50-10\r\n"));
    add("Range garbage", get("/static/a6kb.css", "Range: bytes=-1-2,,,x\r\n"));
    std::string ranges = "Range: bytes=";
    for (int i = 0; i < 500; ++i) ranges += std::to_string(i) + "-" + std::to_string(i) + ",";
    add("500 ranges", get("/static/a6kb.css", ranges + "0-0\r\n"));
    add("Content-Length negative", get("/api/v1/search", "Content-Length: -5\r\n"));
    add("Content-Length huge", get("/api/v1/search", "Content-Length: 99999999999999999999\r\n"));
    add("chunked garbage", get("/api/v1/search", "Transfer-Encoding: chunked\r\n") + "zz\r\nabc\r\n0\r\n\r\n");
    add("Accept-Encoding odd", get("/api/v1/search?q=methane", "Accept-Encoding: gzip;q=2, br, *;q=-1\r\n"));

    // Methods, with a small JSON body where a body is usual.
    for (const char* path : {"/api/v1/search?q=a", "/api/v1/documents/3-cma-3", "/api/v1/facets", "/healthz",
                             "/feed.atom", "/", "/search?q=a", "/doc/3-cma-3", "/static/a6kb.css", "/metrics"})
        for (std::string m : {"HEAD", "OPTIONS", "TRACE", "CONNECT", "PROPFIND", "get", "GETT", "BREW", "DELETE",
                              "PUT", "PATCH", "POST"}) {
            bool body = m == "POST" || m == "PUT" || m == "PATCH";
            add(m + " " + path, get(path, body ? "Content-Length: 2\r\nContent-Type: application/json\r\n" : "", m) +
                                    (body ? "{}" : ""));
        }
    add("POST 100 KB body", "POST /api/v1/search HTTP/1.1\r\nHost: x\r\nContent-Length: 102400\r\nConnection: close\r\n\r\n" +
                                std::string(102400, 'b'));

    // Broken request lines.
    for (const char* line :
         {"GET /healthz\r\n\r\n", "GET\r\n\r\n", "\r\n\r\n", "GET /healthz HTTP/9.9\r\nConnection: close\r\n\r\n",
          "GET /healthz HTTP/1.0\r\n\r\n", "GET /healthz HTTP/2.0\r\nConnection: close\r\n\r\n",
          "GET http://evil.example/healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
          "GET  /healthz  HTTP/1.1\r\nConnection: close\r\n\r\n", "GET /healthz HTTP/1.1\nConnection: close\n\n",
          "GET /he\x01lthz HTTP/1.1\r\nConnection: close\r\n\r\n",
          "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", "GET /api/v1/search?q=a b HTTP/1.1\r\nConnection: close\r\n\r\n"})
        add(std::string("request line ") + pct(std::string_view(line).substr(0, 20)), line);
    out.push_back({"a TLS hello on the plain port", std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11), true});
    add("NUL in the path", std::string("GET /api/v1/search?q=a") + '\0' + "b HTTP/1.1\r\nConnection: close\r\n\r\n");

    // Random bytes in q, seeded: percent-encoded, and raw (bytes that would
    // end the request line are dropped so the request stays one request).
    std::mt19937 rng(20240601);
    for (int i = 0; i < 300; ++i) {
        std::string bytes(1 + rng() % 200, '\0');
        for (auto& c : bytes) c = char(rng() & 0xFF);
        add("random q " + std::to_string(i), get("/api/v1/search?q=" + pct(bytes)));
    }
    for (int i = 0; i < 100; ++i) {
        std::string bytes;
        size_t n = 1 + rng() % 120;
        while (bytes.size() < n) {
            char c = char(rng() & 0xFF);
            if (c != ' ' && c != '\r' && c != '\n' && c != '#') bytes += c;
        }
        const char* ep = i % 2 ? "/search?q=" : "/api/v1/search?q=";
        add("raw random q " + std::to_string(i), get(ep + bytes));
    }
    return out;
}

bool is_api(const std::string& raw) {
    auto sp = raw.find(' ');
    return sp != std::string::npos && raw.compare(sp + 1, 5, "/api/") == 0;
}

}  // namespace

TEST_CASE("a thousand hostile requests: no 5xx, no drop, no hang, JSON errors", "[hostile][http]") {
    Server s;
    auto list = attacks();
    REQUIRE(list.size() >= 1000);
    auto started = std::chrono::steady_clock::now();
    std::vector<std::string> failures;
    std::map<int, size_t> statuses;
    size_t api_errors = 0;
    std::vector<std::pair<double, std::string>> slowest;
    for (const auto& a : list) {
        auto t0 = std::chrono::steady_clock::now();
        Reply r = send_raw(s.port, a.raw);
        slowest.emplace_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), a.name);
        auto fail = [&](const std::string& why) { failures.push_back(a.name + ": " + why); };
        if (r.timed_out) {
            fail("no answer within 5 s");
            continue;
        }
        if (!r.answered) {
            if (!a.may_close) fail("connection closed without a response");
            continue;
        }
        ++statuses[r.status];
        if (r.status >= 500) fail("status " + std::to_string(r.status) + " " + r.body.substr(0, 200));
        if (r.body.find(SECRET) != std::string::npos || r.body.find("root:x:0:0") != std::string::npos ||
            r.body.find("cmake_minimum_required") != std::string::npos)
            fail("served a file from outside web/static");
        bool head = a.raw.rfind("HEAD ", 0) == 0;
        if (is_api(a.raw) && r.status >= 400 && !head) {
            ++api_errors;
            if (r.headers["content-type"] != "application/json; charset=utf-8")
                fail("API error as '" + r.headers["content-type"] + "'");
            try {
                auto j = json::parse(r.body);
                if (!j["error"]["code"].is_string() || !j["error"]["message"].is_string() ||
                    j["error"]["code"].get<std::string>().empty())
                    fail("API error without code and message: " + r.body.substr(0, 200));
            } catch (const json::exception&) {
                fail("API error body is not JSON: " + r.body.substr(0, 200));
            }
        }
    }
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::string summary;
    for (auto [status, n] : statuses) summary += std::to_string(status) + ":" + std::to_string(n) + " ";
    WARN(list.size() << " hostile requests in " << secs << " s; statuses " << summary << "; " << api_errors
                     << " API errors; " << failures.size() << " failures");
    std::sort(slowest.rbegin(), slowest.rend());
    slowest.resize(std::min<size_t>(slowest.size(), 5));
    std::string slow_list;
    for (const auto& [t, name] : slowest) slow_list += "  " + std::to_string(t) + " s: " + name.substr(0, 60) + "\n";
    INFO("slowest:\n" << slow_list);
    INFO(failures.size() << " failures; the first ones:\n"
                         << [&] {
                                std::string f;
                                for (size_t i = 0; i < failures.size() && i < 15; ++i) f += "  " + failures[i] + "\n";
                                return f;
                            }());
    CHECK(failures.empty());
    CHECK(secs < 30);

    // Still serving, and still right.
    Reply health = send_raw(s.port, get("/healthz"));
    REQUIRE(health.answered);
    CHECK(health.status == 200);
    CHECK(json::parse(health.body)["status"] == "ok");
    Reply search = send_raw(s.port, get("/api/v1/search?q=AMS-III.D"));
    REQUIRE(search.status == 200);
    CHECK(json::parse(search.body)["hits"][0]["symbol"] == "AMS-III.D");
}

TEST_CASE("silent and half-sent connections do not block other clients", "[hostile][http]") {
    Server s;
    // Two connections that say nothing and two that stop mid-request each
    // hold a connection thread until their deadline; other clients get
    // threads of their own and keep being answered (slow_clients_test.cc
    // goes further).
    std::vector<int> idle;
    for (int i = 0; i < 4; ++i) {
        int fd = test::connect_loopback(s.port);
        REQUIRE(fd >= 0);
        if (i % 2) {
            std::string partial = "GET /api/v1/search?q=meth";
            ::send(fd, partial.data(), partial.size(), MSG_NOSIGNAL);
        }
        idle.push_back(fd);
    }
    auto started = std::chrono::steady_clock::now();
    for (int i = 0; i < 20; ++i) {
        Reply r = send_raw(s.port, get("/healthz"), std::chrono::seconds(5));
        REQUIRE(r.answered);
        CHECK(r.status == 200);
    }
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
    for (int fd : idle) ::close(fd);
}
