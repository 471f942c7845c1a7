// SPDX-License-Identifier: Apache-2.0
#include "core/model/schema.h"

#include <xxhash.h>

#include <algorithm>
#include <cstdio>

namespace a6kb::schema {

namespace {

FacetField concepts(std::string id, std::string prefix, Xapian::valueno slot, bool multi, std::string about) {
    FacetField f;
    f.id = std::move(id);
    f.prefix = std::move(prefix);
    f.slot = slot;
    f.multi = multi;
    f.about = std::move(about);
    return f;
}

std::vector<FacetField> make_declared() {
    std::vector<FacetField> list;
    auto add = [&](FacetField f, auto&& tweak) {
        tweak(f);
        list.push_back(std::move(f));
    };
    add(concepts("type", "XK", 1, false, "document type"), [](FacetField& f) {
        f.plural = "Type";
        f.open = true;
        f.api_key = "type";
    });
    add(concepts("status", "XST", 6, false, "status (adopted, draft, ...)"), [](FacetField& f) { f.api_key = "status"; });
    add(concepts("mechanism", "XM", 2, true, "mechanism (article-6.2, article-6.4, article-6.8, cdm)"), [](FacetField& f) {
        f.open = true;
        f.text = true;
        f.api_key = "mechanism";
    });
    add(concepts("group", "XG", 3, true, "stakeholder group"), [](FacetField& f) {
        f.plural = "Stakeholder groups";
        f.open = true;
        f.api_key = "groups";
    });
    // Lab questions: the stakeholder groups that asked (values are group concepts).
    add(concepts("asked_by", "XQ", 11, true, "stakeholder groups that asked a lab question"), [](FacetField& f) {
        f.values_of = "group";
        f.display = Display::hidden;
        f.label = "Asked by";
    });
    // Article 6.2 arrangements and their transfers: the Parties in their roles
    // (values are country concepts; the `country` facet holds both).
    add(concepts("host", "XH", NO_SLOT, false, "host Party of an Article 6.2 arrangement or transfer"), [](FacetField& f) {
        f.values_of = "country";
        f.display = Display::hidden;
        f.label = "Host Party";
    });
    add(concepts("acquirer", "XA", NO_SLOT, false, "acquiring Party of an Article 6.2 arrangement or transfer"), [](FacetField& f) {
        f.values_of = "country";
        f.display = Display::hidden;
        f.label = "Acquiring Party";
    });
    add(concepts("topic", "XC", 4, true, "topic"), [](FacetField& f) {
        f.plural = "Topics";
        f.text = true;
        f.api_key = "topics";
    });
    add(concepts("scope", "XSC", 5, true, "CDM sectoral scope (1-15)"), [](FacetField& f) {
        f.plural = "Sectoral scopes";
        f.numbered = true;
        f.api_key = "scopes";
    });
    add(concepts("lang", "XL", 7, false, "language code (en, fr, ...)"), [](FacetField& f) { f.api_key = "lang"; });
    add(concepts("year", "XY", 8, false, "year of the date"), [](FacetField& f) {
        f.values = Values::year_of_date;
        f.display = Display::range;
        f.label = "Year";
        f.plural = "Years";
    });
    return list;
}

std::string with_prefix(std::string_view prefix, std::string_view value) {
    std::string t(prefix);
    t += value;
    // Xapian refuses terms over 245 bytes; keep a readable head and a hash.
    if (t.size() > 200) {
        char buf[20];
        std::snprintf(buf, sizeof buf, "%016llx",
                      static_cast<unsigned long long>(XXH3_64bits(value.data(), value.size())));
        t = t.substr(0, 160) + "#" + buf;
    }
    return t;
}

std::string lowercase(std::string_view value) {
    std::string lower(value);
    for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
    return lower;
}

}  // namespace

const std::vector<FacetField>& declared_facets() {
    static const std::vector<FacetField> list = make_declared();
    return list;
}

const FacetField* facet(std::string_view id) {
    for (const auto& f : declared_facets())
        if (f.id == id) return &f;
    return nullptr;
}

std::string derived_prefix(std::string_view facet_id) {
    std::string p = "XZ";
    for (char c : facet_id) p += (c >= 'a' && c <= 'z') ? char(c - 'a' + 'A') : c;
    return p + ":";
}

bool reserved_name(std::string_view id) {
    static constexpr std::array<std::string_view, 5> params = {"q", "page", "per_page", "sort", "versions"};
    auto in = [&](const auto& list) { return std::find(list.begin(), list.end(), id) != list.end(); };
    return in(RECORD_FIELDS) || in(params);
}

std::string term(const FacetField& field, std::string_view value) { return with_prefix(field.prefix, lowercase(value)); }

std::string term(const Field& field, std::string_view value) { return with_prefix(field.prefix, lowercase(value)); }

std::string exact_term(const Field& field, std::string_view value) { return with_prefix(field.prefix, value); }

std::string encode_multi(std::vector<std::string> values) {
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    std::string out;
    for (const auto& v : values) {
        if (v.empty()) continue;
        if (!out.empty()) out += '|';
        out += v;
    }
    return out;
}

std::vector<std::string> split_multi(std::string_view encoded) {
    std::vector<std::string> out;
    while (!encoded.empty()) {
        auto bar = encoded.find('|');
        out.emplace_back(encoded.substr(0, bar));
        if (bar == std::string_view::npos) break;
        encoded.remove_prefix(bar + 1);
    }
    return out;
}

}  // namespace a6kb::schema
