// SPDX-License-Identifier: Apache-2.0
// Rendering of core results: JSON for the API (docs/api.md), Atom and
// OpenSearch XML, CSV. Pure functions of their inputs.
#pragma once

#include "core/search/reader.h"
#include "core/search/searcher.h"

#include <nlohmann/json.hpp>

#include <string>

namespace a6kb {

nlohmann::json to_json(const SearchResult& r, const SearchRequest& request);
// Paragraph search (GET /api/v1/passages): documents with their passages.
nlohmann::json to_json(const PassageResult& r, const SearchRequest& request);
nlohmann::json to_json(const DocumentView& v);
// One part of a record's text (render_reader.cc): passages with citation and
// links, the contents, the part's place; `file_link`: pages link the original file.
nlohmann::json to_json(const ReaderText& t, const Record& r, bool file_link);
nlohmann::json to_json(const std::vector<FacetResult>& facets);
nlohmann::json to_json(const std::vector<Suggestion>& suggestions, const std::string& q);
// The overviews (render_overviews.cc), twins of /labs, /arrangements and
// /rulebook; the rulebook's `facet` ("topic" or "group", empty: all) keeps the
// provisions with that concept.
nlohmann::json to_json(const LabsOverview& v, const Taxonomy& tax);
nlohmann::json to_json(const ArrangementsOverview& v, const Taxonomy& tax);
nlohmann::json to_json(const RulebookView& v, const std::string& facet, const std::string& concept_id);
nlohmann::json error_json(const std::string& code, const std::string& message);

// URL query string for parameters ("a=b&c=d", percent-encoded).
std::string query_string(const Params& params);

// An Atom feed of a search: `base` is the public address ("http://host:port").
std::string atom_feed(const SearchResult& r, const SearchRequest& request, const std::string& base);
std::string opensearch_description(const std::string& base);

// CSV of search hits (render_csv.cc): UTF-8 with a BOM, RFC 4180 quoting,
// CRLF line ends, formula-like cells neutralised. The header row (after the
// BOM), then one row per hit; the columns are listed in docs/api.md (one per
// taxonomy facet, in its order). `base` as for atom_feed.
std::string csv_header(const Taxonomy& taxonomy);
void append_csv_rows(std::string& out, const SearchResult& result, const Taxonomy& taxonomy, const std::string& base);

}  // namespace a6kb
