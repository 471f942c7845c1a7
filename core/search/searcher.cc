// SPDX-License-Identifier: Apache-2.0
#include "core/search/searcher.h"

#include "core/search/correction.h"

#include "core/model/errors.h"
#include "core/model/figures.h"
#include "core/model/schema.h"
#include "core/model/symbols.h"
#include "core/model/text.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <map>

namespace a6kb {
namespace {

// Added to the score of records in force (see search()): enough to order an
// adopted text before its drafts when their words match about as well.
constexpr double SETTLED_BONUS = 1.5;

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

// Guidance in force before drafts and superseded texts: a small fixed
// bonus for every record not marked draft, under consideration,
// superseded or withdrawn. And among versions, the newest leads.
Xapian::Query ranked(const ParsedQuery& p, const SearchRequest& r, const Taxonomy& taxonomy) {
    Xapian::Query q = p.query;
    if (p.empty) return q;
    if (const schema::FacetField* status = taxonomy.field("status")) {
        std::vector<Xapian::Query> unsettled;
        for (const char* s : {"draft", "under-consideration", "superseded", "withdrawn"})
            unsettled.emplace_back(schema::term(*status, s));
        q = Xapian::Query(Xapian::Query::OP_AND_MAYBE, q,
                          Xapian::Query(Xapian::Query::OP_AND_NOT,
                                        Xapian::Query((new Xapian::FixedWeightPostingSource(SETTLED_BONUS))->release()),
                                        Xapian::Query(Xapian::Query::OP_OR, unsettled.begin(), unsettled.end())));
    }
    if (!r.latest_only && r.sort == SearchRequest::Sort::relevance) {
        q = Xapian::Query(Xapian::Query::OP_AND_MAYBE, q,
                          Xapian::Query(Xapian::Query::OP_AND,
                                        Xapian::Query((new Xapian::FixedWeightPostingSource(0.5))->release()),
                                        Xapian::Query(std::string(schema::LATEST.prefix))));
    }
    return q;
}

// The request's filter, where versions=latest lets through the records of a
// version typed in the query ("AMS-III.D v13") beside the latest ones.
Xapian::Query versions_filter(const SearchRequest& r, const ParsedQuery& pq, const Taxonomy& taxonomy) {
    std::vector<Xapian::Query> asked;
    for (const auto& v : pq.versions)
        for (const auto& id : v.ids) asked.emplace_back(schema::term(schema::ID, id));
    if (!r.latest_only || asked.empty()) return filter_query(r, taxonomy);
    SearchRequest all = r;
    all.latest_only = false;
    asked.emplace_back(std::string(schema::LATEST.prefix));
    return filtered(Xapian::Query(Xapian::Query::OP_OR, asked.begin(), asked.end()), filter_query(all, taxonomy));
}

void set_sort(Xapian::Enquire& enquire, SearchRequest::Sort sort, bool browsing) {
    switch (sort) {
        case SearchRequest::Sort::relevance:
            if (browsing) enquire.set_sort_by_value(schema::DATE.slot, true);
            else enquire.set_sort_by_relevance_then_value(schema::DATE.slot, true);
            break;
        case SearchRequest::Sort::newest: enquire.set_sort_by_value_then_relevance(schema::DATE.slot, true); break;
        case SearchRequest::Sort::oldest: enquire.set_sort_by_value_then_relevance(schema::DATE.slot, false); break;
    }
}

// Snippet of a hit: the page where the query's words occur most, found from
// their positions in the index (only that page is read), with its number;
// else the summary; else the first words.
std::pair<std::string, int> snippet(const Xapian::Database& db, Xapian::docid did, const Record& record,
                                    const Xapian::MSet& mset, const ParsedQuery& pq, const std::vector<std::string>& query_words) {
    // One stemmer per call: a Snowball stemmer keeps its working state in
    // the object, so one shared by several searching threads corrupts the
    // heap (a static here crashed searchd under two connections).
    const Xapian::Stem stem("english");
    const auto& pages = record.pages;
    auto snippet_of = [&](size_t p) {
        return mset.snippet(std::string(window(pages[p], query_words)), 240, stem, Xapian::MSet::SNIPPET_EMPTY_WITHOUT_MATCH,
                            "<mark>", "</mark>", "\xE2\x80\xA6");
    };
    std::string best;
    int best_page = 0;
    if (!pq.empty && !pages.empty()) {
        const auto& starts = record.page_pos;
        std::vector<size_t> hits_per_page(pages.size(), 0);
        if (starts.size() == pages.size()) {
            for (const auto& w : query_words) {
                for (auto p = db.positionlist_begin(did, w); p != db.positionlist_end(did, w); ++p) {
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
    if (best.empty() && !pq.empty && !record.summary.empty())
        best = mset.snippet(record.summary, 240, stem, Xapian::MSet::SNIPPET_BACKGROUND_MODEL, "<mark>", "</mark>",
                            "\xE2\x80\xA6");
    if (best.empty()) best = first_words(!record.summary.empty() ? record.summary : (pages.empty() ? "" : pages.front()), 240);
    return {best, best_page};
}

}  // namespace
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
        // The symbol patterns the records were read with (older indexes: the shipped ones).
        std::string programmes = db.get_metadata(std::string(schema::META_PROGRAMMES));
        if (!programmes.empty()) snap->taxonomy.set_programmes(Programmes::parse(programmes, path + " (stored programmes)"));
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
    snap->table = FacetTable::build(db, snap->taxonomy.fields());
    snap->judging = JudgingTable::build(db);
    snap->keep_spelling = protected_words(snap->taxonomy);
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

Searcher::Match Searcher::match(const ParsedQuery& p, const SearchRequest& r, const Xapian::Query& filter, bool with_spy,
                                Xapian::doccount first, Xapian::doccount size) {
    const Xapian::doccount all = std::max<Xapian::doccount>(1, db_.get_doccount());
    Match m{Xapian::Enquire(db_), {}, nullptr};
    m.enquire.set_query(filtered(ranked(p, r, taxonomy()), filter));
    if (limits_.time_limit_s > 0) m.enquire.set_time_limit(limits_.time_limit_s);
    set_sort(m.enquire, r.sort, p.empty);
    if (const FacetTable* t = table(); t && with_spy) {
        m.spy = std::make_unique<TableSpy>(*t, counter().plain_columns(r));
        m.enquire.add_matchspy(m.spy.get());
    }
    try {
        m.mset = m.enquire.get_mset(first, size, all);
    } catch (const Xapian::UnimplementedError&) {
        if (!m.spy) throw;
        // Remote shards cannot run our spy: count from value slots from now on.
        table_usable_ = false;
        m.spy.reset();
        m.enquire.clear_matchspies();
        m.mset = m.enquire.get_mset(first, size, all);
    }
    return m;
}

// Nothing for the query as typed: Xapian's correction of the whole query,
// run and said so (or offered, when it finds nothing either).
void Searcher::correct(const SearchRequest& r, const Xapian::Query& filter, ParsedQuery& pq, Match& m, SearchResult& res,
                       Xapian::doccount first, Xapian::doccount size) {
    const auto* facets = &taxonomy().fields();
    if (m.mset.get_matches_estimated() != 0 || pq.text.empty()) return;
    pq.corrected = build_query(r.q, db_, DefaultOp::all_words, Spelling::suggest, facets, &taxonomy().programmes()).corrected;
    if (pq.corrected.empty()) return;
    ParsedQuery corrected = build_query(pq.corrected, db_, DefaultOp::all_words, Spelling::skip, facets, &taxonomy().programmes());
    Match m2 = match(corrected, r, filter, !r.records_only, first, size);
    res.suggestion = pq.corrected;
    if (m2.mset.get_matches_estimated() == 0) return;
    res.corrected = true;
    res.executed = pq.corrected;
    res.original = r.q;
    pq = std::move(corrected);
    m = std::move(m2);
}

Searcher::Match Searcher::run(ParsedQuery& pq, const SearchRequest& r, SearchResult& res, Xapian::doccount first,
                              Xapian::doccount size) {
    const auto* facets = &taxonomy().fields();
    const Xapian::Query filter = versions_filter(r, pq, taxonomy());
    res.query = r.q;
    res.executed = r.q;
    // A misspelt word beside good ones (core/search/correction.h).
    std::optional<std::string> fixed;
    if (!r.exact_words && !pq.text.empty()) fixed = correct_words(r.q, db_, snapshot_->keep_spelling);
    ParsedQuery fixed_pq;
    if (fixed) fixed_pq = build_query(*fixed, db_, DefaultOp::all_words, Spelling::skip, facets, &taxonomy().programmes());
    Match m = match(fixed ? fixed_pq : pq, r, filter, !r.records_only, first, size);
    if (fixed && m.mset.get_matches_estimated() > 0) {
        res.corrected = true;
        res.suggestion = res.executed = *fixed;
        res.original = r.q;
        pq = std::move(fixed_pq);
    } else {
        if (fixed) m = match(pq, r, filter, !r.records_only, first, size);
        if (!r.exact_words) correct(r, filter, pq, m, res, first, size);
    }
    res.versions = pq.versions;
    res.parsed = pq.query.get_description();
    res.total = m.mset.get_matches_estimated();
    res.exact = m.mset.get_matches_lower_bound() == m.mset.get_matches_upper_bound();
    return m;
}

// What every hit of one search shares.
struct Searcher::HitContext {
    const Xapian::MSet& mset;
    const ParsedQuery& pq;
    const QueryWords& words;
    std::vector<std::string> query_words;  // for the page snippet of records without passages
    // Hits come in relevance order, not docid order: posting lists are
    // opened once and reopened when a hit lies behind the cursor.
    std::vector<std::pair<std::string, Xapian::PostingIterator>> query_terms;
    int passages = 1;
    bool with_snippet = true;
};

// A hit's best passages (read one by one), its snippet and why it
// matched; false when it has none to show (no passages, or damaged ones).
bool Searcher::show_passages(Hit& hit, const JudgedDocument& judged, const HitContext& c) {
    if (judged.starts.empty()) return false;
    std::vector<PassageEvidence> chosen(judged.passages.begin(),
                                        judged.passages.begin() + std::min<long>(c.passages, static_cast<long>(judged.passages.size())));
    if (chosen.empty()) chosen.push_back(PassageEvidence{});  // matched outside its passages (title, symbol): its opening
    for (const auto& e : chosen) {
        ShownPassage s = show_passage(db_, hit.record, e, c.words);
        if (s.text.empty()) return false;
        hit.passages.push_back(std::move(s));
    }
    const ShownPassage& best = hit.passages.front();
    hit.snippet = best.text;
    if (hit.record.media_type == "application/pdf" && best.page > 0) hit.page = best.page;
    if (!judged.passages.empty()) hit.why = why_matched(judged.passages.front(), c.words, best.label);
    return true;
}

Hit Searcher::hit_of(const Xapian::MSetIterator& it, const JudgedDocument& judged, HitContext& c) {
    Xapian::Document doc = it.get_document();
    Hit hit;
    // The page texts only for a snippet of a record without passages.
    const bool need_pages = c.with_snippet && judged.starts.empty();
    hit.record = decode_data(doc.get_data(), need_pages);
    hit.score = c.pq.empty ? 0 : it.get_weight();
    if (c.with_snippet && !show_passages(hit, judged, c)) {
        hit.passages.clear();
        if (!need_pages) {  // damaged passages: the pages after all
            hit.record = decode_data(doc.get_data(), true);
            load_pages(db_, hit.record);
        }
        auto [text, page] = snippet(db_, *it, hit.record, c.mset, c.pq, c.query_words);
        hit.snippet = std::move(text);
        if (hit.record.media_type == "application/pdf" && page > 0) hit.page = page;
    }
    if (!hit.record.family.empty()) hit.versions = db_.get_termfreq(schema::term(schema::FAMILY, symbol_key(hit.record.family)));
    // Why this hit: the query's terms that index it. Each is checked in its
    // posting list (Enquire's get_matching_terms reads the whole termlist of
    // the document, far slower for long texts).
    for (auto& [term, postings] : c.query_terms) {
        if (postings == db_.postlist_end(term) || *postings > *it) postings = db_.postlist_begin(term);
        postings.skip_to(*it);
        if (postings == db_.postlist_end(term) || *postings != *it) continue;
        auto d = c.pq.display.find(term);
        if (d == c.pq.display.end() && !term.empty() && std::isupper(static_cast<unsigned char>(term[0])))
            continue;  // a filter or field term, or a stem we cannot name
        std::string shown = d != c.pq.display.end() ? d->second : term;
        if (std::find(hit.matched.begin(), hit.matched.end(), shown) == hit.matched.end()) hit.matched.push_back(shown);
    }
    hit.record.pages.clear();
    hit.record.page_pos.clear();
    hit.record.headings.clear();
    hit.record.aliases.clear();
    return hit;
}

namespace {

// The hits of the window [0, first + size) or of [first, first + size).
struct Window {
    Xapian::doccount from = 0, count = 0;
    bool rerank = false;
};

// Whether a hit's title or best passage states a figure (core/model/figures.h):
// for a question that asks for one. Reads that one passage.
bool states_figure_at(const Xapian::Database& db, const Xapian::Document& doc, const JudgedDocument& j) {
    auto card = nlohmann::json::parse(doc.get_value(schema::CARD.slot), nullptr, false);
    if (!card.is_object()) return false;
    if (states_figure(card.value("t", ""))) return true;
    if (j.starts.empty()) return states_figure(decode_data(doc.get_data(), false).summary);  // a catalog record: its summary
    if (j.passages.empty()) return false;
    const std::string stored = db.get_metadata(passage_key(card.value("i", ""), j.passages.front().ordinal));
    return !stored.empty() && states_figure(decode_passage(stored).text);
}

// A hit of the window with its passage evidence and its re-ranked score.
struct Judged {
    Xapian::MSetIterator it;
    JudgedDocument doc;
    double score;
    std::string decision;  // a provision's decision term (schema::DECISION); empty for other records
};

// The decision term (schema::DECISION) of a provision; empty for other records.
// Only provisions carry one (JudgingTable::is_provision tells them apart):
// a long document is spared the decoding of its whole term list.
std::string decision_term(const Xapian::Document& doc) {
    const std::string prefix(schema::DECISION.prefix);
    auto t = doc.termlist_begin();
    t.skip_to(prefix);
    return t != doc.termlist_end() && (*t).compare(0, prefix.size(), prefix) == 0 ? *t : std::string();
}

// Best score first; then the provisions of one decision share their place:
// the best keeps its score, the k-th after it is damped by
// PROVISION_DAMPING^k, so that one decision's rulebook does not fill the
// page above the glossary, the standards and the other decisions.
void rerank(std::vector<Judged>& judged) {
    auto by_score = [](const Judged& a, const Judged& b) { return a.score > b.score; };
    std::stable_sort(judged.begin(), judged.end(), by_score);
    std::map<std::string, int> seen;
    bool damped = false;
    for (auto& j : judged) {
        if (j.decision.empty()) continue;
        int k = seen[j.decision]++;
        if (k > 0) j.score *= std::pow(PROVISION_DAMPING, k), damped = true;
    }
    if (damped) std::stable_sort(judged.begin(), judged.end(), by_score);
}

Window window_of(const SearchRequest& r, const ParsedQuery& pq) {
    const auto first = static_cast<Xapian::doccount>((r.page - 1) * r.per_page);
    const auto size = static_cast<Xapian::doccount>(r.per_page);
    const auto top = static_cast<Xapian::doccount>(std::clamp(3 * r.per_page, RERANK_MIN, RERANK_MAX));
    if (r.sort != SearchRequest::Sort::relevance || r.records_only || pq.empty || first >= top) return {first, size, false};
    return {0, std::max(first + size, top), true};
}

}  // namespace

SearchResult Searcher::search(const SearchRequest& r) {
    auto started = std::chrono::steady_clock::now();
    SearchResult res;
    res.page = r.page;
    res.per_page = r.per_page;
    ParsedQuery pq = build_query(r.q, db_, DefaultOp::all_words, Spelling::skip, &taxonomy().fields(), &taxonomy().programmes());
    const Window w = window_of(r, pq);
    Match m = run(pq, r, res, w.from, w.count);

    const QueryWords words = r.records_only ? QueryWords{} : QueryWords::build(pq, db_, taxonomy());
    HitContext c{m.mset, pq, words, {}, {}, r.passages, !r.records_only};
    for (const auto& word : text::words(pq.text))
        if (word.size() > 1) c.query_words.push_back(word);
    for (auto t = pq.query.get_unique_terms_begin(); t != pq.query.get_unique_terms_end(); ++t)
        c.query_terms.emplace_back(*t, db_.postlist_begin(*t));

    // Each hit judged by its passages; the window re-ranked with that evidence.
    std::vector<Judged> judged;
    const bool figure = w.rerank && !r.records_only && asks_for_figure(r.q);
    const bool answer = seeks_answer(r.q);
    const bool topic = w.rerank && !r.records_only && !answer;
    // The window's positions, read term by term in docid order.
    const std::vector<WordPositions> positions = r.records_only ? std::vector<WordPositions>{} : word_positions(db_, m.mset, words);
    size_t k = 0;
    for (auto it = m.mset.begin(); it != m.mset.end(); ++it, ++k) {
        const Xapian::Document doc = it.get_document();
        JudgedDocument j = r.records_only ? JudgedDocument{} : judge(db_, *it, judging().values(*it), words, &positions[k]);
        double score = rank_score(it.get_weight(), j, answer);
        if (figure && states_figure_at(db_, doc, j)) score *= 1 + FIGURE_BOOST;
        std::string decision = w.rerank && judging().is_provision(*it) ? decision_term(doc) : std::string();
        if (topic && !decision.empty()) score *= PROVISION_TOPIC_DAMPING;
        judged.push_back({it, std::move(j), score, std::move(decision)});
    }
    size_t skip = 0;
    if (w.rerank) {
        rerank(judged);
        skip = static_cast<size_t>((r.page - 1) * r.per_page);
    }
    for (size_t i = skip; i < judged.size() && res.hits.size() < static_cast<size_t>(r.per_page); ++i) {
        res.hits.push_back(hit_of(judged[i].it, judged[i].doc, c));
        if (w.rerank) res.hits.back().score = judged[i].score;
    }

    bool exact = true;
    if (!r.records_only) res.facets = counter().count(pq.query, r, m.spy.get(), exact);
    res.exact = res.exact && exact;
    res.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    return res;
}

}  // namespace a6kb
