// SPDX-License-Identifier: Apache-2.0
// The cooperative approaches page: the host x acquiring Party matrix of the
// Article 6.2 arrangements, each cell a link to a search for them.
#include "searchd/page_parts.h"
#include "searchd/pages.h"

#include <cstring>  // before ctemplate, whose str_ref.h uses strlen undeclared

#include <ctemplate/template_dictionary.h>

namespace a6kb {

using ctemplate::TemplateDictionary;

namespace {

// A search for the arrangements of one host, one acquirer, or both.
SearchRequest arrangements_of(const std::string& host, const std::string& acquirer) {
    SearchRequest q;
    q.filters["type"] = {"arrangement"};
    if (!host.empty()) q.filters["host"] = {host};
    if (!acquirer.empty()) q.filters["acquirer"] = {acquirer};
    q.sort = SearchRequest::Sort::newest;
    return q;
}

}  // namespace

std::string Pages::arrangements(const ArrangementsOverview& o, const Taxonomy& tax) {
    TemplateDictionary dict("arrangements");
    dict.SetValue("PAGE_TITLE", "Cooperative approaches");
    dict.SetValue("ARRANGEMENTS", parts::thousands(o.arrangements));
    dict.SetValue("HOSTS", parts::thousands(o.hosts.size()));
    dict.SetValue("ACQUIRERS", parts::thousands(o.acquirers.size()));
    dict.SetValue("ALL_URL", parts::search_url(arrangements_of("", "")));
    SearchRequest transfers;
    transfers.filters["type"] = {"transfer"};
    transfers.sort = SearchRequest::Sort::newest;
    dict.SetValue("TRANSFERS_URL", parts::search_url(transfers));
    dict.SetValue("TRANSFERS", parts::thousands(o.transfers));
    for (const auto& a : o.acquirers) {
        auto* hd = dict.AddSectionDictionary("MATRIX_HEAD");
        hd->SetValue("PARTY", tax.label_of("country", a));
        hd->SetValue("PARTY_URL", parts::search_url(arrangements_of("", a)));
    }
    for (size_t h = 0; h < o.hosts.size(); ++h) {
        auto* rd = dict.AddSectionDictionary("MATRIX_ROW");
        rd->SetValue("PARTY", tax.label_of("country", o.hosts[h]));
        rd->SetValue("PARTY_URL", parts::search_url(arrangements_of(o.hosts[h], "")));
        for (size_t a = 0; a < o.acquirers.size(); ++a) {
            auto* cd = rd->AddSectionDictionary("CELL");
            cd->SetValue("HOST", tax.label_of("country", o.hosts[h]));
            cd->SetValue("ACQUIRER", tax.label_of("country", o.acquirers[a]));
            if (size_t n = o.count[h][a]; n > 0) {
                auto* nd = cd->AddSectionDictionary("CELL_LINK");
                nd->SetValue("CELL_URL", parts::search_url(arrangements_of(o.hosts[h], o.acquirers[a])));
                nd->SetIntValue("COUNT", static_cast<long>(n));
            } else {
                cd->ShowSection("CELL_EMPTY");
            }
        }
    }
    if (o.arrangements == 0) dict.ShowSection("MATRIX_EMPTY");
    return render(dict, "arrangements.tpl");
}

}  // namespace a6kb
