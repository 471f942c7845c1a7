// SPDX-License-Identifier: Apache-2.0
#include "core/index/extraction.h"

#include "core/index/infer.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

namespace a6kb {

namespace fs = std::filesystem;

Extraction::Extraction(const IndexOptions& options, unsigned jobs, const std::vector<FileEntry>& files,
                       const FileStates& states, const Catalogs& catalogs, const Taxonomy& taxonomy)
    : options_(options), files_(files), states_(states), catalogs_(catalogs), taxonomy_(taxonomy) {
    for (unsigned t = 0; t < jobs; ++t) generators_.push_back(make_term_generator());
    for (unsigned t = 0; t < jobs; ++t)
        children_.push_back(options.extract_worker.empty()
                                ? nullptr
                                : std::make_unique<ExtractWorker>(options.extract_worker, options.extract_timeout_s,
                                                                  options.worker_memory));
}

Outcome Extraction::operator()(size_t i, unsigned worker) {
    const FileEntry& f = files_[i];
    Outcome o;
    std::error_code ec;
    uint64_t size = fs::file_size(f.abs, ec);
    if (ec) return {Outcome::skip, {}, "unreadable: " + ec.message(), {}, 0};
    if (size > options_.limits.max_file_size)
        return {Outcome::skip, {}, "too large: " + std::to_string(size) + " bytes, over the limit of " +
                                       std::to_string(options_.limits.max_file_size), {}, 0};
    std::string bytes, err;
    if (!read_bytes(f.abs, bytes, err)) return {Outcome::skip, {}, err, {}, 0};
    o.bytes = bytes.size();
    o.hash = hash_hex(bytes);
    if (const FileState* st = states_.find(f.key); st && states_.unchanged(*st, o.hash)) {
        o.kind = st->skip.empty() ? Outcome::unchanged : Outcome::unchanged_skip;
        o.reason = st->skip;
        return o;
    }
    std::string type = sniff_media_type(bytes, f.abs);
    if (auto why = not_a_document(bytes, f.abs, type); !why.empty()) {
        o.kind = Outcome::skip;
        o.reason = why;
        return o;
    }
    auto extracted = type == media::PDF && children_[worker] ? children_[worker]->extract(bytes, type)
                                                             : extract_bytes(bytes, type, options_.limits);
    if (!extracted.doc) {
        o.kind = Outcome::skip;
        o.reason = extracted.skip;
        return o;
    }
    build(f, *extracted.doc, worker, o);
    return o;
}

// The records an extracted file gives, each built into its document; or why
// it gives none.
void Extraction::build(const FileEntry& f, const Extracted& extracted, unsigned worker, Outcome& o) {
    auto meta = catalogs_.meta_by_file.find(f.abs.string());
    const bool described = meta != catalogs_.meta_by_file.end();
    auto inferred = infer_records(extracted, f.source, f.abs.filename().string(), taxonomy_,
                                  described ? &meta->second->meta : nullptr);
    if (!inferred.error.empty()) {
        o.kind = Outcome::skip;
        o.reason = inferred.error + (described ? " (" + meta->second->where + ")" : "");
        return;
    }
    o.kind = Outcome::records;
    for (auto& r : inferred.records) {
        default_family(r);
        r.latest = true;  // settled by mark_latest
        Built b{std::move(r), {}, {}};
        b.doc = to_document(b.record, {f.key}, generators_[worker], &taxonomy_);
        b.spelling = spelling_words(b.record, &taxonomy_);
        for (const auto& page : b.record.pages) o.text_bytes += page.size();
        o.recs.push_back(std::move(b));
    }
}

unsigned extraction_jobs(const IndexOptions& options) {
    return options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
}

// The window is one batch, so the workers keep extracting while the writer
// writes and commits a batch. (It is not bounded by text: files waiting in
// it hold their text and their built document, a few times less than a
// batch's pending postings.)
size_t extraction_window(size_t batch_files, unsigned jobs) {
    const size_t least = std::max<size_t>(16, jobs * 4);
    return std::clamp<size_t>(batch_files, least, std::max<size_t>(least, 512));
}

// The workers run at a lower scheduling priority than the consumer: when
// there are more threads than cores, the consumer (the single writer, the
// critical path) keeps its core and the workers fill what is left; with
// equal priorities the writer got about two thirds of a core (10k
// synthetic: 63-66 s at equal priority and a window of 16, 52-58 s with
// this and a window of one batch).
void ordered_parallel(size_t n, unsigned jobs, size_t window, const std::function<Outcome(size_t, unsigned)>& process,
                      const std::function<void(size_t, Outcome)>& consume) {
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

}  // namespace a6kb
