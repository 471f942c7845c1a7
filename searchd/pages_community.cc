// SPDX-License-Identifier: Apache-2.0
// The community pages: /contribute (a form per kind), /moderate (login,
// the queue) and the lab desk. Templates auto-escape every value; a
// contribution's text is never printed raw.
#include "searchd/pages.h"

#include "core/model/taxonomy.h"

#include <ctemplate/template_dictionary.h>

namespace a6kb {

using ctemplate::TemplateDictionary;
using nlohmann::json;

namespace {

struct KindPage {
    const char* kind;
    const char* label;       // in the list of kinds
    const char* title;       // the form's heading
    const char* help;        // in our own words
    const char* text_label;  // what the main text is
};

constexpr KindPage KIND_PAGES[] = {
    {"question", "Ask a group", "Ask a stakeholder group a question",
     "Say which group you speak for and which group you want an answer from. Questions that name a concrete "
     "situation get the most useful answers. Approved questions count in the labs page's who-asked-whom table "
     "and stay listed as open until someone answers.",
     "Your question"},
    {"answer", "Answer a question", "Answer an open question",
     "Give the number of the question you answer and what you know. Say which group you speak for, if any. "
     "Your answer appears under the question once approved, and the question is then marked answered.",
     "Your answer"},
    {"resource", "Share a resource", "Share a resource",
     "A guide, a tool, a course or a dataset that helped you. Describe in a few lines what it is and who it "
     "is for; the address is shown as text, with its host visible, never as a hidden link.",
     "What it is and who it helps"},
    {"challenge", "Describe a challenge", "Describe an implementation challenge",
     "An obstacle you met while putting Article 6 into practice, and how you handled it (or why it is still "
     "open). Leave out names of people and anything confidential.",
     "The challenge and what you did"},
    {"outcome", "Report a lab outcome", "Report an outcome of a lab",
     "What a lab produced: a solution the participants agreed on, a key message, a next step. Choose the lab "
     "it belongs to.",
     "The outcome"},
    {"pledge", "Record a pledge", "Record a pledge",
     "A public commitment made at or after a lab: who commits to what, and by when if a date was given.",
     "What is pledged"},
};

const KindPage& kind_page(const std::string& kind) {
    for (const auto& k : KIND_PAGES)
        if (kind == k.kind) return k;
    return KIND_PAGES[0];
}

std::string value_of(const json& values, const char* name) {
    auto it = values.find(name);
    if (it == values.end()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer()) return std::to_string(it->get<int64_t>());
    return {};
}

bool selected(const json& values, const char* name, const std::string& id) {
    auto it = values.find(name);
    if (it == values.end()) return false;
    if (it->is_string()) return it->get<std::string>() == id;
    return it->is_array() && std::find(it->begin(), it->end(), id) != it->end();
}

void concept_options(TemplateDictionary& dict, const Taxonomy& tax, const char* facet, const char* section,
                     const json& values, const char* field) {
    const Facet* f = tax.facet(facet);
    if (!f) return;
    for (const auto& c : f->concepts) {
        auto* d = dict.AddSectionDictionary(section);
        d->SetValue("ID", c.id);
        d->SetValue("LABEL", c.label);
        if (field && selected(values, field, c.id)) d->ShowSection("SELECTED");
    }
}

void kind_fields(TemplateDictionary& dict, const ContributeForm& f, const Taxonomy& tax) {
    const std::string& k = f.kind;
    const bool question = k == "question", answer = k == "answer";
    dict.ShowSection("F_GROUPS");
    dict.SetValue("GROUPS_LABEL", question ? "The group you speak for" : answer ? "The group you speak for (optional)"
                                                                                : "The stakeholder group concerned (optional)");
    if (question) dict.ShowSection("GROUPS_REQUIRED");
    concept_options(dict, tax, "group", "GROUP", f.values, "groups");
    if (question) {
        dict.ShowSection("F_TO_GROUPS");
        concept_options(dict, tax, "group", "TO_GROUP", f.values, "to_groups");
    }
    if (answer) dict.ShowSection("F_ANSWERS");
    if (k == "pledge") {
        dict.ShowSection("F_BY");
        dict.ShowSection("F_DUE");
    }
    if (k == "resource") dict.ShowSection("F_URL");
    if (!answer) {
        dict.ShowSection("F_LAB");
        dict.SetValue("LAB_NOTE", k == "outcome" ? "required" : "optional");
        for (const auto& [symbol, title] : f.labs) {
            auto* d = dict.AddSectionDictionary("LAB");
            d->SetValue("SYMBOL", symbol);
            d->SetValue("TITLE", title);
            if (selected(f.values, "lab", symbol)) d->ShowSection("SELECTED");
        }
    }
    const bool title_needed = k == "outcome" || k == "resource" || k == "challenge";
    dict.ShowSection(title_needed ? "TITLE_REQUIRED" : "TITLE_OPTIONAL");
}

}  // namespace

std::string Pages::contribute(const ContributeForm& f, const Taxonomy& tax) {
    TemplateDictionary dict("contribute");
    const KindPage& page = kind_page(f.kind);
    dict.SetValue("PAGE_TITLE", std::string("Contribute: ") + page.label);
    dict.SetValue("KIND", page.kind);
    dict.SetValue("KIND_TITLE", page.title);
    dict.SetValue("KIND_HELP", page.help);
    dict.SetValue("TEXT_LABEL", page.text_label);
    for (const auto& k : KIND_PAGES) {
        auto* d = dict.AddSectionDictionary("KIND_LINK");
        d->SetValue("KIND", k.kind);
        d->SetValue("LABEL", k.label);
        d->ShowSection(std::string(k.kind) == page.kind ? "CURRENT" : "OTHER");
    }
    if (f.thanks > 0) dict.SetValueAndShowSection("ID", std::to_string(f.thanks), "THANKS");
    if (!f.error.empty()) dict.SetValueAndShowSection("MESSAGE", f.error, "ERROR");
    kind_fields(dict, f, tax);
    for (const char* name : {"title", "text", "url", "by", "due", "contact", "answers"}) {
        std::string key = std::string("V_") + name;
        for (auto& ch : key) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        dict.SetValue(key, value_of(f.values, name));
    }
    concept_options(dict, tax, "topic", "TOPIC", f.values, "topics");
    return render(dict, "contribute.tpl");
}

namespace {

void field_list(TemplateDictionary* d, const Contribution& c) {
    for (const auto& [name, value] : c.fields.items()) {
        auto* fd = d->AddSectionDictionary("FIELD");
        fd->SetValue("NAME", name);
        fd->SetValue("VALUE", value.is_string() ? value.get<std::string>() : value.dump());
    }
    if (!c.contact.empty()) {
        auto* fd = d->AddSectionDictionary("FIELD");
        fd->SetValue("NAME", "contact (not shown to the public)");
        fd->SetValue("VALUE", c.contact);
    }
}

}  // namespace

std::string Pages::moderation(const ModerationView& v) {
    TemplateDictionary dict("moderate");
    dict.SetValue("PAGE_TITLE", "Moderation");
    if (!v.error.empty()) dict.SetValueAndShowSection("MESSAGE", v.error, "ERROR");
    if (!v.notice.empty()) {
        auto* n = dict.AddSectionDictionary("NOTICE");
        n->SetValue("MESSAGE", v.notice);
    }
    if (v.login) {
        dict.ShowSection("LOGIN");
        return render(dict, "moderate.tpl");
    }
    auto* q = dict.AddSectionDictionary("QUEUE");
    q->SetValue("MODERATOR", v.moderator);
    q->SetValue("CSRF", v.csrf);
    q->SetIntValue("PENDING", static_cast<long>(v.pending.size()));
    if (v.pending.empty()) q->ShowSection("EMPTY");
    if (!v.labs.empty()) q->ShowSection("HAS_LABS");
    for (const auto& lab : v.labs) q->AddSectionDictionary("DESK")->SetValue("SYMBOL", lab);
    for (const auto& c : v.pending) {
        auto* d = q->AddSectionDictionary("ITEM");
        d->SetValue("ID", std::to_string(c.id));
        d->SetValue("KIND", c.kind);
        d->SetValue("SUBMITTED", c.submitted_at);
        d->SetValue("TITLE", c.fields.value("title", ""));
        d->SetValue("TEXT", c.fields.value("text", ""));
        field_list(d, c);
    }
    if (!v.approved.empty()) q->ShowSection("HAS_APPROVED");
    for (const auto& c : v.approved) {
        auto* d = q->AddSectionDictionary("APPROVED");
        d->SetValue("ID", std::to_string(c.id));
        d->SetValue("TITLE", c.fields.value("title", c.fields.value("text", "")));
    }
    return render(dict, "moderate.tpl");
}

std::string Pages::desk(const DeskView& v, const Taxonomy& tax) {
    TemplateDictionary dict("desk");
    dict.SetValue("PAGE_TITLE", "Lab desk " + v.lab);
    dict.SetValue("LAB", v.lab);
    dict.SetValue("LAB_TITLE", v.lab_title);
    dict.SetValue("MODERATOR", v.moderator);
    dict.SetValue("CSRF", v.csrf);
    if (v.saved > 0) dict.SetValueAndShowSection("ID", std::to_string(v.saved), "SAVED");
    if (!v.error.empty()) dict.SetValueAndShowSection("MESSAGE", v.error, "ERROR");
    concept_options(dict, tax, "group", "GROUP", json::object(), nullptr);
    return render(dict, "desk.tpl");
}

}  // namespace a6kb
