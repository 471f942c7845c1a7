// SPDX-License-Identifier: Apache-2.0
// The rulebook's check (part of `a6kb-indexer --check`; docs/corpus.md,
// "How the check works"):
// - always, structurally: each provision has a citation in the set syntax
//   (core/model/provision.h) naming its own decision, an id made from its
//   decision and anchor, a decision that a record of the corpus holds,
//   at least one stakeholder group and one topic, text, and `refines`
//   targets that are provisions of the corpus;
// - with official texts (`--texts DIR`): each decision's text is found in
//   DIR (files holding "Decision S" headings, split as the indexer splits
//   them), cut into passages by the indexer's own cutter, and each citation
//   resolved to its paragraph's anchor; the paragraph must exist (with the
//   sub-paragraph, when cited), hold every figure the provision states and
//   share no run of more than MAX_SHARED_RUN words with it
//   (core/index/provision_text.h).
#pragma once

#include "core/extract/extract.h"
#include "core/model/record.h"

#include <filesystem>
#include <string>
#include <vector>

namespace a6kb {

struct CheckedRecord {
    Record record;
    std::string where;  // "path/file.catalog.xml:12"
};

struct ProvisionCheck {
    size_t provisions = 0;
    size_t resolved = 0;  // provisions whose paragraph was found in an official text
    std::vector<std::string> problems;
};

// `records`: every stand-alone record of the corpus (provisions and the
// decisions they cite). `texts`: folders or files of official texts; none
// for the structural check only. Cost: reads every file under `texts` once.
ProvisionCheck check_provisions(const std::vector<CheckedRecord>& records, const std::vector<std::filesystem::path>& texts,
                                const ExtractLimits& limits);

}  // namespace a6kb
