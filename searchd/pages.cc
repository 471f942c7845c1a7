// SPDX-License-Identifier: Apache-2.0
#include "searchd/pages.h"

#include "core/model/text.h"
#include "core/search/citation.h"
#include "searchd/pages_reader.h"
#include "searchd/page_parts.h"
#include "searchd/render.h"

#include <ctemplate/template.h>
#include <ctemplate/template_cache.h>
#include <ctemplate/template_dictionary.h>
#include <xxhash.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace a6kb {

using ctemplate::TemplateDictionary;
using parts::record_values;
using parts::search_url;
using parts::thousands;

namespace {

const char* const TEMPLATES[] = {"header.tpl",   "footer.tpl",   "home.tpl",       "search.tpl",   "doc.tpl",
                                 "labs.tpl",     "about.tpl",    "error.tpl",      "arrangements.tpl", "rulebook.tpl",
                                 "contribute.tpl", "moderate.tpl", "desk.tpl"};

std::string labels_of(const Taxonomy& tax, const std::string& facet, const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : ", ") + tax.label_of(facet, id);
    return out;
}



// A date as people read it: "13 Nov 2021", "Nov 2021", "2021".
std::string human_date(const std::string& iso) { return written_date(iso, false); }


void ref_values(TemplateDictionary* d, const RecordRef& r, const Taxonomy& tax) {
    d->SetValue("DOC_URL", "/doc/" + r.id);
    d->SetValue("TITLE", r.title);
    if (!r.symbol.empty()) d->SetValueAndShowSection("SYMBOL", r.symbol, "HAS_SYMBOL");
    d->SetValue("VERSION", r.version);  // also used outside HAS_VERSION (the versions list)
    if (!r.version.empty()) d->ShowSection("HAS_VERSION");
    if (!r.date.empty()) d->SetValueAndShowSection("DATE", human_date(r.date), "HAS_DATE");
    if (!r.type.empty()) d->SetValueAndShowSection("TYPE_LABEL", tax.label_of("type", r.type), "HAS_TYPE");
    if (r.latest) d->ShowSection("LATEST");
}

