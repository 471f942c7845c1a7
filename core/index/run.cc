// SPDX-License-Identifier: Apache-2.0
// run_index: the stages of one run in order (docs/architecture.md, indexer/):
// the inputs and the walk, the index opened with every file's state, the
// catalogs' records, the files through extraction to the writer, the end of
// the run, the summary.
#include "core/index/indexer.h"

#include "core/index/community_source.h"
#include "core/index/extraction.h"
#include "core/index/file_state.h"
#include "core/index/inputs.h"
#include "core/index/synonyms.h"
#include "core/index/walk.h"
#include "core/model/data_dir.h"
#include "core/index/writer.h"
#include "core/model/errors.h"
#include "core/model/schema.h"

#include <nlohmann/json.hpp>
#include <xapian.h>

#include <algorithm>
#include <cstdlib>
#include <set>


namespace a6kb {

namespace fs = std::filesystem;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

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

fs::path resolve_taxonomy(const IndexOptions& options) {
    if (!options.taxonomy.empty()) return options.taxonomy;
    if (const char* env = std::getenv("A6KB_TAXONOMY"); env && *env) return env;
    for (const auto& p : options.paths) {
        std::error_code ec;
        if (fs::is_directory(p, ec) && fs::is_regular_file(p / "taxonomy.xml", ec)) return p / "taxonomy.xml";
    }
    return shipped_data("corpus/taxonomy.xml");  // empty when not shipped beside the executable
}

namespace {

// One run once its inputs are loaded and the index is open: what each
// catalog and file means for its state and its records. Everything it
// writes goes into the writer's open transaction.
class Pass {
public:
    Pass(const IndexOptions& options, IndexReport& report, const SkipFn& skip, const Walk& walk,
         const Catalogs& catalogs, const Taxonomy& taxonomy, FileStates& states, Writer& writer)
        : options_(options), report_(report), skip_(skip), walk_(walk), catalogs_(catalogs), taxonomy_(taxonomy),
          states_(states), writer_(writer) {}

    void write_catalogs();
    void index_files(const std::function<void(const Progress&)>& on_progress, Clock::time_point started);
    void remove_vanished();

private:
    void consume(const FileEntry& f, Outcome o);
    void write_records(const FileEntry& f, const FileState* known, Outcome& o);

