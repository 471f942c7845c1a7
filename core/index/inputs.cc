// SPDX-License-Identifier: Apache-2.0
#include "core/index/inputs.h"

#include "core/index/file_state.h"
#include "core/index/infer.h"
#include "core/model/errors.h"
#include "core/model/schema.h"

namespace a6kb {

namespace fs = std::filesystem;

RunTaxonomy load_run_taxonomy(const IndexOptions& options) {
    fs::path path = resolve_taxonomy(options);
    if (path.empty() || !fs::exists(path))
        throw UserError("no_taxonomy", "taxonomy file not found" +
                                           (path.empty() ? std::string() : ": " + path.string()) +
                                           " (give --taxonomy FILE)");
    path = fs::canonical(path);
    RunTaxonomy run{path, Taxonomy::load(path), {}, {}, {}};
    std::string why;
    read_bytes(path, run.xml, why);
    const fs::path variants = path.parent_path() / "variants.txt";
    if (std::error_code ec; fs::exists(variants, ec) && read_bytes(variants, run.variants_text, why))
        run.variants = Variants::parse(run.variants_text, variants.string());
    return run;
}

Catalogs load_catalogs(const std::vector<FileEntry>& files, const RunTaxonomy& taxonomy, uint64_t& bytes_read,
                       const SkipFn& skip) {
    Catalogs out;
    std::string inputs = "schema=" + std::to_string(schema::SCHEMA_VERSION) + ";taxonomy=" + hash_hex(taxonomy.xml) +
                         ";programmes=" + hash_hex(taxonomy.taxonomy.programmes().xml());
    for (const auto& c : files) {
        LoadedCatalog lc{c, {}, std::nullopt};
        std::string bytes, why;
        if (!read_bytes(c.abs, bytes, why)) {
            skip(c.source, why);
            out.loaded.push_back(std::move(lc));
            continue;
        }
        lc.hash = hash_hex(bytes);
        bytes_read += bytes.size();
        inputs += ";" + c.abs.string() + "=" + lc.hash;
        try {
            lc.catalog = load_catalog(c.abs, taxonomy.taxonomy);
        } catch (const UserError& e) {
            skip(c.source, e.what());
        }
        out.loaded.push_back(std::move(lc));
    }
    for (const auto& lc : out.loaded)
        if (lc.catalog)
            for (const auto& e : lc.catalog->entries)
                if (!e.file.empty()) out.meta_by_file[e.file.string()] = &e;
    out.inputs_hash = hash_hex(inputs);
    return out;
}

void gather_catalog_records(Catalogs& catalogs, const Taxonomy& taxonomy, const SkipFn& skip) {
    for (const auto& lc : catalogs.loaded) {
        catalogs.keys.insert(lc.entry.key);
        if (!lc.catalog) continue;
        for (const auto& e : lc.catalog->entries) {
            if (!e.file.empty()) continue;
            Record r = record_from_catalog(e, lc.entry.source, taxonomy);
            classify(r, taxonomy);
            derive_programme(r, taxonomy);
            std::string id = r.id;
            if (auto dup = catalogs.records.find(id); dup != catalogs.records.end()) {
                skip(lc.entry.source, e.where + ": record id '" + id + "' is already given by " +
                                          dup->second.record.sources.front() + "; this one is left out");
                continue;
            }
            catalogs.records[id] = {std::move(r), e.meta, lc.entry.key};
        }
    }
}

}  // namespace a6kb
