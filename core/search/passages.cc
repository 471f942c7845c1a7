// SPDX-License-Identifier: Apache-2.0
#include "core/search/passages.h"

#include "core/search/citation.h"

#include "core/model/schema.h"
#include "core/model/symbols.h"
#include "core/model/text.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <bit>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

namespace a6kb {
namespace {

constexpr size_t MAX_WORDS = 64;     // bits of PassageEvidence::held
constexpr size_t FORMS_SCANNED = 200;  // terms of the database looked at per stem
constexpr size_t MAX_FORMS = 16;       // forms kept per word
// A heading or a label: a few words, plus the gap of 20 positions the
// indexer leaves between two passages (core/model/record.cc), which the
// distance between two starts includes.
constexpr unsigned SHORT_PASSAGE = 30;
constexpr double HEADING_SHARE = 0.5;  // a word held by the heading a passage stands under counts half
constexpr unsigned NEAR = 4;           // a few stop words between still count as side by side ("applicable under the following conditions")

// The terms of `db` that the English stemmer maps to `stem`: the forms a
// stemmed query word matched, which carry the positions (the index keeps
// positions for unstemmed terms only).
std::vector<std::string> forms_of(const Xapian::Database& db, const Xapian::Stem& stemmer, const std::string& word,
                                  const std::string& stem) {
    std::vector<std::string> out;
    if (db.term_exists(word)) out.push_back(word);
    const std::string prefix = stem.size() >= 4 ? stem.substr(0, stem.size() - 1) : word;
    size_t scanned = 0;
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix) && scanned < FORMS_SCANNED; ++t, ++scanned) {
        const std::string term = *t;
        if (term == word || out.size() >= MAX_FORMS) continue;
        if (stemmer(term) == stem) out.push_back(term);
    }
    return out;
}

bool in_query(const std::set<std::string>& terms, const std::string& word, const std::string& stem) {
    return terms.count(word) || terms.count("Z" + stem);
}

// The occurrences of one passage, sorted by position: (position, word).
using Occurrences = std::vector<std::pair<unsigned, unsigned>>;

// The smallest span of positions holding every word of `held` once.
unsigned smallest_window(const Occurrences& occ, uint64_t held) {
    const size_t need = static_cast<size_t>(std::popcount(held));
    if (need <= 1 || occ.empty()) return 1;
    std::map<unsigned, unsigned> in_window;  // word -> occurrences inside
    unsigned best = occ.back().first - occ.front().first + 1;
    size_t left = 0;
    for (size_t right = 0; right < occ.size(); ++right) {
        ++in_window[occ[right].second];
        while (in_window.size() == need) {
            best = std::min(best, occ[right].first - occ[left].first + 1);
            if (--in_window[occ[left].second] == 0) in_window.erase(occ[left].second);
            ++left;
        }
    }
    return best;
}

double compactness(const PassageEvidence& e) {
    size_t h = e.held_count();
    if (h <= 1) return 1;
    return std::min(1.0, 6.0 * static_cast<double>(h - 1) / std::max(1u, e.window));
}

// `context`: the words held by the heading the passage stands under (none: 0).
PassageEvidence evidence_of(const Occurrences& occ, const QueryWords& q, size_t ordinal, unsigned length, uint64_t context = 0) {
    PassageEvidence e;
    e.ordinal = ordinal;
    e.length = length;
    e.occurrences = static_cast<unsigned>(occ.size());
    for (size_t i = 0; i < occ.size(); ++i) {
        e.held |= uint64_t{1} << occ[i].second;
        if (i > 0 && occ[i].second != occ[i - 1].second && occ[i].first - occ[i - 1].first <= NEAR) ++e.adjacent;
    }
    e.window = smallest_window(occ, e.held);
    double held_weight = 0;
    for (size_t w = 0; w < q.words.size(); ++w) {
        const uint64_t bit = uint64_t{1} << w;
        if (e.held & bit) held_weight += q.words[w].weight;
        else if (context & bit) held_weight += HEADING_SHARE * q.words[w].weight;
    }
    double heading_weight = 0;  // of the words its heading holds: the section is about them
    for (size_t w = 0; w < q.words.size(); ++w)
        if (context & (uint64_t{1} << w)) heading_weight += q.words[w].weight;
    e.held |= context;
    const double total = q.total_weight();
    e.coverage = total > 0 ? held_weight / total : 0;
    const double under = total > 0 ? heading_weight / total : 0;
    const size_t h = e.held_count();
    const bool all = h == q.words.size();
    const double adjacency = h <= 1 ? 0 : std::min(1.0, static_cast<double>(e.adjacent) / static_cast<double>(h - 1));
    const double repetition = std::min(1.0, std::log1p(e.occurrences) / std::log(16.0));
    e.score = 10 * e.coverage + (all ? 3 : 0) + 3 * compactness(e) * e.coverage + adjacency + 0.5 * repetition + 0.5 * under -
              (length < SHORT_PASSAGE ? 2 : 0);
    return e;
}

