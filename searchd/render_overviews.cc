// SPDX-License-Identifier: Apache-2.0
// The overviews as JSON, twins of their pages: the labs (GET /api/v1/labs),
// the cooperative approaches matrix (GET /api/v1/arrangements) and the
// rulebook (GET /api/v1/rulebook). docs/api.md has their shapes.
#include "searchd/render.h"

namespace a6kb {

using nlohmann::json;

namespace {

json concept_json(const Taxonomy& tax, const std::string& facet, const std::string& id) {
    return {{"id", id}, {"label", tax.label_of(facet, id)}};
}

// A record in a list: enough to show and link it.
json brief_json(const Record& r) {
    return {{"id", r.id},
            {"title", r.title},
            {"symbol", r.symbols.empty() ? json(nullptr) : json(r.symbols.front())},
            {"date", r.date.empty() ? json(nullptr) : json(r.date)},
            {"type", r.first("type").empty() ? json(nullptr) : json(r.first("type"))},
            {"link", "/doc/" + r.id}};
}

json briefs_json(const std::vector<Record>& records) {
    json out = json::array();
    for (const auto& r : records) out.push_back(brief_json(r));
    return out;
}

// A lab question also says who asked it and whom it asks.
json questions_json(const std::vector<Record>& questions) {
    json out = json::array();
    for (const auto& q : questions) {
        json j = brief_json(q);
        j["asked_by"] = q.values("asked_by");
        j["addressed_to"] = q.values("group");
        out.push_back(std::move(j));
    }
    return out;
}

}  // namespace

json to_json(const LabsOverview& v, const Taxonomy& tax) {
    json labs = json::array();
    for (const auto& l : v.labs) {
        json j = brief_json(l.lab);
        j["roundtables"] = briefs_json(l.roundtables);
        j["questions"] = questions_json(l.questions);
        j["plans"] = briefs_json(l.plans);
        j["outcomes"] = briefs_json(l.outcomes);
        j["pledges"] = briefs_json(l.pledges);
        labs.push_back(std::move(j));
    }
    json groups = json::array();
    for (const auto& g : v.groups) groups.push_back(concept_json(tax, "group", g));
    return {{"labs", std::move(labs)}, {"groups", std::move(groups)}, {"asked", v.asked}};
}

json to_json(const ArrangementsOverview& v, const Taxonomy& tax) {
    json hosts = json::array(), acquirers = json::array();
    for (const auto& h : v.hosts) hosts.push_back(concept_json(tax, "country", h));
    for (const auto& a : v.acquirers) acquirers.push_back(concept_json(tax, "country", a));
    return {{"hosts", std::move(hosts)},
            {"acquirers", std::move(acquirers)},
            {"count", v.count},
            {"arrangements", v.arrangements},
            {"transfers", v.transfers}};
}

json to_json(const RulebookView& v, const std::string& facet, const std::string& concept_id) {
    json provisions = json::array();
    for (const auto& e : v.provisions) {
        if (!facet.empty() && !e.record.has(facet, concept_id)) continue;
        std::string text;
        for (const auto& p : e.record.pages) text += (text.empty() ? "" : "\n\n") + p;
        provisions.push_back({{"id", e.record.id},
                              {"title", e.record.title},
                              {"citation", e.record.citation},
                              {"decision", e.record.decision},
                              {"decision_record", e.decision_id.empty() ? json(nullptr) : json(e.decision_id)},
                              {"paragraph", e.paragraph_url.empty() ? json(nullptr) : json(e.paragraph_url)},
                              {"topics", e.record.values("topic")},
                              {"groups", e.record.values("group")},
                              {"text", text},
                              {"link", "/doc/" + e.record.id}});
    }
    json filter = facet.empty() ? json(nullptr) : json{{"facet", facet}, {"id", concept_id}};
    return {{"filter", std::move(filter)}, {"total", provisions.size()}, {"provisions", std::move(provisions)}};
}

}  // namespace a6kb
