// SPDX-License-Identifier: Apache-2.0
#include "core/index/indexer.h"

#include "core/index/catalog.h"
#include "core/model/data_dir.h"
#include "core/model/errors.h"
#include "core/extract/worker.h"
#include "core/index/infer.h"
#include "core/model/log.h"
#include "core/model/record.h"
#include "core/model/schema.h"
#include "core/model/symbols.h"
#include "core/model/taxonomy.h"
#include "core/model/text.h"

#include <nlohmann/json.hpp>
#include <xapian.h>
#include <xxhash.h>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <thread>
#include <unordered_map>
#include <unordered_set>


namespace a6kb {

namespace fs = std::filesystem;
using nlohmann::json;

json IndexReport::to_json() const {
    json skipped_list = json::array();
    for (const auto& s : skips) skipped_list.push_back({{"path", s.path}, {"reason", s.reason}});
    return {
        {"files", files}, {"added", added}, {"changed", changed}, {"unchanged", unchanged},
        {"skipped", skipped}, {"vanished", vanished}, {"records_written", records_written},
        {"records_deleted", records_deleted}, {"documents", documents}, {"bytes", bytes},
        {"seconds", seconds}, {"taxonomy", taxonomy}, {"skips", skipped_list},
    };
}

namespace {

struct FileEntry {
    fs::path abs;
    std::string source;  // relative to its root, for display and records
    std::string key;     // schema::SOURCE term
    uint64_t size = 0;
};

// A record with its Xapian document and spelling words, built on an
// extraction thread as if nothing else in the index shared its id (the
// common case); the writer rebuilds the document when something does.
struct Built {
    Record record;
    Xapian::Document doc;
    SpellingWords spelling;
};

struct Outcome {
    enum Kind { unchanged, unchanged_skip, skip, records } kind = skip;
    std::string hash;
    std::string reason;
    std::vector<Built> recs;
    uint64_t bytes = 0;       // read from the file
    uint64_t text_bytes = 0;  // extracted text of its records
};

// The family a versioned record belongs to when no catalog names one.
void default_family(Record& r) {
    if (r.family.empty() && !r.version.empty() && !r.symbols.empty()) r.family = r.symbols.front();
}

Xapian::TermGenerator make_term_generator() {
    Xapian::TermGenerator tg;
    tg.set_stemmer(Xapian::Stem("english"));
    tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    return tg;
}

// What the index remembers about one source file (user metadata).
struct FileState {
    std::string path;    // absolute
    std::string source;  // relative, as shown
    std::string hash;
    std::string skip;    // non-empty: last attempt skipped, nothing indexed
    std::vector<std::string> ids;
    std::string inputs;  // taxonomy and catalogs it was indexed with
};

json state_json(const FileState& s) {
    json j = {{"path", s.path}, {"source", s.source}, {"hash", s.hash}, {"ids", s.ids}, {"inputs", s.inputs}};
    if (!s.skip.empty()) j["skip"] = s.skip;
    return j;
}

FileState state_from(const std::string& data) {
    FileState s;
    try {
        auto j = json::parse(data);
        s.path = j.value("path", "");
        s.source = j.value("source", "");
        s.hash = j.value("hash", "");
        s.skip = j.value("skip", "");
        s.inputs = j.value("inputs", "");
        if (j.contains("ids")) s.ids = j["ids"].get<std::vector<std::string>>();
    } catch (const json::exception&) {
        // An unreadable state only costs a re-extraction.
    }
    return s;
}

std::string hash_hex(std::string_view bytes) {
    XXH128_hash_t h = XXH3_128bits(bytes.data(), bytes.size());
    char buf[40];
    std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                  static_cast<unsigned long long>(h.low64));
    return buf;
}

bool read_file(const fs::path& p, std::string& out, std::string& why) {
    std::ifstream in(p, std::ios::binary);
    if (!in) {
        why = std::string("unreadable: ") + std::strerror(errno);
        return false;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) {
        why = "unreadable: read error";
        return false;
    }
    out = ss.str();
    return true;
}

bool hidden(const fs::path& p) {
    auto name = p.filename().string();
    return !name.empty() && name[0] == '.';
}

bool under(const fs::path& file, const fs::path& root) {
    auto f = file.string(), r = root.string();
    if (f == r) return true;
    if (!r.empty() && r.back() != '/') r += '/';
    return f.compare(0, r.size(), r) == 0;
}

std::string source_key(const fs::path& abs) { return schema::exact_term(schema::SOURCE, abs.string()); }

std::string file_key(const std::string& source_key) { return std::string(schema::META_FILE_PREFIX) + source_key; }

// Everything one run writes, with the open database and the run's inputs.
class Writer {
public:
    Writer(Xapian::WritableDatabase& db, const Taxonomy& taxonomy, IndexReport& report)
        : db_(db), taxonomy_(taxonomy), report_(report), tg_(make_term_generator()) {}