Occurrences all_occurrences(const WordPositions& positions, unsigned from, unsigned to) {
    Occurrences occ;
    for (size_t w = 0; w < positions.size(); ++w)
        for (unsigned p : positions[w])
            if (p >= from && p < to) occ.emplace_back(p, static_cast<unsigned>(w));
    std::sort(occ.begin(), occ.end());
    return occ;
}

}  // namespace

size_t PassageEvidence::held_count() const { return static_cast<size_t>(std::popcount(held)); }

double QueryWords::total_weight() const {
    double t = 0;
    for (const auto& w : words) t += w.weight;
    return t;
}

QueryWords QueryWords::build(const ParsedQuery& pq, const Xapian::Database& db, const Taxonomy& taxonomy) {
    QueryWords out;
    if (pq.empty || pq.text.empty()) return out;
    std::set<std::string> terms(pq.query.get_unique_terms_begin(), pq.query.get_unique_terms_end());
    const Xapian::Stem stemmer("english");
    const double docs = std::max(1u, db.get_doccount());
    std::set<std::string> seen;
    for (const auto& w : text::words(pq.text)) {
        std::string stem = stemmer(w);
        if (!seen.insert(w).second || !in_query(terms, w, stem) || out.words.size() == MAX_WORDS) continue;
        QueryWord word{w, stem, {}, 1};
        for (auto& f : forms_of(db, stemmer, w, stem)) word.spellings.push_back({std::move(f)});
        for (const auto& a : taxonomy.acronyms())
            if (a.acronym == w && !a.expansion.empty()) word.spellings.push_back(a.expansion);
        const double tf = std::max(db.get_termfreq("Z" + stem), db.get_termfreq(w));
        word.weight = std::max(0.1, std::log((docs + 0.5) / (tf + 0.5)));
        out.words.push_back(std::move(word));
    }
    return out;
}

namespace {

// The positions of `term` in each of `dids` (sorted ascending), into
// out[k] for dids[k]: the term's posting list says which documents hold it,
// so no position list is looked up for a document without it.
void term_positions(const Xapian::Database& db, const std::vector<Xapian::docid>& dids, const std::string& term,
                    std::vector<std::vector<unsigned>>& out) {
    auto post = db.postlist_begin(term);
    const auto end = db.postlist_end(term);
    for (size_t k = 0; k < dids.size() && post != end; ++k) {
        post.skip_to(dids[k]);
        if (post == end) break;
        if (*post != dids[k]) continue;
        for (auto p = db.positionlist_begin(dids[k], term); p != db.positionlist_end(dids[k], term); ++p) out[k].push_back(*p);
    }
}

// Where `seq` stands in each document: its first term with the others right after it.
void sequence_positions(const Xapian::Database& db, const std::vector<Xapian::docid>& dids, const std::vector<std::string>& seq,
                        std::vector<std::vector<unsigned>>& out) {
    std::vector<std::vector<std::vector<unsigned>>> each(seq.size(), std::vector<std::vector<unsigned>>(dids.size()));
    for (size_t t = 0; t < seq.size(); ++t) term_positions(db, dids, seq[t], each[t]);
    for (size_t k = 0; k < dids.size(); ++k)
        for (unsigned p : each[0][k]) {
            bool all = true;
            for (size_t t = 1; t < seq.size() && all; ++t)
                all = std::binary_search(each[t][k].begin(), each[t][k].end(), p + static_cast<unsigned>(t));
            if (all) out[k].push_back(p);
        }
}

}  // namespace

