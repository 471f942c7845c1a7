// SPDX-License-Identifier: Apache-2.0
#include "searchd/contribution.h"

#include "core/model/errors.h"
#include "core/model/taxonomy.h"
#include "core/model/text.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace a6kb {

using nlohmann::json;

namespace {

UserError bad(const std::string& field, const std::string& why) {
    return UserError("bad_field", "field '" + field + "': " + why);
}

// Which fields a kind takes, and which of them it needs.
struct KindFields {
    std::string_view kind;
    std::set<std::string, std::less<>> allowed, required;
};

const std::vector<KindFields>& kind_table() {
    static const std::vector<KindFields> table = {
        {"question", {"title", "text", "groups", "to_groups", "topics", "lab", "contact", "answer"}, {"text", "groups", "to_groups"}},
        {"answer", {"title", "text", "groups", "topics", "answers", "contact"}, {"text", "answers"}},
        {"outcome", {"title", "text", "groups", "topics", "lab", "contact"}, {"title", "text", "lab"}},
        {"pledge", {"title", "text", "groups", "topics", "lab", "by", "due", "contact"}, {"text", "by"}},
        {"resource", {"title", "text", "groups", "topics", "lab", "url", "contact"}, {"title", "text", "url"}},
        {"challenge", {"title", "text", "groups", "topics", "lab", "contact"}, {"title", "text"}},
    };
    return table;
}

// Control characters other than tab and new line are refused: they are
// never meant, and some terminals and feeds choke on them.
std::string checked_text(const json& v, const std::string& field, size_t max, bool multiline) {
    if (!v.is_string()) throw bad(field, "must be a string");
    std::string s = v.get<std::string>();
    if (s.size() > max) throw bad(field, "longer than " + std::to_string(max) + " bytes");
    for (unsigned char c : s)
        if ((c < 0x20 && !(multiline && (c == '\n' || c == '\t' || c == '\r'))) || c == 0x7f)
            throw bad(field, "holds a control character");
    s = multiline ? text::normalize_whitespace(s) : text::collapse_spaces(s);
    return s;
}

json checked_concepts(const json& v, const std::string& field, const std::string& facet_id, const Taxonomy& tax,
                      size_t max) {
    const Facet* facet = tax.facet(facet_id);
    json values = v.is_string() ? json::array({v}) : v;
    if (!values.is_array()) throw bad(field, "must be a list of " + facet_id + " values");
    if (values.size() > max) throw bad(field, "more than " + std::to_string(max) + " values");
    json out = json::array();
    for (const auto& item : values) {
        if (!item.is_string()) throw bad(field, "must be a list of strings");
        std::string id = facet ? tax.resolve(*facet, item.get<std::string>()) : std::string();
        if (id.empty()) throw bad(field, "'" + item.get<std::string>().substr(0, 80) + "' is not a " + facet_id + " of the taxonomy");
        if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
    }
    return out;
}

// http(s) only, with a host, no spaces or quotes: shown as text, never as markup.
std::string checked_url(const json& v, size_t max) {
    std::string u = checked_text(v, "url", max, false);
    const bool https = u.rfind("https://", 0) == 0, http = u.rfind("http://", 0) == 0;
    if (!https && !http) throw bad("url", "must start with https:// or http://");
    const size_t host_start = https ? 8 : 7;
    const size_t host_end = u.find_first_of("/?#", host_start);
    if (host_end == host_start || host_start == u.size()) throw bad("url", "has no host");
    for (unsigned char c : u)
        if (c == ' ' || c == '"' || c == '<' || c == '>' || c == '\\' || c == '`') throw bad("url", "holds a space or a quote");
    return u;
}

// A lab's symbol: letters, digits and -./ only (A6-LAB-2025-01).
std::string checked_symbol(const json& v, size_t max) {
    std::string s = checked_text(v, "lab", max, false);
    if (s.empty()) throw bad("lab", "is empty");
    for (unsigned char c : s)
        if (!std::isalnum(c) && c != '-' && c != '.' && c != '/') throw bad("lab", "is not a lab symbol (like A6-LAB-2025-01)");
    return s;
}

json checked_field(const std::string& name, const json& v, const Taxonomy& tax, const FieldLimits& lim) {
    if (name == "title") return checked_text(v, name, lim.title, false);
    if (name == "text" || name == "answer") return checked_text(v, name, lim.text, true);
    if (name == "groups" || name == "to_groups") return checked_concepts(v, name, "group", tax, lim.list);
    if (name == "topics") return checked_concepts(v, name, "topic", tax, lim.list);
    if (name == "lab") return checked_symbol(v, lim.short_text);
    if (name == "url") return checked_url(v, lim.url);
    if (name == "answers") {
        if (v.is_number_integer() && v.get<int64_t>() > 0) return v;
        const std::string s = v.is_string() ? v.get<std::string>() : std::string();
        if (!s.empty() && s.size() < 19 && std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; }) &&
            std::stoll(s) > 0)
            return std::stoll(s);
        throw bad(name, "must be the id of a question (a positive number)");
    }
    if (name == "due") {
        std::string d = checked_text(v, name, lim.short_text, false);
        if (!d.empty() && !text::parse_date(d)) throw bad(name, "is not a date (write YYYY-MM-DD, YYYY-MM or YYYY)");
        return d.empty() ? json(d) : json(*text::parse_date(d));
    }
    return checked_text(v, name, lim.short_text, false);  // by, contact
}

