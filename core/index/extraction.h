// SPDX-License-Identifier: Apache-2.0
// The extraction stage: on `jobs` threads, each file is read, hashed and,
// when it changed, extracted, inferred into records and built into Xapian
// documents; the outcomes reach the one writer thread in file order, at most
// a window of files ahead of it, so memory stays bounded.
#pragma once

#include "core/extract/worker.h"
#include "core/index/file_state.h"
#include "core/index/indexer.h"
#include "core/index/inputs.h"
#include "core/index/walk.h"
#include "core/index/writer.h"

#include <xapian.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace a6kb {

// What became of one file on an extraction thread.
struct Outcome {
    enum Kind { unchanged, unchanged_skip, skip, records } kind = skip;
    std::string hash;
    std::string reason;       // skip, unchanged_skip: why
    std::vector<Built> recs;  // records: what it gave
    uint64_t bytes = 0;       // read from the file
    uint64_t text_bytes = 0;  // extracted text of its records
};

// Turns files[i] into an Outcome. One term generator and, unless
// options.extract_worker is empty, one PDF child process per thread, the
// child started when its thread first meets a PDF. Safe to call at once
// from different `worker` numbers in [0, jobs); the inputs must outlive it
// and not change meanwhile.
class Extraction {
public:
    Extraction(const IndexOptions& options, unsigned jobs, const std::vector<FileEntry>& files,
               const FileStates& states, const Catalogs& catalogs, const Taxonomy& taxonomy);

    Outcome operator()(size_t i, unsigned worker);

private:
    void build(const FileEntry& f, const Extracted& extracted, unsigned worker, Outcome& o);

    const IndexOptions& options_;
    const std::vector<FileEntry>& files_;
    const FileStates& states_;
    const Catalogs& catalogs_;
    const Taxonomy& taxonomy_;
    std::vector<Xapian::TermGenerator> generators_;
    std::vector<std::unique_ptr<ExtractWorker>> children_;
};

// The extraction threads for these options: options.jobs, or every core.
unsigned extraction_jobs(const IndexOptions& options);

// How far the extraction threads may run ahead of the writer: one batch
// (at least 4 files a thread, at most 512 files, for memory).
size_t extraction_window(size_t batch_files, unsigned jobs);

// Runs `process(i, worker)` for i in [0, n) on `jobs` threads and hands the
// results to `consume` in order, at most `window` ahead of the consumer, on
// the calling thread. An exception from `process` is a skip of that file
// ("internal error: ..."); one from `consume` stops the workers and leaves.
void ordered_parallel(size_t n, unsigned jobs, size_t window, const std::function<Outcome(size_t, unsigned)>& process,
                      const std::function<void(size_t, Outcome)>& consume);

}  // namespace a6kb
