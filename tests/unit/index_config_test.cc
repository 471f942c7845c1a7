// SPDX-License-Identifier: Apache-2.0
// a6kb-indexer's configuration, layer by layer: defaults, config file,
// A6KB_* environment, flags (each wins over the one before), and a bad
// value in any of them named in the error with the usage after it.
#include "indexer/config.h"
#include "support.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <map>
#include <optional>
#include <sstream>

using namespace a6kb;

namespace {

const char* const VARIABLES[] = {"A6KB_DB",    "A6KB_TAXONOMY", "A6KB_JOBS",    "A6KB_MAX_SIZE",
                                 "A6KB_BATCH", "A6KB_BATCH_MB", "A6KB_PDF_TIMEOUT"};

// Clears the indexer's variables for one test and sets the given ones;
// puts back what was there before.
class Environment {
public:
    explicit Environment(const std::map<std::string, std::string>& set = {}) {
        for (const char* name : VARIABLES) {
            if (const char* v = std::getenv(name)) saved_[name] = v;
            else saved_[name] = std::nullopt;
            unsetenv(name);
        }
        for (const auto& [name, value] : set) setenv(name.c_str(), value.c_str(), 1);
    }
    ~Environment() {
        for (const auto& [name, value] : saved_) {
            if (value) setenv(name.c_str(), value->c_str(), 1);
            else unsetenv(name.c_str());
        }
    }
    Environment(const Environment&) = delete;
    Environment& operator=(const Environment&) = delete;

private:
    std::map<std::string, std::optional<std::string>> saved_;
};

struct Parsed {
    int status = 0;
    IndexerConfig config;
    std::string out, err;
};

Parsed parse(const std::vector<std::string>& args) {
    std::vector<const char*> argv = {"a6kb-indexer"};
    for (const auto& a : args) argv.push_back(a.c_str());
    Parsed p;
    std::ostringstream out, err;
    p.status = parse_index_config(static_cast<int>(argv.size()), argv.data(), p.config, out, err);
    p.out = out.str();
    p.err = err.str();
    return p;
}

constexpr uint64_t MB = 1024 * 1024;

}  // namespace

TEST_CASE("index config: the defaults", "[index_config]") {
    Environment env;
    auto p = parse({"--db", "idx", "corpus"});
    REQUIRE(p.status == -1);
    const IndexOptions& o = p.config.index;
    CHECK(o.db == "idx");
    CHECK(o.paths == std::vector<std::filesystem::path>{"corpus"});
    CHECK(o.taxonomy.empty());
    CHECK_FALSE(o.full);
    CHECK(o.jobs == 0);
    CHECK(o.batch_files == 500);
    CHECK(o.batch_text_bytes == 4 * MB);
    CHECK(o.limits.max_file_size == 100 * MB);
    CHECK(o.extract_timeout_s == 120);
    CHECK_FALSE(o.extract_worker.empty());  // PDFs in a child process unless --in-process
    CHECK(p.config.report_file.empty());
    CHECK_FALSE(p.config.check);
    CHECK_FALSE(p.config.strict);
    CHECK_FALSE(p.config.quiet);
    CHECK(p.err.empty());
}

TEST_CASE("index config: flags, in the core's units", "[index_config]") {
    Environment env;
    auto p = parse({"--db", "idx", "--full", "-j", "3", "--batch", "20", "--batch-mb", "0.5", "--max-size", "2",
                    "--pdf-timeout", "30", "--in-process", "--strict", "--report", "r.json", "-q", "a", "b"});
    REQUIRE(p.status == -1);
    const IndexOptions& o = p.config.index;
    CHECK(o.full);
    CHECK(o.jobs == 3);
    CHECK(o.batch_files == 20);
    CHECK(o.batch_text_bytes == MB / 2);
    CHECK(o.limits.max_file_size == 2 * MB);
    CHECK(o.extract_timeout_s == 30);
    CHECK(o.extract_worker.empty());
    CHECK(o.paths == std::vector<std::filesystem::path>{"a", "b"});
    CHECK(p.config.strict);
    CHECK(p.config.quiet);
    CHECK(p.config.report_file == "r.json");
}

