// SPDX-License-Identifier: Apache-2.0
// The results page's hits and its Paragraphs view (page_parts.h).
#include "core/search/passages.h"
#include "searchd/page_parts.h"
#include "searchd/render.h"

#include <ctemplate/template_dictionary.h>

namespace a6kb::parts {

using ctemplate::TemplateDictionary;

namespace {

void passage_values(TemplateDictionary* pd, const ShownPassage& p) {
    pd->SetValue("TEXT", p.text);
    pd->SetValue("LABEL", p.label);
    pd->SetValue("LINK", p.link);
    pd->SetValue("CITATION", p.citation);
    if (!p.file.empty()) {
        pd->SetValueAndShowSection("FILE_URL", p.file, "HAS_FILE");
        pd->SetIntValue("FILE_PAGE", p.page);
    }
}

}  // namespace

void versions_part(TemplateDictionary& dict, const SearchResult& res) {
    for (const auto& v : res.versions) {
        auto* vd = dict.AddSectionDictionary("VERSION_ASKED");
        std::string latest = v.latest.empty() ? "" : " (latest: " + v.latest + ")";
        std::string missing = v.message();  // "version 13 of ...": the start of a sentence here
        if (!missing.empty()) missing[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(missing[0])));
        vd->SetValue("VERSION_TEXT", v.ids.empty() ? missing + "." : "Version " + v.asked + " of " + v.symbol + " first" + latest + ".");
    }
}

void hits_part(TemplateDictionary& dict, const SearchResult& res, const Taxonomy& tax) {
    for (const auto& h : res.hits) {
        auto* hd = dict.AddSectionDictionary("HIT");
        record_values(hd, tax, h.record);
        hd->SetValue("SNIPPET", h.snippet);
        // A provision shows its citation: the paragraph of the decision it tells.
        if (!h.record.citation.empty()) {
            hd->SetValueAndShowSection("PROVISION_CITATION", h.record.citation, "HAS_PROVISION");
            hd->SetValue("PROVISION_URL", "/doc/" + h.record.id + "#provision");
        }
        for (const auto& p : h.passages) passage_values(hd->AddSectionDictionary("PASSAGE"), p);
        if (h.passages.empty()) hd->ShowSection("NO_PASSAGES");
        if (!h.why.empty()) hd->SetValueAndShowSection("WHY", h.why, "HAS_WHY");
        if (h.page > 0 && h.passages.empty()) {
            hd->SetIntValue("PAGE", h.page);
            if (!h.record.url.empty()) hd->SetValueAndShowSection("PAGE_URL", h.record.url + "#page=" + std::to_string(h.page), "HAS_PAGE_URL");
            else hd->ShowSection("HAS_PAGE");
        }
        if (h.versions > 1) {
            hd->SetValueAndShowSection("VERSIONS", std::to_string(h.versions) + " versions", "HAS_VERSIONS");
            hd->SetValue("VERSIONS_URL", "/doc/" + h.record.id + "#versions");
        }
    }
    if (res.hits.empty()) dict.ShowSection("NO_HITS");
}

void paragraphs_part(TemplateDictionary& dict, const SearchRequest& r, const PassageResult& res, const Taxonomy& tax) {
    dict.SetValue("TOTAL", (res.exact ? "" : "about ") + thousands(res.passages) + (res.passages == 1 ? " paragraph" : " paragraphs") +
                               " in " + thousands(res.documents) + (res.documents == 1 ? " record" : " records"));
    std::string qs = query_string(r.to_params());
    dict.SetValue("API_URL", "/api/v1/passages" + (qs.empty() ? "" : "?" + qs));
    for (const auto& g : res.groups) {
        auto* gd = dict.AddSectionDictionary("GROUP");
        record_values(gd, tax, g.record);
        for (const auto& p : g.passages) passage_values(gd->AddSectionDictionary("PASSAGE"), p);
        if (g.total > g.passages.size())
            gd->SetValueAndShowSection("MORE", thousands(g.total - g.passages.size()) + " more in this record", "HAS_MORE");
    }
    if (res.groups.empty()) dict.ShowSection(r.q.empty() ? "NO_QUERY" : "NO_PARAGRAPHS");
}

void views_part(TemplateDictionary& dict, const SearchRequest& r) {
    SearchRequest docs = r, paras = r;
    docs.paragraphs = false;
    paras.paragraphs = true;
    docs.page = paras.page = 1;
    dict.SetValue("RESULTS_URL", search_url(docs));
    dict.SetValue("PARAGRAPHS_URL", search_url(paras));
    dict.ShowSection(r.paragraphs ? "VIEW_PARAGRAPHS" : "VIEW_RESULTS");
    if (r.passages != 1) dict.SetValueAndShowSection("PASSAGES", std::to_string(r.passages), "HAS_PASSAGES_N");
}

}  // namespace a6kb::parts
