// SPDX-License-Identifier: Apache-2.0
#include "searchd/community_store.h"

#include "core/model/errors.h"

#include <sodium.h>
#include <sqlite3.h>

#include <array>
#include <ctime>

namespace a6kb {

namespace {

// The migrations, in order: the schema version after step i is i + 1.
// Never edit a shipped step; add one.
const std::array<const char*, 2> MIGRATIONS = {{
    // 1: contributions, their edit history, the moderation log, moderators.
    R"(CREATE TABLE contributions (
         id INTEGER PRIMARY KEY,
         kind TEXT NOT NULL CHECK (kind IN ('question','answer','outcome','pledge','resource','challenge')),
         status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','approved','rejected','withdrawn')),
         fields TEXT NOT NULL CHECK (json_valid(fields)),
         contact TEXT NOT NULL DEFAULT '',
         answers INTEGER REFERENCES contributions(id),
         submitted_at TEXT NOT NULL,
         updated_at TEXT NOT NULL,
         revision INTEGER NOT NULL DEFAULT 1);
       CREATE INDEX contributions_by_status ON contributions(status, id);
       CREATE TABLE moderators (
         id INTEGER PRIMARY KEY,
         name TEXT NOT NULL UNIQUE,
         token_hash TEXT NOT NULL,
         created_at TEXT NOT NULL);
       CREATE TABLE edits (
         id INTEGER PRIMARY KEY,
         contribution INTEGER NOT NULL REFERENCES contributions(id) ON DELETE CASCADE,
         moderator TEXT NOT NULL,
         at TEXT NOT NULL,
         before TEXT NOT NULL,
         after TEXT NOT NULL);
       CREATE TABLE moderation_log (
         id INTEGER PRIMARY KEY,
         contribution INTEGER NOT NULL REFERENCES contributions(id) ON DELETE CASCADE,
         moderator TEXT NOT NULL,
         action TEXT NOT NULL,
         reason TEXT NOT NULL DEFAULT '',
         at TEXT NOT NULL);)",
    // 2: a question's answers are looked up by question.
    R"(CREATE INDEX contributions_by_question ON contributions(answers) WHERE answers IS NOT NULL;)",
}};

std::string now_iso() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    ::gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

UserError db_error(sqlite3* db, const std::string& what) {
    return UserError("community_db", what + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

// argon2id with 2 passes over 16 MB: a token is 256 random bits, so the
// hash needs no stretching against guessing; these limits keep a check
// near 20-60 ms on a busy 2-core machine (the API checks on every call).
constexpr unsigned long long OPS = 2;
constexpr size_t MEM = 16u << 20;

}  // namespace

// A prepared statement with bound parameters, finalized on scope exit.
class CommunityStore::Statement {
public:
    Statement(sqlite3* db, const char* sql) : db_(db) {
        if (sqlite3_prepare_v2(db, sql, -1, &st_, nullptr) != SQLITE_OK) throw db_error(db, "prepare");
    }
    ~Statement() { sqlite3_finalize(st_); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int i, const std::string& v) {
        sqlite3_bind_text(st_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Statement& bind(int i, int64_t v) {
        sqlite3_bind_int64(st_, i, v);
        return *this;
    }
    Statement& bind_null(int i) {
        sqlite3_bind_null(st_, i);
        return *this;
    }
    // True while there is a row.
    bool step() {
        int rc = sqlite3_step(st_);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        throw db_error(db_, "step");
    }
    std::string text(int col) const {
        const unsigned char* p = sqlite3_column_text(st_, col);
        return p ? std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(st_, col))) : "";
    }
    int64_t integer(int col) const { return sqlite3_column_int64(st_, col); }

private:
    sqlite3* db_;
    sqlite3_stmt* st_ = nullptr;
};

CommunityStore::CommunityStore(const std::filesystem::path& file) {
    if (sodium_init() < 0) throw UserError("community_db", "libsodium could not start");
    if (file.has_parent_path()) {
        std::error_code ec;
        std::filesystem::create_directories(file.parent_path(), ec);
    }
    if (sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr) !=
        SQLITE_OK) {
        UserError e = db_error(db_, "cannot open the community database " + file.string());
        sqlite3_close(db_);
        db_ = nullptr;
        throw e;
    }
    sqlite3_busy_timeout(db_, 5000);  // the indexer may be reading
    try {
        // Every acknowledged write is on disk: WAL, and a sync at each commit.
        exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
        migrate();
    } catch (...) {
        sqlite3_close(db_);
        db_ = nullptr;
        throw;
    }
}

CommunityStore::~CommunityStore() { sqlite3_close(db_); }

void CommunityStore::exec(const std::string& sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        std::string msg = err ? err : "unknown error";
        sqlite3_free(err);
        throw UserError("community_db", "the community database: " + msg);
    }
}

int CommunityStore::latest_version() { return static_cast<int>(MIGRATIONS.size()); }

