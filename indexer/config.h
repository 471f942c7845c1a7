// SPDX-License-Identifier: Apache-2.0
// a6kb-indexer's configuration: defaults, then an optional config file
// (`--config FILE`, `key = value` lines named as the long flags), then
// A6KB_* environment variables, then flags; validated once. A bad value
// exits with the reason and the usage (status 2).
#pragma once

#include "core/index/indexer.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace a6kb {

struct IndexerConfig {
    IndexOptions index;       // db, taxonomy, paths, and every tuning flag
    std::string report_file;  // --report: the summary and skips as JSON
    bool check = false;       // --check: check the corpus, write no index
    std::vector<std::string> texts;  // --texts: official decision texts the provisions are checked against
    bool strict = false;      // --strict: exit 3 if anything was skipped
    bool quiet = false;
    bool verbose = false;
};

// Parses argv into `config`. Returns -1 to go on, or an exit status (0 after
// --help, 2 on a bad value) after printing the help to `out` or the reason
// and the usage to `err`. Without --in-process, PDFs are to be extracted by
// this executable (/proc/self/exe, else argv[0]) started as a child.
int parse_index_config(int argc, const char* const* argv, IndexerConfig& config, std::ostream& out,
                       std::ostream& err);
int parse_index_config(int argc, const char* const* argv, IndexerConfig& config);

}  // namespace a6kb
