// SPDX-License-Identifier: Apache-2.0
// The inputs every file of a run is indexed with: the taxonomy and the
// catalogs. Both are small and read on every run. Their hashes, with the
// schema version, are the run's fingerprint: a file last indexed with a
// different fingerprint is extracted again (core/index/file_state.h).
#pragma once

#include "core/index/catalog.h"
#include "core/index/indexer.h"
#include "core/index/walk.h"
#include "core/model/taxonomy.h"
#include "core/model/variants.h"

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace a6kb {

struct RunTaxonomy {
    std::filesystem::path path;  // canonical
    Taxonomy taxonomy;
    std::string xml;             // as read, stored in the index at the end of the run
    Variants variants;           // variants.txt beside the taxonomy file, when there is one
    std::string variants_text;   // as read (empty without the file)
};

// Resolves (resolve_taxonomy) and loads the run's taxonomy, and the spelling
// variants beside it (variants.txt in the same folder, optional). Throws
// UserError when there is no taxonomy or either file does not parse.
RunTaxonomy load_run_taxonomy(const IndexOptions& options);

struct LoadedCatalog {
    FileEntry entry;
    std::string hash;               // empty: unreadable
    std::optional<Catalog> catalog; // empty: unreadable or bad (a skip); its records stay as they were
};

// A stand-alone catalog record (no file) by id, with its catalog's metadata and key.
struct CatalogRecord {
    Record record;
    Metadata meta;
    std::string key;
};

struct Catalogs {
    std::vector<LoadedCatalog> loaded;
    // Metadata for described files, by absolute path; points into `loaded`.
    std::map<std::string, const CatalogEntry*> meta_by_file;
    std::string inputs_hash;        // the run's fingerprint
    std::map<std::string, CatalogRecord> records;  // by id, from gather_catalog_records
    std::set<std::string> keys;     // source keys of every catalog file, readable or not
};

// Reads and parses the catalog files; a bad one is a skip. Adds the bytes
// read to `bytes_read`.
Catalogs load_catalogs(const std::vector<FileEntry>& files, const RunTaxonomy& taxonomy, uint64_t& bytes_read,
                       const SkipFn& skip);

// Fills `catalogs.records` (classified) and `catalogs.keys`. A record id given
// twice is a skip of the second; the first stays.
void gather_catalog_records(Catalogs& catalogs, const Taxonomy& taxonomy, const SkipFn& skip);

}  // namespace a6kb
