// SPDX-License-Identifier: Apache-2.0
#include "core/index/walk.h"

#include "core/index/catalog.h"
#include "core/model/errors.h"
#include "core/model/schema.h"

#include <algorithm>
#include <set>

namespace a6kb {

namespace fs = std::filesystem;

namespace {

bool hidden(const fs::path& p) {
    auto name = p.filename().string();
    return !name.empty() && name[0] == '.';
}

// Why the symbolic link `link` is not followed; empty when it leads to a file.
std::string link_problem(const fs::path& link) {
    std::error_code ec;
    auto target = fs::status(link, ec);
    if (ec == std::errc::too_many_symbolic_link_levels) return "symbolic link loop";
    if (target.type() == fs::file_type::not_found) return "broken symbolic link: its target does not exist";
    if (target.type() == fs::file_type::directory)
        return "symbolic link to a folder: not followed (give that folder as a path of its own)";
    return "";
}

// The files found under one given path, and every file listed so far.
struct Listing {
    const fs::path& taxonomy;
    const SkipFn& skip;
    std::set<std::string> listed;
    std::vector<FileEntry> found;

    void add(const fs::path& abs, const std::string& rel) {
        // The taxonomy and the spelling variants and programmes beside it are data, not documents.
        if (abs == taxonomy || abs == taxonomy.parent_path() / "variants.txt" ||
            abs == taxonomy.parent_path() / "programmes.xml" || !listed.insert(abs.string()).second)
            return;
        FileEntry f{abs, rel, schema::exact_term(schema::SOURCE, abs.string()), 0};
        std::error_code ec;
        f.size = fs::file_size(abs, ec);
        found.push_back(std::move(f));
    }

    void folder(const fs::path& root) {
        std::error_code ec;
        fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
        if (ec) throw UserError("unreadable_path", "cannot read folder " + root.string() + ": " + ec.message());
        for (; it != end; it.increment(ec)) {
            if (ec) {
                skip(it->path().string(), "unreadable folder: " + ec.message());
                ec.clear();
                continue;
            }
            if (hidden(it->path())) {
                if (it->is_directory()) it.disable_recursion_pending();
                continue;
            }
            std::error_code fec;
            if (it->is_symlink(fec)) {
                if (auto why = link_problem(it->path()); !why.empty()) {
                    skip(it->path().lexically_relative(root).string(), why);
                    continue;
                }
            }
            if (!it->is_regular_file(fec)) continue;
            add(fs::canonical(it->path(), fec), fs::relative(it->path(), root).string());
        }
    }
};

}  // namespace

Walk walk_paths(const std::vector<fs::path>& paths, const fs::path& taxonomy, const SkipFn& skip) {
    Walk walk;
    Listing listing{taxonomy, skip, {}, {}};
    for (const auto& given : paths) {
        std::error_code ec;
        if (!fs::exists(given, ec)) throw UserError("no_such_path", "no such file or folder: " + given.string());
        fs::path root = fs::canonical(given);
        walk.roots.push_back(root);
        listing.found.clear();
        if (fs::is_directory(root)) listing.folder(root);
        else listing.add(root, root.filename().string());
        auto& found = listing.found;
        std::sort(found.begin(), found.end(), [](const FileEntry& a, const FileEntry& b) { return a.source < b.source; });
        for (auto& f : found) (is_catalog_file(f.abs) ? walk.catalogs : walk.files).push_back(std::move(f));
    }
    return walk;
}

bool under(const fs::path& file, const fs::path& root) {
    auto f = file.string(), r = root.string();
    if (f == r) return true;
    if (!r.empty() && r.back() != '/') r += '/';
    return f.compare(0, r.size(), r) == 0;
}

}  // namespace a6kb