    const IndexOptions& options_;
    IndexReport& report_;
    const SkipFn& skip_;
    const Walk& walk_;
    const Catalogs& catalogs_;
    const Taxonomy& taxonomy_;
    FileStates& states_;
    Writer& writer_;
    std::set<std::string> seen_;  // source keys met in this run
};

// Stand-alone catalog records first, so files with the same id merge into them.
void Pass::write_catalogs() {
    for (const auto& lc : catalogs_.loaded) {
        seen_.insert(lc.entry.key);
        if (!lc.catalog) continue;  // unreadable: its records stay as they were
        const FileState* known = states_.find(lc.entry.key);
        if (known && states_.unchanged(*known, lc.hash)) {
            ++report_.unchanged;
            continue;
        }
        ++(known ? report_.changed : report_.added);
        FileState state{lc.entry.abs.string(), lc.entry.source, lc.hash, {}, {}, states_.inputs_hash()};
        for (const auto& [id, c] : catalogs_.records)
            if (c.key == lc.entry.key) {
                writer_.write_catalog(c, /*merge=*/true);
                state.ids.push_back(id);
            }
        if (known) writer_.remove_dropped(known->ids, state.ids, lc.entry.key, lc.entry.source);
        states_.store(lc.entry.key, state);
    }
}

// Files: extraction in parallel, writes here in order, a commit at each
// batch's end.
void Pass::index_files(const std::function<void(const Progress&)>& on_progress, Clock::time_point started) {
    const auto& files = walk_.files;
    const unsigned jobs = extraction_jobs(options_);
    Progress progress{0, files.size(), 0, 0, {}};
    for (const auto& f : files) progress.bytes_total += f.size;
    Extraction extraction(options_, jobs, files, states_, catalogs_, taxonomy_);
    ordered_parallel(
        files.size(), jobs, extraction_window(options_.batch_files, jobs),
        [&](size_t i, unsigned worker) { return extraction(i, worker); },
        [&](size_t i, Outcome o) {
            const uint64_t text = o.text_bytes;
            consume(files[i], std::move(o));
            progress.done = i + 1;
            progress.bytes_done += files[i].size;
            progress.elapsed = Clock::now() - started;
            if (on_progress) on_progress(progress);
            writer_.end_file(text);
        });
}

void Pass::consume(const FileEntry& f, Outcome o) {
    seen_.insert(f.key);
    const FileState* known = states_.find(f.key);
    report_.bytes += o.bytes;
    switch (o.kind) {
        case Outcome::unchanged:
            ++report_.unchanged;
            break;
        case Outcome::unchanged_skip:
            skip_(f.source, o.reason + " (unchanged since the last run)");
            break;
        case Outcome::skip:
            skip_(f.source, o.reason);
            // A file that was indexed before keeps its last good records
            // (its state keeps the old hash, so the next run tries again);
            // a new one is remembered as skipped.
            if (!known && !o.hash.empty())
                states_.store(f.key, {f.abs.string(), f.source, o.hash, o.reason, {}, states_.inputs_hash()});
            break;
        case Outcome::records:
            write_records(f, known, o);
            break;
    }
}

void Pass::write_records(const FileEntry& f, const FileState* known, Outcome& o) {
    ++(known && known->skip.empty() ? report_.changed : report_.added);
    FileState state{f.abs.string(), f.source, o.hash, {}, {}, states_.inputs_hash()};
    for (auto& b : o.recs) {
        if (std::find(state.ids.begin(), state.ids.end(), b.record.id) != state.ids.end()) continue;
        state.ids.push_back(b.record.id);
        writer_.write(std::move(b), f.key);
    }
    if (known) writer_.remove_dropped(known->ids, state.ids, f.key, f.source);
    states_.store(f.key, state);
}

// Files gone from under the folders given in this run; files under other
// folders are left alone.
void Pass::remove_vanished() {
    for (const auto& [key, state] : states_.all()) {
        if (seen_.count(key) || state.path.empty()) continue;
        fs::path p(state.path);
        bool in_scope = std::any_of(walk_.roots.begin(), walk_.roots.end(), [&](const fs::path& r) { return under(p, r); });
        std::error_code ec;
        if (!in_scope || fs::exists(p, ec)) continue;
        for (const auto& id : state.ids) writer_.remove_source(id, key, state.source);
        states_.forget(key);
        ++report_.vanished;
    }
}

// The end of the run, in its last transaction: the newest versions marked,
// the taxonomy's XML stored when the inputs changed, the synonyms rewritten
// when the taxonomy, the variants or the words of the index may have changed
// (variant roots are paired through the vocabulary), and the fingerprint the
// next run compares with.
void finish_run(Xapian::WritableDatabase& db, Writer& writer, bool inputs_changed, const RunTaxonomy& taxonomy,
                const std::string& inputs_hash, const IndexReport& report) {
    writer.mark_latest();
    if (inputs_changed) {
        db.set_metadata(std::string(schema::META_TAXONOMY), taxonomy.xml);
        db.set_metadata(std::string(schema::META_PROGRAMMES), taxonomy.taxonomy.programmes().xml());
    }
    const std::string variants_key(schema::META_VARIANTS);
    const bool words_changed = report.records_written + report.records_deleted > 0;
    if (inputs_changed || words_changed || db.get_metadata(variants_key) != taxonomy.variants_text) {
        write_synonyms(db, taxonomy.taxonomy, taxonomy.variants);
        db.set_metadata(variants_key, taxonomy.variants_text);
    }
    db.set_metadata(std::string(schema::META_INPUTS), inputs_hash);
    db.set_metadata(std::string(schema::META_SCHEMA_VERSION), std::to_string(schema::SCHEMA_VERSION));
    writer.commit();
}

}  // namespace

IndexReport run_index(const IndexOptions& options, const std::function<void(const Skip&)>& on_skip,
                      const std::function<void(const Progress&)>& on_progress) {
    const auto started = Clock::now();
    IndexReport report;
    if (options.paths.empty()) throw UserError("no_paths", "give at least one file or folder to index");
    const SkipFn skip = [&](const std::string& path, const std::string& reason) {
        Skip s{path, reason};
        ++report.skipped;
        if (on_skip) on_skip(s);
        report.skips.push_back(std::move(s));
    };
    const RunTaxonomy taxonomy = load_run_taxonomy(options);
    report.taxonomy = taxonomy.path.string();
    const Walk walk = walk_paths(options.paths, taxonomy.path, skip);
    report.files = walk.files.size() + walk.catalogs.size();
    Catalogs catalogs = load_catalogs(walk.catalogs, taxonomy, report.bytes, skip);

    std::vector<CommunityEntry> community;
    if (!options.community.empty()) community = read_community(options.community);

    fs::create_directories(options.db);
    Xapian::WritableDatabase db = open_for_writing(options.db, options.lock_wait_s);
    // A file is unchanged when its content and the taxonomy and catalogs it
    // was indexed with are; kept per file, so a run killed half-way after a
    // taxonomy change still redoes the files it did not reach.
    const bool inputs_changed = db.get_metadata(std::string(schema::META_INPUTS)) != catalogs.inputs_hash;
    FileStates states(db, catalogs.inputs_hash, options.full);
    gather_catalog_records(catalogs, taxonomy.taxonomy, skip);
    Writer writer(db, taxonomy.taxonomy, catalogs, report, {options.batch_files, options.batch_text_bytes});
    Pass pass(options, report, skip, walk, catalogs, taxonomy.taxonomy, states, writer);
    writer.begin();
    try {
        pass.write_catalogs();
        pass.index_files(on_progress, started);
        pass.remove_vanished();
        if (!options.community.empty()) write_community(community, writer, states, taxonomy.taxonomy, report);
        finish_run(db, writer, inputs_changed, taxonomy, catalogs.inputs_hash, report);
    } catch (...) {
        // Whatever was not committed is dropped; the last commit stays.
        writer.cancel();
        throw;
    }
    report.documents = db.get_doccount();
    report.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    return report;
}

}  // namespace a6kb
