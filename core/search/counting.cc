// SPDX-License-Identifier: Apache-2.0
#include "core/search/counting.h"

#include <algorithm>
#include <cstdlib>
#include <memory>

namespace a6kb {

std::vector<const schema::FacetField*> FacetCounter::counted() const {
    std::vector<const schema::FacetField*> out;
    for (const auto& f : taxonomy_.fields())
        if (f.counted()) out.push_back(&f);
    return out;
}

std::vector<size_t> FacetCounter::plain_columns(const SearchRequest& r) const {
    std::vector<size_t> out;
    if (!table_) return out;
    for (const auto* f : counted()) {
        int col = table_->column_of(f->id);
        if (col >= 0 && !r.selects(*f)) out.push_back(static_cast<size_t>(col));
    }
    return out;
}

Xapian::Enquire FacetCounter::counting_enquire(const Xapian::Query& q) const {
    Xapian::Enquire enquire(db_);
    enquire.set_query(q);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    if (time_limit_s_ > 0) enquire.set_time_limit(time_limit_s_);
    return enquire;
}

void FacetCounter::take(const TableSpy& spy, Counts& counts) const {
    const auto& columns = table_->columns();
    for (size_t c = 0; c < columns.size(); ++c)
        for (size_t b = 0; b < spy.counts()[c].size(); ++b)
            if (spy.counts()[c][b]) counts[columns[c].id][columns[c].values[b]] = spy.counts()[c][b];
}

// The bits a document of a selected facet must have: its selected values,
// and for the range facet the values inside the range.
FacetTable::Mask FacetCounter::selection_mask(const schema::FacetField& f, size_t column, const SearchRequest& r) const {
    FacetTable::Mask mask(table_->columns()[column].words, ~uint64_t{0});
    auto sel = r.filters.find(f.id);
    if (sel != r.filters.end() && !sel->second.empty()) mask = table_->bits_of(column, sel->second);
    if (f.display == schema::Display::range && r.has_range()) {
        FacetTable::Mask range = table_->empty_mask(column);
        const auto& values = table_->columns()[column].values;
        for (size_t b = 0; b < values.size(); ++b) {
            int y = std::atoi(values[b].c_str());
            if ((!r.year_from || y >= *r.year_from) && (!r.year_to || y <= *r.year_to)) range[b / 64] |= uint64_t{1} << (b % 64);
        }
        for (size_t w = 0; w < mask.size(); ++w) mask[w] &= range[w];
    }
    return mask;
}

void FacetCounter::count_with_table(const Xapian::Query& base, const SearchRequest& r, const TableSpy* spy, Counts& counts,
                                    bool& exact) const {
    const Xapian::doccount all = std::max<Xapian::doccount>(1, db_.get_doccount());
    if (spy) take(*spy, counts);
    // Every facet with a selection, in one match without those facets'
    // filters: a document failing only facet F's filter counts for F.
    // Hidden facets (asked_by) are filters without counts: they stay in the query.
    std::map<size_t, FacetTable::Mask> masks;
    SearchRequest rest = r;
    for (const auto* f : counted()) {
        int col = table_->column_of(f->id);
        if (col < 0 || !r.selects(*f)) continue;
        masks[static_cast<size_t>(col)] = selection_mask(*f, static_cast<size_t>(col), r);
        rest.filters.erase(f->id);
        if (f->display == schema::Display::range) {
            rest.year_from.reset();
            rest.year_to.reset();
        }
    }
    if (!masks.empty()) {
        Xapian::Enquire enquire = counting_enquire(filtered(base, filter_query(rest, taxonomy_)));
        TableSpy disjunctive(*table_, masks);
        enquire.add_matchspy(&disjunctive);
        Xapian::MSet m = enquire.get_mset(0, 0, all);
        if (m.get_matches_lower_bound() != m.get_matches_upper_bound()) exact = false;
        take(disjunctive, counts);
    }
    if (spy) return;
    // No spy from a main match (the facet overview): count the rest too.
    Xapian::Enquire enquire(db_);
    enquire.set_query(filtered(base, filter_query(r, taxonomy_)));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    TableSpy all_spy(*table_, plain_columns(r));
    enquire.add_matchspy(&all_spy);
    enquire.get_mset(0, 0, all);
    take(all_spy, counts);
}

// One match counting `fields` from their value slots; a multi-valued slot
// holds the sorted combination "a|b", split here.
void FacetCounter::count_slots(const Xapian::Query& q, const std::vector<const schema::FacetField*>& fields,
                               Counts& counts, bool& exact) const {
    Xapian::Enquire enquire = counting_enquire(q);
    std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;
    for (const auto* f : fields) {
        spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(f->slot));
        enquire.add_matchspy(spies.back().get());
    }
    Xapian::MSet m = enquire.get_mset(0, 0, std::max<Xapian::doccount>(1, db_.get_doccount()));
    if (m.get_matches_lower_bound() != m.get_matches_upper_bound()) exact = false;
    for (size_t i = 0; i < fields.size(); ++i) {
        auto& dest = counts[fields[i]->id];
        for (auto it = spies[i]->values_begin(); it != spies[i]->values_end(); ++it) {
            if (fields[i]->multi)
                for (const auto& v : schema::split_multi(*it)) dest[v] += it.get_termfreq();
            else
                dest[*it] += it.get_termfreq();
        }
    }
}