    // Standalone catalog records by id, with their catalog's source.
    struct CatalogRecord {
        Record record;
        Metadata meta;
        std::string key;
    };
    std::map<std::string, CatalogRecord> catalog_records;
    std::set<std::string> catalog_keys;
    std::set<std::string> touched_families;

    std::optional<Xapian::Document> find(const std::string& id) {
        if (pending_ids_.count(id)) flush();
        std::string q = schema::term(schema::ID, id);
        auto it = db_.postlist_begin(q);
        if (it == db_.postlist_end(q)) return std::nullopt;
        return db_.get_document(*it);
    }

    // Writes `b.record` as the contribution of `key`, keeping what other
    // sources contributed to the same id, with explicit catalog metadata on top.
    void write(Built b, const std::string& key) {
        auto existing = find(b.record.id);
        auto cat = catalog_records.find(b.record.id);
        if (!existing && (cat == catalog_records.end() || cat->second.key == key)) {
            // Nothing to merge: the document built on the extraction thread is
            // the one; it waits for the end of the batch, where the versions
            // of its family are settled before it is written.
            pending_ids_.insert(b.record.id);
            pending_.push_back(std::move(b));
            ++report_.records_written;
            return;
        }
        Record r = std::move(b.record);
        std::vector<std::string> keys = {key};
        if (existing) {
            Record old = record_from_document(*existing);
            for (const auto& k : source_keys_of(*existing))
                if (k != key) keys.push_back(k);
            for (const auto& s : old.sources)
                if (std::find(r.sources.begin(), r.sources.end(), s) == r.sources.end() && keys.size() > 1)
                    r.sources.push_back(s);
            // A catalog record gains the text of a file with the same id, and keeps it.
            if (r.pages.empty() && !old.pages.empty()) {
                r.pages = old.pages;
                r.headings = old.headings;
                r.media_type = old.media_type;
            }
            if (!old.family.empty()) touched_families.insert(old.family);
        }
        if (cat != catalog_records.end() && cat->second.key != key) {
            apply_metadata(r, cat->second.meta, taxonomy_);
            if (std::find(keys.begin(), keys.end(), cat->second.key) == keys.end()) keys.push_back(cat->second.key);
            for (const auto& s : cat->second.record.sources)
                if (std::find(r.sources.begin(), r.sources.end(), s) == r.sources.end()) r.sources.push_back(s);
        }
        default_family(r);
        if (!r.family.empty()) touched_families.insert(r.family);
        r.latest = true;  // settled by mark_latest
        add_spelling(spelling_words(r, &taxonomy_));
        db_.replace_document(schema::term(schema::ID, r.id), to_document(r, keys, tg_, &taxonomy_));
        ++report_.records_written;
    }

