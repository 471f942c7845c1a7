// SPDX-License-Identifier: Apache-2.0
#include "core/search/searcher.h"

#include "core/model/errors.h"
#include "core/search/query.h"
#include "core/model/schema.h"
#include "core/model/symbols.h"
#include "core/model/text.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <charconv>
#include <cstring>
#include <set>
#include <unordered_map>

namespace a6kb {
namespace {

// Added to the score of records in force (see search()): enough to order an
// adopted text before its drafts when their words match about as well.
constexpr double SETTLED_BONUS = 1.5;

const schema::Field* facet_field(std::string_view id) { return schema::facet(id); }

bool parse_int(const std::string& s, int& out) {
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
}

[[noreturn]] void bad(const std::string& name, const std::string& why) {
    throw UserError("bad_parameter", "parameter '" + name + "': " + why);
}

Xapian::Query or_terms(const std::vector<std::string>& terms) {
    std::vector<Xapian::Query> qs;
    for (const auto& t : terms) qs.emplace_back(t);
    return Xapian::Query(Xapian::Query::OP_OR, qs.begin(), qs.end());
}

// The filter for every selected facet except `skip` (empty: none skipped).
Xapian::Query filters(const SearchRequest& r, const std::string& skip) {
    std::vector<Xapian::Query> parts;
    for (const auto& [facet, values] : r.filters) {
        if (facet == skip || values.empty()) continue;
        const schema::Field* f = facet_field(facet);
        std::vector<std::string> terms;
        for (const auto& v : values) terms.push_back(schema::term(*f, v));
        parts.push_back(or_terms(terms));
    }
    if ((r.year_from || r.year_to) && skip != "year") {
        std::string from = r.year_from ? std::to_string(*r.year_from) : "0000";
        std::string to = r.year_to ? std::to_string(*r.year_to) : "9999";
        parts.emplace_back(Xapian::Query::OP_VALUE_RANGE, schema::YEAR.slot, from, to);
    }
    if (r.latest_only) parts.emplace_back(std::string(schema::LATEST.prefix));
    if (parts.empty()) return Xapian::Query();
    return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

Xapian::Query filtered(const Xapian::Query& base, const Xapian::Query& filter) {
    if (filter.empty()) return base;
    return Xapian::Query(Xapian::Query::OP_FILTER, base, filter);
}

// The part of `page` around the first occurrence of one of `words` (ASCII
// case-insensitive), snapped to spaces: a snippet needs a few hundred bytes,
// and generating it over a whole long page costs a millisecond.
std::string_view window(std::string_view page, const std::vector<std::string>& words) {
    constexpr size_t BEFORE = 400, AFTER = 1200;
    if (page.size() <= BEFORE + AFTER) return page;
    size_t first = std::string_view::npos;
    for (const auto& w : words) {
        if (w.empty()) continue;
        // As written, then capitalised (memmem is fast); case-blind only if neither is there.
        std::string cap = w;
        cap[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(cap[0])));
        for (const std::string* form : {&w, static_cast<const std::string*>(&cap)}) {
            const void* hit = ::memmem(page.data(), page.size(), form->data(), form->size());
            if (hit) first = std::min(first, static_cast<size_t>(static_cast<const char*>(hit) - page.data()));
        }
        if (first != std::string_view::npos) continue;
        auto it = std::search(page.begin(), page.end(), w.begin(), w.end(), [](char a, char b) {
            return std::tolower(static_cast<unsigned char>(a)) == static_cast<unsigned char>(b);
        });
        if (it != page.end()) first = std::min(first, static_cast<size_t>(it - page.begin()));
    }
    if (first == std::string_view::npos) first = 0;
    size_t begin = first > BEFORE ? first - BEFORE : 0;
    size_t end = std::min(page.size(), first + AFTER);
    while (begin > 0 && begin < first && page[begin] != ' ' && page[begin] != '\n') ++begin;
    while (end < page.size() && page[end] != ' ' && page[end] != '\n') ++end;
    return page.substr(begin, end - begin);
}

std::string first_words(const std::string& s, size_t max_bytes) {
    std::string t = text::collapse_spaces(s.substr(0, max_bytes * 2));
    if (t.size() <= max_bytes) return text::html_escape(t);
    size_t cut = t.rfind(' ', max_bytes);
    if (cut == std::string::npos || cut < max_bytes / 2) cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 sequence
    return text::html_escape(t.substr(0, cut)) + "\xE2\x80\xA6";
}

std::string year_label(const std::string& v) { return v; }

// The q parameter: at most max_query_bytes, as valid UTF-8, trimmed.
std::string query_text(const std::string& value, const SearchLimits& limits) {
    if (value.size() > limits.max_query_bytes)
        throw UserError("query_too_long", "parameter 'q': the query is " + std::to_string(value.size()) +
                                              " bytes; the limit is " + std::to_string(limits.max_query_bytes));
    size_t repaired = 0;
    return text::trim(text::repair_utf8(value, &repaired));
}

}  // namespace

std::string_view to_string(SearchRequest::Sort sort) {
    switch (sort) {
        case SearchRequest::Sort::relevance: return "relevance";
        case SearchRequest::Sort::newest: return "newest";
        case SearchRequest::Sort::oldest: return "oldest";
    }
    return "relevance";
}

Params SearchRequest::to_params() const {
    Params p;
    if (!q.empty()) p.emplace_back("q", q);
    for (const auto& [facet, values] : filters)
        for (const auto& v : values) p.emplace_back(facet, v);
    if (year_from) p.emplace_back("year_from", std::to_string(*year_from));
    if (year_to) p.emplace_back("year_to", std::to_string(*year_to));
    if (sort != Sort::relevance) p.emplace_back("sort", std::string(to_string(sort)));
    if (!latest_only) p.emplace_back("versions", "all");
    if (per_page != 10) p.emplace_back("per_page", std::to_string(per_page));
    if (page != 1) p.emplace_back("page", std::to_string(page));
    return p;
}

SearchRequest parse_search_request(const Params& params, const Taxonomy& taxonomy, const SearchLimits& limits,
                                   const std::vector<std::string>& allowed_extra) {
    SearchRequest r;
    std::set<std::string> seen_single;
    auto single = [&](const std::string& name) {
        if (!seen_single.insert(name).second) bad(name, "given more than once");
    };
    for (const auto& [name, value] : params) {
        if (name == "q") {
            single(name);
            r.q = query_text(value, limits);
        } else if (name == "page" || name == "per_page") {
            single(name);
            int n = 0;
            if (!parse_int(value, n)) bad(name, "'" + value + "' is not a whole number");
            if (name == "page") {
                if (n < 1) bad(name, "pages count from 1");
                r.page = n;
            } else {
                if (n < 1 || n > limits.max_per_page)
                    bad(name, "must be between 1 and " + std::to_string(limits.max_per_page));
                r.per_page = n;
            }
        } else if (name == "sort") {
            single(name);
            if (value == "relevance") r.sort = SearchRequest::Sort::relevance;
            else if (value == "newest") r.sort = SearchRequest::Sort::newest;
            else if (value == "oldest") r.sort = SearchRequest::Sort::oldest;
            else bad(name, "'" + value + "' is not one of relevance, newest, oldest");
        } else if (name == "versions") {
            single(name);
            if (value == "latest") r.latest_only = true;
            else if (value == "all") r.latest_only = false;
            else bad(name, "'" + value + "' is not one of latest, all");
        } else if (name == "year_from" || name == "year_to") {
            single(name);
            if (value.empty()) continue;  // an empty form field
            int y = 0;
            if (!parse_int(value, y) || y < 1900 || y > 2200) bad(name, "'" + value + "' is not a year");
            (name == "year_from" ? r.year_from : r.year_to) = y;
        } else if (name == "year") {
            int y = 0;
            if (!parse_int(value, y) || y < 1900 || y > 2200) bad(name, "'" + value + "' is not a year");
            r.filters["year"].push_back(value);
        } else if (name == "asked_by") {
            const Facet* groups = taxonomy.facet("group");
            std::string id = groups ? taxonomy.resolve(*groups, value) : std::string();
            if (id.empty()) bad(name, "'" + value + "' is not a stakeholder group");
            auto& list = r.filters[name];
            if (std::find(list.begin(), list.end(), id) == list.end()) list.push_back(id);
        } else if (const Facet* facet = taxonomy.facet(name)) {
            if (!facet_field(name)) bad(name, "this facet is not searchable");
            if (value.empty()) continue;
            std::string id = taxonomy.resolve(*facet, value);
            if (id.empty()) bad(name, "'" + value + "' is not a value of the " + facet->label + " facet");
            auto& list = r.filters[name];
            if (std::find(list.begin(), list.end(), id) == list.end()) list.push_back(id);
        } else if (std::find(allowed_extra.begin(), allowed_extra.end(), name) == allowed_extra.end()) {
            bad(name, "unknown parameter");
        }
    }
    if (r.year_from && r.year_to && *r.year_from > *r.year_to) bad("year_from", "is after year_to");
    if (static_cast<long>(r.page) * r.per_page > limits.max_depth)
        bad("page", "results deeper than " + std::to_string(limits.max_depth) + " are not served; narrow the search");
    return r;
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

std::shared_ptr<const IndexSnapshot> SnapshotCache::get(const Xapian::Database& db, const std::string& path) {
    // A revision is named by what changes with every commit.
    std::string key = db.get_uuid() + ":" + std::to_string(db.get_lastdocid()) + ":" + std::to_string(db.get_doccount()) +
                      ":" + std::to_string(db.get_total_length());
    try {
        key += ":" + std::to_string(db.get_revision());
    } catch (const Xapian::Error&) {
        // several shards: no single revision
    }
    std::lock_guard lk(m_);
    if (current_ && current_->key == key) return current_;

    auto snap = std::make_shared<IndexSnapshot>();
    snap->key = key;
    if (taxonomy_) {
        snap->taxonomy = *taxonomy_;
    } else {
        std::string xml = db.get_metadata(std::string(schema::META_TAXONOMY));
        if (xml.empty())
            throw UserError("no_taxonomy", path + ": the index holds no taxonomy; index it with a6kb-indexer first");
        snap->taxonomy = Taxonomy::parse(xml, path + " (stored taxonomy)");
    }
    // Completions: symbols, titles of current records, concept labels.
    for (const auto& facet : snap->taxonomy.facets()) {
        for (const auto& c : facet.concepts) {
            Suggestion s{c.label, "concept", facet.id + ":" + c.id, facet.label + ": " + c.label};
            snap->suggest.push_back({slug(c.label), s, 1, {}});
            for (const auto& alt : c.alts) {
                Suggestion sa{alt, "concept", facet.id + ":" + c.id, facet.label + ": " + c.label};
                snap->suggest.push_back({slug(alt), sa, 1, {}});
            }
        }
    }
    const std::string latest(schema::LATEST.prefix);
    for (auto it = db.postlist_begin(latest); it != db.postlist_end(latest); ++it) {
        auto card = nlohmann::json::parse(db.get_document(*it).get_value(schema::CARD.slot), nullptr, false);
        if (!card.is_object()) continue;
        std::string id = card.value("i", ""), title = card.value("t", ""), symbol = card.value("s", ""), date = card.value("d", "");
        if (!symbol.empty())
            snap->suggest.push_back({slug(symbol), {symbol, "symbol", id, symbol + " \xE2\x80\x94 " + title}, 0, date});
        snap->suggest.push_back({slug(title), {title, "title", id, title}, 2, date});
    }
    snap->table = FacetTable::build(db);
    current_ = snap;
    return current_;
}

Searcher::Searcher(const std::string& db_path, std::optional<Taxonomy> taxonomy, SearchLimits limits,
                   std::shared_ptr<SnapshotCache> cache)
    : path_(db_path), db_(db_path), limits_(limits),
      cache_(cache ? std::move(cache) : std::make_shared<SnapshotCache>(std::move(taxonomy))) {
    snapshot_ = cache_->get(db_, path_);
}

bool Searcher::refresh() {
    bool changed = db_.reopen();
    if (changed || !snapshot_) snapshot_ = cache_->get(db_, path_);
    return changed;
}

std::string Searcher::revision() const {
    try {
        return std::to_string(db_.get_revision());
    } catch (const Xapian::Error&) {
        return "sharded";  // a stub over several databases has no single revision
    }
}

std::optional<Xapian::Document> Searcher::find(const std::string& id) {
    std::string q = schema::term(schema::ID, id);
    auto it = db_.postlist_begin(q);
    if (it == db_.postlist_end(q)) return std::nullopt;
    return db_.get_document(*it);
}

RecordRef Searcher::ref_of(const Xapian::Document& doc) {
    auto card = nlohmann::json::parse(doc.get_value(schema::CARD.slot), nullptr, false);
    if (!card.is_object()) {
        Record r = record_from_document(doc);
        return {r.id, r.title, r.symbols.empty() ? std::string() : r.symbols.front(), r.version, r.date, r.type, r.latest};
    }
    const std::string latest(schema::LATEST.prefix);
    auto t = doc.termlist_begin();
    t.skip_to(latest);
    return {card.value("i", ""), card.value("t", ""), card.value("s", ""), card.value("v", ""), card.value("d", ""),
            card.value("y", ""), t != doc.termlist_end() && *t == latest};
}

std::vector<FacetResult> Searcher::results_from(const std::map<std::string, std::map<std::string, size_t>>& counts,
                                                const SearchRequest& r) const {
    std::vector<FacetResult> out;
    const Taxonomy& tax = taxonomy();
    std::vector<std::string> facet_ids;
    for (const auto& f : tax.facets())
        if (facet_field(f.id)) facet_ids.push_back(f.id);
    facet_ids.push_back("year");
    static const std::map<std::string, size_t> none;
    for (const auto& id : facet_ids) {
        FacetResult fr;
        fr.id = id;
        auto found = counts.find(id);
        const auto& c = found == counts.end() ? none : found->second;
        auto sel = r.filters.find(id);
        auto is_selected = [&](const std::string& v) {
            return sel != r.filters.end() && std::find(sel->second.begin(), sel->second.end(), v) != sel->second.end();
        };
        auto count_of = [&](const std::string& v) {
            auto it = c.find(v);
            return it == c.end() ? size_t{0} : it->second;
        };
        if (const Facet* facet = tax.facet(id)) {
            fr.label = facet->label;
            for (const auto& concept_ : facet->concepts)
                fr.values.push_back({concept_.id, concept_.label, count_of(concept_.id), is_selected(concept_.id)});
        } else {
            fr.label = "Year";
            for (auto it = c.rbegin(); it != c.rend(); ++it)
                if (it->second > 0 || is_selected(it->first))
                    fr.values.push_back({it->first, year_label(it->first), it->second, is_selected(it->first)});
        }
        out.push_back(std::move(fr));
    }
    return out;
}

std::vector<FacetResult> Searcher::count(const Xapian::Query& base, const SearchRequest& r, const TableSpy* spy, bool& exact) {
    const Xapian::doccount all = std::max<Xapian::doccount>(1, db_.get_doccount());
    std::vector<std::string> facet_ids;
    for (const auto& f : taxonomy().facets())
        if (facet_field(f.id)) facet_ids.push_back(f.id);
    facet_ids.push_back("year");
    auto is_selected = [&](const std::string& id) {
        auto sel = r.filters.find(id);
        return (sel != r.filters.end() && !sel->second.empty()) || (id == "year" && (r.year_from || r.year_to));
    };
    std::map<std::string, std::map<std::string, size_t>> counts;

    if (const FacetTable* t = table()) {
        auto take = [&](const TableSpy& s) {
            for (size_t c = 0; c < t->columns().size(); ++c)
                for (size_t b = 0; b < s.counts()[c].size(); ++b)
                    if (s.counts()[c][b]) counts[std::string(t->columns()[c].field->name)][t->columns()[c].values[b]] = s.counts()[c][b];
        };
        if (spy) take(*spy);
        // Every facet with a selection, in one match without the facet filters:
        // a document failing only facet F's filter counts for F.
        std::map<size_t, uint64_t> masks;
        for (const auto& id : facet_ids) {
            if (!is_selected(id)) continue;
            int col = t->column_of(id);
            if (col < 0) continue;
            uint64_t mask = ~uint64_t{0};
            auto sel = r.filters.find(id);
            if (sel != r.filters.end() && !sel->second.empty()) mask = t->bits_of(static_cast<size_t>(col), sel->second);
            if (id == "year" && (r.year_from || r.year_to)) {
                uint64_t range = 0;
                const auto& col_values = t->columns()[static_cast<size_t>(col)].values;
                for (size_t b = 0; b < col_values.size(); ++b) {
                    int y = std::atoi(col_values[b].c_str());
                    if ((!r.year_from || y >= *r.year_from) && (!r.year_to || y <= *r.year_to)) range |= uint64_t{1} << b;
                }
                mask &= range;
            }
            masks[static_cast<size_t>(col)] = mask;
        }
        // asked_by is a filter without a facet of its own: it stays in the query.
        if (!masks.empty()) {
            SearchRequest rest = r;
            for (const auto& [col, mask] : masks) rest.filters.erase(std::string(t->columns()[col].field->name));
            rest.year_from.reset();
            rest.year_to.reset();
            Xapian::Enquire enquire(db_);
            enquire.set_query(filtered(base, filters(rest, "")));
            enquire.set_weighting_scheme(Xapian::BoolWeight());
            if (limits_.time_limit_s > 0) enquire.set_time_limit(limits_.time_limit_s);
            TableSpy disjunctive(*t, masks);
            enquire.add_matchspy(&disjunctive);
            Xapian::MSet m = enquire.get_mset(0, 0, all);
            if (m.get_matches_lower_bound() != m.get_matches_upper_bound()) exact = false;
            take(disjunctive);
        }
        if (spy) return results_from(counts, r);
        // No spy from a main match (the facet overview): count the rest too.
        std::vector<size_t> plain;
        for (const auto& id : facet_ids)
            if (!is_selected(id) && t->column_of(id) >= 0) plain.push_back(static_cast<size_t>(t->column_of(id)));
        Xapian::Enquire enquire(db_);
        enquire.set_query(filtered(base, filters(r, "")));
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        TableSpy all_spy(*t, plain);
        enquire.add_matchspy(&all_spy);
        enquire.get_mset(0, 0, all);
        take(all_spy);
        return results_from(counts, r);
    }

    // Value slots and Xapian's own spy: works on remote shards too. Facets
    // without a selection are counted on the full filter; each facet with a
    // selection on the filter without its own.
    auto run = [&](const Xapian::Query& q, const std::vector<std::string>& ids) {
        Xapian::Enquire enquire(db_);
        enquire.set_query(q);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        if (limits_.time_limit_s > 0) enquire.set_time_limit(limits_.time_limit_s);
        std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;
        for (const auto& id : ids) {
            spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(facet_field(id)->slot));
            enquire.add_matchspy(spies.back().get());
        }
        Xapian::MSet m = enquire.get_mset(0, 0, all);
        if (m.get_matches_lower_bound() != m.get_matches_upper_bound()) exact = false;
        for (size_t i = 0; i < ids.size(); ++i) {
            auto& dest = counts[ids[i]];
            bool multi = facet_field(ids[i])->multi;
            for (auto it = spies[i]->values_begin(); it != spies[i]->values_end(); ++it) {
                if (multi)
                    for (const auto& v : schema::split_multi(*it)) dest[v] += it.get_termfreq();
                else
                    dest[*it] += it.get_termfreq();
            }
        }
    };
    std::vector<std::string> plain;
    for (const auto& id : facet_ids) {
        if (is_selected(id)) run(filtered(base, filters(r, id)), {id});
        else plain.push_back(id);
    }
    if (!plain.empty()) run(filtered(base, filters(r, "")), plain);
    return results_from(counts, r);
}

SearchResult Searcher::search(const SearchRequest& r) {
    auto started = std::chrono::steady_clock::now();
    SearchResult res;
    res.query = r.q;
    res.page = r.page;
    res.per_page = r.per_page;

    ParsedQuery pq = build_query(r.q, db_);
    res.executed = r.q;
    Xapian::Query filter = filters(r, "");
    const Xapian::doccount all = std::max<Xapian::doccount>(1, db_.get_doccount());

    // The facets without a selection are counted by a table spy during the
    // main match itself (local indexes); see count() for the rest.
    std::vector<size_t> plain_columns;
    if (const FacetTable* t = table()) {
        for (const auto& f : taxonomy().facets()) {
            int col = t->column_of(f.id);
            auto sel = r.filters.find(f.id);
            if (col >= 0 && (sel == r.filters.end() || sel->second.empty())) plain_columns.push_back(static_cast<size_t>(col));
        }
        int year = t->column_of("year");
        auto sel = r.filters.find("year");
        if (year >= 0 && !r.year_from && !r.year_to && (sel == r.filters.end() || sel->second.empty()))
            plain_columns.push_back(static_cast<size_t>(year));
    }
    std::unique_ptr<TableSpy> spy;

    auto run = [&](const ParsedQuery& p, std::unique_ptr<TableSpy>& run_spy) {
        Xapian::Query q = p.query;
        if (!p.empty) {
            // Guidance in force before drafts and superseded texts: a small
            // fixed bonus for every record not marked draft, under
            // consideration, superseded or withdrawn.
            std::vector<Xapian::Query> unsettled;
            for (const char* s : {"draft", "under-consideration", "superseded", "withdrawn"})
                unsettled.emplace_back(schema::term(schema::STATUS, s));
            q = Xapian::Query(Xapian::Query::OP_AND_MAYBE, q,
                              Xapian::Query(Xapian::Query::OP_AND_NOT,
                                            Xapian::Query((new Xapian::FixedWeightPostingSource(SETTLED_BONUS))->release()),
                                            Xapian::Query(Xapian::Query::OP_OR, unsettled.begin(), unsettled.end())));
        }
        if (!r.latest_only && r.sort == SearchRequest::Sort::relevance && !p.empty) {
            // Among versions, the newest leads.
            q = Xapian::Query(Xapian::Query::OP_AND_MAYBE, q,
                              Xapian::Query(Xapian::Query::OP_AND,
                                            Xapian::Query((new Xapian::FixedWeightPostingSource(0.5))->release()),
                                            Xapian::Query(std::string(schema::LATEST.prefix))));
        }
        Xapian::Enquire enquire(db_);
        enquire.set_query(filtered(q, filter));
        if (limits_.time_limit_s > 0) enquire.set_time_limit(limits_.time_limit_s);
        switch (r.sort) {
            case SearchRequest::Sort::relevance:
                if (p.empty) enquire.set_sort_by_value(schema::DATE.slot, true);
                else enquire.set_sort_by_relevance_then_value(schema::DATE.slot, true);
                break;
            case SearchRequest::Sort::newest: enquire.set_sort_by_value_then_relevance(schema::DATE.slot, true); break;
            case SearchRequest::Sort::oldest: enquire.set_sort_by_value_then_relevance(schema::DATE.slot, false); break;
        }
        if (const FacetTable* t = table()) {
            run_spy = std::make_unique<TableSpy>(*t, plain_columns);
            enquire.add_matchspy(run_spy.get());
        }
        Xapian::MSet m;
        try {
            m = enquire.get_mset(static_cast<Xapian::doccount>((r.page - 1) * r.per_page),
                                 static_cast<Xapian::doccount>(r.per_page), all);
        } catch (const Xapian::UnimplementedError&) {
            if (!run_spy) throw;
            // Remote shards cannot run our spy: count from value slots from now on.
            table_usable_ = false;
            run_spy.reset();
            enquire.clear_matchspies();
            m = enquire.get_mset(static_cast<Xapian::doccount>((r.page - 1) * r.per_page),
                                 static_cast<Xapian::doccount>(r.per_page), all);
        }
        return std::make_pair(std::move(enquire), std::move(m));
    };

    auto [enquire, mset] = run(pq, spy);
    // Nothing for the query as typed: look for a correction, run it and say so.
    if (mset.get_matches_estimated() == 0 && !pq.text.empty())
        pq.corrected = build_query(r.q, db_, DefaultOp::all_words, Spelling::suggest).corrected;
    if (mset.get_matches_estimated() == 0 && !pq.corrected.empty()) {
        ParsedQuery corrected = build_query(pq.corrected, db_);
        std::unique_ptr<TableSpy> spy2;
        auto [e2, m2] = run(corrected, spy2);
        res.suggestion = pq.corrected;
        if (m2.get_matches_estimated() > 0) {
            res.corrected = true;
            res.executed = pq.corrected;
            pq = std::move(corrected);
            enquire = std::move(e2);
            mset = std::move(m2);
            spy = std::move(spy2);
        }
    }
    res.parsed = pq.query.get_description();
    res.total = mset.get_matches_estimated();
    res.exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();

    Xapian::Stem stem("english");
    std::vector<std::string> query_words;
    for (const auto& w : text::words(pq.text))
        if (w.size() > 1) query_words.push_back(w);
    // Hits come in relevance order, not docid order: posting lists are
    // opened once and reopened when a hit lies behind the cursor.
    std::vector<std::pair<std::string, Xapian::PostingIterator>> query_terms;
    for (auto t = pq.query.get_unique_terms_begin(); t != pq.query.get_unique_terms_end(); ++t)
        query_terms.emplace_back(*t, db_.postlist_begin(*t));
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Xapian::Document doc = it.get_document();
        Hit hit;
        hit.record = record_from_document(doc);
        hit.score = pq.empty ? 0 : it.get_weight();
        // Snippet: the page where the query's words occur most, found from
        // their positions in the index; only that page is read.
        const auto& pages = hit.record.pages;
        std::string best;
        int best_page = 0;
        auto snippet_of = [&](size_t p) {
            return mset.snippet(std::string(window(pages[p], query_words)), 240, stem,
                                Xapian::MSet::SNIPPET_EMPTY_WITHOUT_MATCH,
                                "<mark>", "</mark>", "\xE2\x80\xA6");
        };
        if (!pq.empty && !pages.empty()) {
            const auto& starts = hit.record.page_pos;
            std::vector<size_t> hits_per_page(pages.size(), 0);
            if (starts.size() == pages.size()) {
                for (const auto& w : query_words) {
                    for (auto p = db_.positionlist_begin(*it, w); p != db_.positionlist_end(*it, w); ++p) {
                        size_t page = static_cast<size_t>(std::upper_bound(starts.begin(), starts.end(), *p) - starts.begin());
                        if (page > 0) ++hits_per_page[page - 1];
                    }
                }
            }
            size_t top = static_cast<size_t>(std::max_element(hits_per_page.begin(), hits_per_page.end()) - hits_per_page.begin());
            if (hits_per_page[top] > 0) {
                best = snippet_of(top);
                best_page = static_cast<int>(top) + 1;
            } else {
                // Matched through stems or synonyms only: try the first pages.
                for (size_t p = 0; p < pages.size() && p < 3 && best.empty(); ++p) {
                    best = snippet_of(p);
                    if (!best.empty()) best_page = static_cast<int>(p) + 1;
                }
            }
        }
        if (best.empty() && !pq.empty && !hit.record.summary.empty())
            best = mset.snippet(hit.record.summary, 240, stem, Xapian::MSet::SNIPPET_BACKGROUND_MODEL, "<mark>",
                                "</mark>", "\xE2\x80\xA6");
        if (best.empty())
            best = first_words(!hit.record.summary.empty() ? hit.record.summary : (pages.empty() ? "" : pages.front()), 240);
        hit.snippet = std::move(best);
        if (hit.record.media_type == "application/pdf" && best_page > 0) hit.page = best_page;
        if (!hit.record.family.empty())
            hit.versions = db_.get_termfreq(schema::term(schema::FAMILY, symbol_key(hit.record.family)));
        // Why this hit: the query's terms that index it. Each is checked in
        // its posting list (Enquire's get_matching_terms reads the whole
        // termlist of the document, far slower for long texts).
        for (auto& [term, postings] : query_terms) {
            if (postings == db_.postlist_end(term) || *postings > *it) postings = db_.postlist_begin(term);
            postings.skip_to(*it);
            if (postings == db_.postlist_end(term) || *postings != *it) continue;
            auto d = pq.display.find(term);
            if (d == pq.display.end() && !term.empty() && std::isupper(static_cast<unsigned char>(term[0])))
                continue;  // a filter or field term, or a stem we cannot name
            std::string shown = d != pq.display.end() ? d->second : term;
            if (std::find(hit.matched.begin(), hit.matched.end(), shown) == hit.matched.end()) hit.matched.push_back(shown);
        }
        hit.record.pages.clear();
        hit.record.page_pos.clear();
        hit.record.headings.clear();
        hit.record.aliases.clear();
        res.hits.push_back(std::move(hit));
    }

