// SPDX-License-Identifier: Apache-2.0
#include "core/model/record.h"

#include "core/model/schema.h"
#include "core/model/symbols.h"
#include "core/model/taxonomy.h"
#include "core/model/text.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>

namespace a6kb {

using nlohmann::json;

json to_json(const Record& r, bool with_text) {
    json j = {
        {"id", r.id}, {"title", r.title}, {"symbols", r.symbols}, {"version", r.version},
        {"family", r.family}, {"facets", json::object()}, {"date", r.date}, {"url", r.url}, {"sources", r.sources}, {"summary", r.summary},
        {"references", r.references}, {"media_type", r.media_type}, {"latest", r.latest},
    };
    for (const auto& [facet, values] : r.facets) j["facets"][facet] = values;
    if (!r.aliases.empty()) j["aliases"] = r.aliases;
    if (!r.citation.empty()) j["citation"] = r.citation;
    if (!r.decision.empty()) j["decision"] = r.decision;
    if (!r.refines.empty()) j["refines"] = r.refines;
    if (with_text) {
        j["pages"] = r.pages;
        j["headings"] = r.headings;
        if (!r.page_pos.empty()) j["page_pos"] = r.page_pos;
    }
    return j;
}

Record record_from_json(const json& j) {
    Record r;
    auto str = [&](const char* k) { return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : std::string(); };
    auto list = [&](const char* k) {
        return j.contains(k) && j[k].is_array() ? j[k].get<std::vector<std::string>>() : std::vector<std::string>{};
    };
    r.id = str("id");
    r.title = str("title");
    r.symbols = list("symbols");
    r.version = str("version");
    r.family = str("family");
    if (j.contains("facets") && j["facets"].is_object())
        for (const auto& [facet, values] : j["facets"].items())
            if (values.is_array()) r.set(facet, values.get<std::vector<std::string>>());
    r.date = str("date");
    r.url = str("url");
    r.sources = list("sources");
    r.pages = list("pages");
    if (j.contains("page_pos") && j["page_pos"].is_array()) r.page_pos = j["page_pos"].get<std::vector<unsigned>>();
    r.headings = list("headings");
    r.summary = str("summary");
    r.references = list("references");
    r.citation = str("citation");
    r.decision = str("decision");
    r.refines = list("refines");
    if (j.contains("aliases") && j["aliases"].is_object()) r.aliases = j["aliases"].get<std::map<std::string, int>>();
    r.media_type = str("media_type");
    r.latest = j.value("latest", true);
    return r;
}

const std::vector<std::string>& Record::values(std::string_view facet) const {
    static const std::vector<std::string> none;
    auto it = facets.find(facet);
    return it == facets.end() ? none : it->second;
}

std::string Record::first(std::string_view facet) const {
    const auto& v = values(facet);
    return v.empty() ? std::string() : v.front();
}

bool Record::has(std::string_view facet, std::string_view value) const {
    const auto& v = values(facet);
    return std::find(v.begin(), v.end(), value) != v.end();
}

void Record::set(const std::string& facet, std::vector<std::string> list) {
    list.erase(std::remove(list.begin(), list.end(), std::string()), list.end());
    if (list.empty()) facets.erase(facet);
    else facets[facet] = std::move(list);
}

void Record::add(const std::string& facet, const std::string& value) {
    if (!value.empty() && !has(facet, value)) facets[facet].push_back(value);
}

std::vector<std::string> values_of(const Record& r, const schema::FacetField& field) {
    switch (field.values) {
        case schema::Values::year_of_date: return r.year().empty() ? std::vector<std::string>{} : std::vector{r.year()};
        case schema::Values::concepts: return r.values(field.id);
    }
    return {};
}

std::vector<std::string> source_keys_of(const Xapian::Document& doc) {
    std::vector<std::string> out;
    const std::string prefix(schema::SOURCE.prefix);
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        it.skip_to(prefix);
        if (it == doc.termlist_end()) break;
        std::string t = *it;
        if (t.compare(0, prefix.size(), prefix) != 0) break;
        out.push_back(t);
    }
    return out;
}

