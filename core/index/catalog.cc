// SPDX-License-Identifier: Apache-2.0
#include "core/index/catalog.h"

#include "core/model/errors.h"
#include "core/model/symbols.h"
#include "core/model/taxonomy.h"
#include "core/model/text.h"

#include <pugixml.hpp>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

namespace a6kb {
namespace {

const std::set<std::string>& known_fields() {
    static const std::set<std::string> fields = {
        "id", "title", "symbol", "version", "family", "type", "mechanism", "group", "topic", "scope",
        "status", "date", "lang", "url", "summary", "cites", "text", "keywords", "asked-by"};
    return fields;
}

// Singular field name for the plural spellings people write in front matter.
std::string canonical_field(std::string name) {
    static const std::map<std::string, std::string> plural = {
        {"symbols", "symbol"}, {"mechanisms", "mechanism"}, {"groups", "group"}, {"topics", "topic"},
        {"scopes", "scope"}, {"references", "cites"}, {"language", "lang"}, {"description", "summary"},
        {"stakeholder", "group"}, {"stakeholders", "group"},
        {"asked-by", "asked_by"}, {"asked_by", "asked_by"}};
    auto it = plural.find(name);
    return it == plural.end() ? name : it->second;
}

size_t line_of(const std::string& xml, ptrdiff_t offset) {
    if (offset < 0) return 0;
    auto end = xml.begin() + std::min<ptrdiff_t>(offset, static_cast<ptrdiff_t>(xml.size()));
    return 1 + static_cast<size_t>(std::count(xml.begin(), end, '\n'));
}

}  // namespace

bool is_catalog_file(const std::filesystem::path& p) {
    std::string name = p.filename().string();
    const std::string suffix = ".catalog.xml";
    return name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
}

Catalog load_catalog(const std::filesystem::path& file, const Taxonomy& taxonomy, std::vector<std::string>* problems) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw UserError("bad_catalog", file.string() + ": cannot read the catalog file");
    std::stringstream ss;
    ss << in.rdbuf();
    std::string xml = ss.str();
    pugi::xml_document doc;
    auto parsed = doc.load_buffer(xml.data(), xml.size());
    auto where = [&](ptrdiff_t offset) { return file.string() + ":" + std::to_string(line_of(xml, offset)) + ": "; };
    if (!parsed) throw UserError("bad_catalog", where(parsed.offset) + parsed.description());
    auto root = doc.child("catalog");
    if (!root) throw UserError("bad_catalog", where(0) + "the root element must be <catalog>");
    // A problem with one record: thrown, or noted and the record left out.
    auto report = [&](ptrdiff_t offset, const std::string& why) {
        if (!problems) throw UserError("bad_catalog", where(offset) + why);
        problems->push_back(where(offset) + why);
    };

    // Attributes of <catalog> are defaults for its records: <catalog lang="en">.
    Metadata defaults;
    for (auto a : root.attributes()) {
        std::string name = a.name();
        if (!known_fields().count(name) || name == "id" || name == "title" || name == "symbol" || name == "version" ||
            name == "text" || name == "summary" || name == "url") {
            report(root.offset_debug(), "<catalog> attribute '" + name + "' is not a field that can be a default");
            continue;
        }
        defaults[name].push_back(a.value());
    }

    Catalog cat;
    cat.path = file;
    std::set<std::string> ids;
    for (auto rec : root.children()) {
        if (rec.type() != pugi::node_element) continue;
        if (std::string_view(rec.name()) != "record") {
            report(rec.offset_debug(), std::string("unexpected element <") + rec.name() + "> (expected <record>)");
            continue;
        }
        CatalogEntry entry;
        entry.where = file.filename().string() + ":" + std::to_string(line_of(xml, rec.offset_debug()));
        if (auto f = rec.attribute("file")) {
            entry.file = std::filesystem::weakly_canonical(file.parent_path() / f.value());
        }
        if (auto id = rec.attribute("id")) entry.meta["id"].push_back(id.value());
        bool ok = true;
        for (auto field : rec.children()) {
            if (field.type() != pugi::node_element) continue;
            std::string name = field.name();
            if (!known_fields().count(name)) {
                report(field.offset_debug(), "unknown field <" + name + "> (see docs/corpus.md for the fields)");
                ok = false;
                continue;
            }
            std::string value = name == "text" ? std::string(field.text().as_string()) : text::collapse_spaces(field.text().as_string());
            if (value.empty()) {
                report(field.offset_debug(), "empty <" + name + ">");
                ok = false;
                continue;
            }
            entry.meta[name].push_back(value);
        }
        if (!ok) continue;
        for (const auto& [name, values] : defaults)
            if (!entry.meta.count(name)) entry.meta[name] = values;
        if (entry.file.empty() && !entry.meta.count("title")) {
            report(rec.offset_debug(), "a record without a file needs a <title>");
            continue;
        }
        // Validate facet values now, so a typo is reported with its line.
        Record probe;
        if (auto err = apply_metadata(probe, entry.meta, taxonomy); !err.empty()) {
            report(rec.offset_debug(), err);
            continue;
        }
        if (entry.file.empty()) {
            Record r = record_from_catalog(entry, "", taxonomy);
            if (r.id.empty()) {
                report(rec.offset_debug(), "the record's symbol and title have no letters or digits to make an id of");
                continue;
            }
            if (!ids.insert(r.id).second) {
                report(rec.offset_debug(), "record id '" + r.id + "' appears twice in this catalog");
                continue;
            }
        }
        cat.entries.push_back(std::move(entry));
    }
    return cat;
}

