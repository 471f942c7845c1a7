// SPDX-License-Identifier: Apache-2.0
// a6kb-writefloor: how fast can Xapian itself write the documents a6kb makes?
//
// Loads up to --limit documents of an existing a6kb index into memory as
// stand-alone Xapian::Document objects (every term with its wdf and
// positions, every value slot, the document data), then writes them into
// fresh databases, committing every --batch documents as a6kb-indexer does,
// and times only the writing: no file is read, parsed or tokenised. Variants:
//   full        what a6kb-indexer writes (terms, positions, values, data)
//   no-data     the same without the document data (the stored text)
//   no-pos      the same without positions (no phrase search, no snippets)
//   terms-only  terms and wdf only
//   full-2      the full documents split over two databases written by two
//               threads at once (the ceiling of parallel shard writers on a
//               2-core machine)
// The result is the upper bound for any indexer built on one Xapian writer
// (or two), whatever it does before add_document. Prints one JSON object.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Variant {
    const char* name;
    bool positions;
    bool data;
};

Xapian::Document copy_of(const Xapian::Document& src, const Variant& v) {
    Xapian::Document doc;
    for (auto t = src.termlist_begin(); t != src.termlist_end(); ++t) {
        if (v.positions)
            for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) doc.add_posting(*t, *p, 0);
        doc.add_term(*t, t.get_wdf());
    }
    for (auto it = src.values_begin(); it != src.values_end(); ++it) doc.add_value(it.get_valueno(), *it);
    if (v.data) doc.set_data(src.get_data());
    return doc;
}

double cpu_seconds() {
    return static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
}

// Writes docs[first], docs[first + step], ... into a new database at `path`.
void write_all(const fs::path& path, const std::vector<Xapian::Document>& docs, size_t first, size_t step,
               size_t batch) {
    fs::remove_all(path);
    Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE);
    db.begin_transaction();
    size_t in_batch = 0;
    for (size_t i = first; i < docs.size(); i += step) {
        db.add_document(docs[i]);
        if (++in_batch == batch) {
            db.commit_transaction();
            db.begin_transaction();
            in_batch = 0;
        }
    }
    db.commit_transaction();
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"a6kb-writefloor: Xapian's own writing speed on the documents of an a6kb index"};
    std::string db_path, work;
    size_t limit = 5000, batch = 200;
    app.add_option("--db", db_path, "an a6kb index to take the documents from")->required()->check(CLI::ExistingDirectory);
    app.add_option("--work", work, "scratch folder for the databases written (removed afterwards)")->required();
    app.add_option("--limit", limit, "documents to load")->capture_default_str();
    app.add_option("--batch", batch, "documents per commit, as a6kb-indexer --batch")->capture_default_str();
    CLI11_PARSE(app, argc, argv);

    try {
        Xapian::Database src(db_path);
        const Variant variants[] = {{"full", true, true}, {"no-data", true, false}, {"no-pos", false, true}, {"terms-only", false, false}};
        nlohmann::json out = {{"db", db_path}, {"batch", batch}};
        std::vector<Xapian::docid> ids;
        for (auto it = src.postlist_begin(""); it != src.postlist_end("") && ids.size() < limit; ++it) ids.push_back(*it);
        out["documents"] = ids.size();
        fs::path scratch(work);
        fs::create_directories(scratch);

        std::vector<Xapian::Document> full;
        for (const auto& v : variants) {
            std::vector<Xapian::Document> docs;
            docs.reserve(ids.size());
            for (auto id : ids) docs.push_back(copy_of(src.get_document(id), v));
            auto t0 = Clock::now();
            double c0 = cpu_seconds();
            write_all(scratch / v.name, docs, 0, 1, batch);
            double wall = std::chrono::duration<double>(Clock::now() - t0).count();
            double cpu = cpu_seconds() - c0;
            out["variants"][v.name] = {{"seconds", wall}, {"cpu_seconds", cpu}, {"docs_per_s", ids.size() / wall},
                                       {"cpu_ms_per_doc", 1000 * cpu / std::max<size_t>(1, ids.size())}};
            std::fprintf(stderr, "a6kb-writefloor: %-10s %8.1f documents/s\n", v.name, ids.size() / wall);
            fs::remove_all(scratch / v.name);
            if (v.positions && v.data) full = std::move(docs);
        }

        auto t0 = Clock::now();
        double c0 = cpu_seconds();
        std::thread second([&] { write_all(scratch / "full-2b", full, 1, 2, batch); });
        write_all(scratch / "full-2a", full, 0, 2, batch);
        second.join();
        double wall = std::chrono::duration<double>(Clock::now() - t0).count();
        double cpu = cpu_seconds() - c0;
        out["variants"]["full-2"] = {{"seconds", wall}, {"cpu_seconds", cpu}, {"docs_per_s", ids.size() / wall},
                                     {"cpu_ms_per_doc", 1000 * cpu / std::max<size_t>(1, ids.size())}};
        std::fprintf(stderr, "a6kb-writefloor: %-10s %8.1f documents/s\n", "full-2", ids.size() / wall);
        fs::remove_all(scratch);
        std::printf("%s\n", out.dump(2).c_str());
    } catch (const Xapian::Error& e) {
        std::fprintf(stderr, "a6kb-writefloor: %s\n", e.get_description().c_str());
        return 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "a6kb-writefloor: %s\n", e.what());
        return 1;
    }
    return 0;
}