std::vector<WordPositions> word_positions(const Xapian::Database& db, const std::vector<Xapian::docid>& dids, const QueryWords& q) {
    // Term by term, the documents in increasing order: the index keeps
    // positions by term, then document, so one term's lists for the whole
    // window are read in one forward walk instead of a jump per document.
    std::vector<size_t> order(dids.size());
    for (size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return dids[a] < dids[b]; });
    std::vector<Xapian::docid> sorted;
    for (size_t k : order) sorted.push_back(dids[k]);
    std::vector<WordPositions> out(dids.size(), WordPositions(q.words.size()));
    std::vector<std::vector<unsigned>> found(sorted.size());
    for (size_t i = 0; i < q.words.size(); ++i) {
        for (auto& f : found) f.clear();
        for (const auto& spelling : q.words[i].spellings) {
            if (spelling.size() == 1) term_positions(db, sorted, spelling[0], found);
            else sequence_positions(db, sorted, spelling, found);
        }
        for (size_t k = 0; k < sorted.size(); ++k) {
            auto& list = out[order[k]][i];
            list = std::move(found[k]);
            found[k] = {};
            std::sort(list.begin(), list.end());
            list.erase(std::unique(list.begin(), list.end()), list.end());
        }
    }
    return out;
}

std::vector<WordPositions> word_positions(const Xapian::Database& db, const Xapian::MSet& mset, const QueryWords& q) {
    std::vector<Xapian::docid> dids;
    for (auto it = mset.begin(); it != mset.end(); ++it) dids.push_back(*it);
    if (q.words.empty()) return std::vector<WordPositions>(dids.size());
    return word_positions(db, dids, q);
}

WordPositions word_positions(const Xapian::Database& db, Xapian::docid did, const QueryWords& q) {
    return std::move(word_positions(db, std::vector<Xapian::docid>{did}, q).front());
}

std::vector<PassageEvidence> score_passages(const std::vector<unsigned>& starts, const WordPositions& positions,
                                            const QueryWords& q, unsigned end) {
    std::vector<PassageEvidence> out;
    if (starts.empty() || q.words.empty()) return out;
    Occurrences occ = all_occurrences(positions, starts.front(), end > starts.back() ? end : ~0u);
    // The heading a passage stands under: the last short passage before it
    // (section headings cover the paragraphs up to the next one).
    auto is_short = [&](size_t k) { return k + 1 < starts.size() && starts[k + 1] - starts[k] < SHORT_PASSAGE; };
    std::map<size_t, uint64_t> held_by;  // passages judged so far -> the words they hold
    uint64_t heading = 0;
    size_t scanned = 0;
    size_t i = 0;
    while (i < occ.size()) {
        // The passage of occurrence i, and the occurrences it holds.
        size_t ordinal = static_cast<size_t>(std::upper_bound(starts.begin(), starts.end(), occ[i].first) - starts.begin()) - 1;
        unsigned next = ordinal + 1 < starts.size() ? starts[ordinal + 1] : (end > starts[ordinal] ? end : ~0u);
        size_t j = i;
        while (j < occ.size() && occ[j].first < next) ++j;
        Occurrences mine(occ.begin() + static_cast<long>(i), occ.begin() + static_cast<long>(j));
        for (; scanned < ordinal; ++scanned)
            if (is_short(scanned)) heading = held_by.count(scanned) ? held_by[scanned] : 0;
        unsigned length = next == ~0u ? 1000u : next - starts[ordinal];
        out.push_back(evidence_of(mine, q, ordinal, length, length < SHORT_PASSAGE ? 0 : heading));
        uint64_t own = 0;
        for (const auto& o : mine) own |= uint64_t{1} << o.second;
        held_by[ordinal] = own;
        i = j;
    }
    std::stable_sort(out.begin(), out.end(), [](const PassageEvidence& a, const PassageEvidence& b) { return a.score > b.score; });
    return out;
}

PassageEvidence score_span(const WordPositions& positions, const QueryWords& q, unsigned from, unsigned to) {
    return evidence_of(all_occurrences(positions, from, to), q, 0, to > from ? to - from : 0);
}

double answer_strength(const PassageEvidence& e, size_t words) {
    if (words == 0 || e.held == 0) return 0;
    return e.coverage * e.coverage * (0.6 + 0.4 * compactness(e));
}

bool speaks_to(const PassageEvidence& e, size_t words) {
    if (words == 0) return false;
    return e.held_count() >= (words <= 2 ? words : words - 1);
}

