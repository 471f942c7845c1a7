// SPDX-License-Identifier: Apache-2.0
#include "core/index/check.h"

#include "core/index/catalog.h"
#include "core/index/check_provisions.h"
#include "core/model/errors.h"
#include "core/extract/extract.h"
#include "core/model/taxonomy.h"

#include <map>

namespace a6kb {

namespace fs = std::filesystem;

namespace {

// The files under the given paths, hidden entries left out, sorted.
std::vector<fs::path> files_of(const std::vector<fs::path>& paths) {
    std::vector<fs::path> files;
    for (const auto& given : paths) {
        std::error_code ec;
        if (!fs::exists(given, ec)) throw UserError("no_such_path", "no such file or folder: " + given.string());
        if (!fs::is_directory(given)) {
            files.push_back(given);
            continue;
        }
        for (auto it = fs::recursive_directory_iterator(given, fs::directory_options::skip_permission_denied, ec);
             it != fs::recursive_directory_iterator(); it.increment(ec)) {
            if (ec) break;
            if (it->path().filename().string().rfind('.', 0) == 0) {
                if (it->is_directory()) it.disable_recursion_pending();
                continue;
            }
            if (it->is_regular_file()) files.push_back(it->path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

CheckReport check_corpus(const IndexOptions& options, const std::vector<fs::path>& texts) {
    CheckReport report;
    fs::path taxonomy_path = resolve_taxonomy(options);
    Taxonomy taxonomy;
    try {
        taxonomy = Taxonomy::load(taxonomy_path);
    } catch (const UserError& e) {
        report.problems.push_back(e.what());
        return report;
    }
    const std::vector<fs::path> files = files_of(options.paths);

    std::map<std::string, std::string> seen_ids;  // id -> where
    std::vector<CheckedRecord> records;
    for (const auto& f : files) {
        if (fs::equivalent(f, taxonomy_path)) continue;
        if (f.filename() == "programmes.xml" && fs::equivalent(f.parent_path(), taxonomy_path.parent_path())) continue;
        if (is_catalog_file(f)) {
            ++report.catalogs;
            Catalog cat;
            try {
                cat = load_catalog(f, taxonomy, &report.problems);
            } catch (const UserError& e) {
                report.problems.push_back(e.what());
                continue;
            }
            for (const auto& e : cat.entries) {
                std::string where = (f.parent_path() / e.where).string();
                if (!e.file.empty()) {
                    std::error_code ec;
                    if (!fs::exists(e.file, ec))
                        report.problems.push_back(where + ": file '" + e.file.string() + "' does not exist");
                    continue;
                }
                ++report.records;
                Record r = record_from_catalog(e, "", taxonomy);
                auto [it, fresh] = seen_ids.emplace(r.id, where);
                if (!fresh)
                    report.problems.push_back(where + ": record id '" + r.id + "' (" +
                                              (r.symbols.empty() ? r.title : r.symbols.front() + (r.version.empty() ? "" : " version " + r.version)) +
                                              ") is already given at " + it->second);
                records.push_back({std::move(r), where});
            }
            continue;
        }
        ++report.documents;
        std::string ext = f.extension().string();
        if (ext != ".md" && ext != ".markdown") continue;
        auto x = extract_file(f, options.limits);
        if (!x.doc) {
            report.problems.push_back(f.string() + ": " + x.skip);
            continue;
        }
        Record probe;
        if (auto err = apply_metadata(probe, x.doc->meta, taxonomy); !err.empty())
            report.problems.push_back(f.string() + ": front matter: " + err);
    }
    auto provisions = check_provisions(records, texts, options.limits);
    report.provisions = provisions.provisions;
    report.resolved = provisions.resolved;
    report.problems.insert(report.problems.end(), provisions.problems.begin(), provisions.problems.end());
    return report;
}

}  // namespace a6kb
