// SPDX-License-Identifier: Apache-2.0
#include "core/index/catalog.h"

#include "core/index/passages.h"
#include "core/model/errors.h"
#include "core/model/provision.h"
#include "core/model/schema.h"
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

bool record_field(std::string_view name) {
    return std::find(schema::RECORD_FIELDS.begin(), schema::RECORD_FIELDS.end(), name) != schema::RECORD_FIELDS.end();
}

// The facet a field name sets: a facet id, with '-' for '_' ("asked-by").
const schema::FacetField* settable_facet(std::string name, const Taxonomy& taxonomy) {
    std::replace(name.begin(), name.end(), '-', '_');
    const schema::FacetField* f = taxonomy.field(name);
    return f && f->values == schema::Values::concepts ? f : nullptr;
}

// A catalog element or attribute name: a record field or a facet.
bool known_field(const std::string& name, const Taxonomy& taxonomy) {
    return record_field(name) || settable_facet(name, taxonomy);
}

// The field or facet a metadata name means, for the spellings people write
// in front matter (plurals, synonyms); a name it does not know stays as is.
std::string canonical_field(const std::string& name, const Taxonomy& taxonomy) {
    static const std::map<std::string, std::string> alias = {
        {"symbols", "symbol"}, {"references", "cites"}, {"language", "lang"}, {"description", "summary"},
        {"stakeholder", "group"}, {"stakeholders", "group"}};
    if (auto it = alias.find(name); it != alias.end()) return it->second;
    if (const schema::FacetField* f = settable_facet(name, taxonomy)) return f->id;
    if (name.size() > 1 && name.back() == 's')
        if (const schema::FacetField* f = settable_facet(name.substr(0, name.size() - 1), taxonomy)) return f->id;
    return name;
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

namespace {

std::string read_whole(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw UserError("bad_catalog", file.string() + ": cannot read the catalog file");
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// One catalog being read: where problems are reported (thrown, or noted
// and the record left out).
struct CatalogReader {
    const std::filesystem::path& file;
    const std::string& xml;
    const Taxonomy& taxonomy;
    std::vector<std::string>* problems;

    std::string where(ptrdiff_t offset) const { return file.string() + ":" + std::to_string(line_of(xml, offset)) + ": "; }
    void report(ptrdiff_t offset, const std::string& why) const {
        if (!problems) throw UserError("bad_catalog", where(offset) + why);
        problems->push_back(where(offset) + why);
    }

    // Attributes of <catalog> are defaults for its records: <catalog lang="en">.
    Metadata defaults(const pugi::xml_node& root) const {
        Metadata out;
        for (auto a : root.attributes()) {
            std::string name = a.name();
            if (!known_field(name, taxonomy) || name == "id" || name == "title" || name == "symbol" || name == "version" ||
                name == "text" || name == "summary" || name == "url" || name == "citation" || name == "refines") {
                report(root.offset_debug(), "<catalog> attribute '" + name + "' is not a field that can be a default");
                continue;
            }
            out[name].push_back(a.value());
        }
        return out;
    }

    // The fields of one <record>; false (reported) if one is unknown or empty.
    bool read_fields(const pugi::xml_node& rec, CatalogEntry& entry) const {
        bool ok = true;
        for (auto field : rec.children()) {
            if (field.type() != pugi::node_element) continue;
            std::string name = field.name();
            if (!known_field(name, taxonomy)) {
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
        return ok;
    }

    // Whether an entry makes a valid record: facet values are checked now,
    // so a typo is reported with its line; a stand-alone record needs a
    // title and an id of its own in this catalog.
    bool valid(const pugi::xml_node& rec, const CatalogEntry& entry, std::set<std::string>& ids) const {
        if (entry.file.empty() && !entry.meta.count("title")) {
            report(rec.offset_debug(), "a record without a file needs a <title>");
            return false;
        }
        Record probe;
        if (auto err = apply_metadata(probe, entry.meta, taxonomy); !err.empty()) {
            report(rec.offset_debug(), err);
            return false;
        }
        if (!entry.file.empty()) return true;
        Record r = record_from_catalog(entry, "", taxonomy);
        if (r.id.empty()) {
            report(rec.offset_debug(), "the record's symbol and title have no letters or digits to make an id of");
            return false;
        }
        if (!ids.insert(r.id).second) {
            report(rec.offset_debug(), "record id '" + r.id + "' appears twice in this catalog");
            return false;
        }
        return true;
    }
};

}  // namespace

Catalog load_catalog(const std::filesystem::path& file, const Taxonomy& taxonomy, std::vector<std::string>* problems) {
    std::string xml = read_whole(file);
    CatalogReader reader{file, xml, taxonomy, problems};
    pugi::xml_document doc;
    auto parsed = doc.load_buffer(xml.data(), xml.size());
    if (!parsed) throw UserError("bad_catalog", reader.where(parsed.offset) + parsed.description());
    auto root = doc.child("catalog");
    if (!root) throw UserError("bad_catalog", reader.where(0) + "the root element must be <catalog>");
    Metadata defaults = reader.defaults(root);

    Catalog cat;
    cat.path = file;
    std::set<std::string> ids;
    for (auto rec : root.children()) {
        if (rec.type() != pugi::node_element) continue;
        if (std::string_view(rec.name()) != "record") {
            reader.report(rec.offset_debug(), std::string("unexpected element <") + rec.name() + "> (expected <record>)");
            continue;
        }
        CatalogEntry entry;
        entry.where = file.filename().string() + ":" + std::to_string(line_of(xml, rec.offset_debug()));
        if (auto f = rec.attribute("file")) entry.file = std::filesystem::weakly_canonical(file.parent_path() / f.value());
        if (auto id = rec.attribute("id")) entry.meta["id"].push_back(id.value());
        if (!reader.read_fields(rec, entry)) continue;
        for (const auto& [name, values] : defaults)
            if (!entry.meta.count(name)) entry.meta[name] = values;
        if (reader.valid(rec, entry, ids)) cat.entries.push_back(std::move(entry));
    }
    return cat;
}

namespace {

// Values of a facet given by name, label or acronym -> concept ids.
std::string apply_facet(Record& r, const schema::FacetField& field, const std::vector<std::string>& values,
                        const Taxonomy& taxonomy) {
    const std::string& of = field.concepts_facet();
    // A facet whose values are another facet's concepts names itself first ("asked-by: group 'x' ...").
    std::string context = field.values_of.empty() ? "" : field.id + ": ";
    std::replace(context.begin(), context.end(), '_', '-');
    const Facet* facet = taxonomy.facet(of);
    std::vector<std::string> ids;
    for (const auto& v : values) {
        std::string id = facet ? taxonomy.resolve(*facet, v) : std::string();
        if (id.empty()) return context + of + " '" + v + "' is not a concept of the taxonomy's '" + of + "' facet";
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
    if (!field.multi && ids.size() > 1) return context + of + " takes one value, got " + std::to_string(ids.size());
    r.set(field.id, std::move(ids));
    return {};
}

std::vector<std::string> canonical_symbols(const std::vector<std::string>& values, const Programmes& programmes) {
    std::vector<std::string> out;
    for (const auto& v : values) {
        auto sym = canonical_symbol(v, programmes);
        out.push_back(sym ? sym->text : v);
    }
    return out;
}

// A provision's fields (core/model/provision.h): the citation must parse.
std::string apply_provision_field(Record& r, const std::string& name, const std::vector<std::string>& values) {
    const std::string& v = values.front();
    if (name == "citation") {
        std::string why;
        if (!parse_citation(v, &why)) return "citation '" + v + "': " + why;
        r.citation = v;
    } else if (name == "decision") {
        auto sym = canonical_symbol(v);
        if (!sym || sym->kind != SymbolKind::decision) return "decision '" + v + "' is not a decision symbol (3/CMA.3)";
        r.decision = sym->text;
    } else {
        r.refines.clear();
        for (const auto& id : values) r.refines.push_back(slug(id));
    }
    return {};
}

// One of the record's own fields (not a facet); `known` says whether `name` is one.
std::string apply_field(Record& r, const std::string& name, const std::vector<std::string>& values, bool& known,
                        const Programmes& programmes) {
    known = true;
    const std::string& v = values.front();
    if (name == "id") {
        std::string id = slug(v);
        if (id.empty()) return "id '" + v + "' has no letters or digits";
        r.id = id;
    } else if (name == "title") {
        r.title = v;
    } else if (name == "symbol") {
        r.symbols = canonical_symbols(values, programmes);
    } else if (name == "version") {
        r.version = normalize_version(v);
    } else if (name == "family") {
        r.family = v;
    } else if (name == "date") {
        auto d = text::parse_date(v);
        if (!d) return "date '" + v + "' is not a date (write YYYY-MM-DD, YYYY-MM or YYYY)";
        r.date = *d;
    } else if (name == "url") {
        if (v.rfind("https://", 0) != 0 && v.rfind("http://", 0) != 0) return "url '" + v + "' must start with https:// or http://";
        r.url = v;
    } else if (name == "summary") {
        r.summary = v;
    } else if (name == "cites") {
        r.references = canonical_symbols(values, programmes);
    } else if (name == "text") {
        r.pages = {text::normalize_whitespace(v)};
    } else if (name == "keywords") {
        r.headings = values;
    } else if (name == "citation" || name == "decision" || name == "refines") {
        return apply_provision_field(r, name, values);
    } else {
        known = name == "layout" || name == "draft";  // front matter of static-site generators
    }
    return {};
}

}  // namespace

std::string apply_metadata(Record& r, const Metadata& meta, const Taxonomy& taxonomy) {
    bool text = false;
    for (const auto& [raw_name, values] : meta) {
        if (values.empty()) continue;
        std::string name = canonical_field(raw_name, taxonomy);
        if (const schema::FacetField* facet = settable_facet(name, taxonomy)) {
            if (auto err = apply_facet(r, *facet, values, taxonomy); !err.empty()) return err;
            continue;
        }
        bool known = false;
        if (auto err = apply_field(r, name, values, known, taxonomy.programmes()); !err.empty()) return err;
        if (!known) return "unknown field '" + raw_name + "'";
        text = text || name == "text";
    }
    // Inline text replaces the pages: its passages are cut once the type is known.
    if (text) r.passages = cut_passages(r);
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
    // A provision cites its decision, so "cited by" and cites: find it.
    if (!r.decision.empty() && std::find(r.references.begin(), r.references.end(), r.decision) == r.references.end())
        r.references.push_back(r.decision);
    return r;
}

}  // namespace a6kb
