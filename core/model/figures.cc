// SPDX-License-Identifier: Apache-2.0
#include "core/model/figures.h"

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


namespace {

// The word just before position `at` (lower case), skipping spaces.
std::string word_before(std::string_view s, size_t at) {
    size_t end = at;
    while (end > 0 && s[end - 1] == ' ') --end;
    size_t begin = end;
    while (begin > 0 && std::isalpha(static_cast<unsigned char>(s[begin - 1]))) --begin;
    std::string w(s.substr(begin, end - begin));
    for (auto& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return w;
}

bool symbol_char(char c) { return c == '/' || c == '.' || std::isalpha(static_cast<unsigned char>(c)); }

}  // namespace

bool states_figure(std::string_view s) {
    static const std::set<std::string> references = {"paragraph", "paragraphs", "article", "articles", "decision",
                                                     "decisions", "chapter", "annex", "session", "para"};
    for (size_t i = 0; i < s.size();) {
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) {
            ++i;
            continue;
        }
        size_t j = i;
        while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
        const bool in_symbol = (i > 0 && symbol_char(s[i - 1])) || (j < s.size() && (s[j] == '/' || (s[j] == '.' && j + 1 < s.size() &&
                                                                                        std::isalnum(static_cast<unsigned char>(s[j + 1])))));
        if (!in_symbol && !references.count(word_before(s, i))) return true;
        i = j;
    }
    return s.find("per cent") != std::string_view::npos || s.find("percent") != std::string_view::npos;
}

}  // namespace a6kb
