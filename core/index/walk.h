// SPDX-License-Identifier: Apache-2.0
// The walk: which files one indexing run looks at. Folders are read
// recursively, hidden entries (a name starting with '.') left out; files are
// taken as given. Symbolic links are followed to files only: a loop, a link
// to nothing or to a folder is a skip with its reason, never silently left
// out. Cost: one directory read per folder and a stat or two per entry.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace a6kb {

// Called once for each file the run leaves out, with the reason.
using SkipFn = std::function<void(const std::string& path, const std::string& reason)>;

struct FileEntry {
    std::filesystem::path abs;  // canonical
    std::string source;         // relative to its root, for display and records
    std::string key;            // schema::SOURCE term: the file's key in the index
    uint64_t size = 0;          // at the walk, for progress only
};

struct Walk {
    std::vector<std::filesystem::path> roots;  // the given paths, canonical, in order
    std::vector<FileEntry> files;              // documents: by root, then by source
    std::vector<FileEntry> catalogs;           // catalog files, likewise
};

// Lists `paths`, leaving out the `taxonomy` file, the variants.txt beside it
// and files reached twice.
// Throws UserError when a path does not exist or a given folder cannot be
// read; an unreadable folder below it or a bad link is a call to `skip`.
Walk walk_paths(const std::vector<std::filesystem::path>& paths, const std::filesystem::path& taxonomy,
                const SkipFn& skip);

// Whether `file` is `root` or lies below it, by path (the file may be gone).
bool under(const std::filesystem::path& file, const std::filesystem::path& root);

}  // namespace a6kb
