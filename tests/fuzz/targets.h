// SPDX-License-Identifier: Apache-2.0
// The fuzz targets' entry points, shared by the libFuzzer binaries
// (fuzz_main.cc, built with -DA6KB_FUZZ=ON) and the replay test that runs
// every seed and saved regression input through the same code in a normal
// build (replay_test.cc). An entry point takes any bytes; it returns when the
// code under test behaved, and throws Violation when it broke its contract
// (an exception escaping an extractor, invalid UTF-8 in extracted text, a
// Xapian error from a search). Crashes, hangs and leaks are the sanitizers'
// and libFuzzer's to find.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace a6kb::fuzz {

struct Violation : std::logic_error {
    using std::logic_error::logic_error;
};

struct Target {
    std::string_view name;  // also the folder name under tests/fuzz/regressions/
    std::string_view about;
    void (*run)(std::string_view input);
};

const std::vector<Target>& targets();
const Target* find_target(std::string_view name);

// Seed inputs for a target, made from the project's own fixtures: PDFs and
// Word files written by tests/unit/support.cc, small HTML, XML, Markdown and
// text files, the taxonomies, catalogs, queries. (name, bytes).
std::vector<std::pair<std::string, std::string>> seeds(std::string_view target);

}  // namespace a6kb::fuzz
