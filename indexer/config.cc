// SPDX-License-Identifier: Apache-2.0
#include "indexer/config.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <vector>

namespace a6kb {

namespace {

// The values one parse collects before they are turned into IndexerConfig.
struct Raw {
    std::vector<std::string> paths;
    double max_size_mb = 100;
    double batch_mb = 0;
    bool in_process = false;
};

// Every option of a6kb-indexer, with its help text. An option with an
// envname may also come from the environment (applied by `environment`).
void add_options(CLI::App& app, IndexerConfig& c, Raw& raw) {
    IndexOptions& o = c.index;
    app.set_config("--config", "", "read options from this file (key = value lines, named as the flags)");
    app.add_option("--db", o.db, "index folder (created if missing)")->envname("A6KB_DB");
    app.add_option("--taxonomy", o.taxonomy,
                   "taxonomy file (default: taxonomy.xml at the root of a PATH folder, else the shipped corpus one in DATADIR/a6kb/corpus)")
        ->envname("A6KB_TAXONOMY")->check(CLI::ExistingFile);
    app.add_flag("--full", o.full, "re-extract every file, even unchanged ones");
    app.add_option("--jobs,-j", o.jobs, "extraction threads (default: all cores)")
        ->envname("A6KB_JOBS")->check(CLI::Range(1u, 256u));
    app.add_option("--report", c.report_file, "write the run's summary and skips as JSON to this file");
    app.add_flag("--strict", c.strict, "exit with status 3 if any file was skipped");
    app.add_flag("--check", c.check, "only check the taxonomy, catalogs and front matter (no index written; "
                                     "--db is then optional); exit 3 on any problem");
    app.add_option("--texts", c.texts, "with --check: folders or files of the official decision texts; each provision's "
                                       "citation is resolved to its paragraph there and checked (docs/corpus.md)")
        ->check(CLI::ExistingPath);
    app.add_flag("--quiet,-q", c.quiet, "print only errors and skips");
    app.add_flag("--verbose,-v", c.verbose, "print debug lines");
    app.add_option("--max-size", raw.max_size_mb, "largest file to read, in MB")
        ->envname("A6KB_MAX_SIZE")->check(CLI::Range(0.001, 1e6))->capture_default_str();
    app.add_flag("--in-process", raw.in_process, "extract PDFs in this process (faster to start; a crash in the PDF "
                                                 "library then ends the run)");
    app.add_option("--pdf-timeout", o.extract_timeout_s, "seconds one PDF may take before it is skipped")
        ->envname("A6KB_PDF_TIMEOUT")->check(CLI::Range(1.0, 86400.0))->capture_default_str();
    app.add_option("--batch", o.batch_files, "commit after this many files at most")
        ->envname("A6KB_BATCH")->check(CLI::Range(1ul, 1000000ul))->capture_default_str();
    raw.batch_mb = static_cast<double>(o.batch_text_bytes) / (1 << 20);
    app.add_option("--batch-mb", raw.batch_mb,
                   "commit after this much extracted text at most, in MB (peak memory: about 150 MB, plus "
                   "45 MB per MB of text in a batch)")
        ->envname("A6KB_BATCH_MB")->check(CLI::Range(0.001, 1e5))->capture_default_str();
    app.add_option("--community", o.community,
                   "also index the approved contributions of this community database (a6kb-searchd --community)")
        ->check(CLI::ExistingFile);  // no A6KB_COMMUNITY here: searchd's, which creates the file
    app.add_option("--lock-wait", o.lock_wait_s,
                   "seconds to wait for the index while another writer (searchd indexing a moderation) holds it")
        ->check(CLI::Range(0.0, 86400.0))->capture_default_str();
    app.add_option("PATH", raw.paths, "folders (read recursively) and files to index")->required();
    // A value given twice (environment, then flag) takes the last, so flags win.
    for (auto* opt : app.get_options())
        if (opt->get_expected_max() == 1) opt->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
}

// One option's value taken from the environment.
struct FromEnv {
    std::string flag, variable, value;
};

// The A6KB_* variables set for options of `app`. They are handed to CLI11
// as flags placed before the command line's own, so the command line wins
// and a config file fills only what neither gives (CLI11 alone would let
// the file win over the environment).
std::vector<FromEnv> environment(const CLI::App& app) {
    std::vector<FromEnv> found;
    for (const auto* opt : app.get_options()) {
        const std::string variable = opt->get_envname();
        const char* value = variable.empty() ? nullptr : std::getenv(variable.c_str());
        if (value && *value) found.push_back({"--" + opt->get_lnames().front(), variable, value});
    }
    return found;
}

// The reason, which environment variables gave the options it names, and the usage.
std::string failure(const CLI::App& app, const CLI::Error& e, const std::vector<FromEnv>& env) {
    std::string message = std::string(e.what()) + "\n";
    for (const auto& v : env)
        if (message.find(v.flag) != std::string::npos)
            message += "(" + v.flag + " was given by " + v.variable + "=" + v.value + ")\n";
    return message + app.help();
}

// Values that CLI11 holds in the units people type, in the units the core uses.
void finish(IndexerConfig& c, const Raw& raw, const char* argv0) {
    for (const auto& p : raw.paths) c.index.paths.emplace_back(p);
    c.index.limits.max_file_size = static_cast<uint64_t>(raw.max_size_mb * 1024 * 1024);
    c.index.batch_text_bytes = static_cast<uint64_t>(raw.batch_mb * 1024 * 1024);
    if (!raw.in_process) {
        std::error_code ec;
        auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
        c.index.extract_worker = ec ? std::string(argv0) : self.string();
    }
}

}  // namespace

int parse_index_config(int argc, const char* const* argv, IndexerConfig& c, std::ostream& out, std::ostream& err) {
    CLI::App app{"a6kb-indexer: index Article 6 documents (PDF, Word, HTML, XML, Markdown, text) and catalog files "
                 "into a Xapian database. Unchanged files are skipped; vanished ones are removed."};
    Raw raw;
    add_options(app, c, raw);
    const std::string argv0 = argc > 0 ? argv[0] : "a6kb-indexer";
    app.name(argv0);
    const auto env = environment(app);
    std::vector<std::string> args;
    for (const auto& v : env) args.push_back(v.flag + "=" + v.value);
    for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);
    std::reverse(args.begin(), args.end());  // CLI11 takes them last first
    app.failure_message([&env](const CLI::App* a, const CLI::Error& e) { return failure(*a, e, env); });
    try {
        app.parse(args);
    } catch (const CLI::ParseError& e) {
        return app.exit(e, out, err) == 0 ? 0 : 2;
    }
    if (!c.check && !c.texts.empty()) {
        err << "--texts goes with --check\n" << app.help();
        return 2;
    }
    if (!c.check && c.index.db.empty()) {
        err << "--db is required (or A6KB_DB)\n" << app.help();
        return 2;
    }
    finish(c, raw, argv0.c_str());
    return -1;
}

int parse_index_config(int argc, const char* const* argv, IndexerConfig& c) {
    return parse_index_config(argc, argv, c, std::cout, std::cerr);
}

}  // namespace a6kb
