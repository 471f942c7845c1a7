// SPDX-License-Identifier: Apache-2.0
// Searcher::passages (searcher.h): paragraph search — every passage that
// speaks to the query, grouped by document, a page of documents at a time.
#include "core/search/searcher.h"

#include <algorithm>
#include <chrono>

namespace a6kb {

namespace {

struct Found {
    Xapian::MSetIterator it;
    JudgedDocument judged;
    double score = 0;
    size_t speaking = 0;  // its passages that speak to the query
};

// The group of one document: its speaking passages in text order, each
// read from the index.
PassageGroup group_of(const Xapian::Database& db, const Found& f, const QueryWords& words) {
    PassageGroup g;
    g.record = decode_data(f.it.get_document().get_data(), false);
    g.record.headings.clear();
    g.record.aliases.clear();
    g.record.page_pos.clear();
    g.score = f.score;
    g.total = f.speaking;
    std::vector<PassageEvidence> chosen;
    for (const auto& e : f.judged.passages)
        if (speaks_to(e, words.words.size())) chosen.push_back(e);
    std::sort(chosen.begin(), chosen.end(), [](const PassageEvidence& a, const PassageEvidence& b) { return a.ordinal < b.ordinal; });
    if (chosen.size() > PASSAGES_PER_DOCUMENT) chosen.resize(PASSAGES_PER_DOCUMENT);
    for (const auto& e : chosen) {
        ShownPassage s = show_passage(db, g.record, e, words, 600);
        if (!s.text.empty()) g.passages.push_back(std::move(s));
    }
    return g;
}

}  // namespace

PassageResult Searcher::passages(const SearchRequest& r) {
    auto started = std::chrono::steady_clock::now();
    PassageResult out;
    out.page = r.page;
    out.per_page = r.per_page;
    ParsedQuery pq = build_query(r.q, db_, DefaultOp::all_words, Spelling::skip, &taxonomy().fields(), &taxonomy().programmes());
    SearchResult run_fields;
    Match m = run(pq, r, run_fields, 0, static_cast<Xapian::doccount>(PASSAGE_SCAN));
    out.query = r.q;
    out.parsed = run_fields.parsed;

    const QueryWords words = QueryWords::build(pq, db_, taxonomy());
    std::vector<Found> found;
    const std::vector<WordPositions> positions = word_positions(db_, m.mset, words);
    size_t k = 0;
    for (auto it = m.mset.begin(); it != m.mset.end() && !words.words.empty(); ++it, ++k) {
        Found f{it, judge(db_, *it, judging().values(*it), words, &positions[k]), 0, 0};
        f.speaking = static_cast<size_t>(std::count_if(f.judged.passages.begin(), f.judged.passages.end(),
                                                       [&](const PassageEvidence& e) { return speaks_to(e, words.words.size()); }));
        if (f.speaking == 0) continue;
        f.score = rank_score(it.get_weight(), f.judged);
        out.passages += f.speaking;
        found.push_back(std::move(f));
    }
    out.documents = found.size();
    out.exact = run_fields.exact && m.mset.size() >= run_fields.total;
    if (r.sort == SearchRequest::Sort::relevance)
        std::stable_sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.score > b.score; });
    const size_t first = static_cast<size_t>((r.page - 1) * r.per_page);
    for (size_t i = first; i < found.size() && out.groups.size() < static_cast<size_t>(r.per_page); ++i)
        out.groups.push_back(group_of(db_, found[i], words));

    bool exact = true;
    out.facets = counter().count(pq.query, r, m.spy.get(), exact);
    out.exact = out.exact && exact;
    out.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    return out;
}

}  // namespace a6kb
