// SPDX-License-Identifier: Apache-2.0
// The community's pages over HTTP, as a browser without JavaScript uses
// them: /contribute posts and redirects, /moderate logs in with a token
// (HttpOnly, SameSite=Strict cookie), refuses a form without its CSRF
// token, approves; the lab desk saves approved entries; what people type
// is shown escaped.
#include "site.h"

#include <catch2/catch.hpp>

#include <regex>

using namespace a6kb;
using nlohmann::json;

namespace {

// Logs in as the site's moderator: the session cookie and the page's CSRF token.
std::pair<std::string, std::string> log_in(test::Site& site) {
    auto cli = site.client();
    auto r = cli.Post("/moderate/login", httplib::Params{{"token", site.token}});
    REQUIRE(r);
    REQUIRE(r->status == 303);
    const std::string set = r->get_header_value("Set-Cookie");
    CHECK(set.find("HttpOnly") != std::string::npos);
    CHECK(set.find("SameSite=Strict") != std::string::npos);
    const std::string cookie = set.substr(0, set.find(';'));
    auto page = cli.Get("/moderate", {{"Cookie", cookie}});
    REQUIRE(page);
    std::smatch m;
    REQUIRE(std::regex_search(page->body, m, std::regex("name=\"csrf\" value=\"([0-9a-f]{64})\"")));
    return {cookie, m[1]};
}

const std::string XSS = "<script>alert('x')</script><img src=x onerror=alert(1)>";

}  // namespace

TEST_CASE("/contribute: a form per kind, posted without JavaScript, then thanked", "[community][pages]") {
    test::Site site;
    auto cli = site.client();
    for (const char* kind : {"question", "answer", "resource", "challenge", "outcome", "pledge"}) {
        auto r = cli.Get((std::string("/contribute?kind=") + kind).c_str());
        REQUIRE(r);
        CHECK(r->status == 200);
        CHECK(r->body.find("name=\"kind\" value=\"" + std::string(kind) + "\"") != std::string::npos);
        CHECK(r->get_header_value("Content-Security-Policy").find("script-src 'self'") != std::string::npos);
    }
    auto posted = cli.Post("/contribute", httplib::Params{{"kind", "question"}, {"groups", "development-banks"},
                                                            {"to_groups", "un-organizations"}, {"title", ""},
                                                            {"text", "Which UN agency trains DNA staff?"}, {"website", ""}});
    REQUIRE(posted);
    CHECK(posted->status == 303);
    CHECK(posted->get_header_value("Location").find("/contribute?kind=question&thanks=") == 0);
    auto ids = CommunityStore(site.community).ids();
    REQUIRE(ids.size() == 1);
    auto bad = cli.Post("/contribute", httplib::Params{{"kind", "resource"}, {"title", "t"}, {"text", "x"}, {"url", "ftp://x"}});
    REQUIRE(bad);
    CHECK(bad->status == 400);
    CHECK(bad->body.find("field &#39;url&#39;") != std::string::npos);
    CHECK(bad->body.find("value=\"ftp://x\"") != std::string::npos);  // what was typed comes back
}

TEST_CASE("/moderate: token login, a form without its CSRF token refused, approval with it", "[community][pages]") {
    test::Site site;
    const int64_t id = site.submit(test::a_question("Can MDBs buy A6.4ERs?"));
    auto cli = site.client();
    auto wrong = cli.Post("/moderate/login", httplib::Params{{"token", "1." + std::string(64, 'f')}});
    REQUIRE(wrong);
    CHECK(wrong->status == 401);
    CHECK_FALSE(wrong->has_header("Set-Cookie"));
    auto login_page = cli.Get("/moderate");
    REQUIRE(login_page);
    CHECK(login_page->body.find("name=\"token\"") != std::string::npos);

    auto [cookie, csrf] = log_in(site);
    const std::string path = "/moderate/" + std::to_string(id);
    auto no_token = cli.Post(path.c_str(), {{"Cookie", cookie}}, httplib::Params{{"action", "approve"}});
    REQUIRE(no_token);
    CHECK(no_token->status == 403);
    auto forged = cli.Post(path.c_str(), {{"Cookie", cookie}}, httplib::Params{{"action", "approve"}, {"csrf", std::string(64, '0')}});
    REQUIRE(forged);
    CHECK(forged->status == 403);
    auto no_session = cli.Post(path.c_str(), httplib::Params{{"action", "approve"}, {"csrf", csrf}});
    REQUIRE(no_session);
    CHECK(no_session->status == 401);
    CHECK(site.contribution_status(id) == "pending");
    // An id too long for a number is no contribution (404), not a server error.
    auto huge = cli.Post("/moderate/99999999999999999999999", {{"Cookie", cookie}}, httplib::Params{{"action", "approve"}, {"csrf", csrf}});
    REQUIRE(huge);
    CHECK(huge->status == 404);

    auto ok = cli.Post(path.c_str(), {{"Cookie", cookie}},
                       httplib::Params{{"action", "approve"}, {"csrf", csrf}, {"title", "Can development banks buy A6.4ERs?"}});
    REQUIRE(ok);
    CHECK(ok->status == 303);
    auto c = CommunityStore(site.community).get(id);
    CHECK(c->status == "approved");
    CHECK(c->fields["title"] == "Can development banks buy A6.4ERs?");  // edited, then approved
    CHECK(CommunityStore(site.community).history(id).back().moderator == "ana");

    // A removed moderator's session ends with them.
    CHECK(CommunityStore(site.community).remove_moderator("ana"));
    auto after = cli.Get("/moderate", {{"Cookie", cookie}});
    REQUIRE(after);
    CHECK(after->body.find("name=\"token\"") != std::string::npos);
    CHECK(after->body.find("Logged in as") == std::string::npos);
}