bool empty_value(const json& v) {
    return v.is_null() || (v.is_string() && v.get<std::string>().empty()) || (v.is_array() && v.empty());
}

}  // namespace

Contribution parse_contribution(const json& body, const Taxonomy& taxonomy, const FieldLimits& limits) {
    if (!body.is_object()) throw UserError("bad_field", "the body must be a JSON object");
    auto kind_it = body.find("kind");
    if (kind_it == body.end() || !kind_it->is_string()) throw bad("kind", "is required: one of question, answer, outcome, pledge, resource, challenge");
    const std::string kind = kind_it->get<std::string>();
    auto k = std::find_if(kind_table().begin(), kind_table().end(), [&](const KindFields& f) { return f.kind == kind; });
    if (k == kind_table().end()) throw bad("kind", "'" + kind.substr(0, 40) + "' is not one of question, answer, outcome, pledge, resource, challenge");
    Contribution c;
    c.kind = kind;
    for (const auto& [name, value] : body.items()) {
        if (name == "kind" || name == HONEYPOT) continue;
        if (!k->allowed.count(name)) throw bad(name, "is not a field of a " + kind);
        if (empty_value(value)) continue;
        json checked = checked_field(name, value, taxonomy, limits);
        if (name == "contact") c.contact = checked.get<std::string>();
        else if (!empty_value(checked)) c.fields[name] = std::move(checked);
    }
    for (const auto& name : k->required)
        if (!c.fields.contains(name)) throw bad(name, "is required for a " + kind);
    if (!c.fields.contains("title") && kind != "answer") {  // an answer is titled after its question when indexed
        // A title for lists and search results: the start of the text.
        std::string t = c.fields["text"].get<std::string>();
        if (t.size() > 120) {
            size_t cut = 117;
            while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
            t = t.substr(0, cut) + "...";
        }
        c.fields["title"] = t;
    }
    return c;
}

json edited_fields(const Contribution& c, const json& changes, const Taxonomy& taxonomy) {
    if (!changes.is_object()) throw UserError("bad_field", "the body must be a JSON object");
    json merged = c.fields;
    for (const auto& [name, value] : changes.items()) {
        if (name == "kind" || name == "status" || name == "id") throw bad(name, "cannot be edited");
        merged[name] = value;
    }
    merged["kind"] = c.kind;
    if (!c.contact.empty()) merged["contact"] = c.contact;
    return parse_contribution(merged, taxonomy).fields;
}

json contribution_json(const Contribution& c, bool with_contact) {
    json j = {{"id", c.id}, {"kind", c.kind}, {"status", c.status}, {"submitted_at", c.submitted_at},
              {"updated_at", c.updated_at}, {"revision", c.revision}};
    for (const auto& [k, v] : c.fields.items()) j[k] = v;
    if (with_contact && !c.contact.empty()) j["contact"] = c.contact;
    return j;
}

}  // namespace a6kb
