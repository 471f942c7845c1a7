// SPDX-License-Identifier: Apache-2.0
#include "core/search/citation.h"

#include "core/model/symbols.h"

#include <cstdlib>

namespace a6kb {

std::string cited_name(const Record& r) {
    if (r.symbols.empty()) return r.title;
    const std::string& symbol = r.symbols.front();
    auto sym = canonical_symbol(symbol);
    if ((sym && sym->kind == SymbolKind::decision) || r.first("type") == "decision") return "decision " + symbol;
    if (!r.version.empty()) return symbol + " version " + r.version;
    return symbol;
}

std::string citation(const Record& r, const Passage& p) {
    std::string name = cited_name(r);
    if (p.label.empty()) return name;
    return name.empty() ? p.label : name + ", " + p.label;
}

std::string written_date(const std::string& iso, bool full_month) {
    static const char* const months[] = {"January", "February", "March",     "April",   "May",      "June",
                                         "July",    "August",   "September", "October", "November", "December"};
    if (iso.size() < 7) return iso;
    int m = std::atoi(iso.substr(5, 2).c_str());
    if (m < 1 || m > 12) return iso;
    std::string month = months[m - 1];
    std::string out = (full_month ? month : month.substr(0, 3)) + " " + iso.substr(0, 4);
    if (iso.size() >= 10) out = std::to_string(std::atoi(iso.substr(8, 2).c_str())) + " " + out;
    return out;
}

std::string document_citation(const Record& r, const std::string& fallback_url) {
    std::string out;
    auto add = [&](const std::string& part) {
        if (part.empty()) return;
        out += (out.empty() ? "" : ", ") + part;
    };
    if (!r.symbols.empty()) add(r.symbols.front() + (r.version.empty() ? "" : " version " + r.version));
    add(r.title.empty() ? std::string() : "\u201c" + r.title + "\u201d");
    add(written_date(r.date));
    add(r.url.empty() ? fallback_url : r.url);
    return out;
}

std::string document_path(const std::string& record_id) { return "/doc/" + record_id; }

std::string passage_path(const std::string& record_id, const std::string& anchor) {
    return document_path(record_id) + "/at/" + anchor;
}

std::string file_path(const std::string& record_id, int page) {
    return document_path(record_id) + "/file" + (page > 0 ? "#page=" + std::to_string(page) : std::string());
}

}  // namespace a6kb
