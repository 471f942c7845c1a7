// SPDX-License-Identifier: Apache-2.0
#include "core/search/correction.h"

#include "core/model/schema.h"
#include "core/model/text.h"

#include <algorithm>
#include <cctype>

namespace a6kb {

namespace {

// A token that may be a misspelt word: letters only, not all capitals, not syntax.
bool correctable(const std::string& token) {
    if (token.size() < 5) return false;
    bool lower = false;
    for (char c : token) {
        if (!std::isalpha(static_cast<unsigned char>(c))) return false;  // digits, codes, syntax, UTF-8
        lower = lower || std::islower(static_cast<unsigned char>(c));
    }
    return lower;
}

std::optional<std::string> corrected_word(const std::string& token, const Xapian::Database& db,
                                          const std::unordered_set<std::string>& keep) {
    const std::string word = text::to_lower(token);
    if (!correctable(token) || keep.count(word)) return std::nullopt;
    const Xapian::doccount freq = db.get_termfreq(word);
    if (freq > RARE_MAX) return std::nullopt;
    // A word some record's title holds is a word, however rare ("cement
    // blend": blend names one methodology; amend is far more frequent).
    if (freq > 0 && db.get_termfreq(std::string(schema::TITLE.prefix) + word) > 0) return std::nullopt;
    if (db.synonyms_begin(word) != db.synonyms_end(word)) return std::nullopt;  // a variant or an expansion
    std::string suggestion = db.get_spelling_suggestion(word, 2);
    if (suggestion.empty() || suggestion == word) return std::nullopt;
    const Xapian::doccount better = db.get_termfreq(suggestion);
    if (better == 0 || (freq > 0 && better < RARER * freq)) return std::nullopt;
    return suggestion;
}

// A hyphenated token word by word: "non-permanance" -> "non-permanence".
std::optional<std::string> corrected_token(const std::string& token, const Xapian::Database& db,
                                           const std::unordered_set<std::string>& keep) {
    if (token.find('-') == std::string::npos || token.front() == '-') return corrected_word(token, db, keep);
    std::string out;
    bool changed = false;
    size_t at = 0;
    while (true) {
        size_t dash = token.find('-', at);
        std::string part = token.substr(at, dash == std::string::npos ? std::string::npos : dash - at);
        auto fix = corrected_word(part, db, keep);
        out += fix ? *fix : part;
        changed = changed || fix;
        if (dash == std::string::npos) break;
        out += '-';
        at = dash + 1;
    }
    return changed ? std::optional<std::string>(out) : std::nullopt;
}

}  // namespace

std::unordered_set<std::string> protected_words(const Taxonomy& taxonomy) {
    std::unordered_set<std::string> out;
    for (const auto& facet : taxonomy.facets())
        for (const auto& c : facet.concepts) {
            for (const auto& w : text::words(c.label)) out.insert(w);
            for (const auto& alt : c.alts)
                for (const auto& w : text::words(alt)) out.insert(w);
        }
    return out;
}

std::optional<std::string> correct_words(const std::string& q, const Xapian::Database& db,
                                         const std::unordered_set<std::string>& keep) {
    std::string out;
    bool changed = false, quoted = false;
    size_t i = 0;
    while (i < q.size()) {
        if (std::isspace(static_cast<unsigned char>(q[i]))) {
            out += q[i++];
            continue;
        }
        size_t e = i;
        while (e < q.size() && !std::isspace(static_cast<unsigned char>(q[e]))) ++e;
        std::string token = q.substr(i, e - i);
        const bool inside = quoted || token.find('"') != std::string::npos;
        if (std::count(token.begin(), token.end(), '"') % 2 == 1) quoted = !quoted;
        std::optional<std::string> fix = inside ? std::nullopt : corrected_token(token, db, keep);
        out += fix ? *fix : token;
        changed = changed || fix;
        i = e;
    }
    if (!changed) return std::nullopt;
    return out;
}

}  // namespace a6kb
