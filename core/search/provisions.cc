// SPDX-License-Identifier: Apache-2.0
// The rulebook's views (searcher.h): a decision's provisions, a provision's
// paragraph, decision and refinements, and the whole rulebook.
#include "core/search/searcher.h"

#include "core/model/provision.h"
#include "core/model/schema.h"
#include "core/model/symbols.h"
#include "core/search/citation.h"
#include "core/search/reader.h"

#include <algorithm>
#include <map>
#include <set>

namespace a6kb {
namespace {

std::string provision_term() { return schema::term(*schema::facet("type"), "provision"); }

// The anchors of a record's stored passages (none when its text is not indexed).
std::set<std::string> anchors_of(const Xapian::Database& db, const std::string& id) {
    std::set<std::string> out;
    for (auto& p : load_passages(db, id)) out.insert(std::move(p.anchor));
    return out;
}

// Decision symbol, then paragraph order: the rulebook's order within a decision.
std::string order_key(const ProvisionEntry& e) {
    auto c = parse_citation(e.record.citation);
    return c ? paragraph_order_key(*c) : e.record.citation;
}

void sort_entries(std::vector<ProvisionEntry>& list) {
    std::stable_sort(list.begin(), list.end(), [](const ProvisionEntry& a, const ProvisionEntry& b) {
        if (a.record.decision != b.record.decision) {
            if (a.record.date != b.record.date) return a.record.date < b.record.date;
            return a.record.decision < b.record.decision;
        }
        return order_key(a) < order_key(b);
    });
}

}  // namespace

std::optional<RecordRef> Searcher::decision_of(const std::string& symbol) {
    std::string st = schema::term(schema::SYMBOL, symbol_key(symbol));
    for (auto it = db_.postlist_begin(st); it != db_.postlist_end(st); ++it) {
        RecordRef ref = ref_of(db_.get_document(*it));
        if (ref.type == "decision") return ref;
    }
    return std::nullopt;
}

ProvisionEntry Searcher::provision_entry(const Xapian::Document& doc, bool with_text) {
    ProvisionEntry e;
    e.record = record_from_document(doc);
    if (with_text) load_pages(db_, e.record);
    e.record.passages.clear();
    if (auto c = parse_citation(e.record.citation)) e.anchor = citation_anchor(*c);
    return e;
}

void Searcher::add_provisions(DocumentView& v) {
    const Record& r = v.record;
    if (r.first("type") == "provision") {
        ProvisionEntry e = provision_entry(*find(r.id), false);
        v.decision = decision_of(r.decision);
        if (v.decision) {
            e.decision_id = v.decision->id;
            if (!e.anchor.empty() && find_anchor(db_, e.decision_id, e.anchor)) e.paragraph_url = passage_path(e.decision_id, e.anchor);
        }
        v.provision = std::move(e);
        for (const auto& id : r.refines)
            if (auto d = find(id)) v.refines.push_back(ref_of(*d));
        std::string rt = schema::term(schema::REFINES, r.id);
        for (auto it = db_.postlist_begin(rt); it != db_.postlist_end(rt); ++it) v.refined_by.push_back(ref_of(db_.get_document(*it)));
        std::sort(v.refined_by.begin(), v.refined_by.end(), [](const RecordRef& a, const RecordRef& b) { return a.date > b.date; });
        return;
    }
    if (r.first("type") != "decision" || r.symbols.empty()) return;
    std::string dt = schema::term(schema::DECISION, symbol_key(r.symbols.front()));
    std::set<std::string> anchors;
    bool read = false;
    for (auto it = db_.postlist_begin(dt); it != db_.postlist_end(dt); ++it) {
        if (!read) anchors = anchors_of(db_, r.id), read = true;
        ProvisionEntry e = provision_entry(db_.get_document(*it), true);
        e.decision_id = r.id;
        if (anchors.count(e.anchor)) e.paragraph_url = passage_path(r.id, e.anchor);
        v.provisions.push_back(std::move(e));
    }
    sort_entries(v.provisions);
    // The provisions cite their decision; they are listed as provisions, not as "cited by".
    std::set<std::string> listed;
    for (const auto& e : v.provisions) listed.insert(e.record.id);
    v.cited_by.erase(std::remove_if(v.cited_by.begin(), v.cited_by.end(), [&](const RecordRef& ref) { return listed.count(ref.id) > 0; }),
                     v.cited_by.end());
}

RulebookView Searcher::rulebook() {
    RulebookView out;
    std::map<std::string, std::pair<std::string, std::set<std::string>>> decisions;  // symbol -> id, anchors
    const std::string pt = provision_term();
    for (auto it = db_.postlist_begin(pt); it != db_.postlist_end(pt); ++it) {
        ProvisionEntry e = provision_entry(db_.get_document(*it), true);
        auto d = decisions.find(e.record.decision);
        if (d == decisions.end()) {
            auto ref = decision_of(e.record.decision);
            std::string id = ref ? ref->id : std::string();
            d = decisions.emplace(e.record.decision, std::make_pair(id, id.empty() ? std::set<std::string>() : anchors_of(db_, id))).first;
        }
        e.decision_id = d->second.first;
        if (d->second.second.count(e.anchor)) e.paragraph_url = passage_path(e.decision_id, e.anchor);
        out.provisions.push_back(std::move(e));
    }
    sort_entries(out.provisions);
    return out;
}

}  // namespace a6kb