    // Removes the contribution of `key` (a vanished or changed file) to `id`.
    void remove_source(const std::string& id, const std::string& key, const std::string& source) {
        auto doc = find(id);
        if (!doc) return;
        auto keys = source_keys_of(*doc);
        keys.erase(std::remove(keys.begin(), keys.end(), key), keys.end());
        Record old = record_from_document(*doc);
        if (!old.family.empty()) touched_families.insert(old.family);
        if (keys.empty()) {
            db_.delete_document(schema::term(schema::ID, id));
            ++report_.records_deleted;
            return;
        }
        bool only_catalog = std::all_of(keys.begin(), keys.end(), [&](const std::string& k) { return catalog_keys.count(k); });
        auto cat = catalog_records.find(id);
        if (only_catalog && cat != catalog_records.end()) {
            write_catalog(cat->second, /*merge=*/false);
            return;
        }
        old.sources.erase(std::remove(old.sources.begin(), old.sources.end(), source), old.sources.end());
        db_.replace_document(schema::term(schema::ID, id), to_document(old, keys, tg_, &taxonomy_));
    }

    void write_catalog(const CatalogRecord& c, bool merge) {
        Record r = c.record;
        std::vector<std::string> keys = {c.key};
        auto existing = merge ? find(r.id) : std::nullopt;
        if (existing) {
            auto other = source_keys_of(*existing);
            other.erase(std::remove(other.begin(), other.end(), c.key), other.end());
            if (!other.empty()) {
                // A file already gave this record its text: keep it, catalog metadata on top.
                Record merged = record_from_document(*existing);
                apply_metadata(merged, c.meta, taxonomy_);
                for (const auto& s : r.sources)
                    if (std::find(merged.sources.begin(), merged.sources.end(), s) == merged.sources.end())
                        merged.sources.push_back(s);
                r = std::move(merged);
                keys.insert(keys.end(), other.begin(), other.end());
            }
        }
        if (!r.family.empty()) touched_families.insert(r.family);
        add_spelling(spelling_words(r, &taxonomy_));
        db_.replace_document(schema::term(schema::ID, r.id), to_document(r, keys, tg_, &taxonomy_));
        ++report_.records_written;
    }

    // Writes the batch's new documents, then marks the newest version of
    // each touched family (XN term, "latest" in the data). A family's new
    // versions are settled in memory first, so only documents already in
    // the index are rewritten when a newer version arrives (rewriting one
    // reads back all its terms and positions).
    void mark_latest() {
        flush();
        const std::string latest_term(schema::LATEST.prefix);
        for (const auto& family : touched_families) {
            std::string ft = schema::term(schema::FAMILY, symbol_key(family));
            std::vector<std::pair<Xapian::docid, std::string>> versions;
            std::string best;
            for (auto it = db_.postlist_begin(ft); it != db_.postlist_end(ft); ++it) {
                versions.emplace_back(*it, db_.get_document(*it).get_value(schema::VERSION.slot));
                best = std::max(best, versions.back().second);
            }
            // Whether a document has the mark, from its own term list (a
            // family has a few documents; the XN posting list has most of the
            // index, with this batch's changes pending on it).
            for (const auto& [did, version] : versions) {
                // Opened again just before it is replaced: Xapian then
                // rewrites only what changed (the mark and the data), not
                // the positions; only the last document opened gets that.
                Xapian::Document doc = db_.get_document(did);
                auto t = doc.termlist_begin();
                t.skip_to(latest_term);
                bool has = t != doc.termlist_end() && *t == latest_term;
                bool should = version == best;
                if (has == should) continue;
                set_latest(doc, should);
                db_.replace_document(did, doc);
            }
        }
        touched_families.clear();
    }

