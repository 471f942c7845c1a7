// SPDX-License-Identifier: Apache-2.0
#include "core/index/provision_text.h"

#include "core/model/figures.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace a6kb {

std::vector<std::string> missing_figures(std::string_view provision, std::string_view paragraph) {
    auto found = figures_of(paragraph);
    std::set<std::string> have(found.begin(), found.end());
    std::vector<std::string> missing;
    for (const auto& f : figures_of(provision)) {
        // A bare number also matches the same number as a percentage.
        bool ok = have.count(f) || (f.back() != '%' && have.count(f + "%"));
        if (!ok && std::find(missing.begin(), missing.end(), f) == missing.end()) missing.push_back(f);
    }
    return missing;
}

namespace {

// Terms of art and titles: shared runs inside them do not count (each is one word).
const std::vector<std::string>& terms_of_art() {
    static const std::vector<std::string> terms = {
        "the conference of the parties serving as the meeting of the parties to the paris agreement",
        "the conference of the parties serving as the meeting of the parties to the kyoto protocol",
        "the rules modalities and procedures for the mechanism established by article 6 paragraph 4 of the paris agreement",
        "the guidance on cooperative approaches referred to in article 6 paragraph 2 of the paris agreement",
        "the mechanism established by article 6 paragraph 4 of the paris agreement",
        "cooperative approaches referred to in article 6 paragraph 2 of the paris agreement",
        "article 6 paragraph 2 of the paris agreement", "article 6 paragraph 4 of the paris agreement",
        "article 6 paragraph 8 of the paris agreement", "article 4 paragraph 2 of the paris agreement",
        "the modalities procedures and guidelines for the transparency framework for action and support referred to in article 13 of the paris agreement",
        "the supervisory body of the mechanism established by article 6 paragraph 4 of the paris agreement",
        "subsidiary body for scientific and technological advice", "subsidiary body for implementation",
        "internationally transferred mitigation outcomes", "other international mitigation purposes",
        "international mitigation purposes", "nationally determined contribution", "nationally determined contributions",
        "corresponding adjustments", "corresponding adjustment", "designated national authority",
        "clean development mechanism", "executive board of the clean development mechanism", "share of proceeds",
        "overall mitigation in global emissions", "article 6 technical expert review", "article 6 database",
        "centralized accounting and reporting platform", "enhanced transparency framework", "biennial transparency report",
        "mechanism registry", "international registry", "adaptation fund", "least developed countries",
        "small island developing states", "the supervisory body", "emission reductions", "first transfer",
        "initial report", "annual information", "regular information", "host party", "participating party",
        "participating parties", "activity participants", "mitigation contribution a6 4ers",
        "certified emission reductions", "programme of activities", "glasgow climate pact",
        // how a reference to another text is written ("paragraph 77(d) of the annex to decision 18/CMA.1")
        "of the annex to decision", "of the annex to the same decision"};
    return terms;
}

std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> out;
    std::string w;
    for (char ch : text) {
        unsigned char c = static_cast<unsigned char>(ch);
        if (std::isalnum(c)) w += static_cast<char>(std::tolower(c));
        else if (!w.empty()) { out.push_back(w); w.clear(); }
    }
    if (!w.empty()) out.push_back(w);
    return out;
}

// The words with each term of art made one word ("#term:N"), longest terms first.
std::vector<std::string> with_terms(std::vector<std::string> words) {
    static const std::vector<std::pair<std::vector<std::string>, std::string>> terms = [] {
        std::vector<std::pair<std::vector<std::string>, std::string>> t;
        for (const auto& term : terms_of_art()) t.emplace_back(words_of(term), term);
        std::sort(t.begin(), t.end(), [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
        return t;
    }();
    std::vector<std::string> out;
    for (size_t i = 0; i < words.size();) {
        bool matched = false;
        for (const auto& [tw, name] : terms) {
            if (i + tw.size() > words.size() || !std::equal(tw.begin(), tw.end(), words.begin() + static_cast<long>(i))) continue;
            out.push_back("#term:" + name);
            i += tw.size();
            matched = true;
            break;
        }
        if (!matched) out.push_back(words[i++]);
    }
    return out;
}

}  // namespace

std::vector<std::string> longest_shared_run(std::string_view provision, std::string_view paragraph) {
    auto a = with_terms(words_of(provision)), b = with_terms(words_of(paragraph));
    std::vector<size_t> prev(b.size() + 1, 0), cur(b.size() + 1, 0);
    size_t best = 0, end = 0;
    for (size_t i = 1; i <= a.size(); ++i) {
        for (size_t j = 1; j <= b.size(); ++j) {
            cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : 0;
            if (cur[j] > best) { best = cur[j]; end = i; }
        }
        std::swap(prev, cur);
    }
    return std::vector<std::string>(a.begin() + static_cast<long>(end - best), a.begin() + static_cast<long>(end));
}

}  // namespace a6kb
