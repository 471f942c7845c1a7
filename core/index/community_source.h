// SPDX-License-Identifier: Apache-2.0
// The community database as one more source of the indexer: its approved
// contributions (searchd/community_store.h writes them) become records of
// the existing kinds, each the stand-alone catalog record it would be if
// someone had typed it into a catalog file, through the same code
// (record_from_catalog, Writer::write_catalog).
//
// - question  -> lab-question: asked-by = its groups, group = to_groups,
//                status open, or answered once an answer is approved (its
//                answers' text is part of the question's text); symbol
//                A6KB-Q<id>, so its answers cite it
// - answer    -> lab-answer, citing its question's symbol
// - outcome   -> lab-outcome, pledge -> pledge, challenge -> challenge,
//                resource -> capacity-building-material (its address in
//                the text, with its host, not as the record's official link)
// Each cites its lab's symbol when it names one (so the labs page finds it).
//
// Incremental: each contribution is a source of its own (key
// "community:<id>") whose state holds a hash of the metadata it gave, so a
// run rewrites only what changed, and removes what is no longer approved.
// The database is opened read-only: indexing never writes it.
#pragma once

#include "core/index/catalog.h"
#include "core/index/indexer.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace a6kb {

class FileStates;
class Writer;
struct CatalogRecord;

struct CommunityEntry {
    int64_t id = 0;
    std::string key;     // the source term
    std::string source;  // "community/<id>", as shown
    std::string hash;    // of the metadata
    CatalogEntry entry;  // the record's metadata
};

// Every approved contribution, in id order. Throws UserError
// ("community_db") when the file cannot be opened or read.
std::vector<CommunityEntry> read_community(const std::filesystem::path& file);

// Writes the entries that changed since their last state, and removes the
// records of contributions that are no longer approved; in the writer's
// open transaction. Counts in `report` (added, changed, unchanged, vanished).
void write_community(const std::vector<CommunityEntry>& entries, Writer& writer, FileStates& states,
                     const Taxonomy& taxonomy, IndexReport& report);

// A run over the community database alone (searchd calls it after a
// moderation): the index's own taxonomy and fingerprint, one transaction.
// Waits for the index's write lock (another writer: the indexer) up to
// `lock_wait_s` seconds, then throws Xapian::DatabaseLockError.
IndexReport run_community_index(const std::filesystem::path& db, const std::filesystem::path& community,
                                double lock_wait_s);

// Opens the index for writing, retrying while another writer holds its
// lock, for up to `wait_s` seconds (0: once).
Xapian::WritableDatabase open_for_writing(const std::filesystem::path& db, double wait_s);

}  // namespace a6kb
