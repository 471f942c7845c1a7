// SPDX-License-Identifier: Apache-2.0
#include "core/index/provision_text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <regex>
#include <set>

namespace a6kb {
namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// References to other texts and the mechanisms' names: not figures of the rule.
const std::array<std::regex, 8>& reference_patterns() {
    static const std::array<std::regex, 8> patterns = {
        std::regex(R"(\b\d+/(cma|cmp|cp)\.\d+\b)"),
        std::regex(R"(fccc/[a-z0-9/.]+)"),
        std::regex(R"(\barticles? \d+(\.\d+)?)"),
        std::regex(R"(\bparagraphs? \d+(\([a-z]+\))*((, | and | or | to |-)\d+(\([a-z]+\))*)*)"),
        std::regex(R"(\bchapters? [ivxl]+(\.[a-z])?\b)"),
        std::regex(R"(\bannex(es)? [ivx]+\b)"),
        std::regex(R"(\ba6\.4[a-z0-9.-]*)"),
        std::regex(R"(\b6\.[248]\b)"),
    };
    return patterns;
}

const std::vector<std::pair<std::string, std::string>>& number_words() {
    static const std::vector<std::pair<std::string, std::string>> words = {
        {"one", "1"}, {"two", "2"}, {"three", "3"}, {"four", "4"}, {"five", "5"}, {"six", "6"}, {"seven", "7"},
        {"eight", "8"}, {"nine", "9"}, {"ten", "10"}, {"eleven", "11"}, {"twelve", "12"}, {"thirteen", "13"},
        {"fourteen", "14"}, {"fifteen", "15"}, {"sixteen", "16"}, {"seventeen", "17"}, {"eighteen", "18"},
        {"nineteen", "19"}, {"twenty", "20"}, {"thirty", "30"}, {"forty", "40"}, {"fifty", "50"}, {"sixty", "60"},
        {"seventy", "70"}, {"eighty", "80"}, {"ninety", "90"}, {"hundred", "100"}};
    return words;
}

bool month(const std::string& w) {
    static const std::set<std::string> months = {"january", "february", "march", "april", "may", "june", "july",
                                                 "august", "september", "october", "november", "december"};
    return months.count(w) > 0;
}

// A month name is a date only beside a number ("15 April", "May 2023"), so
// the verbs "may" and "march" are not months.
bool next_to_number(const std::string& s, size_t from, size_t to) {
    auto digit = [&](size_t at) { return at < s.size() && std::isdigit(static_cast<unsigned char>(s[at])); };
    return (from >= 2 && s[from - 1] == ' ' && digit(from - 2)) || (to + 1 < s.size() && s[to] == ' ' && digit(to + 1));
}

// Lower case, references dropped, "per cent" -> "%", no thousands commas.
std::string normalised(std::string_view text) {
    std::string s = lower(text);
    for (const auto& re : reference_patterns()) s = std::regex_replace(s, re, " ");
    static const std::regex per_cent(R"(\s*\b(per cent|percent)\b)"), spaced(R"((\d) %)"), thousands(R"((\d),(\d{3})\b)");
    s = std::regex_replace(s, per_cent, "%");
    s = std::regex_replace(s, spaced, "$1%");
    s = std::regex_replace(s, thousands, "$1$2");
    return s;
}

}  // namespace

std::vector<std::string> figures_of(std::string_view text) {
    std::string s = normalised(text);
    std::vector<std::string> out;
    size_t i = 0;
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (std::isdigit(c)) {
            size_t j = i;
            while (j < s.size() && (std::isdigit(static_cast<unsigned char>(s[j])) ||
                                    (s[j] == '.' && j + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[j + 1])))))
                ++j;
            if (j < s.size() && s[j] == '%') ++j;
            if (i == 0 || !std::isalpha(static_cast<unsigned char>(s[i - 1]))) out.push_back(s.substr(i, j - i));
            i = j;
        } else if (std::isalpha(c)) {
            size_t j = i;
            while (j < s.size() && std::isalpha(static_cast<unsigned char>(s[j]))) ++j;
            std::string w = s.substr(i, j - i);
            bool pct = j < s.size() && s[j] == '%';
            if (month(w) && next_to_number(s, i, j)) out.push_back(w);
            for (const auto& [word, digits] : number_words())
                if (w == word) out.push_back(digits + (pct ? "%" : ""));
            i = j;
        } else {
            ++i;
        }
    }
    return out;
}

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
