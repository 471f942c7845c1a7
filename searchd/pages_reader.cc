// SPDX-License-Identifier: Apache-2.0
#include "searchd/pages_reader.h"

#include "core/search/citation.h"
#include "searchd/render.h"

#include <ctemplate/template_dictionary.h>

namespace a6kb {

using ctemplate::TemplateDictionary;

std::string reader_url(const std::string& id, size_t part, const std::string& q, const std::string& anchor) {
    Params params;
    if (part > 1) params.emplace_back("part", std::to_string(part));
    if (!q.empty()) params.emplace_back("q", q);
    std::string qs = query_string(params);
    return document_path(id) + (qs.empty() ? "" : "?" + qs) + (anchor.empty() ? "" : "#" + anchor);
}

namespace {

const std::string TEXT_TOP = "doc-text";  // the id of the text's heading: part links open there

void parts_nav(TemplateDictionary& dict, const std::string& id, const ReaderPage& page) {
    const ReaderText& t = page.text;
    if (t.parts < 2) return;
    auto* nd = dict.AddSectionDictionary("HAS_PARTS");
    nd->SetIntValue("PART", static_cast<long>(t.part));
    nd->SetIntValue("PARTS", static_cast<long>(t.parts));
    for (size_t n = 1; n <= t.parts; ++n) {
        auto* pd = nd->AddSectionDictionary("PART_LINK");
        pd->SetIntValue("PART_NO", static_cast<long>(n));
        if (n == t.part) pd->ShowSection("THIS_PART");
        else pd->AddSectionDictionary("OTHER_PART")->SetValue("PART_URL", reader_url(id, n, page.q, TEXT_TOP));
    }
    if (t.part > 1) nd->SetValueAndShowSection("PREV_URL", reader_url(id, t.part - 1, page.q, TEXT_TOP), "HAS_PREV");
    if (t.part < t.parts) nd->SetValueAndShowSection("NEXT_URL", reader_url(id, t.part + 1, page.q, TEXT_TOP), "HAS_NEXT");
}

void contents(TemplateDictionary& dict, const std::string& id, const ReaderPage& page) {
    if (page.text.contents.empty()) return;
    auto* cd = dict.AddSectionDictionary("HAS_CONTENTS");
    for (const auto& e : page.text.contents) {
        auto* ed = cd->AddSectionDictionary("CONTENTS");
        ed->SetValue("CONTENTS_TEXT", e.text);
        ed->SetIntValue("DEPTH", static_cast<long>(std::min<size_t>(e.depth, 3)));
        ed->SetValue("CONTENTS_URL", e.part == page.text.part ? "#" + e.anchor : reader_url(id, e.part, page.q, e.anchor));
    }
}

void matches(TemplateDictionary& dict, const ReaderPage& page) {
    if (page.q.empty()) return;
    auto* md = dict.AddSectionDictionary("HAS_QUERY");
    const size_t n = page.text.matches;
    md->SetValue("MATCHES", (n == 0 ? std::string("No paragraph") : std::to_string(n) + (n == 1 ? " paragraph" : " paragraphs")) +
                                " of this part " + (n == 1 ? "matches" : "match"));
    md->SetValue("Q", page.q);
    for (const auto& rp : page.text.shown)
        if (rp.marks > 0) {
            md->SetValueAndShowSection("FIRST_MATCH_ANCHOR", rp.passage.anchor, "FIRST_MATCH");
            break;
        }
}

void passage(TemplateDictionary* pd, const Record& r, const ReaderPage& page, const ReaderPassage& rp, int last_page) {
    const Passage& p = rp.passage;
    pd->SetValue("ANCHOR", p.anchor);
    pd->SetValue("LABEL", p.label);
    pd->SetValue("TEXT", rp.html);
    if (rp.marks > 0) pd->ShowSection("HAS_MARKS");
    if (p.page > 0 && p.page != last_page) {
        auto* gd = pd->AddSectionDictionary(page.file_link ? "PAGE_LINK" : "PAGE_NO");
        gd->SetIntValue("PAGE", p.page);
        gd->SetValue("PAGE_URL", file_path(r.id, p.page));
    }
    if (p.heading) {
        pd->ShowSection("IS_HEADING");
        pd->SetIntValue("LEVEL", p.path.empty() ? 3 : 4);
        return;
    }
    auto* td = pd->AddSectionDictionary("IS_TEXT");
    td->SetValue("CITATION", citation(r, p));
    td->SetValue("LINK", passage_path(r.id, p.anchor));
}

}  // namespace

void reader_part(TemplateDictionary& dict, const Record& r, const ReaderPage& page) {
    if (page.file_link) dict.SetValueAndShowSection("FILE_URL", file_path(r.id), "HAS_FILE");
    dict.SetValue("DOC_CITATION", document_citation(r, page.base + document_path(r.id)));
    dict.SetValue("DOC_LINK", document_path(r.id));
    if (page.text.shown.empty()) return;
    dict.ShowSection("HAS_TEXT");
    parts_nav(dict, r.id, page);
    contents(dict, r.id, page);
    matches(dict, page);
    int last_page = 0;
    const ReaderPassage* previous_match = nullptr;
    TemplateDictionary* previous_dict = nullptr;
    for (const auto& rp : page.text.shown) {
        auto* pd = dict.AddSectionDictionary("PASSAGE");
        passage(pd, r, page, rp, last_page);
        if (rp.passage.page > 0) last_page = rp.passage.page;
        if (rp.marks == 0) continue;
        if (previous_match) previous_dict->SetValueAndShowSection("NEXT_ANCHOR", rp.passage.anchor, "NEXT_MATCH");
        previous_match = &rp;
        previous_dict = pd;
    }
}

}  // namespace a6kb