namespace {

// Where the last passage ends: the index puts more text after the body
// (concept labels, 100 positions on), and the starts do not say where the
// body stops. Written by the indexer with the passages (schema 6); 0
// (unknown: the last passage runs on) only for a damaged value.
unsigned end_of_body(unsigned stored, const std::vector<unsigned>& starts) { return stored > starts.back() ? stored + 1 : 0; }

// Where a spelling of several words starts inside [from, to].
std::vector<unsigned> sequence_starts(const Xapian::Database& db, Xapian::docid did, const std::vector<std::string>& spelling,
                                      unsigned from, unsigned to) {
    std::vector<std::vector<unsigned>> found(1);
    sequence_positions(db, {did}, spelling, found);
    std::vector<unsigned> out;
    for (unsigned p : found[0])
        if (p >= from && p <= to) out.push_back(p);
    return out;
}

}  // namespace

TitleMatch title_match(const Xapian::Database& db, Xapian::docid did, const WordPositions& positions, const QueryWords& q,
                       unsigned title_words) {
    if (title_words == 0 || q.words.empty()) return {};
    const unsigned from = title_words + 101, to = 2 * title_words + 100;  // the unprefixed copy (record.cc)
    double held = 0;
    std::set<unsigned> covered;
    for (size_t i = 0; i < q.words.size(); ++i) {
        auto p = std::lower_bound(positions[i].begin(), positions[i].end(), from);
        if (p == positions[i].end() || *p > to) continue;
        held += q.words[i].weight;
        // Every spelling's first word is among the positions; only the rest
        // of a spelling of several words (an acronym spelled out) is read.
        for (; p != positions[i].end() && *p <= to; ++p) covered.insert(*p);
        for (const auto& spelling : q.words[i].spellings)
            if (spelling.size() > 1)
                for (unsigned at : sequence_starts(db, did, spelling, from, to))
                    for (unsigned k = 1; k < spelling.size() && at + k <= to; ++k) covered.insert(at + k);
    }
    const double total = q.total_weight();
    if (held == 0 || total <= 0) return {};
    return TitleMatch{held / total, (held / total) * (static_cast<double>(covered.size()) / title_words)};
}

JudgedDocument judge(const Xapian::Database& db, Xapian::docid did, const JudgingValues& values, const QueryWords& q,
                     const WordPositions* given) {
    JudgedDocument j;
    j.starts = decode_starts(values.starts);
    if (!std::is_sorted(j.starts.begin(), j.starts.end())) j.starts.clear();  // damaged: judged as one span
    if (q.words.empty()) return j;  // browsing, or a symbol alone: the opening passage is shown
    WordPositions read;  // only when not given: a window's are read once for all its hits
    if (!given) read = word_positions(db, did, q);
    const WordPositions& positions = given ? *given : read;
    const size_t n = q.words.size();
    j.title = title_match(db, did, positions, q, values.title_words);
    PassageEvidence head = score_span(positions, q, 0, j.starts.empty() ? ~0u : j.starts.front());
    j.strength = answer_strength(head, n);
    if (j.starts.empty()) return j;
    j.passages = score_passages(j.starts, positions, q, end_of_body(values.body_end, j.starts));
    if (!j.passages.empty()) j.strength = std::max(j.strength, answer_strength(j.passages.front(), n));
    return j;
}

std::string why_matched(const PassageEvidence& e, const QueryWords& q, const std::string& label) {
    const size_t n = q.words.size(), h = e.held_count();
    if (n == 0 || h == 0) return "";
    if (n == 1) return "\xE2\x80\x9C" + q.words.front().shown + "\xE2\x80\x9D in " + label;
    if (h == n) return "all " + std::to_string(n) + " words in " + label;
    return std::to_string(h) + " of " + std::to_string(n) + " words in " + label;
}

ShownPassage show_passage(const Xapian::Database& db, const Record& r, const PassageEvidence& e, const QueryWords& q,
                          size_t max_bytes) {
    Passage p = decode_passage(db.get_metadata(passage_key(r.id, e.ordinal)));
    ShownPassage s;
    s.ordinal = e.ordinal;
    s.text = highlight(p.text, q, max_bytes);
    s.label = p.label;
    s.anchor = p.anchor;
    s.page = p.page;
    s.citation = citation(r, p);
    s.link = p.anchor.empty() ? "/doc/" + r.id : passage_path(r.id, p.anchor);
    if (r.media_type == "application/pdf" && p.page > 0) s.file = file_path(r.id, p.page);
    s.score = e.score;
    s.held = e.held_count();
    return s;
}

}  // namespace a6kb
