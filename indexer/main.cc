// SPDX-License-Identifier: Apache-2.0
// a6kb-indexer: flags -> IndexOptions -> run_index -> summary.
#include "core/index/check.h"
#include "core/model/errors.h"
#include "core/extract/worker.h"
#include "core/index/indexer.h"
#include "core/model/log.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string_view>
#include <unistd.h>

namespace {

std::string human_bytes(double b) {
    const char* units[] = {"B", "KB", "MB", "GB"};
    int u = 0;
    while (b >= 1024 && u < 3) { b /= 1024; ++u; }
    char buf[32];
    std::snprintf(buf, sizeof buf, u ? "%.1f %s" : "%.0f %s", b, units[u]);
    return buf;
}

}  // namespace

int main(int argc, char** argv) {
    // The PDF extraction child (see core/extract/worker.h): started by this
    // program itself, never by people.
    if (argc >= 2 && std::string_view(argv[1]) == "--extract-worker")
        return a6kb::run_extract_worker(argc >= 3 ? std::strtoull(argv[2], nullptr, 10) : 0);
    std::signal(SIGPIPE, SIG_IGN);
    a6kb::IndexOptions options;
    std::string report_file;
    bool strict = false, quiet = false, verbose = false;
    double max_size_mb = 100;
    std::vector<std::string> paths;

    CLI::App app{"a6kb-indexer: index Article 6 documents (PDF, Word, HTML, XML, Markdown, text) and catalog files "
                 "into a Xapian database. Unchanged files are skipped; vanished ones are removed."};
    auto* db_opt = app.add_option("--db", options.db, "index folder (created if missing)")->envname("A6KB_DB");
    app.add_option("--taxonomy", options.taxonomy,
                   "taxonomy file (default: taxonomy.xml at the root of a PATH folder, else the shipped corpus one in DATADIR/a6kb/corpus)")
        ->envname("A6KB_TAXONOMY")->check(CLI::ExistingFile);
    app.add_flag("--full", options.full, "re-extract every file, even unchanged ones");
    app.add_option("--jobs,-j", options.jobs, "extraction threads (default: all cores)")->check(CLI::Range(1u, 256u));
    app.add_option("--report", report_file, "write the run's summary and skips as JSON to this file");
    app.add_flag("--strict", strict, "exit with status 3 if any file was skipped");
    bool check = false;
    app.add_flag("--check", check, "only check the taxonomy, catalogs and front matter (no index written; "
                                   "--db is then optional); exit 3 on any problem");
    app.add_flag("--quiet,-q", quiet, "print only errors and skips");
    app.add_flag("--verbose,-v", verbose, "print debug lines");
    app.add_option("--max-size", max_size_mb, "largest file to read, in MB")->check(CLI::Range(0.001, 1e6))->capture_default_str();
    bool in_process = false;
    app.add_flag("--in-process", in_process, "extract PDFs in this process (faster to start; a crash in the PDF "
                                             "library then ends the run)");
    app.add_option("--pdf-timeout", options.extract_timeout_s, "seconds one PDF may take before it is skipped")
        ->check(CLI::Range(1.0, 86400.0))->capture_default_str();
    app.add_option("--batch", options.batch_files, "commit after this many files at most")
        ->check(CLI::Range(1ul, 1000000ul))->capture_default_str();
    double batch_mb = double(options.batch_text_bytes) / (1 << 20);
    app.add_option("--batch-mb", batch_mb,
                   "commit after this much extracted text at most, in MB (peak memory: about 150 MB, plus "
                   "45 MB per MB of text in a batch)")->check(CLI::Range(0.001, 1e5))->capture_default_str();
    app.add_option("PATH", paths, "folders (read recursively) and files to index")->required();
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    }
    for (const auto& p : paths) options.paths.emplace_back(p);
    if (check) {
        try {
            auto r = a6kb::check_corpus(options);
            for (const auto& p : r.problems) std::fprintf(stderr, "problem %s\n", p.c_str());
            std::fprintf(stderr, "checked catalogs=%zu records=%zu documents=%zu problems=%zu\n", r.catalogs, r.records,
                         r.documents, r.problems.size());
            return r.problems.empty() ? 0 : 3;
        } catch (const a6kb::UserError& e) {
            std::fprintf(stderr, "error %s\n", e.what());
            return 2;
        }
    }
    if (db_opt->count() == 0 && options.db.empty()) {
        std::fprintf(stderr, "--db is required (or A6KB_DB)\n%s", app.help().c_str());
        return 2;
    }
    options.limits.max_file_size = static_cast<uint64_t>(max_size_mb * 1024 * 1024);
    options.batch_text_bytes = static_cast<uint64_t>(batch_mb * 1024 * 1024);
    if (!in_process) {
        std::error_code ec;
        auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
        options.extract_worker = ec ? std::string(argv[0]) : self.string();
    }
    namespace log = a6kb::log;
    log::set_level(verbose ? log::Level::debug : quiet ? log::Level::warn : log::Level::info);

    const bool tty = isatty(STDERR_FILENO) && !quiet;
    auto on_skip = [&](const a6kb::Skip& s) {
        if (tty) std::fputs("\r\033[K", stderr);
        if (!quiet) std::fprintf(stderr, "%s\n", log::format("skip", {{"path", s.path}, {"reason", s.reason}}).c_str());
    };
    auto on_progress = [&](const a6kb::Progress& p) {
        if (!tty) return;
        double secs = std::chrono::duration<double>(p.elapsed).count();
        double rate = secs > 0 ? p.bytes_done / secs : 0;
        double eta = rate > 0 ? (p.bytes_total - p.bytes_done) / rate : 0;
        std::fprintf(stderr, "\r\033[K%zu/%zu files  %s/s  ETA %.0fs", p.done, p.total, human_bytes(rate).c_str(), eta);
    };

    try {
        auto report = a6kb::run_index(options, on_skip, on_progress);
        if (tty) std::fputs("\r\033[K", stderr);
        if (!quiet) std::fprintf(stderr, "%s\n",
                     log::format("indexed", {{"files", std::to_string(report.files)},
                                             {"added", std::to_string(report.added)},
                                             {"changed", std::to_string(report.changed)},
                                             {"unchanged", std::to_string(report.unchanged)},
                                             {"vanished", std::to_string(report.vanished)},
                                             {"skipped", std::to_string(report.skipped)},
                                             {"records_written", std::to_string(report.records_written)},
                                             {"records_deleted", std::to_string(report.records_deleted)},
                                             {"documents", std::to_string(report.documents)},
                                             {"read", human_bytes(static_cast<double>(report.bytes))},
                                             {"seconds", std::to_string(report.seconds).substr(0, 5)},
                                             {"db", options.db.string()}})
                         .c_str());
        if (!report_file.empty()) {
            std::ofstream out(report_file);
            out << report.to_json().dump(2) << '\n';
            if (!out) {
                log::error("report_not_written", {{"file", report_file}});
                return 1;
            }
        }
        return strict && report.skipped ? 3 : 0;
    } catch (const a6kb::UserError& e) {
        log::error("error", {{"code", e.code()}, {"message", e.what()}});
        return 2;
    } catch (const Xapian::DatabaseLockError& e) {
        log::error("index_locked", {{"db", options.db.string()},
                                    {"message", "another a6kb-indexer is writing this index; wait for it to finish"}});
        return 1;
    } catch (const Xapian::Error& e) {
        log::error("index_error", {{"db", options.db.string()}, {"message", e.get_description()}});
        return 1;
    } catch (const std::exception& e) {
        log::error("fatal", {{"message", e.what()}});
        return 1;
    }
}
