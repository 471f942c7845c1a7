// SPDX-License-Identifier: Apache-2.0
// searchd's routes by name: what /metrics counts them as and whether their
// answers may come from the response cache. The handlers themselves are
// declared in one function, SearchServer::routes() (routes.cc).
#pragma once

#include <array>
#include <string_view>

namespace a6kb {

enum class Route {
    search,              // GET /api/v1/search
    search_csv,          // GET /api/v1/search.csv
    passages,            // GET /api/v1/passages
    document,            // GET /api/v1/documents/{id}
    facets,              // GET /api/v1/facets
    labs,                // GET /api/v1/labs
    arrangements,        // GET /api/v1/arrangements
    rulebook,            // GET /api/v1/rulebook
    suggest,             // GET /api/v1/suggest
    feed,                // GET /feed.atom
    opensearch,          // GET /opensearch.xml
    healthz,             // GET /healthz
    metrics,             // GET /metrics
    home,                // GET /
    page_search,         // GET /search
    page_document,       // GET /doc/{id}
    page_passage,        // GET /doc/{id}/at/{anchor}: a redirect to the part holding it
    document_file,       // GET /doc/{id}/file
    page_labs,           // GET /labs
    page_arrangements,   // GET /arrangements
    page_rulebook,       // GET /rulebook
    page_about,          // GET /about
    contribute,          // POST /api/v1/contributions
    contributions,       // GET /api/v1/contributions, /api/v1/contributions/{id} (moderators)
    moderate,            // POST /api/v1/contributions/{id}/{approve,reject,withdraw}, PATCH .../{id}
    page_contribute,     // GET and POST /contribute
    page_moderate,       // /moderate and its forms
    page_lab_desk,       // GET and POST /labs/{lab}/record
    not_found,           // no route for the path
    method_not_allowed,  // an API path with a method other than GET or HEAD
};

struct RouteInfo {
    Route route;
    std::string_view name;  // the route label of a6kb_requests_total
    // The answer depends only on the request's path and query and on the
    // index revision (not on headers, the time or the connection), and is
    // small enough to keep: it may be answered from the response cache.
    bool cacheable;
};

inline constexpr std::array<RouteInfo, 30> ROUTES = {{
    {Route::search, "search", true},
    {Route::search_csv, "search_csv", false},  // up to max_depth rows: too big to keep
    {Route::passages, "passages", true},
    {Route::document, "document", true},
    {Route::facets, "facets", true},
    {Route::labs, "labs", true},
    {Route::arrangements, "arrangements", true},
    {Route::rulebook, "rulebook", true},
    {Route::suggest, "suggest", true},
    {Route::feed, "feed", false},              // links carry the Host header's address
    {Route::opensearch, "opensearch", false},
    {Route::healthz, "healthz", false},
    {Route::metrics, "metrics", false},
    {Route::home, "home", true},
    {Route::page_search, "page_search", true},
    {Route::page_document, "page_document", true},
    {Route::page_passage, "page_passage", false},  // a redirect, not a page
    {Route::document_file, "document_file", false},  // a file of any size, read from disk
    {Route::page_labs, "page_labs", true},
    {Route::page_arrangements, "page_arrangements", true},
    {Route::page_rulebook, "page_rulebook", true},
    {Route::page_about, "page_about", false},  // links carry the Host header's address
    {Route::contribute, "contribute", false},
    {Route::contributions, "contributions", false},
    {Route::moderate, "moderate", false},
    {Route::page_contribute, "page_contribute", false},
    {Route::page_moderate, "page_moderate", false},
    {Route::page_lab_desk, "page_lab_desk", false},
    {Route::not_found, "not_found", false},
    {Route::method_not_allowed, "method_not_allowed", false},
}};

constexpr const RouteInfo& info(Route r) { return ROUTES[static_cast<size_t>(r)]; }
static_assert([] {
    for (size_t i = 0; i < ROUTES.size(); ++i)
        if (static_cast<size_t>(ROUTES[i].route) != i) return false;
    return true;
}(), "ROUTES is in the order of Route");

constexpr std::string_view name_of(Route r) { return info(r).name; }
constexpr bool cacheable(Route r) { return info(r).cacheable; }

// The API's paths: /api/..., the feed, OpenSearch, health and metrics. They
// answer errors as JSON (pages answer them as pages), and methods other than
// GET and HEAD with 405.
constexpr bool is_api_path(std::string_view path) {
    return path.substr(0, 5) == "/api/" || path == "/feed.atom" || path == "/opensearch.xml" || path == "/healthz" ||
           path == "/metrics";
}

}  // namespace a6kb