std::string read_all(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

namespace parts {

std::string search_url(const SearchRequest& r) {
    std::string qs = query_string(r.to_params());
    return qs.empty() ? "/search" : "/search?" + qs;
}

std::string thousands(size_t n) {
    std::string s = std::to_string(n);
    for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
    return s;
}

void record_values(TemplateDictionary* d, const Taxonomy& tax, const Record& r) {
    d->SetValue("ID", r.id);
    d->SetValue("DOC_URL", "/doc/" + r.id);
    d->SetValue("TITLE", r.title);
    if (!r.symbols.empty()) d->SetValueAndShowSection("SYMBOL", r.symbols.front(), "HAS_SYMBOL");
    if (!r.version.empty()) d->SetValueAndShowSection("VERSION", r.version, "HAS_VERSION");
    const std::string type = r.first("type"), status = r.first("status");
    if (!type.empty()) d->SetValueAndShowSection("TYPE_LABEL", tax.label_of("type", type), "HAS_TYPE");
    d->SetValue("TYPE", type);
    if (!r.date.empty()) {
        d->SetValueAndShowSection("DATE", human_date(r.date), "HAS_DATE");
        d->SetValue("DATE_ISO", r.date);
    }
    if (!r.values("group").empty())
        d->SetValueAndShowSection("GROUPS", labels_of(tax, "group", r.values("group")), "HAS_GROUPS");
    if (!status.empty()) d->SetValueAndShowSection("STATUS_LABEL", tax.label_of("status", status), "HAS_STATUS");
    if (!r.url.empty()) d->SetValueAndShowSection("URL", r.url, "HAS_URL");
    if (!r.summary.empty()) d->SetValueAndShowSection("SUMMARY", r.summary, "HAS_SUMMARY");
}

}  // namespace parts

Pages::Pages(const std::string& web) : cache_(std::make_unique<ctemplate::TemplateCache>()) {
    namespace fs = std::filesystem;
    fs::path root(web);
    if (!fs::is_directory(root / "templates") || !fs::is_directory(root / "static"))
        throw std::runtime_error("--web " + web + ": expected the folders templates/ and static/ in it");
    cache_->SetTemplateRootDirectory((root / "templates").string());
    for (const char* t : TEMPLATES)
        if (!cache_->LoadTemplate(t, ctemplate::STRIP_BLANK_LINES))
            throw std::runtime_error("--web " + web + ": template " + t + " is missing or does not parse");
    cache_->Freeze();
    static_dir_ = (root / "static").string();
    std::string assets = read_all(root / "static/a6kb.css") + read_all(root / "static/a6kb.js");
    char buf[20];
    std::snprintf(buf, sizeof buf, "%08x", static_cast<unsigned>(XXH32(assets.data(), assets.size(), 0)));
    asset_version_ = buf;
}

Pages::~Pages() = default;

std::string Pages::render(TemplateDictionary& dict, const std::string& body_template) {
    dict.SetValue("ASSET_VERSION", asset_version_);
    std::string out;
    for (const std::string& t : {std::string("header.tpl"), body_template, std::string("footer.tpl")})
        if (!cache_->ExpandWithData(t, ctemplate::STRIP_BLANK_LINES, &dict, nullptr, &out))
            throw std::runtime_error("template " + t + " failed to expand");
    return out;
}


namespace {

void summary_part(TemplateDictionary& dict, const SearchRequest& r, const SearchResult& res, const std::string& feed_url) {
    dict.SetValue("PAGE_TITLE", r.q.empty() ? "Browse" : r.q + " \xE2\x80\x94 search");
    dict.SetValue("Q", r.q);
    dict.SetValue("FEED_URL", feed_url);
    dict.ShowSection("FEED");
    std::string qs = query_string(r.to_params());
    dict.SetValue("API_URL", "/api/v1/search" + (qs.empty() ? "" : "?" + qs));
    dict.SetValue("CSV_URL", "/api/v1/search.csv" + (qs.empty() ? "" : "?" + qs));
    dict.SetValue("TOTAL", (res.exact ? "" : "about ") + thousands(res.total) + (res.total == 1 ? " record" : " records"));
    char took[32];
    std::snprintf(took, sizeof took, "%.0f ms", res.took_ms);
    dict.SetValue("TOOK", took);
    dict.SetValue("HEADING", r.q.empty() ? std::string("Browse the knowledge base") : "Results for \u201c" + r.q + "\u201d");
    if (res.suggestion) {
        auto* sd = dict.AddSectionDictionary(res.corrected ? "CORRECTED" : "SUGGESTION");
        // "Search instead for" the query as typed, with correction off.
        SearchRequest alt = r;
        alt.q = res.corrected ? r.q : *res.suggestion;
        alt.exact_words = res.corrected;
        alt.page = 1;
        sd->SetValue("SUGGEST_TEXT", *res.suggestion);
        sd->SetValue("ORIGINAL", r.q);
        sd->SetValue("ALT_URL", search_url(alt));
    }
    parts::versions_part(dict, res);
}

// Active filters as removable chips: "Facet: value", and the range.
void chips_part(TemplateDictionary& dict, const SearchRequest& r, const Taxonomy& tax) {
    for (const auto& [facet, values] : r.filters) {
        const schema::FacetField* f = tax.field(facet);
        for (const auto& v : values) {
            SearchRequest less = r;
            auto& list = less.filters[facet];
            list.erase(std::remove(list.begin(), list.end(), v), list.end());
            less.page = 1;
            auto* cd = dict.AddSectionDictionary("CHIP");
            cd->SetValue("CHIP_LABEL", (f ? f->label : facet) + ": " + (f ? tax.label_of(*f, v) : v));
            cd->SetValue("CHIP_URL", search_url(less));
        }
    }
    if (r.has_range()) {
        const schema::FacetField* range = range_facet(tax);
        SearchRequest less = r;
        less.year_from.reset();
        less.year_to.reset();
        auto* cd = dict.AddSectionDictionary("CHIP");
        cd->SetValue("CHIP_LABEL", (range ? range->plural : std::string("Range")) + ": " +
                                       (r.year_from ? std::to_string(*r.year_from) : std::string("…")) + "\xE2\x80\x93" +
                                       (r.year_to ? std::to_string(*r.year_to) : std::string("…")));
        cd->SetValue("CHIP_URL", search_url(less));
    }
    if (!r.filters.empty() || r.has_range()) {
        SearchRequest none;
        none.q = r.q;
        dict.SetValueAndShowSection("CLEAR_URL", search_url(none), "HAS_CHIPS");
    }
}

// The sidebar: check boxes per facet (values with hits or ticked), the
// range's bounds and its known values; the filters it has no field for stay
// in the form as hidden inputs, so changing the sort or another filter keeps them.
void sidebar_part(TemplateDictionary& dict, const SearchRequest& r, const SearchResult& res, const Taxonomy& tax) {
    for (const auto& f : res.facets) {
        const schema::FacetField* field = tax.field(f.id);
        if (field && field->display == schema::Display::range)
            for (const auto& v : f.values)
                if (v.count > 0) dict.AddSectionDictionary("YEAR_OPTION")->SetValue("YEAR", v.value);
        if (!field || field->display != schema::Display::checkboxes) continue;
        auto* fd = dict.AddSectionDictionary("FACET");
        fd->SetValue("FACET_ID", f.id);
        fd->SetValue("FACET_LABEL", f.label);
        bool any_selected = false;
        size_t shown = 0;
        for (const auto& v : f.values) {
            if (v.count == 0 && !v.selected) continue;
            auto* vd = fd->AddSectionDictionary("VALUE");
            vd->SetValue("VALUE", v.value);
            vd->SetValue("LABEL", v.label);
            vd->SetValue("COUNT", thousands(v.count));
            vd->SetValue("INPUT_ID", "f-" + f.id + "-" + v.value);
            if (v.selected) vd->ShowSection("CHECKED");
            any_selected |= v.selected;
            ++shown;
        }
        if (shown == 0) fd->ShowSection("EMPTY");
        if (any_selected || field->open) fd->ShowSection("OPEN");
    }
    if (r.year_from) dict.SetValue("YEAR_FROM", std::to_string(*r.year_from));
    if (r.year_to) dict.SetValue("YEAR_TO", std::to_string(*r.year_to));
    for (const auto& [facet, values] : r.filters) {
        const schema::FacetField* field = tax.field(facet);
        if (field && field->display == schema::Display::checkboxes) continue;
        for (const auto& v : values) {
            auto* hd = dict.AddSectionDictionary("HIDDEN");
            hd->SetValue("NAME", facet);
            hd->SetValue("VALUE", v);
        }
    }
}

void controls_part(TemplateDictionary& dict, const SearchRequest& r) {
    dict.ShowSection(r.sort == SearchRequest::Sort::newest ? "SORT_NEWEST" : r.sort == SearchRequest::Sort::oldest ? "SORT_OLDEST" : "SORT_RELEVANCE");
    if (!r.latest_only) dict.ShowSection("ALL_VERSIONS");
    if (r.per_page != 10) dict.SetValueAndShowSection("PER_PAGE", std::to_string(r.per_page), "HAS_PER_PAGE");
}


// Pages up to the depth the searcher serves.
void pager_part(TemplateDictionary& dict, const SearchRequest& r, const SearchResult& res, const SearchLimits& limits) {
    size_t pages = (res.total + static_cast<size_t>(r.per_page) - 1) / static_cast<size_t>(r.per_page);
    pages = std::min(pages, static_cast<size_t>(limits.max_depth / r.per_page));
    if (pages <= 1) return;
    auto* pd = dict.AddSectionDictionary("PAGER");
    pd->SetValue("PAGE_NUM", std::to_string(r.page));
    pd->SetValue("PAGE_COUNT", thousands(pages));
    if (r.page > 1) {
        SearchRequest prev = r;
        prev.page = r.page - 1;
        pd->SetValueAndShowSection("PREV_URL", search_url(prev), "HAS_PREV");
    }
    if (static_cast<size_t>(r.page) < pages) {
        SearchRequest next = r;
        next.page = r.page + 1;
        pd->SetValueAndShowSection("NEXT_URL", search_url(next), "HAS_NEXT");
    }
}

}  // namespace

std::string Pages::search(const SearchRequest& r, const SearchResult& res, const Taxonomy& tax, const SearchLimits& limits,
                          const std::string& feed_url) {
    return results(r, res, nullptr, tax, limits, feed_url);
}

std::string Pages::paragraphs(const SearchRequest& r, const PassageResult& res, const Taxonomy& tax, const SearchLimits& limits,
                              const std::string& feed_url) {
    SearchResult shell;  // what the shared parts read: the documents' count, facets, time
    shell.query = r.q;
    shell.total = res.documents;
    shell.exact = res.exact;
    shell.page = res.page;
    shell.per_page = res.per_page;
    shell.facets = res.facets;
    shell.took_ms = res.took_ms;
    return results(r, shell, &res, tax, limits, feed_url);
}

std::string Pages::results(const SearchRequest& r, const SearchResult& res, const PassageResult* paragraphs,
                           const Taxonomy& tax, const SearchLimits& limits, const std::string& feed_url) {
    TemplateDictionary dict("search");
    summary_part(dict, r, res, feed_url);
    chips_part(dict, r, tax);
    sidebar_part(dict, r, res, tax);
    controls_part(dict, r);
    parts::views_part(dict, r);
    if (paragraphs) parts::paragraphs_part(dict, r, *paragraphs, tax);
    else parts::hits_part(dict, res, tax);
    pager_part(dict, r, res, limits);
    return render(dict, "search.tpl");
}

namespace {

// The record's facets as rows of its page, in the order of Taxonomy::fields.
void facet_rows(TemplateDictionary& dict, const Record& r, const Taxonomy& tax) {
    for (const auto& f : tax.fields()) {
        std::string value;
        for (const auto& v : values_of(r, f)) {
            if (f.values == schema::Values::year_of_date) continue;  // the date has its own row
            std::string label = tax.label_of(f, v);
            value += (value.empty() ? "" : f.numbered ? "; " : ", ") + (f.numbered ? v + " " + label : label);
        }
        if (value.empty()) continue;
        auto* rd = dict.AddSectionDictionary("META");
        rd->SetValue("META_LABEL", f.plural.empty() ? f.label : f.plural);
        rd->SetValue("META_VALUE", value);
    }
}

void links_part(TemplateDictionary& dict, const DocumentView& v, const Taxonomy& tax) {
    const Record& r = v.record;
    if (v.versions.size() > 1) {
        dict.ShowSection("HAS_VERSIONS");
        for (const auto& ref : v.versions) {
            auto* vd = dict.AddSectionDictionary("VERSION_ITEM");
            ref_values(vd, ref, tax);
            vd->ShowSection(ref.id == r.id ? "CURRENT" : "OTHER");
        }
    }
    if (!v.cites.empty()) {
        dict.ShowSection("HAS_CITES");
        for (const auto& [symbol, target] : v.cites) {
            auto* cd = dict.AddSectionDictionary("CITE");
            cd->SetValue("CITED_SYMBOL", target && target->id == symbol ? "" : symbol);  // a record cited by its id: its title says it
            if (target) ref_values(cd->AddSectionDictionary("CITE_FOUND"), *target, tax);
            else cd->ShowSection("CITE_MISSING");
        }
    }
    if (!v.cited_by.empty()) {
        dict.ShowSection("HAS_CITED_BY");
        dict.SetIntValue("CITED_BY_COUNT", static_cast<long>(v.cited_by.size()));
        for (const auto& ref : v.cited_by) ref_values(dict.AddSectionDictionary("CITED_BY"), ref, tax);
    }
    if (!v.similar.empty()) {
        dict.ShowSection("HAS_SIMILAR");
        for (const auto& ref : v.similar) ref_values(dict.AddSectionDictionary("SIMILAR"), ref, tax);
    }
}

}  // namespace

std::string Pages::document(const DocumentView& v, const Taxonomy& tax, const ReaderPage* reader) {
    const Record& r = v.record;
    TemplateDictionary dict("doc");
    dict.SetValue("PAGE_TITLE", (r.symbols.empty() ? "" : r.symbols.front() + ": ") + r.title);
    record_values(&dict, tax, r);
    auto row = [&](const std::string& label, const std::string& value) {
        if (value.empty()) return;
        auto* rd = dict.AddSectionDictionary("META");
        rd->SetValue("META_LABEL", label);
        rd->SetValue("META_VALUE", value);
    };
    std::string symbols;
    for (const auto& sym : r.symbols) symbols += (symbols.empty() ? "" : ", ") + sym;
    row("Symbol", symbols);
    row("Version", r.version + (r.version.empty() || !r.latest ? "" : " (latest)"));
    row("Date", r.date.empty() ? "" : human_date(r.date));
    facet_rows(dict, r, tax);
    std::string sources;
    for (const auto& src : r.sources) sources += (sources.empty() ? "" : ", ") + src;
    row("Source", sources);
    if (v.pages > 1) row("Pages", std::to_string(v.pages));
    if (!r.symbols.empty()) {
        SearchRequest q;
        q.q = r.symbols.front();
        dict.SetValueAndShowSection("SEARCH_SYMBOL_URL", search_url(q), "HAS_SEARCH_SYMBOL");
    }
    links_part(dict, v, tax);
    parts::provisions_part(dict, v, tax);
    if (reader) reader_part(dict, r, *reader);
    return render(dict, "doc.tpl");
}

std::string Pages::labs(const LabsOverview& o, const Taxonomy& tax, bool community) {
    TemplateDictionary dict("labs");
    dict.SetValue("PAGE_TITLE", "Implementation labs");
    dict.ShowSection(community ? "COMMUNITY" : "NO_COMMUNITY");
    auto part_list = [&](TemplateDictionary* ld, const char* section, const std::vector<Record>& parts) {
        for (const auto& p : parts) record_values(ld->AddSectionDictionary(section), tax, p);
        if (!parts.empty()) ld->ShowSection(std::string("HAS_") + section);
    };
    for (const auto& lab : o.labs) {
        auto* ld = dict.AddSectionDictionary("LAB");
        record_values(ld, tax, lab.lab);
        if (community) ld->SetValueAndShowSection("DESK_SYMBOL", lab.lab.symbols.front(), "DESK");
        part_list(ld, "ROUNDTABLE", lab.roundtables);
        part_list(ld, "QUESTION", lab.questions);
        part_list(ld, "PLAN", lab.plans);
        part_list(ld, "OUTCOME", lab.outcomes);
        part_list(ld, "PLEDGE", lab.pledges);
        if (lab.outcomes.empty() && lab.pledges.empty()) ld->ShowSection("NO_OUTCOMES");
    }
    if (o.labs.empty()) dict.ShowSection("NO_LABS");
    size_t total = 0;
    for (size_t a = 0; a < o.groups.size(); ++a) {
        auto* hd = dict.AddSectionDictionary("MATRIX_HEAD");
        hd->SetValue("GROUP_LABEL", tax.label_of("group", o.groups[a]));
        auto* rd = dict.AddSectionDictionary("MATRIX_ROW");
        rd->SetValue("GROUP_LABEL", tax.label_of("group", o.groups[a]));
        for (size_t g = 0; g < o.groups.size(); ++g) {
            auto* cd = rd->AddSectionDictionary("CELL");
            size_t n = o.asked[a][g];
            total += n;
            cd->SetValue("ASKER", tax.label_of("group", o.groups[a]));
            cd->SetValue("ASKED", tax.label_of("group", o.groups[g]));
            if (n > 0) {
                SearchRequest q;
                q.filters["type"] = {"lab-question"};
                q.filters["asked_by"] = {o.groups[a]};
                q.filters["group"] = {o.groups[g]};
                auto* nd = cd->AddSectionDictionary("CELL_LINK");
                nd->SetValue("CELL_URL", search_url(q));
                nd->SetIntValue("COUNT", static_cast<long>(n));
            } else {
                cd->ShowSection("CELL_EMPTY");
            }
        }
    }
    if (total == 0) dict.ShowSection("MATRIX_EMPTY");
    return render(dict, "labs.tpl");
}

std::string Pages::about(const AboutView& v) {
    TemplateDictionary dict("about");
    dict.SetValue("PAGE_TITLE", "About and API");
    dict.SetValue("DOCUMENTS", thousands(v.documents));
    dict.SetValue("BASE", v.base);
    for (const auto& f : v.facets) {
        if (f.id != "type") continue;
        for (const auto& value : f.values) {
            if (value.count == 0) continue;
            auto* vd = dict.AddSectionDictionary("HOLDING");
            vd->SetValue("LABEL", value.label);
            vd->SetValue("COUNT", thousands(value.count));
        }
    }
    return render(dict, "about.tpl");
}

std::string Pages::error(int status, const std::string& message, const std::string& q) {
    TemplateDictionary dict("error");
    dict.SetValue("PAGE_TITLE", status == 404 ? "Not found" : status >= 500 ? "Something went wrong" : "Bad request");
    dict.SetIntValue("STATUS", status);
    dict.SetValue("MESSAGE", message);
    dict.SetValue("Q", q);
    dict.ShowSection(status == 404 ? "IS_404" : "IS_OTHER");
    return render(dict, "error.tpl");
}

}  // namespace a6kb