TEST_CASE("index config: file, then environment, then flags", "[index_config]") {
    test::TempDir dir;
    const auto file = (dir / "indexer.ini").string();
    test::write_file(file, "db = from-file\njobs = 3\nbatch = 7\nbatch-mb = 8\nfull = true\n");

    SECTION("the file fills what nothing else gives") {
        Environment env;
        auto p = parse({"--config", file, "corpus"});
        REQUIRE(p.status == -1);
        CHECK(p.config.index.db == "from-file");
        CHECK(p.config.index.jobs == 3);
        CHECK(p.config.index.batch_files == 7);
        CHECK(p.config.index.batch_text_bytes == 8 * MB);
        CHECK(p.config.index.full);
    }
    SECTION("the environment wins over the file") {
        Environment env({{"A6KB_JOBS", "5"}, {"A6KB_DB", "from-env"}});
        auto p = parse({"--config", file, "corpus"});
        REQUIRE(p.status == -1);
        CHECK(p.config.index.jobs == 5);
        CHECK(p.config.index.db == "from-env");
        CHECK(p.config.index.batch_files == 7);  // still from the file
    }
    SECTION("flags win over the environment and the file") {
        Environment env({{"A6KB_JOBS", "5"}, {"A6KB_BATCH_MB", "2"}});
        auto p = parse({"--config", file, "--jobs", "6", "--db", "from-flag", "corpus"});
        REQUIRE(p.status == -1);
        CHECK(p.config.index.jobs == 6);
        CHECK(p.config.index.db == "from-flag");
        CHECK(p.config.index.batch_text_bytes == 2 * MB);  // the environment's, over the file's
    }
}

TEST_CASE("index config: a bad value exits 2 naming it, with the usage", "[index_config]") {
    SECTION("a flag") {
        Environment env;
        auto p = parse({"--db", "idx", "--jobs", "0", "corpus"});
        CHECK(p.status == 2);
        CHECK_THAT(p.err, Catch::Contains("--jobs") && Catch::Contains("Usage:"));
    }
    SECTION("an environment variable") {
        Environment env({{"A6KB_BATCH_MB", "lots"}, {"A6KB_JOBS", "2"}});
        auto p = parse({"--db", "idx", "corpus"});
        CHECK(p.status == 2);
        CHECK_THAT(p.err, Catch::Contains("--batch-mb") && Catch::Contains("A6KB_BATCH_MB=lots"));
    }
    SECTION("a config file") {
        Environment env;
        test::TempDir dir;
        test::write_file(dir / "bad.ini", "batch = 0\n");
        auto p = parse({"--config", (dir / "bad.ini").string(), "--db", "idx", "corpus"});
        CHECK(p.status == 2);
        CHECK_THAT(p.err, Catch::Contains("--batch"));
    }
    SECTION("a taxonomy that does not exist") {
        Environment env;
        auto p = parse({"--db", "idx", "--taxonomy", "/nonexistent/taxonomy.xml", "corpus"});
        CHECK(p.status == 2);
        CHECK_THAT(p.err, Catch::Contains("--taxonomy"));
    }
    SECTION("no --db, unless --check") {
        Environment env;
        auto p = parse({"corpus"});
        CHECK(p.status == 2);
        CHECK_THAT(p.err, Catch::Contains("--db is required") && Catch::Contains("Usage:"));
        CHECK(parse({"--check", "corpus"}).status == -1);
    }
    SECTION("no PATH") {
        Environment env;
        auto p = parse({"--db", "idx"});
        CHECK(p.status == 2);
        CHECK_THAT(p.err, Catch::Contains("PATH"));
    }
}

TEST_CASE("index config: --help prints the usage and exits 0", "[index_config]") {
    Environment env;
    auto p = parse({"--help"});
    CHECK(p.status == 0);
    CHECK_THAT(p.out, Catch::Contains("--batch-mb") && Catch::Contains("A6KB_JOBS"));
}
