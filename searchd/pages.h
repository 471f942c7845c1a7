// SPDX-License-Identifier: Apache-2.0
// The web pages: server-rendered HTML from the same SearchRequest and
// SearchResult as the JSON API, through ctemplate templates in web/templates
// (auto-escaped: every value is HTML-escaped by context unless a template
// marks it :none, which only pre-escaped snippets are).
#pragma once

#include "core/search/reader.h"
#include "core/search/searcher.h"
#include "searchd/community_store.h"

#include <memory>
#include <string>

namespace ctemplate {
class TemplateCache;
class TemplateDictionary;
}  // namespace ctemplate

namespace a6kb {

// What the home page shows: the facet overview, the size, the newest records.
struct HomeView {
    std::vector<FacetResult> facets;
    size_t documents = 0;
    SearchResult newest;  // of newest_request()
    static SearchRequest newest_request();
};

// What the about page shows: holdings by type, the public address.
struct AboutView {
    std::vector<FacetResult> facets;
    size_t documents = 0;
    std::string base;
};

// What the document page shows of the record's text (the reader): one
// part of its passages, the contents, the query to highlight.
struct ReaderPage {
    ReaderText text;
    std::string q;            // highlighted; kept in the part and contents links
    bool file_link = false;   // the original file may be linked (a file record, files served)
    std::string base;         // public address for "Cite this document" (empty: the page's own path)
};

// The /contribute page: the form of one kind, what was typed (after an
// error), or the thanks for a stored contribution.
struct ContributeForm {
    std::string kind = "question";
    nlohmann::json values = nlohmann::json::object();
    std::string error;
    int64_t thanks = 0;
    std::vector<std::pair<std::string, std::string>> labs;  // symbol, title
};

// /moderate: the login form, or the queue of one moderator's session.
struct ModerationView {
    bool login = true;
    std::string moderator, csrf, error, notice;
    std::vector<Contribution> pending, approved;
    std::vector<std::string> labs;  // lab symbols, for the desks
};

// /labs/{lab}/record: the rapporteur's forms.
struct DeskView {
    std::string lab, lab_title, moderator, csrf, error;
    int64_t saved = 0;
};

// Renders results; never searches (the routes do, then pick a renderer).
class Pages {
public:
    // `web` is the folder holding templates/ and static/. Throws
    // std::runtime_error when a template is missing or does not parse.
    explicit Pages(const std::string& web);
    ~Pages();

    std::string home(const HomeView& v, const Taxonomy& tax);
    // `limits` bound the pager (no page past max_depth).
    std::string search(const SearchRequest& r, const SearchResult& res, const Taxonomy& tax, const SearchLimits& limits,
                       const std::string& feed_url);
    // The Paragraphs view of the results page (view=paragraphs).
    std::string paragraphs(const SearchRequest& r, const PassageResult& res, const Taxonomy& tax, const SearchLimits& limits,
                           const std::string& feed_url);
    // Without `reader`, the record's metadata and links only.
    std::string document(const DocumentView& v, const Taxonomy& tax, const ReaderPage* reader = nullptr);
    // `community`: contributions are on (the page says how to add to the labs).
    std::string labs(const LabsOverview& o, const Taxonomy& tax, bool community = false);
    std::string arrangements(const ArrangementsOverview& o, const Taxonomy& tax);  // pages_arrangements.cc
    // The rulebook (pages_rulebook.cc): without `facet`, the overview (every
    // topic and stakeholder group with its number of provisions); with
    // `facet` ("topic" or "group") and a concept of it, that concept's
    // provisions ("What applies to Governments and ...").
    std::string rulebook(const RulebookView& v, const Taxonomy& tax, const std::string& facet = "",
                         const std::string& concept_id = "");
    std::string about(const AboutView& v);
    std::string error(int status, const std::string& message, const std::string& q = "");
    // pages_community.cc
    std::string contribute(const ContributeForm& f, const Taxonomy& tax);
    std::string moderation(const ModerationView& v);
    std::string desk(const DeskView& v, const Taxonomy& tax);

    // Appended to asset URLs (?v=...) so they can be cached for a year.
    const std::string& asset_version() const { return asset_version_; }
    const std::string& static_dir() const { return static_dir_; }

private:
    std::unique_ptr<ctemplate::TemplateCache> cache_;
    std::string asset_version_;
    std::string static_dir_;

    std::string render(ctemplate::TemplateDictionary& dict, const std::string& body_template);
    // The results page: the hits of `res`, or the paragraphs when given.
    std::string results(const SearchRequest& r, const SearchResult& res, const PassageResult* paragraphs, const Taxonomy& tax,
                        const SearchLimits& limits, const std::string& feed_url);
};

}  // namespace a6kb