    // Query-time synonyms from the taxonomy: an expansion ("designated
    // national authority") maps to its acronym ("dna"), so a query in either
    // form finds records written in the other (records also carry the
    // acronym of every expansion their text spells out).
    void write_synonyms() {
        std::vector<std::string> old;
        for (auto it = db_.synonym_keys_begin(); it != db_.synonym_keys_end(); ++it) old.push_back(*it);
        for (const auto& k : old) db_.clear_synonyms(k);
        for (const auto& a : taxonomy_.acronyms()) {
            std::string phrase;
            for (const auto& w : a.expansion) phrase += (phrase.empty() ? "" : " ") + w;
            db_.add_synonym(phrase, a.acronym);
        }
    }

private:
    static void set_latest(Xapian::Document& doc, bool latest) {
        const std::string latest_term(schema::LATEST.prefix);
        if (latest) doc.add_boolean_term(latest_term);
        else doc.remove_term(latest_term);
        Record stored = decode_data(doc.get_data());
        stored.latest = latest;
        doc.set_data(encode_data(stored));
    }

    // Writes the waiting documents, each already marked for whether it is
    // the newest of its family among the index's versions and the batch's.
    void flush() {
        std::map<std::string, std::string> best;  // family -> newest version key
        for (const auto& b : pending_)
            if (!b.record.family.empty()) {
                auto& v = best[b.record.family];
                v = std::max(v, b.doc.get_value(schema::VERSION.slot));
            }
        for (auto& [family, v] : best) {
            std::string ft = schema::term(schema::FAMILY, symbol_key(family));
            for (auto it = db_.postlist_begin(ft); it != db_.postlist_end(ft); ++it)
                v = std::max(v, db_.get_document(*it).get_value(schema::VERSION.slot));
            touched_families.insert(family);
        }
        for (auto& b : pending_) {
            if (!b.record.family.empty() && b.doc.get_value(schema::VERSION.slot) != best[b.record.family])
                set_latest(b.doc, false);
            add_spelling(b.spelling);
            db_.replace_document(schema::term(schema::ID, b.record.id), b.doc);
        }
        pending_.clear();
        pending_ids_.clear();
    }

    void add_spelling(const SpellingWords& words) {
        for (const auto& [word, n] : words) db_.add_spelling(word, n);
    }

    Xapian::WritableDatabase& db_;
    const Taxonomy& taxonomy_;
    IndexReport& report_;
    Xapian::TermGenerator tg_;
    std::vector<Built> pending_;  // new documents of this batch, written by flush()
    std::unordered_set<std::string> pending_ids_;
};

// Runs `process(i)` for i in [0, n) on `jobs` threads and hands the results
// to `consume` in order, at most `window` ahead of the consumer.
//
// The workers run at a lower scheduling priority than the consumer: when
// there are more threads than cores, the consumer (the single writer, the
// critical path) keeps its core and the workers fill what is left; with
// equal priorities the writer got about two thirds of a core (10k
// synthetic: 63-66 s at equal priority and a window of 16, 52-58 s with
// this and a window of one batch).
template <class Process, class Consume>
void ordered_parallel(size_t n, unsigned jobs, size_t window, Process process, Consume consume) {
    std::vector<std::optional<Outcome>> results(n);
    std::mutex m;
    std::condition_variable ready, space;
    std::atomic<size_t> next{0};
    size_t consumed = 0;
    bool stop = false;
    std::vector<std::thread> workers;
    auto work = [&](unsigned worker) {
        // Best effort: a thread may always lower its own priority; if not, it runs as before.
        (void)setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 10);
        for (;;) {
            size_t i = next++;
            if (i >= n) return;
            {
                std::unique_lock lk(m);
                space.wait(lk, [&] { return stop || i < consumed + window; });
                if (stop) return;
            }
            Outcome o;
            try {
                o = process(i, worker);
            } catch (const std::exception& e) {
                o.kind = Outcome::skip;
                o.reason = std::string("internal error: ") + e.what();
            }
            {
                std::lock_guard lk(m);
                results[i] = std::move(o);
            }
            ready.notify_all();
        }
    };
    struct Joiner {
        std::vector<std::thread>& threads;
        std::mutex& m;
        bool& stop;
        std::condition_variable& space;
        ~Joiner() {
            {
                std::lock_guard lk(m);
                stop = true;
            }
            space.notify_all();
            for (auto& t : threads) t.join();
        }
    } joiner{workers, m, stop, space};
    for (unsigned t = 0; t < std::max(1u, jobs); ++t) workers.emplace_back(work, t);
    for (size_t i = 0; i < n; ++i) {
        Outcome o;
        {
            std::unique_lock lk(m);
            ready.wait(lk, [&] { return results[i].has_value(); });
            o = std::move(*results[i]);
            results[i].reset();
            consumed = i + 1;
        }
        space.notify_all();
        consume(i, std::move(o));
    }
}

}  // namespace