namespace {

constexpr unsigned PASSAGE_GAP = 20;  // term positions between two passages

const std::vector<schema::FacetField>& fields_of(const Taxonomy* taxonomy) {
    return taxonomy ? taxonomy->fields() : schema::declared_facets();
}

void add_facet(Xapian::Document& doc, const schema::FacetField& f, const std::vector<std::string>& values) {
    for (const auto& v : values)
        if (!v.empty()) doc.add_boolean_term(schema::term(f, v));
    if (f.slot != schema::NO_SLOT) {
        std::string encoded = f.multi ? schema::encode_multi(values) : (values.empty() ? "" : values.front());
        if (!encoded.empty()) doc.add_value(f.slot, encoded);
    }
}

void index_concepts(Xapian::TermGenerator& tg, const Facet& facet, const std::vector<std::string>& ids) {
    for (const auto& id : ids) {
        const Concept* c = facet.find(id);
        if (!c) continue;
        tg.increase_termpos(100);
        tg.index_text(c->label, 1);
        for (const auto& alt : c->alts) {
            if (!looks_like_acronym(alt)) continue;
            tg.increase_termpos(100);
            tg.index_text(alt, 1);
        }
    }
}

// The labels and acronyms of a record's topics and mechanisms are indexed as
// text of the record (at low weight), so "cookstoves" finds the methodology
// tagged "Clean cooking and cookstoves" whose title speaks of thermal
// applications of non-renewable biomass. Stakeholder groups are an audience,
// not a subject, and other alternative labels are related words, not
// synonyms: neither is indexed.
void index_concepts(Xapian::TermGenerator& tg, const Taxonomy* taxonomy, const Record& r) {
    if (!taxonomy) return;
    for (const auto& f : taxonomy->fields())
        if (f.text)
            if (const Facet* facet = taxonomy->facet(f.concepts_facet())) index_concepts(tg, *facet, r.values(f.id));
}

// The body: the passages' text one after the other (a gap between two, so
// a phrase never spans them), their start positions in schema::PASSAGES;
// the pages' text when there are no passages. Returns where each page
// starts, so a hit can find its best page from term positions.
std::vector<unsigned> index_body(Xapian::Document& doc, const Record& r, Xapian::TermGenerator& tg) {
    std::vector<unsigned> page_pos;
    if (r.passages.empty()) {
        for (const auto& page : r.pages) {
            tg.increase_termpos(100);
            page_pos.push_back(tg.get_termpos() + 1);
            tg.index_text(page);
        }
        return page_pos;
    }
    std::vector<unsigned> starts;
    starts.reserve(r.passages.size());
    tg.increase_termpos(100);
    for (const auto& p : r.passages) {
        tg.increase_termpos(PASSAGE_GAP);
        starts.push_back(tg.get_termpos() + 1);
        // Pages before this passage's own (empty ones too) start where it does.
        while (page_pos.size() < r.pages.size() && static_cast<int>(page_pos.size()) < std::max(p.page, 1))
            page_pos.push_back(starts.back());
        tg.index_text(p.text);
    }
    while (page_pos.size() < r.pages.size()) page_pos.push_back(tg.get_termpos() + 1);
    doc.add_value(schema::PASSAGES.slot, encode_starts(starts));
    doc.add_value(schema::BODY_END.slot, std::to_string(tg.get_termpos()));
    return page_pos;
}

}  // namespace

Xapian::Document to_document(const Record& r, const std::vector<std::string>& source_keys,
                             Xapian::TermGenerator& tg, const Taxonomy* taxonomy) {
    Xapian::Document doc;
    tg.set_document(doc);

    // Title: prefixed for title: searches, and unprefixed with a high wdf so
    // title words outrank body words.
    tg.index_text(r.title, 1, std::string(schema::TITLE.prefix));
    // The title's length: its unprefixed copy below then stands at positions
    // length+101..2*length+100, where a search finds how much of it a query covers.
    if (tg.get_termpos() > 0) doc.add_value(schema::TITLE_WORDS.slot, std::to_string(tg.get_termpos()));
    tg.increase_termpos(100);
    tg.index_text(r.title, 5);
    for (const auto& s : r.symbols) {
        tg.increase_termpos(100);
        tg.index_text(s, 5);
        doc.add_boolean_term(schema::term(schema::SYMBOL, symbol_key(s)));
    }
    for (const auto& h : r.headings) {
        tg.increase_termpos(100);
        tg.index_text(h, 2);
    }
    if (!r.summary.empty()) {
        tg.increase_termpos(100);
        tg.index_text(r.summary, 2);
    }
    if (!r.citation.empty()) {
        tg.increase_termpos(100);
        tg.index_text(r.citation);
    }
    std::vector<unsigned> page_pos = index_body(doc, r, tg);
    // Acronyms of the concepts the text spells out: "DNA" finds "designated national authority".
    if (!r.aliases.empty()) {
        Xapian::Stem stem("english");
        for (const auto& [a, n] : r.aliases) {
            doc.add_term(a, static_cast<Xapian::termcount>(n));
            doc.add_term("Z" + stem(a), static_cast<Xapian::termcount>(n));
        }
    }
    index_concepts(tg, taxonomy, r);

    doc.add_boolean_term(schema::term(schema::ID, r.id));
    for (const auto& key : source_keys) doc.add_boolean_term(key);
    for (const auto& ref : r.references) doc.add_boolean_term(schema::term(schema::CITES, symbol_key(ref)));
    if (!r.decision.empty()) doc.add_boolean_term(schema::term(schema::DECISION, symbol_key(r.decision)));
    for (const auto& id : r.refines) doc.add_boolean_term(schema::term(schema::REFINES, id));
    if (!r.family.empty()) {
        doc.add_boolean_term(schema::term(schema::FAMILY, symbol_key(r.family)));
        doc.add_value(schema::FAMILY.slot, symbol_key(r.family));
    }
    if (r.latest) doc.add_boolean_term(std::string(schema::LATEST.prefix));

    for (const auto& f : fields_of(taxonomy)) add_facet(doc, f, values_of(r, f));
    if (!r.date.empty()) doc.add_value(schema::DATE.slot, text::date_key(r.date));
    if (!r.version.empty()) doc.add_value(schema::VERSION.slot, version_key(r.version));

    doc.add_value(schema::CARD.slot, json{{"i", r.id}, {"t", r.title}, {"s", r.symbols.empty() ? "" : r.symbols.front()},
                                          {"v", r.version}, {"d", r.date}, {"y", r.first("type")}}.dump());
    Record stored = r;
    stored.page_pos = std::move(page_pos);
    doc.set_data(encode_data(stored));
    return doc;
}