int CommunityStore::version() {
    std::lock_guard lk(mutex_);
    Statement st(db_, "PRAGMA user_version");
    return st.step() ? static_cast<int>(st.integer(0)) : 0;
}

void CommunityStore::migrate() {
    int have = 0;
    {
        Statement st(db_, "PRAGMA user_version");
        if (st.step()) have = static_cast<int>(st.integer(0));
    }
    if (have > latest_version())
        throw UserError("community_db", "the community database has schema version " + std::to_string(have) +
                                            ", newer than this program's " + std::to_string(latest_version()));
    for (int v = have; v < latest_version(); ++v) {
        exec("BEGIN IMMEDIATE");
        try {
            exec(MIGRATIONS[static_cast<size_t>(v)]);
            exec("PRAGMA user_version=" + std::to_string(v + 1));
            exec("COMMIT");
        } catch (...) {
            sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
            throw;
        }
    }
}

namespace {

int64_t answers_of(const Contribution& c) {
    auto it = c.fields.find("answers");
    return it != c.fields.end() && it->is_number_integer() ? it->get<int64_t>() : 0;
}

}  // namespace

int64_t CommunityStore::submit(const Contribution& c, const std::string& moderator) {
    std::lock_guard lk(mutex_);
    const std::string at = now_iso();
    exec("BEGIN IMMEDIATE");
    try {
        Statement st(db_,
                     "INSERT INTO contributions (kind, status, fields, contact, answers, submitted_at, updated_at) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?)");
        st.bind(1, c.kind).bind(2, c.status).bind(3, c.fields.dump()).bind(4, c.contact).bind(6, at).bind(7, at);
        if (int64_t q = answers_of(c)) st.bind(5, q);
        else st.bind_null(5);
        st.step();
        int64_t id = sqlite3_last_insert_rowid(db_);
        log_action(id, moderator.empty() ? "-" : moderator, "submit", c.status == "pending" ? "" : c.status);
        exec("COMMIT");
        return id;
    } catch (...) {
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

namespace {

constexpr const char* SELECT_CONTRIBUTION =
    "SELECT id, kind, status, fields, contact, submitted_at, updated_at, revision FROM contributions ";

}  // namespace

std::optional<Contribution> CommunityStore::get(int64_t id) {
    std::lock_guard lk(mutex_);
    Statement st(db_, (std::string(SELECT_CONTRIBUTION) + "WHERE id = ?").c_str());
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return Contribution{st.integer(0), st.text(1), st.text(2), nlohmann::json::parse(st.text(3)),
                        st.text(4), st.text(5), st.text(6), static_cast<int>(st.integer(7))};
}

std::vector<Contribution> CommunityStore::list(const std::string& status, size_t limit) {
    std::lock_guard lk(mutex_);
    Statement st(db_, (std::string(SELECT_CONTRIBUTION) + "WHERE (?1 = '' OR status = ?1) ORDER BY id DESC LIMIT ?2").c_str());
    st.bind(1, status).bind(2, static_cast<int64_t>(limit));
    std::vector<Contribution> out;
    while (st.step())
        out.push_back({st.integer(0), st.text(1), st.text(2), nlohmann::json::parse(st.text(3)), st.text(4), st.text(5),
                       st.text(6), static_cast<int>(st.integer(7))});
    return out;
}

std::vector<int64_t> CommunityStore::ids() {
    std::lock_guard lk(mutex_);
    Statement st(db_, "SELECT id FROM contributions ORDER BY id");
    std::vector<int64_t> out;
    while (st.step()) out.push_back(st.integer(0));
    return out;
}

void CommunityStore::log_action(int64_t id, const std::string& moderator, const std::string& action,
                                const std::string& reason) {
    Statement st(db_, "INSERT INTO moderation_log (contribution, moderator, action, reason, at) VALUES (?, ?, ?, ?, ?)");
    st.bind(1, id).bind(2, moderator).bind(3, action).bind(4, reason).bind(5, now_iso());
    st.step();
}

std::string status_for_action(const std::string& action) {
    if (action == "approve") return "approved";
    if (action == "reject") return "rejected";
    if (action == "withdraw") return "withdrawn";
    return {};
}

bool CommunityStore::set_status(int64_t id, const std::string& status, const std::string& moderator,
                                const std::string& reason) {
    std::lock_guard lk(mutex_);
    exec("BEGIN IMMEDIATE");
    try {
        Statement st(db_, "UPDATE contributions SET status = ?, updated_at = ? WHERE id = ?");
        st.bind(1, status).bind(2, now_iso()).bind(3, id);
        st.step();
        if (sqlite3_changes(db_) == 0) {
            exec("ROLLBACK");
            return false;
        }
        const std::string action = status == "approved" ? "approve" : status == "rejected" ? "reject" : "withdraw";
        log_action(id, moderator, action, reason);
        exec("COMMIT");
        return true;
    } catch (...) {
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

bool CommunityStore::edit(int64_t id, const nlohmann::json& fields, const std::string& moderator) {
    std::lock_guard lk(mutex_);
    exec("BEGIN IMMEDIATE");
    try {
        Statement old(db_, "SELECT fields FROM contributions WHERE id = ?");
        old.bind(1, id);
        if (!old.step()) {
            exec("ROLLBACK");
            return false;
        }
        const std::string before = old.text(0), after = fields.dump(), at = now_iso();
        Statement up(db_, "UPDATE contributions SET fields = ?, updated_at = ?, revision = revision + 1 WHERE id = ?");
        up.bind(1, after).bind(2, at).bind(3, id);
        up.step();
        Statement hist(db_, "INSERT INTO edits (contribution, moderator, at, before, after) VALUES (?, ?, ?, ?, ?)");
        hist.bind(1, id).bind(2, moderator).bind(3, at).bind(4, before).bind(5, after);
        hist.step();
        log_action(id, moderator, "edit", "");
        exec("COMMIT");
        return true;
    } catch (...) {
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

std::vector<Moderation> CommunityStore::history(int64_t id) {
    std::lock_guard lk(mutex_);
    Statement st(db_, "SELECT contribution, moderator, action, reason, at FROM moderation_log WHERE contribution = ? ORDER BY id");
    st.bind(1, id);
    std::vector<Moderation> out;
    while (st.step()) out.push_back({st.integer(0), st.text(1), st.text(2), st.text(3), st.text(4)});
    return out;
}

std::vector<nlohmann::json> CommunityStore::previous_fields(int64_t id) {
    std::lock_guard lk(mutex_);
    Statement st(db_, "SELECT before FROM edits WHERE contribution = ? ORDER BY id");
    st.bind(1, id);
    std::vector<nlohmann::json> out;
    while (st.step()) out.push_back(nlohmann::json::parse(st.text(0)));
    return out;
}

std::string random_hex() {
    std::array<unsigned char, 32> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    std::array<char, 65> hex{};
    sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
    return hex.data();
}

std::string CommunityStore::add_moderator(const std::string& name) {
    const std::string secret = random_hex();
    std::lock_guard lk(mutex_);
    exec("BEGIN IMMEDIATE");
    try {
        Statement exists(db_, "SELECT 1 FROM moderators WHERE name = ?");
        exists.bind(1, name);
        if (exists.step()) throw UserError("moderator_exists", "a moderator named '" + name + "' exists already");
        Statement st(db_, "INSERT INTO moderators (name, token_hash, created_at) VALUES (?, '', ?)");
        st.bind(1, name).bind(2, now_iso());
        st.step();
        // The token names its moderator's row, so a check costs one hash, not one per moderator.
        const std::string token = std::to_string(sqlite3_last_insert_rowid(db_)) + "." + secret;
        std::array<char, crypto_pwhash_STRBYTES> hash{};
        if (crypto_pwhash_str_alg(hash.data(), token.data(), token.size(), OPS, MEM, crypto_pwhash_ALG_ARGON2ID13) != 0)
            throw UserError("community_db", "not enough memory to hash the token");
        Statement up(db_, "UPDATE moderators SET token_hash = ? WHERE id = ?");
        up.bind(1, std::string(hash.data())).bind(2, sqlite3_last_insert_rowid(db_));
        up.step();
        exec("COMMIT");
        return token;
    } catch (...) {
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

std::vector<Moderator> CommunityStore::moderators() {
    std::lock_guard lk(mutex_);
    Statement st(db_, "SELECT name, created_at FROM moderators ORDER BY name");
    std::vector<Moderator> out;
    while (st.step()) out.push_back({st.text(0), st.text(1)});
    return out;
}

bool CommunityStore::remove_moderator(const std::string& name) {
    std::lock_guard lk(mutex_);
    Statement st(db_, "DELETE FROM moderators WHERE name = ?");
    st.bind(1, name);
    st.step();
    return sqlite3_changes(db_) > 0;
}

bool CommunityStore::has_moderator(const std::string& name) {
    std::lock_guard lk(mutex_);
    Statement st(db_, "SELECT 1 FROM moderators WHERE name = ?");
    st.bind(1, name);
    return st.step();
}

std::optional<std::string> CommunityStore::authenticate(const std::string& token) {
    const auto dot = token.find('.');
    if (dot == std::string::npos || dot == 0 || dot > 18 || token.size() != dot + 65) return std::nullopt;
    for (size_t i = 0; i < dot; ++i)
        if (token[i] < '0' || token[i] > '9') return std::nullopt;
    std::string name, hash;
    {
        std::lock_guard lk(mutex_);
        Statement st(db_, "SELECT name, token_hash FROM moderators WHERE id = ?");
        st.bind(1, static_cast<int64_t>(std::stoll(token.substr(0, dot))));
        if (!st.step()) return std::nullopt;
        name = st.text(0);
        hash = st.text(1);
    }
    // Verified outside the lock: it is the slow part.
    if (crypto_pwhash_str_verify(hash.c_str(), token.data(), token.size()) != 0) return std::nullopt;
    return name;
}

}  // namespace a6kb
