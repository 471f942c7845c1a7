// SPDX-License-Identifier: Apache-2.0
// highlight() of passages.h: a passage's text with the query's words marked,
// trimmed around the part that holds most of them.
#include "core/model/text.h"
#include "core/search/passages.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <set>
#include <unordered_map>

namespace a6kb {
namespace {

struct Token {
    size_t begin, end;
    int word = -1;  // index of the query word it writes, or -1
};

bool word_byte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

// Runs of letters and digits (a '.' between two stays inside, as text::words has it).
std::vector<Token> tokens(std::string_view s) {
    std::vector<Token> out;
    size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && !word_byte(static_cast<unsigned char>(s[i]))) ++i;
        size_t b = i;
        while (i < s.size() && (word_byte(static_cast<unsigned char>(s[i])) ||
                                (s[i] == '.' && i + 1 < s.size() && i > b && word_byte(static_cast<unsigned char>(s[i + 1])))))
            ++i;
        if (i > b) out.push_back({b, i});
    }
    return out;
}

// Marks each token that is a query word, another form of its stem, or a
// word of an acronym's expansion.
void mark(std::vector<Token>& toks, std::string_view text, const QueryWords& q) {
    std::map<std::string, int, std::less<>> known;
    std::map<std::string, int, std::less<>> stems;
    for (size_t w = 0; w < q.words.size(); ++w) {
        const int wi = static_cast<int>(w);
        known.emplace(q.words[w].shown, wi);
        stems.emplace(q.words[w].stem, wi);
        for (const auto& spelling : q.words[w].spellings)
            for (const auto& term : spelling) known.emplace(term, wi);
    }
    // The English stemmer changes endings only: a word whose first two
    // bytes begin no stem of the query cannot have one, and is not stemmed.
    // Words recur in a passage: each is looked up once.
    std::set<std::string, std::less<>> heads;
    for (const auto& [stem, wi] : stems) heads.insert(stem.substr(0, 2));
    std::unordered_map<std::string, int> seen;
    const Xapian::Stem stemmer("english");
    for (auto& t : toks) {
        std::string lower = text::to_lower(text.substr(t.begin, t.end - t.begin));
        if (auto m = seen.find(lower); m != seen.end()) {
            t.word = m->second;
            continue;
        }
        if (auto k = known.find(lower); k != known.end()) t.word = k->second;
        else if (!heads.count(std::string_view(lower).substr(0, 2))) t.word = -1;
        else if (auto s = stems.find(stemmer(lower)); s != stems.end()) t.word = s->second;
        seen.emplace(std::move(lower), t.word);
    }
}

// The byte range [begin, end) of about `max_bytes` holding the most
// different query words (then the most matches), starting a little before
// its first match; snapped to spaces.
std::pair<size_t, size_t> best_range(const std::vector<Token>& toks, std::string_view text, size_t max_bytes) {
    constexpr size_t LEAD = 60;
    size_t best_begin = 0;
    long best_score = -1;
    for (size_t i = 0; i < toks.size(); ++i) {
        if (toks[i].word < 0) continue;
        size_t begin = toks[i].begin > LEAD ? toks[i].begin - LEAD : 0;
        std::set<int> words;
        long matches = 0;
        for (size_t j = i; j < toks.size() && toks[j].end <= begin + max_bytes; ++j)
            if (toks[j].word >= 0) {
                words.insert(toks[j].word);
                ++matches;
            }
        long score = static_cast<long>(words.size()) * 1000 + matches;
        if (score > best_score) {
            best_score = score;
            best_begin = begin;
        }
    }
    size_t begin = best_begin, end = std::min(text.size(), best_begin + max_bytes);
    if (begin > 0) {
        size_t space = text.find(' ', begin);
        if (space != std::string_view::npos && space < end) begin = space + 1;
    }
    if (end < text.size()) {
        size_t space = text.rfind(' ', end);
        if (space != std::string_view::npos && space > begin) end = space;
    }
    return {begin, end};
}

