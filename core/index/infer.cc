// SPDX-License-Identifier: Apache-2.0
#include "core/index/infer.h"

#include "core/index/decisions.h"
#include "core/index/passages.h"
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

std::vector<std::string_view> lines_of(std::string_view s, size_t max_lines) {
    std::vector<std::string_view> out;
    size_t pos = 0;
    while (pos < s.size() && out.size() < max_lines) {
        size_t nl = s.find('\n', pos);
        out.push_back(s.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos));
        if (nl == std::string_view::npos) break;
        pos = nl + 1;
    }
    return out;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Lines UNFCCC layouts print above a title: headers, annex and page markers,
// document-type labels, version and scope lines.
bool boilerplate(const std::string& lower) {
    static const char* prefixes[] = {
        "clean development mechanism", "unfccc", "cdm – executive board", "cdm - executive board",
        "cdm executive board", "cdm-executive board", "executive board", "annex", "page ", "report", "meeting report",
        "appendix b", "indicative simplified", "for selected small-scale", "type i", "follow the link",
        "sectoral scope", "scope ", "version", "distr", "original:", "united nations", "|", "contents", "draft",
        "table of contents", "addendum", "advance unedited", "decisions adopted", "conference of the parties",
        "subsidiary body for", "(agenda item", "methodological tool", "a/r methodological tool"};
    for (const char* p : prefixes)
        if (starts_with(lower, p)) return true;
    if (lower.size() < 4) return true;
    static const std::regex eb_line("^(eb|sb|sbm) ?\\d+.*");
    if (lower.size() < 24 && std::regex_match(lower, eb_line)) return true;
    // Short labels such as "Small-scale Methodology", "A/R Large-scale Consolidated Methodology".
    if (lower.size() < 48 && (lower.ends_with("methodology") || lower.ends_with("methodological tool") ||
                              lower.ends_with(" tool") || lower.ends_with("standard") || lower.ends_with("procedure")) &&
        std::count(lower.begin(), lower.end(), ' ') <= 4)
        return true;
    return false;
}

std::string strip_quotes(std::string t) {
    // Leading label before a quoted title: Methodological “Tool to ...”
    for (const char* open : {"\xE2\x80\x9C", "\""}) {
        auto q = t.find(open);
        if (q != std::string::npos && q < 40) t = t.substr(q + std::strlen(open));
    }
    for (const char* close : {"\xE2\x80\x9D", "\""}) {
        auto q = t.rfind(close);
        if (q != std::string::npos && q + std::strlen(close) >= t.size() - 1) t = t.substr(0, q);
    }
    return text::trim(t);
}

// Old small-scale methodologies: "III. D. Methane recovery" and "III.AU./Version 01".
const std::regex& ssc_title() {
    static const std::regex re("^(IV|III|II|I)\\. ?([A-Z]{1,2})\\.? +([A-Z].{3,})$");
    return re;
}
const std::regex& ssc_version() {
    static const std::regex re("^(IV|III|II|I)\\.([A-Z]{1,2})\\.?/ ?Version ?([0-9.]+).*$");
    return re;
}

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

