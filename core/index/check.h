// SPDX-License-Identifier: Apache-2.0
// Checks a corpus without indexing it: the taxonomy, every catalog (all
// problems, not just the first), record ids and symbol+version pairs that
// occur twice across catalogs, catalog entries for files that do not exist,
// Markdown front matter, and the rulebook's provisions
// (core/index/check_provisions.h), against the official texts when
// `texts` names them. Each problem names FILE:LINE and the reason.
#pragma once

#include "core/index/indexer.h"

#include <string>
#include <vector>

namespace a6kb {

struct CheckReport {
    size_t catalogs = 0;
    size_t records = 0;      // stand-alone catalog records
    size_t documents = 0;    // other files looked at (front matter)
    size_t provisions = 0;   // records of type provision
    size_t resolved = 0;     // provisions whose paragraph was found in the official texts
    std::vector<std::string> problems;
};

// Uses options.paths and options.taxonomy (resolved as for indexing).
// Throws UserError when a path does not exist.
// `texts`: folders or files of official decision texts (--texts); none: the
// provisions are checked structurally only.
CheckReport check_corpus(const IndexOptions& options, const std::vector<std::filesystem::path>& texts = {});

}  // namespace a6kb
