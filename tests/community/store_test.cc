// SPDX-License-Identifier: Apache-2.0
// The community database (searchd/community_store.h): its schema and
// migrations, submissions, status changes with their log, edits with
// their history, moderators and their tokens.
#include "searchd/community_store.h"
#include "searchd/contribution.h"
#include "core/model/errors.h"
#include "core/model/taxonomy.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <sqlite3.h>

using namespace a6kb;
using nlohmann::json;
using test::TempDir;

namespace {

Contribution question(const std::string& text) {
    Contribution c;
    c.kind = "question";
    c.fields = {{"title", "Q"}, {"text", text}, {"groups", {"private-finance"}}, {"to_groups", {"governments-dnas"}}};
    return c;
}

// A value read straight from the file, beside the store (as an operator would).
std::string pragma(const std::filesystem::path& file, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
    std::string out = sqlite3_step(st) == SQLITE_ROW ? reinterpret_cast<const char*>(sqlite3_column_text(st, 0)) : "";
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

const Taxonomy& taxonomy() {
    static const Taxonomy t = Taxonomy::load(std::string(A6KB_CORPUS) + "/taxonomy.xml");
    return t;
}

}  // namespace

TEST_CASE("a new community database gets every migration, WAL and its tables", "[community][store]") {
    TempDir dir;
    const auto file = dir.path() / "var/community.db";
    {
        CommunityStore store(file);
        CHECK(store.version() == CommunityStore::latest_version());
        CHECK(CommunityStore::latest_version() >= 2);
    }
    CHECK(pragma(file, "PRAGMA journal_mode") == "wal");
    CHECK(pragma(file, "PRAGMA user_version") == std::to_string(CommunityStore::latest_version()));
    for (const char* table : {"contributions", "moderators", "edits", "moderation_log"})
        CHECK(pragma(file, std::string("SELECT name FROM sqlite_master WHERE name = '") + table + "'") == table);
    // Opening again applies nothing twice (a migration run twice would fail on CREATE TABLE).
    CommunityStore again(file);
    CHECK(again.version() == CommunityStore::latest_version());
}

TEST_CASE("an older database is migrated forward, a newer one refused", "[community][store]") {
    TempDir dir;
    const auto file = dir.path() / "c.db";
    { CommunityStore store(file); }
    // Back to version 1, as a database written before step 2 would be.
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "DROP INDEX contributions_by_question; PRAGMA user_version=1;", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    { CommunityStore store(file); CHECK(store.version() == CommunityStore::latest_version()); }
    CHECK(pragma(file, "SELECT name FROM sqlite_master WHERE name = 'contributions_by_question'") == "contributions_by_question");

    REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "PRAGMA user_version=99;", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    try {
        CommunityStore newer(file);
        FAIL("a database newer than the program was opened");
    } catch (const UserError& e) {
        CHECK(e.code() == "community_db");
        CHECK(std::string(e.what()).find("99") != std::string::npos);
    }
}

TEST_CASE("a submission is stored pending, and status changes are logged with who and why", "[community][store]") {
    TempDir dir;
    CommunityStore store(dir.path() / "c.db");
    const int64_t id = store.submit(question("How do DNAs authorize?"));
    auto c = store.get(id);
    REQUIRE(c);
    CHECK(c->status == "pending");
    CHECK(c->fields["text"] == "How do DNAs authorize?");
    CHECK(store.list("pending").size() == 1);
    CHECK(store.list("approved").empty());

    CHECK(store.set_status(id, "approved", "ana", ""));
    CHECK(store.get(id)->status == "approved");
    CHECK(store.set_status(id, "rejected", "ben", "duplicate of 3"));
    CHECK(store.get(id)->status == "rejected");
    CHECK_FALSE(store.set_status(id + 100, "approved", "ana", ""));

    auto log = store.history(id);
    REQUIRE(log.size() == 3);
    CHECK(log[0].action == "submit");
    CHECK(log[1].action == "approve");
    CHECK(log[1].moderator == "ana");
    CHECK(log[2].action == "reject");
    CHECK(log[2].reason == "duplicate of 3");
    CHECK_FALSE(log[2].at.empty());
}

TEST_CASE("an edit keeps the previous fields and counts a revision", "[community][store]") {
    TempDir dir;
    CommunityStore store(dir.path() / "c.db");
    const int64_t id = store.submit(question("first wording"));
    json changed = store.get(id)->fields;
    changed["text"] = "second wording";
    CHECK(store.edit(id, changed, "ana"));
    auto c = store.get(id);
    CHECK(c->fields["text"] == "second wording");
    CHECK(c->revision == 2);
    auto before = store.previous_fields(id);
    REQUIRE(before.size() == 1);
    CHECK(before[0]["text"] == "first wording");
    CHECK(store.history(id).back().action == "edit");
}

TEST_CASE("an answer must name a stored contribution (foreign keys are on)", "[community][store]") {
    TempDir dir;
    CommunityStore store(dir.path() / "c.db");
    Contribution a;
    a.kind = "answer";
    a.fields = {{"text", "yes"}, {"answers", 4242}};
    CHECK_THROWS_AS(store.submit(a), UserError);
    CHECK(store.ids().empty());
    a.fields["answers"] = store.submit(question("q"));
    CHECK(store.submit(a) > 0);
}

TEST_CASE("moderators: only a hash of the token is kept, and the token authenticates", "[community][store]") {
    TempDir dir;
    const auto file = dir.path() / "c.db";
    CommunityStore store(file);
    const std::string token = store.add_moderator("ana");
    CHECK(token.size() > 60);
    CHECK(pragma(file, "SELECT token_hash FROM moderators WHERE name = 'ana'").rfind("$argon2id$", 0) == 0);
    CHECK(pragma(file, "SELECT count(*) FROM moderators WHERE token_hash LIKE '%" + token.substr(token.find('.') + 1, 16) + "%'") == "0");
    CHECK(store.authenticate(token) == std::optional<std::string>("ana"));
    std::string wrong = token;
    wrong.back() = wrong.back() == '0' ? '1' : '0';
    CHECK_FALSE(store.authenticate(wrong));
    CHECK_FALSE(store.authenticate(""));
    CHECK_FALSE(store.authenticate("1.abc"));
    CHECK_THROWS_AS(store.add_moderator("ana"), UserError);
    REQUIRE(store.moderators().size() == 1);
    CHECK(store.remove_moderator("ana"));
    CHECK_FALSE(store.authenticate(token));
    CHECK_FALSE(store.remove_moderator("ana"));
}

TEST_CASE("contribution fields: a bad one is refused by name", "[community][fields]") {
    auto error_of = [](const json& body) -> std::string {
        try {
            parse_contribution(body, taxonomy());
            return "";
        } catch (const UserError& e) {
            CHECK(e.code() == "bad_field");
            return e.what();
        }
    };
    const json good = {{"kind", "question"}, {"text", "How?"}, {"groups", {"DNA"}}, {"to_groups", {"development-banks"}}};
    CHECK(error_of(good).empty());
    auto c = parse_contribution(good, taxonomy());
    CHECK(c.fields["groups"] == json::array({"governments-dnas"}));  // an acronym becomes its concept
    auto with = [&](const char* k, const json& v) { json b = good; b[k] = v; return b; };
    CHECK(error_of(with("kind", "poem")).find("field 'kind'") == 0);
    CHECK(error_of(with("groups", {"astronauts"})).find("field 'groups'") == 0);
    CHECK(error_of(with("title", std::string(301, 'x'))).find("field 'title'") == 0);
    CHECK(error_of(with("text", "bell\x07")).find("field 'text'") == 0);
    CHECK(error_of(with("secret", "x")).find("field 'secret'") == 0);
    CHECK(error_of(with("url", "http://x")).find("field 'url'") == 0);  // not a field of a question
    json resource = {{"kind", "resource"}, {"title", "Guide"}, {"text", "A guide"}, {"url", "javascript:alert(1)"}};
    CHECK(error_of(resource).find("field 'url'") == 0);
    resource["url"] = "https://example.org/guide";
    CHECK(error_of(resource).empty());
    json pledge = {{"kind", "pledge"}, {"text", "train 20 DNA staff"}};
    CHECK(error_of(pledge).find("field 'by'") == 0);
    pledge["by"] = "Bank X";
    pledge["due"] = "soon";
    CHECK(error_of(pledge).find("field 'due'") == 0);
    CHECK(error_of(json::array()).find("JSON object") != std::string::npos);
}
