// SPDX-License-Identifier: Apache-2.0
// A searchd with contributions on, over a copy of the shipped corpus's
// index (indexed once per test binary), on a free port of 127.0.0.1; and
// the HTTP calls the community tests make.
#pragma once

#include "../http/serving.h"
#include "core/index/indexer.h"
#include "searchd/community_store.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <memory>
#include <string>

namespace a6kb::test {

// The shipped corpus (corpus/) indexed once, for every test of the binary to copy.
inline const std::filesystem::path& shipped_index() {
    static TempDir dir;
    static const std::filesystem::path db = [] {
        IndexOptions o;
        o.db = dir.path() / "index";
        o.paths = {A6KB_CORPUS};
        run_index(o);
        return o.db;
    }();
    return db;
}

struct Site {
    TempDir dir;
    std::filesystem::path db = dir.path() / "index", community = dir.path() / "community.db";
    std::string token;  // of the moderator "ana"
    std::unique_ptr<Serving> serving;
    int port = 0;

    // `on`: --community; `per_hour`: the submission limit (0: none).
    explicit Site(bool on = true, unsigned per_hour = 0) {
        std::filesystem::copy(shipped_index(), db, std::filesystem::copy_options::recursive);
        if (on) token = CommunityStore(community).add_moderator("ana");
        ServerConfig c;
        c.db = db.string();
        c.port = 0;
        c.threads = 4;
        c.quiet = true;
        c.web = A6KB_WEB;
        c.cache_mb = 0;
        if (on) c.community = community.string();
        c.submit_per_hour = per_hour;
        serving = std::make_unique<Serving>(c);
        port = serving->port();
    }
    httplib::Client client() const {
        httplib::Client cli("127.0.0.1", port);
        cli.set_read_timeout(60, 0);
        return cli;
    }
    httplib::Headers auth() const { return {{"Authorization", "Bearer " + token}}; }
    httplib::Result post_json(const std::string& path, const nlohmann::json& body, const httplib::Headers& h = {}) {
        return client().Post(path.c_str(), h, body.dump(), "application/json");
    }
    // Submits; returns the new id (and checks the 202).
    int64_t submit(const nlohmann::json& body) {
        auto r = post_json("/api/v1/contributions", body);
        REQUIRE(r);
        INFO(r->body);
        REQUIRE(r->status == 202);
        return nlohmann::json::parse(r->body)["id"].get<int64_t>();
    }
    std::string contribution_status(int64_t id) {
        auto c = CommunityStore(community).get(id);
        return c ? c->status : "";
    }
    // The ids /api/v1/search finds for `query`.
    std::vector<std::string> search_ids(const std::string& query) {
        auto r = client().Get(("/api/v1/search?per_page=50&" + query).c_str());
        REQUIRE(r);
        REQUIRE(r->status == 200);
        const nlohmann::json answer = nlohmann::json::parse(r->body);  // not a temporary: the loop reads into it
        std::vector<std::string> ids;
        for (const auto& h : answer["hits"]) ids.push_back(h["id"]);
        return ids;
    }
};

inline nlohmann::json a_question(const std::string& text) {
    return {{"kind", "question"}, {"title", text}, {"text", text + " Asked from the floor of the lab."},
            {"groups", {"private-finance"}}, {"to_groups", {"governments-dnas"}}, {"topics", {"finance-investment"}},
            {"lab", "A6-LAB-2025-01"}, {"contact", "someone@example.org"}};
}

}  // namespace a6kb::test
