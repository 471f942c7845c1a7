// SPDX-License-Identifier: Apache-2.0
#include "searchd/render.h"

#include <cstdio>

namespace a6kb {

using nlohmann::json;

namespace {

// Every facet value under "facets"; the facets that had keys of their own
// before facets were data keep them too (schema::FacetField::api_key):
// one value or null for a single-valued facet, else a list.
json record_json(const Record& r) {
    json facets = json::object();
    for (const auto& [facet, values] : r.facets) facets[facet] = values;
    json j = {
        {"id", r.id},
        {"title", r.title},
        {"symbol", r.symbols.empty() ? json(nullptr) : json(r.symbols.front())},
        {"symbols", r.symbols},
        {"version", r.version.empty() ? json(nullptr) : json(r.version)},
        {"family", r.family.empty() ? json(nullptr) : json(r.family)},
        {"date", r.date.empty() ? json(nullptr) : json(r.date)},
        {"url", r.url.empty() ? json(nullptr) : json(r.url)},
        {"source", r.sources.empty() ? json(nullptr) : json(r.sources.front())},
        {"latest", r.latest},
        {"facets", std::move(facets)},
    };
    if (!r.citation.empty())  // a provision (docs/corpus.md, "Provisions")
        j["provision"] = {{"citation", r.citation}, {"decision", r.decision}, {"refines", r.refines}};
    for (const auto& f : schema::declared_facets()) {
        if (f.api_key.empty()) continue;
        const auto& values = r.values(f.id);
        j[f.api_key] = f.multi ? json(values) : values.empty() ? json(nullptr) : json(values.front());
    }
    return j;
}

json ref_json(const RecordRef& r) {
    return {{"id", r.id},
            {"title", r.title},
            {"symbol", r.symbol.empty() ? json(nullptr) : json(r.symbol)},
            {"version", r.version.empty() ? json(nullptr) : json(r.version)},
            {"date", r.date.empty() ? json(nullptr) : json(r.date)},
            {"type", r.type.empty() ? json(nullptr) : json(r.type)},
            {"latest", r.latest}};
}

json passage_json(const ShownPassage& p) {
    return {{"text", p.text},
            {"label", p.label},
            {"page", p.page > 0 ? json(p.page) : json(nullptr)},
            {"anchor", p.anchor.empty() ? json(nullptr) : json(p.anchor)},
            {"citation", p.citation},
            {"link", p.link},
            {"file", p.file.empty() ? json(nullptr) : json(p.file)}};
}

json passages_json(const std::vector<ShownPassage>& passages) {
    json out = json::array();
    for (const auto& p : passages) out.push_back(passage_json(p));
    return out;
}

json query_json(const std::string& q, const std::string& executed, const std::string& parsed, const SearchRequest& request) {
    json filters = json::object();
    for (const auto& [facet, values] : request.filters) filters[facet] = values;
    return {{"q", q},
            {"executed", executed},
            {"parsed", parsed},
            {"filters", std::move(filters)},
            {"year_from", request.year_from ? json(*request.year_from) : json(nullptr)},
            {"year_to", request.year_to ? json(*request.year_to) : json(nullptr)},
            {"sort", std::string(to_string(request.sort))},
            {"versions", request.latest_only ? "latest" : "all"},
            {"exact", request.exact_words}};
}

double rounded_ms(double ms) { return static_cast<double>(static_cast<long>(ms * 100)) / 100; }

}  // namespace

json to_json(const std::vector<FacetResult>& facets) {
    json out = json::object();
    for (const auto& f : facets) {
        json values = json::array();
        for (const auto& v : f.values)
            values.push_back({{"value", v.value}, {"label", v.label}, {"count", v.count}, {"selected", v.selected}});
        out[f.id] = std::move(values);
    }
    return out;
}

// Versions typed after symbols: what was asked, which records have it, what
// the family holds ("message" says when the version is not in the index).
json versions_json(const std::vector<VersionAsked>& versions) {
    json out = json::array();
    for (const auto& v : versions)
        out.push_back({{"symbol", v.symbol}, {"asked", v.asked}, {"found", !v.ids.empty()}, {"ids", v.ids},
                       {"latest", v.latest.empty() ? json(nullptr) : json(v.latest)}, {"held", v.held},
                       {"message", v.message().empty() ? json(nullptr) : json(v.message())}});
    return out;
}

json to_json(const SearchResult& r, const SearchRequest& request) {
    json hits = json::array();
    for (const auto& h : r.hits) {
        json j = record_json(h.record);
        j["page"] = h.page > 0 ? json(h.page) : json(nullptr);
        j["snippet"] = h.snippet;
        j["score"] = h.score;
        j["versions"] = h.versions;
        j["matched"] = h.matched;
        j["why"] = h.why.empty() ? json(nullptr) : json(h.why);
        j["passages"] = passages_json(h.passages);
        hits.push_back(std::move(j));
    }
    return {
        {"query", query_json(r.query, r.executed, r.parsed, request)},
        {"total", {{"value", r.total}, {"exact", r.exact}}},
        {"page", r.page},
        {"per_page", r.per_page},
        {"hits", std::move(hits)},
        {"facets", to_json(r.facets)},
        {"suggestion", r.suggestion ? json(*r.suggestion) : json(nullptr)},
        {"corrected", r.corrected},
        {"original", r.original ? json(*r.original) : json(nullptr)},
        {"versions_asked", versions_json(r.versions)},
        {"took_ms", rounded_ms(r.took_ms)},
    };
}

json to_json(const PassageResult& r, const SearchRequest& request) {
    json documents = json::array();
    for (const auto& g : r.groups) {
        json j = record_json(g.record);
        j["score"] = g.score;
        j["passages_total"] = g.total;
        j["passages"] = passages_json(g.passages);
        documents.push_back(std::move(j));
    }
    return {
        {"query", query_json(r.query, r.query, r.parsed, request)},
        {"total", {{"documents", r.documents}, {"passages", r.passages}, {"exact", r.exact}}},
        {"page", r.page},
        {"per_page", r.per_page},
        {"documents", std::move(documents)},
        {"facets", to_json(r.facets)},
        {"took_ms", rounded_ms(r.took_ms)},
    };
}

namespace {

json provision_json(const ProvisionEntry& e) {
    return {{"id", e.record.id}, {"title", e.record.title}, {"citation", e.record.citation}, {"anchor", e.anchor},
            {"paragraph", e.paragraph_url.empty() ? json(nullptr) : json(e.paragraph_url)}};
}

// A decision's provisions; a provision's paragraph, decision and refinements.
void provisions_json(json& j, const DocumentView& v) {
    if (!v.provisions.empty()) {
        json list = json::array();
        for (const auto& e : v.provisions) list.push_back(provision_json(e));
        j["provisions"] = std::move(list);
    }
    if (!v.provision) return;
    json& p = j["provision"];
    p["anchor"] = v.provision->anchor;
    p["paragraph"] = v.provision->paragraph_url.empty() ? json(nullptr) : json(v.provision->paragraph_url);
    p["decision_record"] = v.decision ? ref_json(*v.decision) : json(nullptr);
    json refines = json::array(), refined_by = json::array();
    for (const auto& r : v.refines) refines.push_back(ref_json(r));
    for (const auto& r : v.refined_by) refined_by.push_back(ref_json(r));
    p["refines_records"] = refines;
    p["refined_by"] = refined_by;
}

}  // namespace

json to_json(const DocumentView& v) {
    json j = record_json(v.record);
    j["summary"] = v.record.summary.empty() ? json(nullptr) : json(v.record.summary);
    j["sources"] = v.record.sources;
    j["media_type"] = v.record.media_type;
    j["pages"] = v.pages;
    json versions = json::array(), cites = json::array(), cited_by = json::array(), similar = json::array();
    for (const auto& r : v.versions) versions.push_back(ref_json(r));
    for (const auto& [symbol, target] : v.cites)
        cites.push_back({{"symbol", symbol}, {"record", target ? ref_json(*target) : json(nullptr)}});
    for (const auto& r : v.cited_by) cited_by.push_back(ref_json(r));
    for (const auto& r : v.similar) similar.push_back(ref_json(r));
    j["versions"] = versions;
    j["cites"] = cites;
    j["cited_by"] = cited_by;
    j["similar"] = similar;
    provisions_json(j, v);
    return j;
}

json to_json(const std::vector<Suggestion>& suggestions, const std::string& q) {
    json list = json::array();
    for (const auto& s : suggestions) list.push_back({{"text", s.text}, {"kind", s.kind}, {"id", s.id}, {"label", s.label}});
    return {{"q", q}, {"suggestions", list}};
}

json error_json(const std::string& code, const std::string& message) {
    return {{"error", {{"code", code}, {"message", message}}}};
}

std::string query_string(const Params& params) {
    std::string out;
    auto encode = [](const std::string& s) {
        std::string e;
        for (unsigned char c : s) {
            if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') e += static_cast<char>(c);
            else {
                char buf[4];
                std::snprintf(buf, sizeof buf, "%%%02X", c);
                e += buf;
            }
        }
        return e;
    };
    for (const auto& [k, v] : params) {
        if (!out.empty()) out += '&';
        out += encode(k) + "=" + encode(v);
    }
    return out;
}

}  // namespace a6kb
