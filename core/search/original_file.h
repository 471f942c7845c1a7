// SPDX-License-Identifier: Apache-2.0
// The file a record was indexed from, found by the record's id only: its
// source terms name file states (user metadata a6kb:file:<source term>,
// written by the indexer) that hold the absolute path and the content hash.
// No path ever comes from outside the index.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>

namespace a6kb {

struct OriginalFile {
    enum class Status {
        found,      // path names the file as indexed
        no_record,  // no record has this id
        no_file,    // the record comes from a catalog only (it has its official address)
        gone,       // the file is no longer where it was indexed from
        changed,    // the file is there but its content is not what was indexed
    };
    Status status = Status::no_record;
    std::string path;        // absolute, as the indexer stored it
    std::string source;      // as shown (relative to the corpus folder)
    std::string name;        // the file's name, for Content-Disposition
    std::string media_type;  // of the record's main source
    std::uint64_t size = 0;  // bytes, when found
};

// Looks the file of record `id` up and checks it. Cost: a few index reads,
// then one pass over the file's bytes to compare its hash (XXH3-128, as the
// indexer computed it): about 0.2 ms a megabyte from the page cache.
OriginalFile original_file(const Xapian::Database& db, const std::string& id);

}  // namespace a6kb