std::string type_for_symbol(SymbolKind kind, const std::string& symbol, const std::string& title) {
    std::string lt = text::to_lower(title);
    switch (kind) {
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
void collect_references(Record& r, std::string_view text) {
    std::set<std::string> own(r.symbols.begin(), r.symbols.end());
    for (const auto& s : find_symbols(text))
        if (!own.count(s.text)) add_unique(r.references, s.text);
}

void finish(Record& r, const Taxonomy& taxonomy) {
    std::string all;
    for (const auto& p : r.pages) { all += p; all += '\n'; }
    if (r.first("lang").empty()) r.set_one("lang", text::detect_language(all));
    classify(r, taxonomy);
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

std::string title_from_lines(std::string_view first_page) {
    auto lines = lines_of(first_page, 40);
    // Old small-scale layout: "III. D. Methane recovery".
    for (auto line : lines) {
        std::string t = text::collapse_spaces(line);
        std::smatch m;
        if (std::regex_match(t, m, ssc_title())) return m[3].str();
    }
    // A title in quotes under a label: Methodological tool “Tool to ...”.
    for (size_t i = 0; i < lines.size() && i < 15; ++i) {
        std::string t = text::collapse_spaces(lines[i]);
        auto q = t.find("\xE2\x80\x9C");
        if (q == std::string::npos || t.size() > 200) continue;
        std::string label = text::to_lower(t.substr(0, q));
        if (q == 0 || label.find("tool") != std::string::npos || label.find("methodolog") != std::string::npos) {
            // The quoted title may run onto the next line.
            if (t.find("\xE2\x80\x9D") == std::string::npos && i + 1 < lines.size())
                t += " " + text::collapse_spaces(lines[i + 1]);
            return strip_quotes(t);
        }
    }
    // Reports of the subsidiary bodies and the COP: "Report of the ... on its ... session".
    for (size_t i = 0; i < lines.size() && i < 15; ++i) {
        std::string t = text::collapse_spaces(lines[i]);
        if (t.rfind("Report of the ", 0) != 0) continue;
        if (i + 1 < lines.size()) {
            std::string next = text::collapse_spaces(lines[i + 1]);
            if (!next.empty() && std::islower(static_cast<unsigned char>(next[0]))) t += " " + next;
        }
        return t;
    }
    std::string title;
    int taken = 0;
    for (auto line : lines) {
        std::string t = text::collapse_spaces(line);
        // "AMS-III.D: Methane recovery ..." -> the words after the code.
        if (auto colon = t.find(": "); colon != std::string::npos && colon < 30 && canonical_symbol(t.substr(0, colon)))
            t = t.substr(colon + 2);
        std::string lower = text::to_lower(t);
        size_t letters = 0;
        for (char c : t) letters += std::isalpha(static_cast<unsigned char>(c)) ? 1 : 0;
        bool is_symbol = canonical_symbol(t).has_value() || (!find_symbols(t).empty() && t.size() < 40);
        bool is_date = t.size() < 30 && !text::find_dates(t, 1).empty();
        bool sentence = t.size() > 150 || starts_with(lower, "project participants") ||
                        starts_with(lower, "follow the link") || starts_with(lower, "http");
        if (t.empty() || boilerplate(lower) || is_symbol || is_date || sentence || letters * 2 < t.size()) {
            if (taken) break;
            continue;
        }
        if (taken && std::ispunct(static_cast<unsigned char>(title.back()))) break;
        if (taken) title += ' ';
        title += t;
        if (++taken == 3 || title.size() > 250) break;
    }
    return strip_quotes(title);
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
    for (const auto& s : find_symbols(head.substr(0, 600)))
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
        collect_references(r, part.text);
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
std::string title_of(const Extracted& e, const std::string& head, const std::string& filename) {
    std::string from_text = title_from_lines(head);
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

// An old small-scale header ("III.AU./Version 01", "III. D. Methane
// recovery") in the first lines, with the version it states.
std::optional<Symbol> old_small_scale(const std::string& head, std::optional<std::string>& version) {
    for (auto line : lines_of(head, 40)) {
        std::string t = text::collapse_spaces(line);
        std::smatch m;
        if (std::regex_match(t, m, ssc_version())) {
            version = normalize_version(m[3].str());
            return Symbol{"AMS-" + m[1].str() + "." + m[2].str(), SymbolKind::methodology};
        }
        if (std::regex_match(t, m, ssc_title())) return Symbol{"AMS-" + m[1].str() + "." + m[2].str(), SymbolKind::methodology};
    }
    return std::nullopt;
}

// The document's own code, printed in its header: the first non-empty
// lines, on a line of its own give or take a label ("AMS-III.D.").
std::optional<Symbol> header_symbol(const std::string& head) {
    std::string top;
    int kept = 0;
    for (auto line : lines_of(head, 60)) {
        if (text::trim(line).empty()) continue;
        top += std::string(line) + "\n";
        if (++kept == 12) break;
    }
    for (auto line : lines_of(top, 12)) {
        std::string t = text::collapse_spaces(line);
        for (const auto& s : find_symbols(t))
            if (s.kind != SymbolKind::decision && t.size() <= 2 * s.text.size() + 12) return s;
    }
    return std::nullopt;
}

// Symbol: a methodology or tool named by the file of a bundle; the first
// code on the first page; an old small-scale header; else a code in the
// file name whose kind agrees with what the page says the document is.
std::optional<Symbol> primary_symbol(const std::string& head, const std::string& filename, bool bundle, bool says_tool,
                                     std::optional<std::string>& version) {
    if (bundle)
        for (const auto& s : symbols_in_filename(filename))
            if (s.kind == SymbolKind::methodology || s.kind == SymbolKind::tool) return s;
    if (auto s = old_small_scale(head, version)) return s;
    if (auto s = header_symbol(head)) return s;
    for (const auto& s : symbols_in_filename(filename)) {
        if (says_tool && s.kind == SymbolKind::methodology) continue;  // a tool filed under its methodology
        return s;
    }
    return std::nullopt;
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

// Symbol, version, family, type and mechanism of a file's own record.
void identify(Record& r, const std::string& head, const std::string& filename, bool bundle, const std::string& all) {
    std::string head_lower = text::to_lower(head.substr(0, 1500));
    bool says_tool = head_lower.find("methodological tool") != std::string::npos ||
                     head_lower.find("methodological \xe2\x80\x9ctool") != std::string::npos;
    std::optional<std::string> version;
    std::optional<Symbol> primary = primary_symbol(head, filename, bundle, says_tool, version);
    if (primary) r.symbols = {primary->text};
    if (bundle) title_from_bundle(r, all);
    if (!version) version = find_version(head);
    if (!version) version = version_in_filename(filename);
    bool versioned_kind = primary && (primary->kind == SymbolKind::methodology || primary->kind == SymbolKind::tool ||
                                      primary->kind == SymbolKind::a64 || primary->kind == SymbolKind::cdm);
    if (version && (versioned_kind || says_tool)) r.version = *version;
    if (primary) r.set_one("type", type_for_symbol(primary->kind, primary->text, r.title));
    if (r.first("type").empty() && says_tool) r.set_one("type", "tool");
    if (primary && (primary->kind == SymbolKind::methodology || primary->kind == SymbolKind::tool ||
                    primary->kind == SymbolKind::cdm))
        r.add("mechanism", "cdm");
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

    auto parts = split_decisions(all);
    const bool bundle = !parts.empty() && !ex.names("symbol");
    if (bundle) {
        if (!bundle_records(e, parts, source, head, taxonomy, ex, out.records)) return {{}, ex.error};
        // A file named for a methodology or tool that is printed inside a
        // decision report (early small-scale methodologies were annexes of
        // COP decisions) is also recorded as that methodology.
        bool named = false;
        for (const auto& s : symbols_in_filename(filename))
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
    r.title = title_of(e, head, filename);
    identify(r, head, filename, bundle, all);
    for (const auto& scope : stated_scopes(head)) r.add("scope", scope);
    // Date: the first date written on the first pages, else the format's.
    auto dates = text::find_dates(head, 1);
    r.date = !dates.empty() ? dates.front() : e.date;

    collect_references(r, all);
    finish(r, taxonomy);
    r.id = default_record_id(r);
    if (!ex.apply(r)) return {{}, ex.error};
    if (explicit_meta && !ex.names("id")) r.id = default_record_id(r);
    if (!e.meta.empty() && !e.meta.count("id") && !ex.names("id")) r.id = default_record_id(r);
    if (r.family.empty() && !r.version.empty() && !r.symbols.empty()) r.family = r.symbols.front();
    r.passages = cut_passages(r);
    out.records.push_back(std::move(r));
    return out;
}

}  // namespace a6kb
