// SPDX-License-Identifier: Apache-2.0
// The rulebook on the pages: a decision's provisions and a provision's own
// parts on the document page, and the /rulebook page by topic or group.
#include "core/search/citation.h"
#include "searchd/page_parts.h"
#include "searchd/pages.h"

#include <cstring>  // before ctemplate, whose str_ref.h uses strlen

#include <ctemplate/template_dictionary.h>

#include <map>

namespace a6kb {

using ctemplate::TemplateDictionary;

namespace {

// One provision in a list: its page, citation, text and paragraph link.
void entry_values(TemplateDictionary* d, const ProvisionEntry& e) {
    d->SetValue("PROV_ID", e.record.id);
    d->SetValue("PROV_URL", document_path(e.record.id));
    d->SetValue("PROV_TITLE", e.record.title);
    d->SetValue("PROV_CITATION", e.record.citation);
    if (!e.record.pages.empty()) d->SetValueAndShowSection("PROV_TEXT", e.record.pages.front(), "HAS_PROV_TEXT");
    if (!e.paragraph_url.empty()) d->SetValueAndShowSection("PARAGRAPH_URL", e.paragraph_url, "HAS_PARAGRAPH");
    else d->ShowSection("NO_PARAGRAPH");
}

void ref_link(TemplateDictionary* d, const RecordRef& r) {
    d->SetValue("REF_URL", document_path(r.id));
    d->SetValue("REF_TITLE", r.title);
    if (!r.symbol.empty()) d->SetValueAndShowSection("REF_SYMBOL", r.symbol, "HAS_REF_SYMBOL");
}

void own_provision(TemplateDictionary& dict, const DocumentView& v) {
    const ProvisionEntry& e = *v.provision;
    auto* d = dict.AddSectionDictionary("PROVISION");
    d->SetValue("PROV_CITATION", e.record.citation);
    if (!e.paragraph_url.empty()) d->SetValueAndShowSection("PARAGRAPH_URL", e.paragraph_url, "HAS_PARAGRAPH");
    else d->ShowSection("NO_PARAGRAPH");
    if (v.decision) ref_link(d->AddSectionDictionary("DECISION"), *v.decision);
    else d->SetValueAndShowSection("DECISION_SYMBOL", e.record.decision, "DECISION_MISSING");
    for (const auto& r : v.refines) ref_link(d->AddSectionDictionary("REFINES"), r);
    if (!v.refines.empty()) d->ShowSection("HAS_REFINES");
    for (const auto& r : v.refined_by) ref_link(d->AddSectionDictionary("REFINED_BY"), r);
    if (!v.refined_by.empty()) d->ShowSection("HAS_REFINED_BY");
}

}  // namespace

void parts::provisions_part(TemplateDictionary& dict, const DocumentView& v, const Taxonomy&) {
    if (v.provision) own_provision(dict, v);
    if (v.provisions.empty()) return;
    dict.ShowSection("HAS_PROVISIONS");
    dict.SetIntValue("PROVISIONS_COUNT", static_cast<long>(v.provisions.size()));
    bool linked = false;
    for (const auto& e : v.provisions) {
        entry_values(dict.AddSectionDictionary("PROVISION_ITEM"), e);
        linked = linked || !e.paragraph_url.empty();
    }
    if (!linked) dict.ShowSection("PROVISIONS_NOT_INDEXED");
}

namespace {

// The overview: every topic and stakeholder group that has provisions, with
// how many, in the taxonomy's order, each a link to its list.
void overview(TemplateDictionary& dict, const RulebookView& v, const Taxonomy& tax) {
    for (const char* facet : {"topic", "group"}) {
        std::map<std::string, size_t> n;
        for (const auto& e : v.provisions)
            for (const auto& c : e.record.values(facet)) ++n[c];
        const Facet* f = tax.facet(facet);
        if (!f) continue;
        for (const auto& c : f->concepts) {
            if (!n.count(c.id)) continue;
            auto* d = dict.AddSectionDictionary(std::string(facet) == "topic" ? "TOPIC_LINK" : "GROUP_LINK");
            d->SetValue("LINK_URL", "/rulebook?" + std::string(facet) + "=" + c.id);
            d->SetValue("LINK_LABEL", (std::string(facet) == "group" ? "What applies to " : "") + c.label);
            d->SetIntValue("LINK_COUNT", static_cast<long>(n[c.id]));
        }
    }
}

}  // namespace

std::string Pages::rulebook(const RulebookView& v, const Taxonomy& tax, const std::string& facet, const std::string& concept_id) {
    TemplateDictionary dict("rulebook");
    dict.SetIntValue("PROVISIONS_COUNT", static_cast<long>(v.provisions.size()));
    if (v.provisions.empty()) dict.ShowSection("NO_PROVISIONS");
    if (facet.empty()) {
        dict.SetValue("PAGE_TITLE", "Rulebook");
        dict.ShowSection("OVERVIEW");
        overview(dict, v, tax);
        return render(dict, "rulebook.tpl");
    }
    const std::string title = (facet == "group" ? "What applies to " : "") + tax.label_of(facet, concept_id);
    dict.SetValue("PAGE_TITLE", "Rulebook: " + title);
    auto* sd = dict.AddSectionDictionary("SECTION");
    sd->SetValue("SECTION_TITLE", title);
    size_t n = 0;
    for (const auto& e : v.provisions) {
        if (!e.record.has(facet, concept_id)) continue;
        entry_values(sd->AddSectionDictionary("PROVISION_ITEM"), e);
        ++n;
    }
    sd->SetIntValue("SECTION_COUNT", static_cast<long>(n));
    return render(dict, "rulebook.tpl");
}

}  // namespace a6kb
