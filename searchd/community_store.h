// SPDX-License-Identifier: Apache-2.0
// The community database (SQLite, e.g. var/community.db): what people
// contribute through the site (questions one stakeholder group puts to
// another, answers, lab outcomes, pledges, resources, implementation
// challenges), its status (pending, approved, rejected, withdrawn), every
// edit and every moderation (who, what, when), and the moderators, of whom
// only a hash of their token is kept (libsodium's crypto_pwhash, argon2id).
//
// Contract:
// - WAL journal, synchronous=FULL, foreign keys on: a call that returned has
//   its change on disk, and a kill -9 at any moment loses nothing that was
//   acknowledged (tests/http/community_crash_test.cc).
// - The schema is versioned (PRAGMA user_version) and migrated forward on
//   open, each step in its own transaction; a database newer than this
//   program is refused (UserError "community_db").
// - Every statement is prepared with bound parameters: nothing a contributor
//   sends is ever part of SQL text.
// - Thread-safe: one connection behind a mutex (writes are serialised anyway).
// The indexer reads approved contributions read-only through
// core/index/community_source.h, which knows the same tables.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace a6kb {

struct Contribution {
    int64_t id = 0;
    std::string kind;       // question | answer | outcome | pledge | resource | challenge
    std::string status = "pending";  // pending | approved | rejected | withdrawn
    nlohmann::json fields = nlohmann::json::object();  // the public fields (docs/community.md)
    std::string contact;    // never shown, never indexed
    std::string submitted_at, updated_at;  // ISO 8601, UTC
    int revision = 1;       // one more at each edit
};

struct Moderation {
    int64_t contribution = 0;
    std::string moderator, action, reason, at;  // action: submit | approve | reject | withdraw | edit
};

struct Moderator {
    std::string name, created_at;
};

class CommunityStore {
public:
    // Opens (creating when absent) and migrates. Throws UserError
    // ("community_db") when the file cannot be opened or is not ours.
    explicit CommunityStore(const std::filesystem::path& file);
    ~CommunityStore();
    CommunityStore(const CommunityStore&) = delete;
    CommunityStore& operator=(const CommunityStore&) = delete;

    // The schema version this program writes, and the file's.
    static int latest_version();
    int version();

    // Stores a contribution (status as given: pending, or approved when a
    // moderator saves it from the lab desk) and returns its id once it is on
    // disk. `moderator` empty: an anonymous submission.
    int64_t submit(const Contribution& c, const std::string& moderator = "");
    std::optional<Contribution> get(int64_t id);
    // Newest first; `status` empty: any.
    std::vector<Contribution> list(const std::string& status, size_t limit = 200);
    // Every id stored (for the crash test and checks).
    std::vector<int64_t> ids();

    // Sets the status (approve, reject, withdraw) and logs who did it and why.
    // False when there is no such contribution.
    bool set_status(int64_t id, const std::string& status, const std::string& moderator, const std::string& reason);
    // Replaces the public fields, keeping the old ones in the edit history.
    bool edit(int64_t id, const nlohmann::json& fields, const std::string& moderator);
    std::vector<Moderation> history(int64_t id);
    // The edits' previous fields, oldest first.
    std::vector<nlohmann::json> previous_fields(int64_t id);

    // Creates a moderator; returns the token, which is not stored (only its
    // argon2id hash is). Throws UserError("moderator_exists") for a name in use.
    std::string add_moderator(const std::string& name);
    std::vector<Moderator> moderators();
    bool remove_moderator(const std::string& name);
    bool has_moderator(const std::string& name);
    // The moderator a token belongs to, or nothing. Costs one argon2id
    // verification (about 20-60 ms, 16 MB) when the token is well formed.
    std::optional<std::string> authenticate(const std::string& token);

private:
    class Statement;
    void migrate();
    void exec(const std::string& sql);
    void log_action(int64_t id, const std::string& moderator, const std::string& action, const std::string& reason);

    std::mutex mutex_;
    sqlite3* db_ = nullptr;
};

// The status a moderation action gives: approve -> approved, reject ->
// rejected, withdraw -> withdrawn; empty for anything else.
std::string status_for_action(const std::string& action);

// 32 random bytes as hex (libsodium): moderators' tokens, session ids, form tokens.
std::string random_hex();

}  // namespace a6kb