// Facets without a selection are counted on the full filter; each facet
// with a selection on the filter without its own. Works on remote shards.
void FacetCounter::count_with_slots(const Xapian::Query& base, const SearchRequest& r, Counts& counts, bool& exact) const {
    std::vector<const schema::FacetField*> plain;
    for (const auto* f : counted()) {
        if (f->slot == schema::NO_SLOT) continue;  // no slot to count: listed with count 0
        if (r.selects(*f)) count_slots(filtered(base, filter_query(r, taxonomy_, f->id)), {f}, counts, exact);
        else plain.push_back(f);
    }
    if (!plain.empty()) count_slots(filtered(base, filter_query(r, taxonomy_)), plain, counts, exact);
}

namespace {

std::vector<FacetCount> values_listed(const schema::FacetField& f, const std::map<std::string, size_t>& c,
                                      const std::vector<std::string>& selected, const Taxonomy& taxonomy, bool every_concept) {
    auto is_selected = [&](const std::string& v) { return std::find(selected.begin(), selected.end(), v) != selected.end(); };
    std::vector<FacetCount> out;
    if (const Facet* facet = taxonomy.facet(f.concepts_facet())) {
        // The taxonomy's order; a value no record of the selection has is
        // left out unless it is ticked or every concept is asked for.
        for (const auto& concept_ : facet->concepts) {
            auto it = c.find(concept_.id);
            const size_t n = it == c.end() ? 0 : it->second;
            if (n > 0 || every_concept || is_selected(concept_.id))
                out.push_back({concept_.id, concept_.label, n, is_selected(concept_.id)});
        }
        return out;
    }
    // Values without concepts (years): those counted, highest first.
    for (auto it = c.rbegin(); it != c.rend(); ++it)
        if (it->second > 0 || is_selected(it->first)) out.push_back({it->first, it->first, it->second, is_selected(it->first)});
    return out;
}

}  // namespace

std::vector<FacetResult> FacetCounter::results(const Counts& counts, const SearchRequest& r, bool every_concept) const {
    static const std::map<std::string, size_t> none;
    static const std::vector<std::string> nothing;
    std::vector<FacetResult> out;
    for (const auto* f : counted()) {
        auto found = counts.find(f->id);
        auto sel = r.filters.find(f->id);
        out.push_back({f->id, f->label,
                       values_listed(*f, found == counts.end() ? none : found->second,
                                     sel == r.filters.end() ? nothing : sel->second, taxonomy_, every_concept)});
    }
    return out;
}

std::vector<FacetResult> FacetCounter::count(const Xapian::Query& base, const SearchRequest& r, const TableSpy* spy,
                                             bool& exact, bool every_concept) const {
    Counts counts;
    if (table_) count_with_table(base, r, spy, counts, exact);
    else count_with_slots(base, r, counts, exact);
    return results(counts, r, every_concept);
}

}  // namespace a6kb
