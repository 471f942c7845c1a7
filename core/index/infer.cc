// SPDX-License-Identifier: Apache-2.0
#include "core/index/infer.h"

#include "core/index/decisions.h"
#include "core/index/passages.h"
#include "core/index/titles.h"
#include "core/model/symbols.h"
#include "core/model/taxonomy.h"
#include "core/model/text.h"

#include <xxhash.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <regex>
#include <set>

namespace a6kb {
namespace {

std::string id_from_source(const std::string& source) {
    std::string s = slug(source);
    // slug() keeps ASCII letters and digits only, so names in other scripts
    // lose letters ("中文/文.txt" and "中文/中.txt" are both "txt"): a hash of
    // the whole path keeps them apart, as it does for long paths.
    bool lossy = std::any_of(source.begin(), source.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    if (s.size() > 80 || lossy) {
        char buf[20];
        std::snprintf(buf, sizeof buf, "%08x", static_cast<unsigned>(XXH32(source.data(), source.size(), 0)));
        s = s.substr(0, 70) + (s.empty() ? "" : "-") + buf;
    }
    return "f-" + s;
}

void add_unique(std::vector<std::string>& v, const std::string& s) {
    if (!s.empty() && std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

std::string type_for_symbol(const Symbol& sym, const std::string& title) {
    if (!sym.type.empty()) return sym.type;  // the programme's data names it
    const std::string& symbol = sym.text;
    std::string lt = text::to_lower(title);
    switch (sym.kind) {
        case SymbolKind::methodology: return "methodology";
        case SymbolKind::tool: return "tool";
        case SymbolKind::decision: return "decision";
        case SymbolKind::cdm:
            if (symbol.ends_with("-GLOS")) return "glossary";
            if (symbol.find("-PROC") != std::string::npos) return "procedure";
            if (symbol.find("-STAN") != std::string::npos) return "standard";
            if (symbol.find("-INFO") != std::string::npos) return "information-note";
            return {};
        case SymbolKind::a64:
            if (symbol.find("-STAN-") != std::string::npos || starts_with(lt, "standard")) return "standard";
            if (symbol.find("-PROC-") != std::string::npos || starts_with(lt, "procedure")) return "procedure";
            if (symbol.find("-TOOL-") != std::string::npos || starts_with(lt, "tool")) return "tool";
            if (starts_with(lt, "information note")) return "information-note";
            if (starts_with(lt, "meeting report")) return "meeting-report";
            return {};
        case SymbolKind::fccc:
            if (starts_with(lt, "report of")) return "meeting-report";
            return {};
    }
    return {};
}

// References: every symbol cited, without the record's own.
void collect_references(Record& r, const std::vector<Symbol>& cited) {
    std::set<std::string> own(r.symbols.begin(), r.symbols.end());
    for (const auto& s : cited)
        if (!own.count(s.text)) add_unique(r.references, s.text);
}

void finish(Record& r, const Taxonomy& taxonomy) {
    std::string all;
    for (const auto& p : r.pages) { all += p; all += '\n'; }
    if (r.first("lang").empty()) r.set_one("lang", text::detect_language(all));
    classify(r, taxonomy);
    derive_programme(r, taxonomy);
}

}  // namespace

std::string default_record_id(const Record& r, bool resolution) {
    // A symbol without letters or digits (front matter "symbols: -") makes no id.
    if (r.symbols.empty() || slug(r.symbols.front()).empty())
        return id_from_source(r.sources.empty() ? r.title : r.sources.front());
    std::string id = (resolution ? "resolution-" : "") + slug(r.symbols.front());
    if (!r.version.empty()) id += "-v" + slug(r.version);
    return id;
}

void derive_programme(Record& r, const Taxonomy& taxonomy) {
    if (r.symbols.empty() || !taxonomy.facet("programme") || !r.values("programme").empty()) return;
    if (auto sym = canonical_symbol(r.symbols.front(), taxonomy.programmes()); sym && !sym->programme.empty())
        r.set_one("programme", sym->programme);
}

void classify(Record& r, const Taxonomy& taxonomy) {
    std::string body;
    for (const auto& h : r.headings) { body += h; body += '\n'; }
    body += r.summary;
    body += '\n';
    for (const auto& p : r.pages) { body += p; body += '\n'; }
    auto body_words = text::words(body);
    auto title_words = text::words(r.title);
    r.aliases.clear();
    for (auto& a : taxonomy.aliases_in(body_words)) ++r.aliases[a];
    for (auto& a : taxonomy.aliases_in(title_words)) ++r.aliases[a];
    for (const auto& facet : taxonomy.facets()) {
        if (!facet.classify) continue;
        if (r.values(facet.id).empty()) r.set(facet.id, taxonomy.classify(facet, body_words, title_words));
        if (!facet.multi) continue;
        // Concepts implied by another facet's value (a methodology is for project developers).
        for (const auto& c : facet.concepts)
            for (const auto& [f, v] : c.implied_by)
                if (r.has(f, v)) r.add(facet.id, c.id);
    }
}

namespace {

// The first page's text (two pages when the first is short), at most
// 4,000 bytes cut at the last whole line: the tail of a long line cut short
// would pass for a short one, and a code cited at its start for the
// document's own (the rule "a symbol on a line of its own" below).
std::string head_of(const Extracted& e) {
    std::string head = e.first_page_text(1);
    if (head.size() < 400) head = e.first_page_text(2);
    if (head.size() > 4000) {
        head.resize(4000);
        if (auto nl = head.rfind('\n'); nl != std::string::npos) head.resize(nl + 1);
    }
    return head;
}

// Explicit metadata, applied last: front matter, then the catalog entry.
struct Explicit {
    const Extracted& e;
    const Metadata* meta;
    const Taxonomy& taxonomy;
    std::string error;

    bool apply(Record& r) {
        if (!e.meta.empty())
            if (auto err = apply_metadata(r, e.meta, taxonomy); !err.empty()) { error = "front matter: " + err; return false; }
        if (meta)
            if (auto err = apply_metadata(r, *meta, taxonomy); !err.empty()) { error = "catalog: " + err; return false; }
        return true;
    }
    bool names(const char* field) const { return meta && meta->count(field); }
};

// A file bundling decisions: one record per decision. False if explicit
// metadata is invalid.
bool bundle_records(const Extracted& e, const std::vector<DecisionPart>& parts, const std::string& source,
                    const std::string& head, const Taxonomy& taxonomy, Explicit& ex, std::vector<Record>& out) {
    // The report symbol in the header of a bundled file, shared by its parts.
    std::string container;
    const Programmes& programmes = taxonomy.programmes();
    for (const auto& s : find_symbols(head.substr(0, 600), programmes))
        if (s.kind == SymbolKind::fccc) { container = s.text; break; }
    for (const auto& part : parts) {
        Record r;
        r.media_type = e.media_type;
        r.sources = {source};
        r.symbols = {part.symbol};
        if (!container.empty()) r.symbols.push_back(container);
        r.title = part.title;
        r.set_one("type", "decision");
        r.set_one("status", "adopted");
        r.date = part.date;
        r.set_one("lang", e.lang);
        r.pages = {part.text};
        collect_references(r, find_symbols(part.text, programmes));
        r.id = default_record_id(r, part.resolution);
        if (part.resolution) r.title = "Resolution: " + r.title;
        finish(r, taxonomy);
        if (!ex.apply(r)) return false;
        r.passages = cut_passages(r);
        out.push_back(std::move(r));
    }
    return true;
}

// Title: old small-scale layout, then the page's own first lines, then the
// format's title, then the file name.
std::string title_of(const Extracted& e, const std::string& head, const std::string& filename,
                     const std::vector<std::string>& skip, const Programmes& programmes) {
    std::string from_text = title_from_lines(head, skip, programmes);
    std::string title = !from_text.empty() && from_text.size() >= 8 ? from_text : e.title;
    if (e.media_type != "application/pdf" && !e.title.empty()) title = e.title;
    if (title.empty()) title = from_text;
    if (title.empty()) {
        std::string stem = std::filesystem::path(filename).stem().string();
        for (auto& c : stem) if (c == '_' || c == '-') c = ' ';
        title = text::collapse_spaces(stem);
    }
    return title;
}

// AMS-III.D from "III" and "D", with what the programmes say of it.
Symbol small_scale(const std::string& roman, const std::string& letters, const Programmes& programmes) {
    std::string code = "AMS-" + roman + "." + letters;
    if (auto s = canonical_symbol(code, programmes)) return *s;
    Symbol s{};
    s.text = code;
    s.kind = SymbolKind::methodology;
    return s;
}

// An old small-scale header ("III.AU./Version 01", "III. D. Methane
// recovery") in the first lines, with the version it states.
std::optional<Symbol> old_small_scale(const std::string& head, std::optional<std::string>& version,
                                      const Programmes& programmes) {
    for (auto line : lines_of(head, 40)) {
        std::string t = text::collapse_spaces(line);
        std::smatch m;
        if (std::regex_match(t, m, ssc_version())) {
            version = normalize_version(m[3].str());
            return small_scale(m[1].str(), m[2].str(), programmes);
        }
        if (std::regex_match(t, m, ssc_title())) return small_scale(m[1].str(), m[2].str(), programmes);
    }
    return std::nullopt;
}

// The document's own code, printed in its header: the first non-empty
// lines, on a line of its own give or take a label ("AMS-III.D.").
std::optional<Symbol> header_symbol(const std::string& head, const Programmes& programmes) {
    std::string top;
    int kept = 0;
    for (auto line : lines_of(head, 60)) {
        if (text::trim(line).empty()) continue;
        top += std::string(line) + "\n";
        if (++kept == 12) break;
    }
    for (auto line : lines_of(top, 12)) {
        std::string t = text::collapse_spaces(line);
        for (const auto& s : find_symbols(t, programmes))
            if (s.kind != SymbolKind::decision && t.size() <= 2 * s.text.size() + 12) return s;
    }
    return std::nullopt;
}

// What the first page and the file name say the document is: its own code
// (a methodology or tool named by the file of a bundle; the first code on
// the first page; an old small-scale header; else a code in the file name
// whose kind agrees with what the page says the document is), the version
// an old small-scale header states, and whether it calls itself a tool.
struct Identity {
    std::optional<Symbol> primary;
    std::optional<std::string> version;
    bool says_tool = false;
};

Identity identity_of(const std::string& head, const std::string& filename, bool bundle, const Programmes& programmes) {
    Identity id;
    std::string head_lower = text::to_lower(head.substr(0, 1500));
    id.says_tool = head_lower.find("methodological tool") != std::string::npos ||
                   head_lower.find("methodological \xe2\x80\x9ctool") != std::string::npos;
    if (bundle)
        for (const auto& s : symbols_in_filename(filename, programmes))
            if (s.kind == SymbolKind::methodology || s.kind == SymbolKind::tool) { id.primary = s; return id; }
    if ((id.primary = old_small_scale(head, id.version, programmes))) return id;
    if ((id.primary = header_symbol(head, programmes))) return id;
    for (const auto& s : symbols_in_filename(filename, programmes)) {
        if (id.says_tool && s.kind == SymbolKind::methodology) continue;  // a tool filed under its methodology
        id.primary = s;
        break;
    }
    return id;
}

// The lines the document's programme prints above its titles.
const std::vector<std::string>& title_skip(const Identity& id, const Programmes& programmes) {
    static const std::vector<std::string> none;
    const Programme* p = id.primary ? programmes.find(id.primary->programme) : nullptr;
    return p ? p->title_skip : none;
}

// Sectoral scopes the document states on its first page.
std::vector<std::string> stated_scopes(const std::string& head) {
    static const std::regex scope_re("[Ss]ectoral [Ss]cope(?:\\(s\\))?:? *([0-9][0-9 ,and]*)");
    static const std::regex num("\\d{1,2}");
    std::vector<std::string> out;
    std::smatch sm;
    std::string head_str(head.substr(0, 2000));
    if (!std::regex_search(head_str, sm, scope_re)) return out;
    std::string list = sm[1].str();
    for (auto it = std::sregex_iterator(list.begin(), list.end(), num); it != std::sregex_iterator(); ++it) {
        int n = std::stoi(it->str());
        if (n >= 1 && n <= 15) add_unique(out, std::to_string(n));
    }
    return out;
}

// The methodology's own heading inside a decision report that prints it.
void title_from_bundle(Record& r, const std::string& all) {
    if (r.symbols.empty()) return;
    for (auto line : lines_of(all, 100000)) {
        std::smatch m;
        std::string t = text::collapse_spaces(line);
        if (std::regex_match(t, m, ssc_title()) && r.symbols.front() == "AMS-" + m[1].str() + "." + m[2].str()) {
            r.title = m[3].str();
            return;
        }
    }
}

// A file that lists other documents (a README, a table of contents, an
// index): named so, or its text mostly codes (at least 8 distinct ones, one
// for every 40 words or fewer). It takes no code of its body as its own,
// splits into no decisions and cites nothing: a list of holdings is not a
// citation (a README listing the decisions of a folder became a second
// 3/CMA.3 and stood in 3/CMA.3's own cited-by list).
bool lists_documents(const std::string& filename, const std::string& all, const std::vector<Symbol>& cited) {
    std::string stem = text::to_lower(std::filesystem::path(filename).stem().string());
    if (stem.rfind("readme", 0) == 0 || stem == "contents" || stem == "toc" || stem == "table-of-contents" ||
        stem == "table_of_contents")
        return true;
    std::set<std::string> codes;
    for (const auto& s : cited) codes.insert(s.text);
    if (codes.size() < 8) return false;
    size_t words = 0;
    bool in_word = false;
    for (char c : all) {
        bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
        if (!space && !in_word) ++words;
        in_word = !space;
    }
    return words <= codes.size() * 40;
}

// `head` without the label lines a programme prints above its titles: they
// state no version of the document ("MODULE/TOOL: VCS Version 3" names the
// version of the VCS rules).
std::string without_labels(const std::string& head, const std::vector<std::string>& labels) {
    if (labels.empty()) return head;
    std::string out;
    for (auto line : lines_of(head, 100000)) {
        std::string lower = text::to_lower(text::collapse_spaces(line));
        if (std::none_of(labels.begin(), labels.end(), [&](const std::string& l) { return starts_with(lower, l); }))
            out += std::string(line) + "\n";
    }
    return out;
}

// Symbol, version, family, type and mechanism of a file's own record.
void identify(Record& r, Identity id, const std::string& head, const std::string& filename, bool bundle,
              const std::string& all, const Programmes& programmes) {
    const std::optional<Symbol>& primary = id.primary;
    if (primary) r.symbols = {primary->text};
    if (bundle) title_from_bundle(r, all);
    if (!id.version)
        id.version = find_version(without_labels(head, title_skip(id, programmes)), primary ? primary->programme : std::string(),
                                  programmes);
    if (!id.version) id.version = version_in_filename(filename);
    bool versioned_kind = primary && (primary->kind == SymbolKind::methodology || primary->kind == SymbolKind::tool ||
                                      primary->kind == SymbolKind::a64 || primary->kind == SymbolKind::cdm);
    if (id.version && (versioned_kind || id.says_tool)) r.version = *id.version;
    if (primary) r.set_one("type", type_for_symbol(*primary, r.title));
    if (r.first("type").empty() && id.says_tool) r.set_one("type", "tool");
    if (primary && !primary->mechanism.empty()) r.add("mechanism", primary->mechanism);
    if (!r.version.empty() && primary) r.family = primary->text;
}

}  // namespace

InferResult infer_records(const Extracted& e, const std::string& source, const std::string& filename,
                          const Taxonomy& taxonomy, const Metadata* explicit_meta) {
    InferResult out;
    std::string all;
    for (const auto& p : e.pages) { all += p; all += '\n'; }
    const std::string head = head_of(e);
    Explicit ex{e, explicit_meta, taxonomy, {}};

    const Programmes& programmes = taxonomy.programmes();
    const std::vector<Symbol> cited = find_symbols(all, programmes);
    const bool listing = lists_documents(filename, all, cited);
    auto parts = listing ? std::vector<DecisionPart>{} : split_decisions(all, programmes);
    const bool bundle = !parts.empty() && !ex.names("symbol");
    if (bundle) {
        if (!bundle_records(e, parts, source, head, taxonomy, ex, out.records)) return {{}, ex.error};
        // A file named for a methodology or tool that is printed inside a
        // decision report (early small-scale methodologies were annexes of
        // COP decisions) is also recorded as that methodology.
        bool named = false;
        for (const auto& s : symbols_in_filename(filename, programmes))
            if (s.kind == SymbolKind::methodology || s.kind == SymbolKind::tool) named = true;
        if (!named) return out;
    }

    Record r;
    r.media_type = e.media_type;
    r.sources = {source};
    r.pages = e.pages;
    r.headings = e.headings;
    r.summary = e.summary;
    r.set_one("lang", e.lang);
    const Identity id = listing ? Identity{} : identity_of(head, filename, bundle, programmes);
    r.title = title_of(e, head, filename, title_skip(id, programmes), programmes);
    identify(r, id, head, filename, bundle, all, programmes);
    for (const auto& scope : stated_scopes(head)) r.add("scope", scope);
    // Date: the first date written on the first pages, else the format's.
    auto dates = text::find_dates(head, 1);
    r.date = !dates.empty() ? dates.front() : e.date;

    if (!listing) collect_references(r, cited);
    finish(r, taxonomy);
    r.id = default_record_id(r);
    if (!ex.apply(r)) return {{}, ex.error};
    if (explicit_meta && !ex.names("id")) r.id = default_record_id(r);
    if (!e.meta.empty() && !e.meta.count("id") && !ex.names("id")) r.id = default_record_id(r);
    // Explicit metadata may have named another symbol: the programme follows it, unless named too.
    if (!ex.names("programme") && !e.meta.count("programme")) {
        r.set("programme", {});
        derive_programme(r, taxonomy);
    }
    if (r.family.empty() && !r.version.empty() && !r.symbols.empty()) r.family = r.symbols.front();
    r.passages = cut_passages(r);
    out.records.push_back(std::move(r));
    return out;
}

}  // namespace a6kb
