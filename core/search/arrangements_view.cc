// SPDX-License-Identifier: Apache-2.0
// The cooperative approaches view: who has Article 6.2 arrangements with whom.
#include "core/search/searcher.h"

#include "core/model/schema.h"

#include <algorithm>
#include <map>

namespace a6kb {

namespace {

// Country ids ordered by their labels, as people scan a list of countries.
std::vector<std::string> by_label(const std::map<std::string, size_t>& seen, const Taxonomy& tax) {
    std::vector<std::string> ids;
    for (const auto& [id, n] : seen) ids.push_back(id);
    const schema::FacetField* country = tax.field("host");
    std::sort(ids.begin(), ids.end(), [&](const std::string& a, const std::string& b) {
        return country ? tax.label_of(*country, a) < tax.label_of(*country, b) : a < b;
    });
    return ids;
}

}  // namespace

ArrangementsOverview Searcher::arrangements() {
    ArrangementsOverview out;
    const schema::FacetField* type = taxonomy().field("type");
    if (!type || !taxonomy().field("host") || !taxonomy().field("acquirer")) return out;
    std::vector<std::pair<std::string, std::string>> pairs;
    std::map<std::string, size_t> hosts, acquirers;
    const std::string term = schema::term(*type, "arrangement");
    for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it) {
        Record r = decode_data(db_.get_document(*it).get_data(), false);
        const auto host = r.values("host"), acquirer = r.values("acquirer");
        if (host.empty() || acquirer.empty()) continue;
        pairs.emplace_back(host.front(), acquirer.front());
        ++hosts[host.front()];
        ++acquirers[acquirer.front()];
    }
    out.arrangements = pairs.size();
    out.transfers = db_.get_termfreq(schema::term(*type, "transfer"));
    out.hosts = by_label(hosts, taxonomy());
    out.acquirers = by_label(acquirers, taxonomy());
    out.count.assign(out.hosts.size(), std::vector<size_t>(out.acquirers.size(), 0));
    auto index_of = [](const std::vector<std::string>& list, const std::string& id) {
        return static_cast<size_t>(std::find(list.begin(), list.end(), id) - list.begin());
    };
    for (const auto& [h, a] : pairs) ++out.count[index_of(out.hosts, h)][index_of(out.acquirers, a)];
    return out;
}

}  // namespace a6kb