    bool exact = true;
    res.facets = count(pq.query, r, spy.get(), exact);
    res.exact = res.exact && exact;
    res.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    return res;
}

std::optional<DocumentView> Searcher::document(const std::string& id) {
    auto doc = find(id);
    if (!doc) return std::nullopt;
    DocumentView v;
    v.record = record_from_document(*doc);
    v.pages = v.record.pages.size();
    v.record.pages.clear();
    v.record.headings.clear();
    v.record.aliases.clear();
    const Record& r = v.record;

    if (!r.family.empty()) {
        std::string ft = schema::term(schema::FAMILY, symbol_key(r.family));
        std::vector<std::pair<std::string, RecordRef>> versions;
        for (auto it = db_.postlist_begin(ft); it != db_.postlist_end(ft); ++it) {
            auto d = db_.get_document(*it);
            versions.emplace_back(d.get_value(schema::VERSION.slot), ref_of(d));
        }
        std::sort(versions.begin(), versions.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        for (auto& [key, ref] : versions) v.versions.push_back(std::move(ref));
    }
    for (const auto& sym : r.references) {
        std::string st = schema::term(schema::SYMBOL, symbol_key(sym));
        std::optional<RecordRef> target;
        // Prefer the latest version when a symbol names a family.
        for (auto it = db_.postlist_begin(st); it != db_.postlist_end(st); ++it) {
            RecordRef ref = ref_of(db_.get_document(*it));
            if (!target || (ref.latest && !target->latest)) target = ref;
        }
        v.cites.emplace_back(sym, target);
    }
    std::set<std::string> seen{r.id};
    for (const auto& sym : r.symbols) {
        std::string ct = schema::term(schema::CITES, symbol_key(sym));
        for (auto it = db_.postlist_begin(ct); it != db_.postlist_end(ct); ++it) {
            RecordRef ref = ref_of(db_.get_document(*it));
            if (seen.insert(ref.id).second) v.cited_by.push_back(std::move(ref));
        }
    }
    std::sort(v.cited_by.begin(), v.cited_by.end(), [](const RecordRef& a, const RecordRef& b) { return a.date > b.date; });

    // Similar: the record's most telling words, as a query (relevance feedback).
    Xapian::RSet rset;
    rset.add_document(doc->get_docid());
    Xapian::Enquire enquire(db_);
    struct TextTerms : Xapian::ExpandDecider {
        bool operator()(const std::string& t) const override {
            return !t.empty() && std::islower(static_cast<unsigned char>(t[0])) && t.size() > 2;
        }
    } decider;
    Xapian::ESet eset = enquire.get_eset(20, rset, &decider);
    if (!eset.empty()) {
        Xapian::Query latest{std::string(schema::LATEST.prefix)};
        enquire.set_query(filtered(Xapian::Query(Xapian::Query::OP_ELITE_SET, eset.begin(), eset.end(), 20), latest));
        Xapian::MSet m = enquire.get_mset(0, 8);
        for (auto it = m.begin(); it != m.end() && v.similar.size() < 5; ++it) {
            RecordRef ref = ref_of(it.get_document());
            if (ref.id == r.id || (!r.family.empty() && ref.symbol == r.symbols.front())) continue;
            v.similar.push_back(std::move(ref));
        }
    }
    return v;
}

std::vector<FacetResult> Searcher::facet_overview() {
    SearchRequest all;
    all.latest_only = false;
    bool exact = true;
    return count(match_all(), all, nullptr, exact);
}

std::vector<Suggestion> Searcher::suggest(const std::string& prefix, size_t limit) {
    std::string key = slug(prefix);
    std::vector<Suggestion> out;
    if (key.empty()) return out;
    // The canonical symbol form too: "ams iii d" -> "ams-iii-d", "tool 7" -> "tool07".
    std::string alt = key;
    if (auto sym = canonical_symbol(prefix)) alt = slug(sym->text);
    std::vector<const IndexSnapshot::SuggestEntry*> found;
    for (const auto& e : snapshot_->suggest) {
        bool starts = e.key.compare(0, key.size(), key) == 0 || (e.s.kind == "symbol" && e.key.compare(0, alt.size(), alt) == 0);
        bool word = !starts && e.s.kind == "title" && e.key.find("-" + key) != std::string::npos;
        if (starts || word) found.push_back(&e);
    }
    std::stable_sort(found.begin(), found.end(), [&](const IndexSnapshot::SuggestEntry* a, const IndexSnapshot::SuggestEntry* b) {
        bool ap = a->key.compare(0, key.size(), key) == 0, bp = b->key.compare(0, key.size(), key) == 0;
        if (a->rank != b->rank) return a->rank < b->rank;
        if (ap != bp) return ap;
        if (a->key.size() != b->key.size()) return a->key.size() < b->key.size();
        return a->date > b->date;
    });
    std::set<std::string> seen;
    for (const auto* e : found) {
        if (!seen.insert(e->s.kind + "\x1f" + e->s.id + "\x1f" + e->s.text).second) continue;
        out.push_back(e->s);
        if (out.size() == limit) break;
    }
    return out;
}

LabsOverview Searcher::labs() {
    LabsOverview out;
    auto records_with = [&](const std::string& term) {
        std::vector<Record> rs;
        for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it) {
            Record r = decode_data(db_.get_document(*it).get_data(), false);
            r.pages.clear();
            r.aliases.clear();
            rs.push_back(std::move(r));
        }
        return rs;
    };
    for (auto& lab : records_with(schema::term(schema::TYPE, "lab-session"))) {
        if (lab.symbols.empty()) continue;  // a roundtable, not a lab
        LabView v;
        for (auto& part : records_with(schema::term(schema::CITES, symbol_key(lab.symbols.front())))) {
            if (part.type == "lab-session") v.roundtables.push_back(std::move(part));
            else if (part.type == "lab-question") v.questions.push_back(std::move(part));
            else if (part.type == "lab-outcome") v.outcomes.push_back(std::move(part));
            else if (part.type == "pledge") v.pledges.push_back(std::move(part));
            else v.plans.push_back(std::move(part));
        }
        auto by_title = [](const Record& a, const Record& b) { return a.title < b.title; };
        for (auto* list : {&v.roundtables, &v.questions, &v.plans, &v.outcomes, &v.pledges})
            std::sort(list->begin(), list->end(), by_title);
        v.lab = std::move(lab);
        out.labs.push_back(std::move(v));
    }
    std::sort(out.labs.begin(), out.labs.end(), [](const LabView& a, const LabView& b) { return a.lab.date > b.lab.date; });
    if (const Facet* groups = taxonomy().facet("group"))
        for (const auto& c : groups->concepts) out.groups.push_back(c.id);
    out.asked.assign(out.groups.size(), std::vector<size_t>(out.groups.size(), 0));
    auto index_of = [&](const std::string& g) {
        return static_cast<size_t>(std::find(out.groups.begin(), out.groups.end(), g) - out.groups.begin());
    };
    for (const auto& q : records_with(schema::term(schema::TYPE, "lab-question")))
        for (const auto& a : q.asked_by)
            for (const auto& g : q.groups)
                if (index_of(a) < out.groups.size() && index_of(g) < out.groups.size()) ++out.asked[index_of(a)][index_of(g)];
    return out;
}

}  // namespace a6kb
