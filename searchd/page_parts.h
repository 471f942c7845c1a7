// SPDX-License-Identifier: Apache-2.0
// Parts of the results page shared by pages.cc and pages_results.cc (the
// hits with their passages, the Paragraphs view). Internal to searchd.
#pragma once

#include "core/search/searcher.h"

#include <string>

namespace ctemplate {
class TemplateDictionary;
}  // namespace ctemplate

namespace a6kb::parts {

std::string search_url(const SearchRequest& r);
std::string thousands(size_t n);
void record_values(ctemplate::TemplateDictionary* d, const Taxonomy& tax, const Record& r);

// The notice for each version typed after a symbol: put first, or not in the index.
void versions_part(ctemplate::TemplateDictionary& dict, const SearchResult& res);
// The hits, each with its best passages (or its snippet) and why it matched.
void hits_part(ctemplate::TemplateDictionary& dict, const SearchResult& res, const Taxonomy& tax);
// The Paragraphs view: documents with every passage that speaks to the query.
void paragraphs_part(ctemplate::TemplateDictionary& dict, const SearchRequest& r, const PassageResult& res, const Taxonomy& tax);
// A decision's provisions and a provision's paragraph, decision and
// refinements, on the document page (pages_rulebook.cc).
void provisions_part(ctemplate::TemplateDictionary& dict, const DocumentView& v, const Taxonomy& tax);

// The tabs between the results and the Paragraphs view, and the form
// fields that keep the view and passages=N.
void views_part(ctemplate::TemplateDictionary& dict, const SearchRequest& r);

}  // namespace a6kb::parts
