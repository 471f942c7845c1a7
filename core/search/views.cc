// SPDX-License-Identifier: Apache-2.0
// The views of searcher.h besides a result list: a record's page, the
// facet overview, completions and the labs.
#include "core/search/searcher.h"

#include "core/model/schema.h"
#include "core/model/symbols.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace a6kb {

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
        return {r.id, r.title, r.symbols.empty() ? std::string() : r.symbols.front(), r.version, r.date, r.first("type"), r.latest};
    }
    const std::string latest(schema::LATEST.prefix);
    auto t = doc.termlist_begin();
    t.skip_to(latest);
    return {card.value("i", ""), card.value("t", ""), card.value("s", ""), card.value("v", ""), card.value("d", ""),
            card.value("y", ""), t != doc.termlist_end() && *t == latest};
}


std::optional<DocumentView> Searcher::document(const std::string& id) {
    auto doc = find(id);
    if (!doc) return std::nullopt;
    DocumentView v;
    v.record = record_from_document(*doc);
    // The page count without reading the text: one start position a page
    // (the reader reads the passages themselves, a part at a time).
    v.pages = std::max(v.record.pages.size(), v.record.page_pos.size());
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
        // A record without a symbol of its own (an arrangement, a meeting) is cited by its id.
        if (!target)
            if (auto by_id = find(sym)) target = ref_of(*by_id);
        v.cites.emplace_back(sym, target);
    }
    std::set<std::string> seen{r.id};
    std::vector<std::string> cited_as = r.symbols;
    cited_as.push_back(r.id);
    for (const auto& sym : cited_as) {
        std::string ct = schema::term(schema::CITES, symbol_key(sym));
        for (auto it = db_.postlist_begin(ct); it != db_.postlist_end(ct); ++it) {
            RecordRef ref = ref_of(db_.get_document(*it));
            if (seen.insert(ref.id).second) v.cited_by.push_back(std::move(ref));
        }
    }
    std::sort(v.cited_by.begin(), v.cited_by.end(), [](const RecordRef& a, const RecordRef& b) { return a.date > b.date; });
    add_provisions(v);

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
    return counter().count(match_all(), all, nullptr, exact, true);  // every concept, for a filter form
}

std::vector<Suggestion> Searcher::suggest(const std::string& prefix, size_t limit) {
    std::string key = slug(prefix);
    std::vector<Suggestion> out;
    if (key.empty()) return out;
    // The canonical symbol form too: "ams iii d" -> "ams-iii-d", "tool 7" -> "tool07".
    std::string alt = key;
    if (auto sym = canonical_symbol(prefix, taxonomy().programmes())) alt = slug(sym->text);
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
    // The labs are records of type lab-session; their questions say who
    // asked (asked_by) and whom (group).
    const schema::FacetField* type = taxonomy().field("type");
    if (!type) return out;
    for (auto& lab : records_with(schema::term(*type, "lab-session"))) {
        if (lab.symbols.empty()) continue;  // a roundtable, not a lab
        LabView v;
        for (auto& part : records_with(schema::term(schema::CITES, symbol_key(lab.symbols.front())))) {
            const std::string kind = part.first("type");
            if (kind == "lab-session") v.roundtables.push_back(std::move(part));
            else if (kind == "lab-question") v.questions.push_back(std::move(part));
            else if (kind == "lab-outcome") v.outcomes.push_back(std::move(part));
            else if (kind == "pledge") v.pledges.push_back(std::move(part));
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
    for (const auto& q : records_with(schema::term(*type, "lab-question")))
        for (const auto& a : q.values("asked_by"))
            for (const auto& g : q.values("group"))
                if (index_of(a) < out.groups.size() && index_of(g) < out.groups.size()) ++out.asked[index_of(a)][index_of(g)];
    return out;
}

}  // namespace a6kb