fs::path resolve_taxonomy(const IndexOptions& options) {
    if (!options.taxonomy.empty()) return options.taxonomy;
    if (const char* env = std::getenv("A6KB_TAXONOMY"); env && *env) return env;
    for (const auto& p : options.paths) {
        std::error_code ec;
        if (fs::is_directory(p, ec) && fs::is_regular_file(p / "taxonomy.xml", ec)) return p / "taxonomy.xml";
    }
    return shipped_data("corpus/taxonomy.xml");  // empty when not shipped beside the executable
}

IndexReport run_index(const IndexOptions& options, const std::function<void(const Skip&)>& on_skip,
                      const std::function<void(const Progress&)>& on_progress) {
    const auto started = std::chrono::steady_clock::now();
    IndexReport report;
    if (options.paths.empty()) throw UserError("no_paths", "give at least one file or folder to index");

    fs::path taxonomy_path = resolve_taxonomy(options);
    if (taxonomy_path.empty() || !fs::exists(taxonomy_path))
        throw UserError("no_taxonomy", "taxonomy file not found" +
                                           (taxonomy_path.empty() ? std::string() : ": " + taxonomy_path.string()) +
                                           " (give --taxonomy FILE)");
    taxonomy_path = fs::canonical(taxonomy_path);
    Taxonomy taxonomy = Taxonomy::load(taxonomy_path);
    report.taxonomy = taxonomy_path.string();
    std::string taxonomy_xml, why;
    read_file(taxonomy_path, taxonomy_xml, why);

    auto skip = [&](const std::string& path, const std::string& reason) {
        Skip s{path, reason};
        ++report.skipped;
        if (on_skip) on_skip(s);
        report.skips.push_back(std::move(s));
    };

    // Walk: folders recursively (hidden entries left out), files as given.
    std::vector<fs::path> roots;
    std::vector<FileEntry> files;
    std::vector<FileEntry> catalogs;
    std::set<std::string> listed;
    for (const auto& given : options.paths) {
        std::error_code ec;
        if (!fs::exists(given, ec)) throw UserError("no_such_path", "no such file or folder: " + given.string());
        fs::path root = fs::canonical(given);
        roots.push_back(root);
        std::vector<FileEntry> found;
        auto add = [&](const fs::path& abs, const std::string& rel) {
            if (abs == taxonomy_path || !listed.insert(abs.string()).second) return;
            FileEntry f{abs, rel, source_key(abs), 0};
            std::error_code sec;
            f.size = fs::file_size(abs, sec);
            found.push_back(std::move(f));
        };
        if (fs::is_directory(root)) {
            fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
            if (ec) throw UserError("unreadable_path", "cannot read folder " + root.string() + ": " + ec.message());
            for (; it != end; it.increment(ec)) {
                if (ec) {
                    skip(it->path().string(), "unreadable folder: " + ec.message());
                    ec.clear();
                    continue;
                }
                if (hidden(it->path())) {
                    if (it->is_directory()) it.disable_recursion_pending();
                    continue;
                }
                std::error_code fec;
                if (it->is_symlink(fec)) {
                    // Links are followed to files only: a loop, a link to
                    // nothing or to a folder is named, not silently left out.
                    std::string rel = it->path().lexically_relative(root).string();
                    std::error_code lec;
                    auto target = fs::status(it->path(), lec);
                    if (lec == std::errc::too_many_symbolic_link_levels) {
                        skip(rel, "symbolic link loop");
                        continue;
                    }
                    if (target.type() == fs::file_type::not_found) {
                        skip(rel, "broken symbolic link: its target does not exist");
                        continue;
                    }
                    if (target.type() == fs::file_type::directory) {
                        skip(rel, "symbolic link to a folder: not followed (give that folder as a path of its own)");
                        continue;
                    }
                }
                if (!it->is_regular_file(fec)) continue;
                add(fs::canonical(it->path(), fec), fs::relative(it->path(), root).string());
            }
        } else {
            add(root, root.filename().string());
        }
        std::sort(found.begin(), found.end(), [](const FileEntry& a, const FileEntry& b) { return a.source < b.source; });
        for (auto& f : found) (is_catalog_file(f.abs) ? catalogs : files).push_back(std::move(f));
    }
    report.files = files.size() + catalogs.size();

    // Catalogs are small and always read; their metadata applies to files.
    struct LoadedCatalog {
        FileEntry entry;
        std::string hash;
        std::optional<Catalog> catalog;
    };
    std::vector<LoadedCatalog> loaded;
    std::map<std::string, const CatalogEntry*> meta_by_file;
    std::string inputs = "schema=" + std::to_string(schema::SCHEMA_VERSION) + ";taxonomy=" + hash_hex(taxonomy_xml);
    for (const auto& c : catalogs) {
        LoadedCatalog lc{c, {}, std::nullopt};
        std::string bytes;
        if (!read_file(c.abs, bytes, why)) {
            skip(c.source, why);
            loaded.push_back(std::move(lc));
            continue;
        }
        lc.hash = hash_hex(bytes);
        report.bytes += bytes.size();
        inputs += ";" + c.abs.string() + "=" + lc.hash;
        try {
            lc.catalog = load_catalog(c.abs, taxonomy);
        } catch (const UserError& e) {
            skip(c.source, e.what());
        }
        loaded.push_back(std::move(lc));
    }
    for (const auto& lc : loaded)
        if (lc.catalog)
            for (const auto& e : lc.catalog->entries)
                if (!e.file.empty()) meta_by_file[e.file.string()] = &e;
    std::string inputs_hash = hash_hex(inputs);

    fs::create_directories(options.db);
    Xapian::WritableDatabase db(options.db.string(), Xapian::DB_CREATE_OR_OPEN);
    // A file is unchanged when its content and the taxonomy and catalogs it
    // was indexed with are; kept per file, so a run killed half-way after a
    // taxonomy change still redoes the files it did not reach.
    const bool inputs_changed = db.get_metadata(std::string(schema::META_INPUTS)) != inputs_hash;
    auto unchanged = [&](const FileState& st, const std::string& hash) {
        return !options.full && st.hash == hash && st.inputs == inputs_hash;
    };

    std::unordered_map<std::string, FileState> states;  // by source key
    const std::string file_prefix(schema::META_FILE_PREFIX);
    for (auto it = db.metadata_keys_begin(file_prefix); it != db.metadata_keys_end(file_prefix); ++it)
        states[(*it).substr(file_prefix.size())] = state_from(db.get_metadata(*it));

    Writer writer(db, taxonomy, report);
    for (const auto& lc : loaded) {
        writer.catalog_keys.insert(lc.entry.key);
        if (!lc.catalog) continue;
        for (const auto& e : lc.catalog->entries) {
            if (!e.file.empty()) continue;
            Record r = record_from_catalog(e, lc.entry.source, taxonomy);
            classify(r, taxonomy);
            std::string id = r.id;
            if (auto dup = writer.catalog_records.find(id); dup != writer.catalog_records.end()) {
                skip(lc.entry.source, e.where + ": record id '" + id + "' is already given by " +
                                          dup->second.record.sources.front() + "; this one is left out");
                continue;
            }
            writer.catalog_records[id] = {std::move(r), e.meta, lc.entry.key};
        }
    }

    db.begin_transaction();
    std::set<std::string> seen;

    // Stand-alone catalog records first, so files with the same id merge into them.
    for (const auto& lc : loaded) {
        seen.insert(lc.entry.key);
        if (!lc.catalog) continue;  // unreadable: its records stay as they were
        auto st = states.find(lc.entry.key);
        bool known = st != states.end();
        if (known && unchanged(st->second, lc.hash)) {
            ++report.unchanged;
            continue;
        }
        ++(known ? report.changed : report.added);
        FileState state{lc.entry.abs.string(), lc.entry.source, lc.hash, {}, {}, inputs_hash};
        for (const auto& [id, c] : writer.catalog_records)
            if (c.key == lc.entry.key) {
                writer.write_catalog(c, /*merge=*/true);
                state.ids.push_back(id);
            }
        if (known)
            for (const auto& id : st->second.ids)
                if (std::find(state.ids.begin(), state.ids.end(), id) == state.ids.end())
                    writer.remove_source(id, lc.entry.key, lc.entry.source);
        db.set_metadata(file_key(lc.entry.key), state_json(state).dump());
    }

    // Files: extraction in parallel, writes here in order.
    unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
    uint64_t bytes_total = 0;
    for (const auto& f : files) bytes_total += f.size;
    Progress progress{0, files.size(), 0, bytes_total, {}};
    size_t in_batch = 0;
    uint64_t batch_text = 0;

    std::vector<Xapian::TermGenerator> generators;
    for (unsigned t = 0; t < jobs; ++t) generators.push_back(make_term_generator());

    // One extraction child per thread, started when it first meets a PDF.
    std::vector<std::unique_ptr<ExtractWorker>> children;
    for (unsigned t = 0; t < jobs; ++t)
        children.push_back(options.extract_worker.empty()
                               ? nullptr
                               : std::make_unique<ExtractWorker>(options.extract_worker, options.extract_timeout_s,
                                                                 options.worker_memory));

    auto process = [&](size_t i, unsigned worker) -> Outcome {
        const FileEntry& f = files[i];
        Outcome o;
        std::error_code ec;
        uint64_t size = fs::file_size(f.abs, ec);
        if (ec) return {Outcome::skip, {}, "unreadable: " + ec.message(), {}, 0};
        if (size > options.limits.max_file_size)
            return {Outcome::skip, {}, "too large: " + std::to_string(size) + " bytes, over the limit of " +
                                           std::to_string(options.limits.max_file_size), {}, 0};
        std::string bytes, err;
        if (!read_file(f.abs, bytes, err)) return {Outcome::skip, {}, err, {}, 0};
        o.bytes = bytes.size();
        o.hash = hash_hex(bytes);
        auto st = states.find(f.key);
        if (st != states.end() && unchanged(st->second, o.hash)) {
            o.kind = st->second.skip.empty() ? Outcome::unchanged : Outcome::unchanged_skip;
            o.reason = st->second.skip;
            return o;
        }
        std::string type = sniff_media_type(bytes, f.abs);
        auto extracted = type == media::PDF && children[worker] ? children[worker]->extract(bytes, type)
                                                                : extract_bytes(bytes, type, options.limits);
        if (!extracted.doc) {
            o.kind = Outcome::skip;
            o.reason = extracted.skip;
            return o;
        }
        auto meta = meta_by_file.find(f.abs.string());
        auto inferred = infer_records(*extracted.doc, f.source, f.abs.filename().string(), taxonomy,
                                      meta == meta_by_file.end() ? nullptr : &meta->second->meta);
        if (!inferred.error.empty()) {
            o.kind = Outcome::skip;
            o.reason = inferred.error + (meta == meta_by_file.end() ? "" : " (" + meta->second->where + ")");
            return o;
        }
        o.kind = Outcome::records;
        for (auto& r : inferred.records) {
            default_family(r);
            r.latest = true;  // settled by mark_latest
            Built b{std::move(r), {}, {}};
            b.doc = to_document(b.record, {f.key}, generators[worker], &taxonomy);
            b.spelling = spelling_words(b.record, &taxonomy);
            for (const auto& page : b.record.pages) o.text_bytes += page.size();
            o.recs.push_back(std::move(b));
        }
        return o;
    };

    auto consume = [&](size_t i, Outcome o) {
        const FileEntry& f = files[i];
        seen.insert(f.key);
        auto st = states.find(f.key);
        bool known = st != states.end();
        report.bytes += o.bytes;
        switch (o.kind) {
            case Outcome::unchanged:
                ++report.unchanged;
                break;
            case Outcome::unchanged_skip:
                skip(f.source, o.reason + " (unchanged since the last run)");
                break;
            case Outcome::skip:
                skip(f.source, o.reason);
                // A file that was indexed before keeps its last good records
                // (its state keeps the old hash, so the next run tries again);
                // a new one is remembered as skipped.
                if (!known && !o.hash.empty())
                    db.set_metadata(file_key(f.key), state_json({f.abs.string(), f.source, o.hash, o.reason, {}, inputs_hash}).dump());
                break;
            case Outcome::records: {
                ++(known && st->second.skip.empty() ? report.changed : report.added);
                FileState state{f.abs.string(), f.source, o.hash, {}, {}, inputs_hash};
                for (auto& b : o.recs) {
                    if (std::find(state.ids.begin(), state.ids.end(), b.record.id) != state.ids.end()) continue;
                    state.ids.push_back(b.record.id);
                    writer.write(std::move(b), f.key);
                }
                if (known)
                    for (const auto& id : st->second.ids)
                        if (std::find(state.ids.begin(), state.ids.end(), id) == state.ids.end())
                            writer.remove_source(id, f.key, f.source);
                db.set_metadata(file_key(f.key), state_json(state).dump());
                break;
            }
        }
        progress.done = i + 1;
        progress.bytes_done += f.size;
        progress.elapsed = std::chrono::steady_clock::now() - started;
        if (on_progress) on_progress(progress);
        batch_text += o.text_bytes;
        if (++in_batch >= options.batch_files || batch_text >= options.batch_text_bytes) {
            writer.mark_latest();
            db.commit_transaction();
            db.begin_transaction();
            in_batch = 0;
            batch_text = 0;
        }
    };

    try {
        // The window is one batch (up to 512 files, for memory), so the workers
        // keep extracting while the writer writes and commits a batch. (It is
        // not bounded by text: files waiting in it hold their text and their
        // built document, a few times less than a batch's pending postings.)
        const size_t least = std::max<size_t>(16, jobs * 4);
        size_t window = std::clamp<size_t>(options.batch_files, least, std::max<size_t>(least, 512));
        ordered_parallel(files.size(), jobs, window, process, consume);

        // Files gone from under the folders given in this run.
        for (const auto& [key, state] : states) {
            if (seen.count(key) || state.path.empty()) continue;
            fs::path p(state.path);
            bool in_scope = std::any_of(roots.begin(), roots.end(), [&](const fs::path& r) { return under(p, r); });
            std::error_code ec;
            if (!in_scope || fs::exists(p, ec)) continue;
            for (const auto& id : state.ids) writer.remove_source(id, key, state.source);
            db.set_metadata(file_key(key), "");
            ++report.vanished;
        }
        writer.mark_latest();
        if (inputs_changed) {
            writer.write_synonyms();
            db.set_metadata(std::string(schema::META_TAXONOMY), taxonomy_xml);
        }
        db.set_metadata(std::string(schema::META_INPUTS), inputs_hash);
        db.set_metadata(std::string(schema::META_SCHEMA_VERSION), std::to_string(schema::SCHEMA_VERSION));
        db.commit_transaction();
    } catch (...) {
        // Whatever was not committed is dropped; the last commit stays.
        try {
            db.cancel_transaction();
        } catch (const Xapian::Error&) {
        }
        throw;
    }
    report.documents = db.get_doccount();
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return report;
}

}  // namespace a6kb
