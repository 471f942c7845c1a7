// SPDX-License-Identifier: Apache-2.0
#include "core/index/community_source.h"

#include "core/index/file_state.h"
#include "core/index/inputs.h"
#include "core/index/writer.h"
#include "core/model/errors.h"
#include "core/model/schema.h"
#include "core/model/taxonomy.h"

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <chrono>
#include <map>
#include <set>
#include <thread>

namespace a6kb {

using nlohmann::json;

namespace {

struct Row {
    int64_t id;
    std::string kind;
    json fields;
    std::string date;
};

// The approved rows, read in one read transaction of a read-only connection.
std::vector<Row> approved_rows(const std::filesystem::path& file) {
    sqlite3* db = nullptr;
    const std::string uri = "file:" + file.string() + "?mode=ro";
    if (sqlite3_open_v2(uri.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr) != SQLITE_OK) {
        std::string why = db ? sqlite3_errmsg(db) : "out of memory";
        sqlite3_close(db);
        throw UserError("community_db", "cannot open the community database " + file.string() + ": " + why);
    }
    sqlite3_busy_timeout(db, 5000);
    sqlite3_stmt* st = nullptr;
    std::vector<Row> rows;
    int rc = sqlite3_prepare_v2(
        db, "SELECT id, kind, fields, substr(submitted_at, 1, 10) FROM contributions WHERE status = 'approved' ORDER BY id",
        -1, &st, nullptr);
    while (rc == SQLITE_OK || rc == SQLITE_ROW) {
        if ((rc = sqlite3_step(st)) != SQLITE_ROW) break;
        auto text = [&](int col) {
            const unsigned char* p = sqlite3_column_text(st, col);
            return p ? std::string(reinterpret_cast<const char*>(p)) : std::string();
        };
        rows.push_back({sqlite3_column_int64(st, 0), text(1), json::parse(text(2), nullptr, false), text(3)});
    }
    std::string why = rc == SQLITE_DONE ? "" : sqlite3_errmsg(db);
    sqlite3_finalize(st);
    sqlite3_close(db);
    if (!why.empty()) throw UserError("community_db", "cannot read the community database " + file.string() + ": " + why);
    return rows;
}

std::string str(const json& fields, const char* name) {
    auto it = fields.find(name);
    return it != fields.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<std::string> list(const json& fields, const char* name) {
    std::vector<std::string> out;
    if (auto it = fields.find(name); it != fields.end() && it->is_array())
        for (const auto& v : *it)
            if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

std::string question_symbol(int64_t id) { return "A6KB-Q" + std::to_string(id); }

const std::map<std::string, std::string>& type_of_kind() {
    static const std::map<std::string, std::string> types = {
        {"question", "lab-question"}, {"answer", "lab-answer"}, {"outcome", "lab-outcome"},
        {"pledge", "pledge"}, {"resource", "capacity-building-material"}, {"challenge", "challenge"}};
    return types;
}

// The catalog metadata a row stands for. `answers`: the approved answers'
// texts of each question, by question id.
Metadata metadata_of(const Row& r, const std::map<int64_t, std::vector<std::string>>& answers,
                     const std::map<int64_t, std::string>& question_titles) {
    const json& f = r.fields;
    Metadata m;
    m["id"] = {"community-" + std::to_string(r.id)};
    m["type"] = {type_of_kind().at(r.kind)};
    m["title"] = {str(f, "title")};
    if (!r.date.empty()) m["date"] = {r.date};
    std::string text = str(f, "text");
    m["summary"] = {text.size() > 400 ? text.substr(0, text.find_last_of(' ', 400)) + " ..." : text};
    m["topic"] = list(f, "topics");
    if (!str(f, "lab").empty()) m["cites"] = {str(f, "lab")};
    m["keywords"] = {"community contribution"};
    if (r.kind == "question") {
        m["symbol"] = {question_symbol(r.id)};
        m["asked-by"] = list(f, "groups");
        m["group"] = list(f, "to_groups");
        std::vector<std::string> given = answers.count(r.id) ? answers.at(r.id) : std::vector<std::string>{};
        if (!str(f, "answer").empty()) given.insert(given.begin(), str(f, "answer"));
        for (const auto& a : given) text += "\n\nAnswer: " + a;
        m["status"] = {given.empty() ? "open" : "answered"};
    } else {
        m["group"] = list(f, "groups");
    }
    if (r.kind == "answer") {
        const int64_t q = f.value("answers", int64_t{0});
        m["cites"] = {question_symbol(q)};
        if (auto t = question_titles.find(q); t != question_titles.end() && str(f, "title").empty())
            m["title"] = {"Answer to: " + t->second};
    }
    if (r.kind == "pledge") {
        text += "\n\nPledged by " + str(f, "by") + (str(f, "due").empty() ? "." : ", to be done by " + str(f, "due") + ".");
        m["keywords"].push_back(str(f, "by"));
    }
    if (r.kind == "resource") {
        // Shown as text with its host, never as the record's "official" link:
        // a contributor's address is not an official document.
        const std::string url = str(f, "url");
        const size_t from = url.find("://") + 3, to = url.find_first_of("/?#", from);
        text += "\n\nAddress (on " + url.substr(from, to == std::string::npos ? std::string::npos : to - from) + "): " + url;
    }
    m["text"] = {text};
    for (auto it = m.begin(); it != m.end();) it = it->second.empty() ? m.erase(it) : std::next(it);
    return m;
}

std::string hash_of(const Metadata& m) {
    json j = m;
    return hash_hex(j.dump());
}

}  // namespace

std::vector<CommunityEntry> read_community(const std::filesystem::path& file) {
    const std::vector<Row> rows = approved_rows(file);
    std::map<int64_t, std::vector<std::string>> answers;
    std::map<int64_t, std::string> question_titles;
    for (const auto& r : rows) {
        if (!r.fields.is_object() || !type_of_kind().count(r.kind)) continue;
        if (r.kind == "question") question_titles[r.id] = str(r.fields, "title");
        if (r.kind == "answer") answers[r.fields.value("answers", int64_t{0})].push_back(str(r.fields, "text"));
    }
    std::vector<CommunityEntry> out;
    for (const auto& r : rows) {
        if (!r.fields.is_object() || !type_of_kind().count(r.kind)) continue;  // not ours to guess
        // An answer to a question that is not approved waits for it.
        if (r.kind == "answer" && !question_titles.count(r.fields.value("answers", int64_t{0}))) continue;
        CommunityEntry e;
        e.id = r.id;
        e.source = "community/" + std::to_string(r.id);
        e.key = schema::exact_term(schema::SOURCE, "community:" + std::to_string(r.id));
        e.entry.meta = metadata_of(r, answers, question_titles);
        e.entry.where = "community database, contribution " + std::to_string(r.id);
        e.hash = hash_of(e.entry.meta);
        out.push_back(std::move(e));
    }
    return out;
}

void write_community(const std::vector<CommunityEntry>& entries, Writer& writer, FileStates& states,
                     const Taxonomy& taxonomy, IndexReport& report) {
    std::set<std::string> live;
    for (const auto& e : entries) {
        live.insert(e.key);
        const FileState* known = states.find(e.key);
        if (known && states.unchanged(*known, e.hash)) {
            ++report.unchanged;
            continue;
        }
        ++(known ? report.changed : report.added);
        CatalogRecord c{record_from_catalog(e.entry, e.source, taxonomy), e.entry.meta, e.key};
        writer.write_catalog(c, /*merge=*/true);
        // No path: the walk's removal of vanished files never looks at it.
        states.store(e.key, {"", e.source, e.hash, {}, {c.record.id}, states.inputs_hash()});
        if (known) writer.remove_dropped(known->ids, {c.record.id}, e.key, e.source);
    }
    for (const auto& [key, state] : states.all()) {
        if (live.count(key) || state.source.rfind("community/", 0) != 0) continue;
        for (const auto& id : state.ids) writer.remove_source(id, key, state.source);
        states.forget(key);
        ++report.vanished;
    }
}

Xapian::WritableDatabase open_for_writing(const std::filesystem::path& db, double wait_s) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(wait_s);
    auto pause = std::chrono::milliseconds(20);
    for (;;) {
        try {
            return Xapian::WritableDatabase(db.string(), Xapian::DB_CREATE_OR_OPEN);
        } catch (const Xapian::DatabaseLockError&) {
            if (std::chrono::steady_clock::now() + pause > until) throw;
            // Another writer holds the lock (an indexer run): try again shortly.
            std::this_thread::sleep_for(pause);
            pause = std::min(pause * 2, std::chrono::milliseconds(500));
        }
    }
}

IndexReport run_community_index(const std::filesystem::path& db_path, const std::filesystem::path& community,
                                double lock_wait_s) {
    const auto started = std::chrono::steady_clock::now();
    IndexReport report;
    const std::vector<CommunityEntry> entries = read_community(community);
    Xapian::WritableDatabase db = open_for_writing(db_path, lock_wait_s);
    const std::string xml = db.get_metadata(std::string(schema::META_TAXONOMY));
    if (xml.empty()) throw UserError("no_taxonomy", "the index holds no taxonomy yet: index the corpus first");
    const Taxonomy taxonomy = Taxonomy::parse(xml, "the index's taxonomy");
    // The index's own fingerprint: a record counts as unchanged only if it
    // was written with the taxonomy and catalogs the index holds now.
    FileStates states(db, db.get_metadata(std::string(schema::META_INPUTS)), false);
    Catalogs none;
    Writer writer(db, taxonomy, none, report, {});
    writer.begin();
    try {
        write_community(entries, writer, states, taxonomy, report);
        writer.mark_latest();
        writer.commit();
    } catch (...) {
        writer.cancel();
        throw;
    }
    report.files = entries.size();
    report.documents = db.get_doccount();
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return report;
}

}  // namespace a6kb
