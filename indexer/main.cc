// SPDX-License-Identifier: Apache-2.0
// a6kb-indexer: flags -> IndexerConfig -> run_index (or check_corpus) ->
// summary and exit status: 0 indexed (skips allowed), 1 index error, 2 bad
// usage or taxonomy, 3 --strict and something skipped (or --check found a
// problem).
#include "core/extract/worker.h"
#include "core/index/check.h"
#include "core/index/indexer.h"
#include "core/model/errors.h"
#include "core/model/log.h"
#include "indexer/config.h"

#include <nlohmann/json.hpp>
#include <xapian.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string_view>
#include <unistd.h>

namespace {

namespace log = a6kb::log;

std::string human_bytes(double b) {
    const char* units[] = {"B", "KB", "MB", "GB"};
    int u = 0;
    while (b >= 1024 && u < 3) { b /= 1024; ++u; }
    char buf[32];
    std::snprintf(buf, sizeof buf, u ? "%.1f %s" : "%.0f %s", b, units[u]);
    return buf;
}

int check(const a6kb::IndexerConfig& config) {
    try {
        std::vector<std::filesystem::path> texts(config.texts.begin(), config.texts.end());
        auto r = a6kb::check_corpus(config.index, texts);
        for (const auto& p : r.problems) std::fprintf(stderr, "problem %s\n", p.c_str());
        std::fprintf(stderr, "checked catalogs=%zu records=%zu documents=%zu provisions=%zu%s problems=%zu\n", r.catalogs,
                     r.records, r.documents, r.provisions,
                     texts.empty() ? "" : (" resolved=" + std::to_string(r.resolved)).c_str(), r.problems.size());
        return r.problems.empty() ? 0 : 3;
    } catch (const a6kb::UserError& e) {
        std::fprintf(stderr, "error %s\n", e.what());
        return 2;
    }
}

void print_summary(const a6kb::IndexReport& report, const a6kb::IndexerConfig& config) {
    std::fprintf(stderr, "%s\n",
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
                                         {"db", config.index.db.string()}})
                     .c_str());
}

// One run with a progress line on a terminal, then the summary and the report file.
int index(const a6kb::IndexerConfig& config) {
    const bool tty = isatty(STDERR_FILENO) && !config.quiet;
    auto on_skip = [&](const a6kb::Skip& s) {
        if (tty) std::fputs("\r\033[K", stderr);
        if (!config.quiet)
            std::fprintf(stderr, "%s\n", log::format("skip", {{"path", s.path}, {"reason", s.reason}}).c_str());
    };
    auto on_progress = [&](const a6kb::Progress& p) {
        if (!tty) return;
        double secs = std::chrono::duration<double>(p.elapsed).count();
        double rate = secs > 0 ? p.bytes_done / secs : 0;
        double eta = rate > 0 ? (p.bytes_total - p.bytes_done) / rate : 0;
        std::fprintf(stderr, "\r\033[K%zu/%zu files  %s/s  ETA %.0fs", p.done, p.total, human_bytes(rate).c_str(), eta);
    };
    auto report = a6kb::run_index(config.index, on_skip, on_progress);
    if (tty) std::fputs("\r\033[K", stderr);
    if (!config.quiet) print_summary(report, config);
    if (!config.report_file.empty()) {
        std::ofstream out(config.report_file);
        out << report.to_json().dump(2) << '\n';
        if (!out) {
            log::error("report_not_written", {{"file", config.report_file}});
            return 1;
        }
    }
    return config.strict && report.skipped ? 3 : 0;
}

}  // namespace

int main(int argc, char** argv) {
    // The PDF extraction child (see core/extract/worker.h): started by this
    // program itself, never by people.
    if (argc >= 2 && std::string_view(argv[1]) == "--extract-worker")
        return a6kb::run_extract_worker(argc >= 3 ? std::strtoull(argv[2], nullptr, 10) : 0);
    std::signal(SIGPIPE, SIG_IGN);
    a6kb::IndexerConfig config;
    if (int status = a6kb::parse_index_config(argc, argv, config); status >= 0) return status;
    if (config.check) return check(config);
    log::set_level(config.verbose ? log::Level::debug : config.quiet ? log::Level::warn : log::Level::info);
    try {
        return index(config);
    } catch (const a6kb::UserError& e) {
        log::error("error", {{"code", e.code()}, {"message", e.what()}});
        return 2;
    } catch (const Xapian::DatabaseLockError& e) {
        log::error("index_locked", {{"db", config.index.db.string()},
                                    {"message", "another a6kb-indexer is writing this index; wait for it to finish"}});
        return 1;
    } catch (const Xapian::Error& e) {
        log::error("index_error", {{"db", config.index.db.string()}, {"message", e.get_description()}});
        return 1;
    } catch (const std::exception& e) {
        log::error("fatal", {{"message", e.what()}});
        return 1;
    }
}