std::string apply_metadata(Record& r, const Metadata& meta, const Taxonomy& taxonomy) {
    for (const auto& [raw_name, values] : meta) {
        std::string name = canonical_field(raw_name);
        if (values.empty()) continue;
        auto concepts = [&](const char* facet_id, bool multi) -> std::pair<std::vector<std::string>, std::string> {
            const Facet* facet = taxonomy.facet(facet_id);
            std::vector<std::string> ids;
            for (const auto& v : values) {
                std::string id = facet ? taxonomy.resolve(*facet, v) : std::string();
                if (id.empty())
                    return {{}, std::string(facet_id) + " '" + v + "' is not a concept of the taxonomy's '" + facet_id + "' facet"};
                if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
            }
            if (!multi && ids.size() > 1) return {{}, std::string(facet_id) + " takes one value, got " + std::to_string(ids.size())};
            return {ids, {}};
        };
        if (name == "id") {
            std::string id = slug(values.front());
            if (id.empty()) return "id '" + values.front() + "' has no letters or digits";
            r.id = id;
        } else if (name == "title") {
            r.title = values.front();
        } else if (name == "symbol") {
            r.symbols.clear();
            for (const auto& v : values) {
                auto sym = canonical_symbol(v);
                r.symbols.push_back(sym ? sym->text : v);
            }
        } else if (name == "version") {
            r.version = normalize_version(values.front());
        } else if (name == "family") {
            r.family = values.front();
        } else if (name == "type" || name == "mechanism" || name == "group" || name == "topic" ||
                   name == "scope" || name == "status" || name == "lang") {
            const Facet* facet = taxonomy.facet(name);
            auto [ids, err] = concepts(name.c_str(), facet ? facet->multi : true);
            if (!err.empty()) return err;
            if (name == "type") r.type = ids.front();
            else if (name == "mechanism") r.mechanisms = ids;
            else if (name == "group") r.groups = ids;
            else if (name == "topic") r.topics = ids;
            else if (name == "scope") r.scopes = ids;
            else if (name == "status") r.status = ids.front();
            else r.lang = ids.front();
        } else if (name == "asked_by") {
            auto [ids, err] = concepts("group", true);
            if (!err.empty()) return "asked-by: " + err;
            r.asked_by = ids;
        } else if (name == "date") {
            auto d = text::parse_date(values.front());
            if (!d) return "date '" + values.front() + "' is not a date (write YYYY-MM-DD, YYYY-MM or YYYY)";
            r.date = *d;
        } else if (name == "url") {
            const auto& u = values.front();
            if (u.rfind("https://", 0) != 0 && u.rfind("http://", 0) != 0)
                return "url '" + u + "' must start with https:// or http://";
            r.url = u;
        } else if (name == "summary") {
            r.summary = values.front();
        } else if (name == "cites") {
            r.references.clear();
            for (const auto& v : values) {
                auto sym = canonical_symbol(v);
                r.references.push_back(sym ? sym->text : v);
            }
        } else if (name == "text") {
            r.pages = {text::normalize_whitespace(values.front())};
        } else if (name == "keywords") {
            r.headings = values;
        } else if (name != "layout" && name != "draft") {
            return "unknown field '" + raw_name + "'";
        }
    }
    return {};
}

Record record_from_catalog(const CatalogEntry& entry, const std::string& source, const Taxonomy& taxonomy) {
    Record r;
    r.media_type = "catalog";
    apply_metadata(r, entry.meta, taxonomy);
    if (!source.empty()) r.sources = {source};
    if (r.id.empty()) {
        // A symbol without letters or digits ("-") gives no id: the title does.
        bool symbol_id = !r.symbols.empty() && !slug(r.symbols.front()).empty();
        r.id = slug(symbol_id ? r.symbols.front() : r.title);
        if (!r.version.empty() && symbol_id) r.id += "-v" + slug(r.version);
    }
    if (r.family.empty() && !r.version.empty() && !r.symbols.empty()) r.family = r.symbols.front();
    return r;
}

}  // namespace a6kb
