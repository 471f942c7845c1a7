// SPDX-License-Identifier: Apache-2.0
// A search request: parsed once from URL parameters (the JSON API, the
// pages and the feed share the parser), turned back into parameters for
// links, and into the Xapian filter it stands for.
#pragma once

#include "core/model/taxonomy.h"

#include <xapian.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace a6kb {

using Params = std::vector<std::pair<std::string, std::string>>;

inline constexpr int MAX_PASSAGES = 5;  // passages=N, at most

struct SearchLimits {
    size_t max_query_bytes = 1000;
    int max_per_page = 100;
    int max_depth = 10000;          // page * per_page
    double time_limit_s = 2.0;      // per match; 0 = none
};

struct SearchRequest {
    enum class Sort { relevance, newest, oldest };
    std::string q;
    std::map<std::string, std::vector<std::string>> filters;  // facet id -> values (OR within, AND across)
    // The range of the range facet (schema::Display::range, the year):
    // parameters ID_from and ID_to.
    std::optional<int> year_from, year_to;
    Sort sort = Sort::relevance;
    int page = 1;
    int per_page = 10;
    bool latest_only = true;  // versions=latest
    int passages = 1;         // passages=N (1-5): passages shown per hit
    bool paragraphs = false;  // view=paragraphs: the results page's Paragraphs view (pages only)
    bool exact_words = false; // exact=1: no spelling correction
    // Not a URL parameter: a caller that only lists records (the CSV export)
    // sets it to skip what a list does not show: snippets (each reads the
    // hit's page text) and facet counts.
    bool records_only = false;

    bool has_range() const { return year_from || year_to; }
    // Whether `facet` has a selection: values, or the range on a range facet.
    bool selects(const schema::FacetField& facet) const;

    // The request as URL parameters (for links: next page, feed, removing a filter).
    Params to_params() const;
};

std::string_view to_string(SearchRequest::Sort sort);

// The taxonomy's range facet (the year), or nullptr.
const schema::FacetField* range_facet(const Taxonomy& taxonomy);

// Parses URL parameters. Throws UserError with code "bad_parameter" (naming
// the parameter and the value) or "query_too_long". A parameter named for a
// facet of Taxonomy::fields filters on it; concept values may be ids, labels
// or acronyms and are stored as ids. `allowed_extra` lists parameter names
// that are accepted and ignored.
SearchRequest parse_search_request(const Params& params, const Taxonomy& taxonomy, const SearchLimits& limits = {},
                                   const std::vector<std::string>& allowed_extra = {});

// The completion endpoint's parameters: q (the same checks as a search's)
// and limit (1 to 50). Throws UserError as parse_search_request does.
struct SuggestRequest {
    std::string q;
    size_t limit = 10;
};
SuggestRequest parse_suggest_request(const Params& params, const SearchLimits& limits = {});

// The request's filters as a query: every selected facet except `skip`
// (empty: none skipped), the range, and latest versions only when asked.
// An empty query when nothing filters.
Xapian::Query filter_query(const SearchRequest& r, const Taxonomy& taxonomy, std::string_view skip = {});
// `base` filtered by `filter` (base itself when the filter is empty).
Xapian::Query filtered(const Xapian::Query& base, const Xapian::Query& filter);

}  // namespace a6kb
