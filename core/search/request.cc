// SPDX-License-Identifier: Apache-2.0
#include "core/search/request.h"

#include "core/model/errors.h"
#include "core/model/text.h"

#include <algorithm>
#include <charconv>
#include <set>

namespace a6kb {
namespace {

bool parse_int(const std::string& s, int& out) {
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
}

[[noreturn]] void bad(const std::string& name, const std::string& why) {
    throw UserError("bad_parameter", "parameter '" + name + "': " + why);
}

// The q parameter: at most max_query_bytes, as valid UTF-8, trimmed.
std::string query_text(const std::string& value, const SearchLimits& limits) {
    if (value.size() > limits.max_query_bytes)
        throw UserError("query_too_long", "parameter 'q': the query is " + std::to_string(value.size()) +
                                              " bytes; the limit is " + std::to_string(limits.max_query_bytes));
    size_t repaired = 0;
    return text::trim(text::repair_utf8(value, &repaired));
}

int year_of(const std::string& name, const std::string& value) {
    int y = 0;
    if (!parse_int(value, y) || y < 1900 || y > 2200) bad(name, "'" + value + "' is not a year");
    return y;
}

Xapian::Query or_terms(const std::vector<std::string>& terms) {
    std::vector<Xapian::Query> qs;
    for (const auto& t : terms) qs.emplace_back(t);
    return Xapian::Query(Xapian::Query::OP_OR, qs.begin(), qs.end());
}

// A value for a facet filter: a year, or a concept given by id, label or acronym.
void add_facet_value(SearchRequest& r, const schema::FacetField& field, const std::string& value, const Taxonomy& taxonomy) {
    if (value.empty()) return;  // an empty form field
    std::string id;
    if (field.values == schema::Values::year_of_date) {
        year_of(field.id, value);
        id = value;
    } else {
        const Facet* facet = taxonomy.facet(field.concepts_facet());
        id = facet ? taxonomy.resolve(*facet, value) : std::string();
        if (id.empty()) bad(field.id, "'" + value + "' is not a value of the " + (facet ? facet->label : field.id) + " facet");
    }
    auto& list = r.filters[field.id];
    if (std::find(list.begin(), list.end(), id) == list.end()) list.push_back(id);
}

// The parameters that are not facets; false if `name` is none of them.
bool parse_option(SearchRequest& r, const std::string& name, const std::string& value, const SearchLimits& limits) {
    if (name == "q") {
        r.q = query_text(value, limits);
    } else if (name == "page" || name == "per_page") {
        int n = 0;
        if (!parse_int(value, n)) bad(name, "'" + value + "' is not a whole number");
        if (name == "page") {
            if (n < 1) bad(name, "pages count from 1");
            r.page = n;
        } else {
            if (n < 1 || n > limits.max_per_page) bad(name, "must be between 1 and " + std::to_string(limits.max_per_page));
            r.per_page = n;
        }
    } else if (name == "passages") {
        int n = 0;
        if (!parse_int(value, n) || n < 1 || n > MAX_PASSAGES)
            bad(name, "'" + value + "' is not a whole number between 1 and " + std::to_string(MAX_PASSAGES));
        r.passages = n;
    } else if (name == "view") {
        if (value == "paragraphs") r.paragraphs = true;
        else if (value == "documents") r.paragraphs = false;
        else bad(name, "'" + value + "' is not one of documents, paragraphs");
    } else if (name == "sort") {
        if (value == "relevance") r.sort = SearchRequest::Sort::relevance;
        else if (value == "newest") r.sort = SearchRequest::Sort::newest;
        else if (value == "oldest") r.sort = SearchRequest::Sort::oldest;
        else bad(name, "'" + value + "' is not one of relevance, newest, oldest");
    } else if (name == "exact") {
        if (value == "1" || value == "true") r.exact_words = true;
        else if (value == "0" || value == "false") r.exact_words = false;
        else bad(name, "'" + value + "' is not one of 1, 0");
    } else if (name == "versions") {
        if (value == "latest") r.latest_only = true;
        else if (value == "all") r.latest_only = false;
        else bad(name, "'" + value + "' is not one of latest, all");
    } else {
        return false;
    }
    return true;
}

}  // namespace

bool SearchRequest::selects(const schema::FacetField& facet) const {
    auto sel = filters.find(facet.id);
    return (sel != filters.end() && !sel->second.empty()) || (facet.display == schema::Display::range && has_range());
}

std::string_view to_string(SearchRequest::Sort sort) {
    switch (sort) {
        case SearchRequest::Sort::relevance: return "relevance";
        case SearchRequest::Sort::newest: return "newest";
        case SearchRequest::Sort::oldest: return "oldest";
    }
    return "relevance";
}

const schema::FacetField* range_facet(const Taxonomy& taxonomy) {
    for (const auto& f : taxonomy.fields())
        if (f.display == schema::Display::range) return &f;
    return nullptr;
}

Params SearchRequest::to_params() const {
    Params p;
    if (!q.empty()) p.emplace_back("q", q);
    for (const auto& [facet, values] : filters)
        for (const auto& v : values) p.emplace_back(facet, v);
    // Range facets are declared ones (derived facets hold concepts).
    for (const auto& f : schema::declared_facets()) {
        if (f.display != schema::Display::range) continue;
        if (year_from) p.emplace_back(f.id + "_from", std::to_string(*year_from));
        if (year_to) p.emplace_back(f.id + "_to", std::to_string(*year_to));
        break;
    }
    if (sort != Sort::relevance) p.emplace_back("sort", std::string(to_string(sort)));
    if (!latest_only) p.emplace_back("versions", "all");
    if (passages != 1) p.emplace_back("passages", std::to_string(passages));
    if (paragraphs) p.emplace_back("view", "paragraphs");
    if (exact_words) p.emplace_back("exact", "1");
    if (per_page != 10) p.emplace_back("per_page", std::to_string(per_page));
    if (page != 1) p.emplace_back("page", std::to_string(page));
    return p;
}

SearchRequest parse_search_request(const Params& params, const Taxonomy& taxonomy, const SearchLimits& limits,
                                   const std::vector<std::string>& allowed_extra) {
    SearchRequest r;
    const schema::FacetField* range = range_facet(taxonomy);
    const std::string from = range ? range->id + "_from" : std::string(), to = range ? range->id + "_to" : std::string();
    std::set<std::string> seen_single;
    for (const auto& [name, value] : params) {
        if (const schema::FacetField* facet = taxonomy.field(name)) {
            add_facet_value(r, *facet, value, taxonomy);
            continue;
        }
        if (std::find(allowed_extra.begin(), allowed_extra.end(), name) != allowed_extra.end()) continue;
        if (!seen_single.insert(name).second) bad(name, "given more than once");
        if (range && (name == from || name == to)) {
            if (!value.empty()) (name == from ? r.year_from : r.year_to) = year_of(name, value);
        } else if (!parse_option(r, name, value, limits)) {
            bad(name, "unknown parameter");
        }
    }
    if (r.year_from && r.year_to && *r.year_from > *r.year_to) bad(from, "is after " + to);
    if (static_cast<long>(r.page) * r.per_page > limits.max_depth)
        bad("page", "results deeper than " + std::to_string(limits.max_depth) + " are not served; narrow the search");
    return r;
}

Xapian::Query filter_query(const SearchRequest& r, const Taxonomy& taxonomy, std::string_view skip) {
    std::vector<Xapian::Query> parts;
    for (const auto& [facet, values] : r.filters) {
        const schema::FacetField* f = taxonomy.field(facet);
        if (facet == skip || values.empty() || !f) continue;
        std::vector<std::string> terms;
        for (const auto& v : values) terms.push_back(schema::term(*f, v));
        parts.push_back(or_terms(terms));
    }
    const schema::FacetField* range = range_facet(taxonomy);
    if (range && r.has_range() && skip != range->id) {
        std::string from = r.year_from ? std::to_string(*r.year_from) : "0000";
        std::string to = r.year_to ? std::to_string(*r.year_to) : "9999";
        parts.emplace_back(Xapian::Query::OP_VALUE_RANGE, range->slot, from, to);
    }
    if (r.latest_only) parts.emplace_back(std::string(schema::LATEST.prefix));
    if (parts.empty()) return Xapian::Query();
    return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

Xapian::Query filtered(const Xapian::Query& base, const Xapian::Query& filter) {
    if (filter.empty()) return base;
    return Xapian::Query(Xapian::Query::OP_FILTER, base, filter);
}

SuggestRequest parse_suggest_request(const Params& params, const SearchLimits& limits) {
    SuggestRequest r;
    std::set<std::string> seen;
    for (const auto& [name, value] : params) {
        if (name != "q" && name != "limit") bad(name, "unknown parameter");
        if (!seen.insert(name).second) bad(name, "given more than once");
        int n = 0;
        if (name == "q") r.q = query_text(value, limits);
        else if (!parse_int(value, n) || n < 1 || n > 50) bad(name, "must be a whole number between 1 and 50");
        else r.limit = static_cast<size_t>(n);
    }
    return r;
}

}  // namespace a6kb
