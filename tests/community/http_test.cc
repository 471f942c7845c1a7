// SPDX-License-Identifier: Apache-2.0
// The contributions API over HTTP: every route and every error (400 naming
// the field, 401, 404 when off, 413 — also for a declared length, before
// the body is read —, 429 with Retry-After), the honeypot.
#include "site.h"

#include <catch2/catch.hpp>

#include <sys/socket.h>
#include <unistd.h>

using namespace a6kb;
using nlohmann::json;

namespace {

// Sends `head` on a raw connection and reads the answer's status line.
std::string raw_status_line(int port, const std::string& head) {
    int fd = test::connect_loopback(port);
    REQUIRE(fd >= 0);
    REQUIRE(::send(fd, head.data(), head.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(head.size()));
    std::string got;
    char buf[4096];
    ssize_t n;
    while (got.find("\r\n") == std::string::npos && (n = ::recv(fd, buf, sizeof buf, 0)) > 0) got.append(buf, static_cast<size_t>(n));
    ::close(fd);
    return got.substr(0, got.find("\r\n"));
}

}  // namespace

TEST_CASE("without --community the contribution routes answer 404", "[community][http]") {
    test::Site site(false);
    auto cli = site.client();
    auto check = [](const httplib::Result& r) {
        REQUIRE(r);
        CHECK(r->status == 404);
    };
    check(cli.Post("/api/v1/contributions", test::a_question("q").dump(), "application/json"));
    check(cli.Get("/api/v1/contributions?status=pending"));
    check(cli.Post("/api/v1/contributions/1/approve", "", "application/json"));
    check(cli.Get("/contribute"));
    check(cli.Get("/moderate"));
    check(cli.Get("/labs/A6-LAB-2025-01/record"));
}

TEST_CASE("a submission is 202 pending; listing needs a moderator's token", "[community][http]") {
    test::Site site;
    auto r = site.post_json("/api/v1/contributions", test::a_question("How do DNAs sign letters of authorization?"));
    REQUIRE(r);
    CHECK(r->status == 202);
    json j = json::parse(r->body);
    CHECK(j["status"] == "pending");
    const int64_t id = j["id"];
    CHECK(site.contribution_status(id) == "pending");

    auto cli = site.client();
    auto anon = cli.Get("/api/v1/contributions?status=pending");
    REQUIRE(anon);
    CHECK(anon->status == 401);
    CHECK(json::parse(anon->body)["error"]["code"] == "unauthorized");
    auto bad = cli.Get("/api/v1/contributions?status=pending", {{"Authorization", "Bearer 1." + std::string(64, 'a')}});
    REQUIRE(bad);
    CHECK(bad->status == 401);
    auto listed = cli.Get("/api/v1/contributions?status=pending", site.auth());
    REQUIRE(listed);
    REQUIRE(listed->status == 200);
    json list = json::parse(listed->body)["contributions"];
    REQUIRE(list.size() == 1);
    CHECK(list[0]["id"] == id);
    CHECK(list[0]["contact"] == "someone@example.org");  // moderators see it; nobody else does
    CHECK(list[0]["to_groups"] == json::array({"governments-dnas"}));
    auto one = cli.Get(("/api/v1/contributions/" + std::to_string(id)).c_str(), site.auth());
    REQUIRE(one);
    CHECK(json::parse(one->body)["history"][0]["action"] == "submit");
    auto wrong_status = cli.Get("/api/v1/contributions?status=maybe", site.auth());
    REQUIRE(wrong_status);
    CHECK(wrong_status->status == 400);
}

TEST_CASE("a bad field is a 400 that names it; nothing is stored", "[community][http]") {
    test::Site site;
    auto expect = [&](const json& body, const std::string& field) {
        auto r = site.post_json("/api/v1/contributions", body);
        REQUIRE(r);
        INFO(r->body);
        CHECK(r->status == 400);
        json e = json::parse(r->body)["error"];
        CHECK(e["code"] == "bad_field");
        CHECK(e["message"].get<std::string>().find("field '" + field + "'") == 0);
    };
    json q = test::a_question("q");
    q.erase("text");
    expect(q, "text");
    q = test::a_question("q");
    q["to_groups"] = {"martians"};
    expect(q, "to_groups");
    expect({{"kind", "resource"}, {"title", "t"}, {"text", "x"}, {"url", "javascript:alert(1)"}}, "url");
    expect({{"kind", "answer"}, {"text", "yes"}, {"answers", 999}}, "answers");  // no such approved question
    auto not_json = site.client().Post("/api/v1/contributions", "{not json", "application/json");
    REQUIRE(not_json);
    CHECK(not_json->status == 400);
    CHECK(CommunityStore(site.community).ids().empty());
}

TEST_CASE("bodies over 64 KB are 413; a huge or negative Content-Length is refused before reading", "[community][http]") {
    test::Site site;
    json big = test::a_question("q");
    big["text"] = std::string(70 * 1024, 'a');
    auto r = site.post_json("/api/v1/contributions", big);
    REQUIRE(r);
    CHECK(r->status == 413);
    // Only the head is sent: a server that read the declared body first would
    // wait for it and answer 408 at the request timeout, not 413 or 400.
    const std::string head = "POST /api/v1/contributions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ";
    CHECK(raw_status_line(site.port, head + "99999999999\r\n\r\n") == "HTTP/1.1 413 Payload Too Large");
    CHECK(raw_status_line(site.port, head + "-5\r\n\r\n") == "HTTP/1.1 400 Bad Request");
    CHECK(raw_status_line(site.port, head + "70000\r\n\r\n") == "HTTP/1.1 413 Payload Too Large");
    CHECK(CommunityStore(site.community).ids().empty());
}

TEST_CASE("past the hourly limit an address gets 429 with Retry-After", "[community][http]") {
    test::Site site(true, 2);
    site.submit(test::a_question("one"));
    site.submit(test::a_question("two"));
    auto r = site.post_json("/api/v1/contributions", test::a_question("three"));
    REQUIRE(r);
    CHECK(r->status == 429);
    CHECK(json::parse(r->body)["error"]["code"] == "rate_limited");
    REQUIRE(r->has_header("Retry-After"));
    CHECK(std::stoi(r->get_header_value("Retry-After")) > 0);
    CHECK(CommunityStore(site.community).ids().size() == 2);
}

TEST_CASE("the honeypot: a filled 'website' is answered as accepted and dropped", "[community][http]") {
    test::Site site;
    json q = test::a_question("buy cheap credits");
    q["website"] = "http://spam.example";
    auto r = site.post_json("/api/v1/contributions", q);
    REQUIRE(r);
    CHECK(r->status == 202);
    CHECK(json::parse(r->body)["id"].is_null());
    CHECK(CommunityStore(site.community).ids().empty());
}

TEST_CASE("approve, reject and PATCH need a valid token; without one nothing changes", "[community][http]") {
    test::Site site;
    const int64_t id = site.submit(test::a_question("Which registry do host Parties use?"));
    const std::string base = "/api/v1/contributions/" + std::to_string(id);
    auto cli = site.client();
    for (const std::string action : {"/approve", "/reject", "/withdraw"}) {
        auto r = cli.Post((base + action).c_str(), "", "application/json");
        REQUIRE(r);
        CHECK(r->status == 401);
    }
    auto patch = cli.Patch(base.c_str(), json{{"text", "defaced"}}.dump(), "application/json");
    REQUIRE(patch);
    CHECK(patch->status == 401);
    auto c = CommunityStore(site.community).get(id);
    CHECK(c->status == "pending");
    CHECK(c->revision == 1);

    patch = cli.Patch(base.c_str(), site.auth(), json{{"text", "Which registry do host Parties use for A6.4ERs?"}}.dump(), "application/json");
    REQUIRE(patch);
    CHECK(patch->status == 200);
    CHECK(json::parse(patch->body)["revision"] == 2);
    auto bad_patch = cli.Patch(base.c_str(), site.auth(), json{{"groups", {"nobody"}}}.dump(), "application/json");
    REQUIRE(bad_patch);
    CHECK(bad_patch->status == 400);

    auto ok = cli.Post((base + "/reject").c_str(), site.auth(), json{{"reason", "off topic"}}.dump(), "application/json");
    REQUIRE(ok);
    CHECK(ok->status == 200);
    CHECK(json::parse(ok->body)["status"] == "rejected");
    auto log = CommunityStore(site.community).history(id);
    CHECK(log.back().action == "reject");
    CHECK(log.back().moderator == "ana");
    CHECK(log.back().reason == "off topic");
    auto missing = cli.Post("/api/v1/contributions/424242/approve", site.auth(), "", "application/json");
    REQUIRE(missing);
    CHECK(missing->status == 404);
}
