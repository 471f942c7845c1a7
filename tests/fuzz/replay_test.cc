// SPDX-License-Identifier: Apache-2.0
// Replays every fuzz seed and every saved regression input
// (tests/fuzz/regressions/TARGET/*) through the fuzz targets' entry points
// in a normal build, so `scripts/test` keeps what fuzzing found fixed.
#include "support.h"
#include "targets.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>

using namespace a6kb;
namespace fs = std::filesystem;

TEST_CASE("fuzz seeds and saved regressions replay cleanly", "[fuzz][replay]") {
    const fs::path regressions = fs::path(A6KB_FUZZ_DIR) / "regressions";
    size_t inputs = 0;
    for (const auto& target : fuzz::targets()) {
        std::vector<std::pair<std::string, std::string>> all = fuzz::seeds(target.name);
        REQUIRE(!all.empty());
        std::error_code ec;
        for (const auto& entry : fs::directory_iterator(regressions / std::string(target.name), ec))
            if (entry.is_regular_file()) all.emplace_back("regressions/" + entry.path().filename().string(), test::read_file(entry.path()));
        for (const auto& [name, bytes] : all) {
            INFO(target.name << " " << name);
            auto started = std::chrono::steady_clock::now();
            CHECK_NOTHROW(target.run(bytes));
            CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(10));
            ++inputs;
        }
    }
    // A folder of regressions is named after its target (a typo would hide it).
    for (const auto& entry : fs::directory_iterator(regressions)) {
        if (!entry.is_directory()) continue;
        INFO(entry.path());
        CHECK(fuzz::find_target(entry.path().filename().string()));
    }
    CHECK(inputs >= 40);
}
