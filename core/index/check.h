// SPDX-License-Identifier: Apache-2.0
// Checks a corpus without indexing it: the taxonomy, every catalog (all
// problems, not just the first), record ids and symbol+version pairs that
// occur twice across catalogs, catalog entries for files that do not exist,
// and Markdown front matter. Each problem names FILE:LINE and the reason.
#pragma once

#include "core/index/indexer.h"

#include <string>
#include <vector>

namespace a6kb {

struct CheckReport {
    size_t catalogs = 0;
    size_t records = 0;      // stand-alone catalog records
    size_t documents = 0;    // other files looked at (front matter)
    std::vector<std::string> problems;
};

// Uses options.paths and options.taxonomy (resolved as for indexing).
// Throws UserError when a path does not exist.
CheckReport check_corpus(const IndexOptions& options);

}  // namespace a6kb