// Where the query's words occur in `text`, roughly: the part that the
// word shares with its stem ("adapt" for "adaptation" finds "adapted" too),
// lower case, capitalised or, when short, in capitals (memmem is fast),
// at most 200 times each.
std::vector<std::pair<size_t, int>> word_offsets(std::string_view text, const QueryWords& q) {
    std::vector<std::pair<size_t, int>> out;
    for (size_t w = 0; w < q.words.size(); ++w) {
        const std::string& shown = q.words[w].shown;
        const std::string& stem = q.words[w].stem;
        size_t common = 0;
        while (common < shown.size() && common < stem.size() && shown[common] == stem[common]) ++common;
        std::set<std::string> needles{common >= 3 ? shown.substr(0, common) : shown};
        for (const auto& spelling : q.words[w].spellings)
            if (spelling.size() > 1) needles.insert(spelling.front());  // an acronym's expansion
        for (const auto& lower : needles) {
            std::string cap = lower, upper = lower;
            cap[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(cap[0])));
            for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            std::vector<const std::string*> spellings{&lower, &cap};
            if (upper.size() <= 6) spellings.push_back(&upper);  // acronyms: NDC, ITMO
            for (const std::string* needle : spellings) {
                for (size_t at = 0, found = 0; found < 200 && at < text.size(); ++found) {
                    const void* hit = ::memmem(text.data() + at, text.size() - at, needle->data(), needle->size());
                    if (!hit) break;
                    size_t off = static_cast<size_t>(static_cast<const char*>(hit) - text.data());
                    out.emplace_back(off, static_cast<int>(w));
                    at = off + needle->size();
                }
            }
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

// A passage far longer than can be shown: only the part around the most
// different words is read further (tokenizing and stemming a whole page
// for 480 bytes of it cost most of a search on long texts).
std::pair<size_t, size_t> around_matches(std::string_view text, const QueryWords& q, size_t max_bytes) {
    if (text.size() <= 4 * max_bytes) return {0, text.size()};
    auto offs = word_offsets(text, q);
    size_t best = 0, best_score = 0;
    for (size_t i = 0, j = 0; i < offs.size(); ++i) {
        std::set<int> words;
        size_t n = 0;
        for (j = i; j < offs.size() && offs[j].first < offs[i].first + max_bytes; ++j, ++n) words.insert(offs[j].second);
        size_t score = words.size() * 1000 + n;
        if (score > best_score) {
            best_score = score;
            best = offs[i].first;
        }
    }
    size_t begin = best > max_bytes ? best - max_bytes : 0;
    size_t end = std::min(text.size(), begin + 3 * max_bytes);
    // Whole words only (and so never inside a UTF-8 sequence).
    if (size_t space = text.find(' ', begin); begin > 0 && space != std::string_view::npos && space < best) begin = space + 1;
    if (size_t space = text.rfind(' ', end); end < text.size() && space != std::string_view::npos && space > best) end = space;
    return {begin, end};
}

}  // namespace

std::string highlight(std::string_view raw, const QueryWords& q, size_t max_bytes) {
    auto [from, to] = around_matches(raw, q, max_bytes);
    const std::string flat = text::collapse_spaces(raw.substr(from, to - from));
    const std::string_view text = flat;
    std::vector<Token> toks = tokens(text);
    mark(toks, text, q);
    size_t begin = 0, end = text.size();
    if (text.size() > max_bytes) std::tie(begin, end) = best_range(toks, text, max_bytes);
    while (begin < end && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) ++begin;  // not inside a UTF-8 sequence
    while (end < text.size() && end > begin && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    std::string out = begin > 0 || from > 0 ? "\xE2\x80\xA6" : "";
    size_t at = begin;
    for (const auto& t : toks) {
        if (t.begin < begin || t.end > end || t.word < 0) continue;
        out += text::html_escape(text.substr(at, t.begin - at));
        out += "<mark>" + text::html_escape(text.substr(t.begin, t.end - t.begin)) + "</mark>";
        at = t.end;
    }
    out += text::html_escape(text.substr(at, end - at));
    if (end < text.size() || to < raw.size()) out += "\xE2\x80\xA6";
    return out;
}

}  // namespace a6kb