TEST_CASE("the lab desk saves approved questions, outcomes and pledges for its lab", "[community][pages]") {
    test::Site site;
    auto cli = site.client();
    auto anon = cli.Get("/labs/A6-LAB-2025-01/record");
    REQUIRE(anon);
    CHECK(anon->status == 401);
    auto [cookie, csrf] = log_in(site);
    auto desk = cli.Get("/labs/A6-LAB-2025-01/record", {{"Cookie", cookie}});
    REQUIRE(desk);
    CHECK(desk->status == 200);
    CHECK(desk->body.find("name=\"viewport\"") != std::string::npos);
    auto none = cli.Get("/labs/A6-LAB-1999-99/record", {{"Cookie", cookie}});
    REQUIRE(none);
    CHECK(none->status == 404);
    auto saved = cli.Post("/labs/A6-LAB-2025-01/record", {{"Cookie", cookie}},
                          httplib::Params{{"csrf", csrf}, {"kind", "question"}, {"groups", "un-organizations"},
                                          {"to_groups", "project-developers"}, {"text", "How do VVBs check safeguards?"},
                                          {"answer", "Against the sustainable development tool."}});
    REQUIRE(saved);
    CHECK(saved->status == 303);
    auto list = CommunityStore(site.community).list("approved");
    REQUIRE(list.size() == 1);
    CHECK(list[0].fields["lab"] == "A6-LAB-2025-01");
    CHECK(list[0].fields["answer"] == "Against the sustainable development tool.");
    auto forged = cli.Post("/labs/A6-LAB-2025-01/record", {{"Cookie", cookie}},
                           httplib::Params{{"kind", "pledge"}, {"by", "x"}, {"text", "y"}});
    REQUIRE(forged);
    CHECK(forged->status == 403);
    CHECK(CommunityStore(site.community).ids().size() == 1);
}

TEST_CASE("a script in every field is shown as text on every page", "[community][pages]") {
    test::Site site;
    const int64_t id = site.submit({{"kind", "challenge"}, {"title", XSS}, {"text", XSS}, {"contact", XSS},
                                    {"lab", "A6-LAB-2025-01"}, {"groups", {"governments-dnas"}}});
    auto [cookie, csrf] = log_in(site);
    auto cli = site.client();
    auto queue = cli.Get("/moderate", {{"Cookie", cookie}});
    REQUIRE(queue);
    CHECK(queue->body.find("<script>alert") == std::string::npos);
    CHECK(queue->body.find("&lt;script&gt;alert") != std::string::npos);
    auto ok = cli.Post(("/api/v1/contributions/" + std::to_string(id) + "/approve?wait=1").c_str(), site.auth(), "", "application/json");
    REQUIRE(ok);
    for (const std::string& path : {"/doc/community-" + std::to_string(id), std::string("/search?q=alert"), std::string("/labs")}) {
        auto r = cli.Get(path.c_str());
        REQUIRE(r);
        INFO(path);
        CHECK(r->status == 200);
        CHECK(r->body.find("<script>alert") == std::string::npos);
        CHECK(r->body.find("<img src=x") == std::string::npos);
    }
}

TEST_CASE("a resource's address is shown as text with its host, not as an official link", "[community][pages]") {
    test::Site site;
    const int64_t id = site.submit({{"kind", "resource"}, {"title", "A registry guide"}, {"text", "A guide to registries."},
                                    {"url", "https://guides.example.org/registry?x=1"}});
    auto cli = site.client();
    auto ok = cli.Post(("/api/v1/contributions/" + std::to_string(id) + "/approve?wait=1").c_str(), site.auth(), "", "application/json");
    REQUIRE(ok);
    REQUIRE(json::parse(ok->body)["indexed"] == true);
    auto page = cli.Get(("/doc/community-" + std::to_string(id)).c_str());
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->body.find("Address (on guides.example.org): https://guides.example.org/registry?x=1") != std::string::npos);
    CHECK(page->body.find("Official document") == std::string::npos);
}
