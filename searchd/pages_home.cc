// SPDX-License-Identifier: Apache-2.0
// The home page: the search box, every facet's values with records as ways
// in, and the newest records.
#include "searchd/page_parts.h"
#include "searchd/pages.h"

#include <ctemplate/template_dictionary.h>

#include <algorithm>

namespace a6kb {

using ctemplate::TemplateDictionary;
using parts::record_values;
using parts::search_url;
using parts::thousands;

SearchRequest HomeView::newest_request() {
    SearchRequest newest;
    newest.sort = SearchRequest::Sort::newest;
    newest.per_page = 8;
    return newest;
}

namespace {

// A value as listed: numbered facets put the id first ("13. Waste handling").
std::string value_label(const schema::FacetField* f, const FacetCount& v) {
    return f && f->numbered ? v.value + ". " + v.label : v.label;
}

}  // namespace

namespace {

// A facet's values with records on the home page; a long one (the 197
// countries) shows its HOME_VALUES largest (years: the newest) and all of
// them, in the taxonomy's order, in a "Show all" box that works without
// JavaScript.
constexpr size_t HOME_VALUES = 12;

void browse_values(TemplateDictionary* fd, const FacetResult& f, const Taxonomy& tax) {
    std::vector<const FacetCount*> held;
    for (const auto& value : f.values)
        if (value.count > 0) held.push_back(&value);
    auto add = [&](const char* section, const FacetCount& value) {
        auto* vd = fd->AddSectionDictionary(section);
        vd->SetValue("LABEL", value_label(tax.field(f.id), value));
        vd->SetValue("COUNT", thousands(value.count));
        SearchRequest r;
        r.filters[f.id] = {value.value};
        vd->SetValue("URL", search_url(r));
    };
    if (held.size() <= HOME_VALUES) {
        for (const auto* value : held) add("VALUE", *value);
        return;
    }
    // The largest; years (a range) the newest, as they are listed.
    std::vector<const FacetCount*> top = held;
    const schema::FacetField* field = tax.field(f.id);
    if (!field || field->display != schema::Display::range)
        std::stable_sort(top.begin(), top.end(), [](const FacetCount* a, const FacetCount* b) { return a->count > b->count; });
    for (size_t i = 0; i < HOME_VALUES; ++i) add("VALUE", *top[i]);
    fd->ShowSection("MORE");
    fd->SetValue("ALL_COUNT", thousands(held.size()));
    for (const auto* value : held) add("MORE_VALUE", *value);
}

}  // namespace

std::string Pages::home(const HomeView& v, const Taxonomy& tax) {
    TemplateDictionary dict("home");
    dict.SetValue("PAGE_TITLE", "Article 6 knowledge base");
    dict.ShowSection("HOME");
    dict.SetValue("DOCUMENTS", thousands(v.documents));
    for (const auto& f : v.facets) {
        auto* fd = dict.AddSectionDictionary("BROWSE");
        fd->SetValue("FACET_LABEL", f.label);
        fd->SetValue("FACET_ID", f.id);
        browse_values(fd, f, tax);
    }
    for (const auto& h : v.newest.hits) record_values(dict.AddSectionDictionary("NEWEST"), tax, h.record);
    return render(dict, "home.tpl");
}

}  // namespace a6kb
