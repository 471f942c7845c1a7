// SPDX-License-Identifier: Apache-2.0
// The indexing run: walks the given paths, extracts changed files on all
// cores, merges catalog metadata, and writes the Xapian index with one
// writer, incrementally and atomically.
//
// Contract:
// - A file whose content hash is unchanged since the last run is not read
//   again (unless the taxonomy or a catalog changed, or `full` is set).
// - Changed files replace their records (by id); files that vanished from
//   under a given folder lose their records. Files under folders not given
//   in this run are left alone.
// - Changes are committed in batches inside a Xapian transaction: a reader
//   never sees half a batch, and a killed run leaves the last committed
//   batch openable; the next run picks up where it stopped.
// - A file that cannot be read is a skip with a reason; it never stops the run.
#pragma once

#include "core/extract/extract.h"

#include <nlohmann/json_fwd.hpp>

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace a6kb {

struct IndexOptions {
    std::filesystem::path db;
    std::filesystem::path taxonomy;            // empty: taxonomy.xml at a path root, else the built-in default
    std::vector<std::filesystem::path> paths;  // folders or files
    // The community database (core/index/community_source.h): its approved
    // contributions are indexed too, and the ones no longer approved removed.
    std::filesystem::path community;
    // How long to wait for the index's write lock while another writer
    // (searchd indexing a moderation) holds it; then DatabaseLockError.
    double lock_wait_s = 60;
    bool full = false;                         // re-extract everything
    unsigned jobs = 0;                         // extraction threads; 0 = all cores
    // A commit ends a batch of at most batch_files files or, whichever comes
    // first, batch_text_bytes of extracted text: Xapian holds a batch's
    // postings and positions in memory until the commit, about 45 bytes for
    // each byte of text (docs/architecture.md, "Batches").
    size_t batch_files = 500;
    uint64_t batch_text_bytes = 4ull << 20;
    ExtractLimits limits;
    // PDFs are extracted in child processes started from this executable
    // (with --extract-worker), so a crash or hang in the PDF library is a
    // skip, not the end of the run. Empty: in this process.
    std::string extract_worker;
    double extract_timeout_s = 120;            // per file, in a child process
    uint64_t worker_memory = 4ull << 30;       // address space of a child process
};

struct Skip {
    std::string path;
    std::string reason;
};

struct IndexReport {
    size_t files = 0;       // documents found (catalogs included)
    size_t added = 0;       // new files indexed
    size_t changed = 0;     // changed files re-indexed
    size_t unchanged = 0;
    size_t skipped = 0;
    size_t vanished = 0;    // files gone since the last run
    size_t records_written = 0;
    size_t records_deleted = 0;
    size_t documents = 0;   // in the index after the run
    uint64_t bytes = 0;     // bytes read
    double seconds = 0;
    std::string taxonomy;
    std::vector<Skip> skips;

    nlohmann::json to_json() const;
};

struct Progress {
    size_t done = 0, total = 0;
    uint64_t bytes_done = 0, bytes_total = 0;
    std::chrono::steady_clock::duration elapsed{};
};

// Runs one indexing pass. Throws UserError for bad options (no path, bad
// taxonomy) and Xapian::Error when the index cannot be opened or written.
// `on_skip` is called for each skip as it happens (for the log line),
// `on_progress` after each file.
IndexReport run_index(const IndexOptions& options, const std::function<void(const Skip&)>& on_skip = {},
                      const std::function<void(const Progress&)>& on_progress = {});

// The taxonomy file a run uses for these options.
std::filesystem::path resolve_taxonomy(const IndexOptions& options);

}  // namespace a6kb
