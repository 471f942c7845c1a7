// SPDX-License-Identifier: Apache-2.0
// Catalog files (`*.catalog.xml`): explicit metadata for files, and records
// of their own with no file at all. Format: docs/corpus.md. Explicit
// metadata wins over everything the indexer infers.
#pragma once

#include "core/model/record.h"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace a6kb {

class Taxonomy;

// Field name -> values, as written (catalog elements, Markdown front matter).
using Metadata = std::map<std::string, std::vector<std::string>>;

struct CatalogEntry {
    Metadata meta;
    std::filesystem::path file;   // absolute path of the described file; empty for a stand-alone record
    std::string where;            // "catalog.xml:12", for messages
};

struct Catalog {
    std::filesystem::path path;
    std::vector<CatalogEntry> entries;
};

// Throws UserError("bad_catalog", "FILE:LINE: reason") at the first problem;
// with `problems`, records every problem there instead, leaves out the
// records that have one, and throws only when the file cannot be parsed.
Catalog load_catalog(const std::filesystem::path& file, const Taxonomy& taxonomy,
                     std::vector<std::string>* problems = nullptr);

bool is_catalog_file(const std::filesystem::path& p);

// Applies explicit metadata to a record, replacing what inference found for
// every field the metadata names. Facet values may be concept ids, labels or
// alternative labels; they are stored as concept ids. Returns an error
// message (naming the field and value) or empty on success.
std::string apply_metadata(Record& record, const Metadata& meta, const Taxonomy& taxonomy);

// The record a stand-alone catalog entry describes (no file text).
// `source` is the catalog file relative to its corpus root.
Record record_from_catalog(const CatalogEntry& entry, const std::string& source, const Taxonomy& taxonomy);

}  // namespace a6kb