SpellingWords spelling_words(const Record& r, const Taxonomy* taxonomy) {
    // A generator without a stemmer makes exactly the unstemmed, unprefixed
    // terms Xapian's own spelling support would record.
    Xapian::TermGenerator tg;
    Xapian::Document scratch;
    tg.set_document(scratch);
    tg.index_text(r.title);
    for (const auto& s : r.symbols) tg.index_text(s);
    for (const auto& h : r.headings) tg.index_text(h);
    tg.index_text(r.summary);
    if (!r.pages.empty()) tg.index_text(r.pages.front());
    index_concepts(tg, taxonomy, r);
    SpellingWords words;
    words.reserve(scratch.termlist_count());
    for (auto t = scratch.termlist_begin(); t != scratch.termlist_end(); ++t) words.emplace_back(*t, t.get_wdf());
    return words;
}

Record record_from_document(const Xapian::Document& doc) { return decode_data(doc.get_data()); }

std::string encode_data(const Record& r) {
    json meta = to_json(r, false);
    meta["headings"] = r.headings;
    if (!r.page_pos.empty()) meta["page_pos"] = r.page_pos;
    std::string out = meta.dump(-1, ' ', false, json::error_handler_t::replace);
    out += '\0';
    // The page texts are in the passages (load_pages) when the record has
    // them; data of records indexed before passages keeps them here.
    if (!r.passages.empty()) return out;
    for (size_t i = 0; i < r.pages.size(); ++i) {
        if (i) out += '\f';
        out += r.pages[i];
    }
    return out;
}

namespace {

// r.pages from passages in text order: each page's, a blank line between two.
void set_pages(Record& r, const std::vector<Passage>& passages) {
    size_t count = std::max<size_t>(1, r.page_pos.size());
    for (const auto& p : passages) count = std::max<size_t>(count, static_cast<size_t>(std::max(p.page, 1)));
    r.pages.assign(count, {});
    for (const auto& p : passages) {
        auto& page = r.pages[static_cast<size_t>(std::max(p.page, 1)) - 1];
        if (!page.empty()) page += "\n\n";
        page += p.text;
    }
}

}  // namespace

void load_pages(const Xapian::Database& db, Record& r) {
    auto passages = load_passages(db, r.id);
    if (passages.empty()) return;  // none stored: the pages, if any, came with the data
    set_pages(r, passages);
    r.passages = std::move(passages);
}

void load_pages_matching(const Xapian::Database& db, Record& r, const Xapian::Document& doc,
                         const std::vector<std::string>& words) {
    const auto starts = decode_starts(doc.get_value(schema::PASSAGES.slot));
    if (starts.empty()) return;  // data written before passages holds its pages
    std::vector<unsigned> hits(starts.size(), 0);
    for (const auto& w : words)
        for (auto p = db.positionlist_begin(doc.get_docid(), w); p != db.positionlist_end(doc.get_docid(), w); ++p) {
            auto i = static_cast<size_t>(std::upper_bound(starts.begin(), starts.end(), *p) - starts.begin());
            if (i > 0) ++hits[i - 1];
        }
    std::vector<size_t> order(starts.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    const size_t top = std::min<size_t>(3, order.size());
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(top), order.end(),
                      [&](size_t a, size_t b) { return hits[a] != hits[b] ? hits[a] > hits[b] : a < b; });
    std::vector<size_t> wanted = {0};
    for (size_t k = 0; k < top; ++k)
        if (hits[order[k]] > 0 && order[k] != 0) wanted.push_back(order[k]);
    std::sort(wanted.begin(), wanted.end());
    std::vector<Passage> passages;
    for (size_t i : wanted) passages.push_back(decode_passage(db.get_metadata(passage_key(r.id, i))));
    set_pages(r, passages);
}

Record decode_data(const std::string& data, bool with_pages) {
    size_t nul = data.find('\0');
    if (nul == std::string::npos) return record_from_json(json::parse(data));  // the first layout
    Record r = record_from_json(json::parse(std::string_view(data).substr(0, nul)));
    if (!with_pages) return r;
    size_t at = nul + 1;
    if (at < data.size()) {
        while (true) {
            size_t ff = data.find('\f', at);
            r.pages.push_back(data.substr(at, ff == std::string::npos ? std::string::npos : ff - at));
            if (ff == std::string::npos) break;
            at = ff + 1;
        }
    }
    return r;
}

}  // namespace a6kb
