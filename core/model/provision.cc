// SPDX-License-Identifier: Apache-2.0
#include "core/model/provision.h"

#include "core/model/symbols.h"

#include <cstdio>

namespace a6kb {
namespace {

bool eat(std::string_view& s, std::string_view word) {
    if (s.substr(0, word.size()) != word) return false;
    s.remove_prefix(word.size());
    return true;
}

// "II" -> 2; 0 when not an upper-case roman numeral from I to XX.
int roman(std::string_view s) {
    static const char* const numerals[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
                                           "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"};
    for (int i = 0; i < 20; ++i)
        if (s == numerals[i]) return i + 1;
    return 0;
}

// "(a)" or "(a)(i)": one or two groups of lower-case letters in brackets.
bool sub_paragraph(std::string_view s) {
    int groups = 0;
    while (!s.empty()) {
        size_t close = s.find(')');
        if (s[0] != '(' || close == std::string_view::npos || close < 2 || close > 6) return false;
        for (size_t i = 1; i < close; ++i)
            if (s[i] < 'a' || s[i] > 'z') return false;
        s.remove_prefix(close + 1);
        ++groups;
    }
    return groups <= 2;
}

std::optional<Citation> fail(std::string* why, const std::string& reason) {
    if (why) *why = reason;
    return std::nullopt;
}

}  // namespace

std::optional<Citation> parse_citation(std::string_view s, std::string* why) {
    Citation c;
    if (!eat(s, "decision ")) return fail(why, "it must start with 'decision '");
    size_t comma = s.find(", ");
    if (comma == std::string_view::npos) return fail(why, "no ', paragraph N' after the decision symbol");
    auto sym = canonical_symbol(s.substr(0, comma));
    if (!sym || sym->kind != SymbolKind::decision) return fail(why, "'" + std::string(s.substr(0, comma)) + "' is not a decision symbol (3/CMA.3)");
    c.symbol = sym->text;
    s.remove_prefix(comma + 2);
    if (eat(s, "annex")) {
        c.annex = true;
        if (eat(s, " ")) {
            size_t end = s.find(',');
            c.annex_no = std::string(s.substr(0, end));
            if (!roman(c.annex_no)) return fail(why, "annex '" + c.annex_no + "' is not a roman numeral (annex II)");
            s.remove_prefix(end == std::string_view::npos ? s.size() : end);
        }
        if (!eat(s, ", ")) return fail(why, "no ', paragraph N' after the annex");
    }
    if (!eat(s, "paragraph ")) return fail(why, "no 'paragraph N'");
    size_t digits = 0;
    while (digits < s.size() && digits < 4 && s[digits] >= '0' && s[digits] <= '9') ++digits;
    if (digits == 0 || s[0] == '0') return fail(why, "the paragraph number is missing");
    c.paragraph = std::stoi(std::string(s.substr(0, digits)));
    s.remove_prefix(digits);
    if (!s.empty() && !sub_paragraph(s)) return fail(why, "'" + std::string(s) + "' after the paragraph number is not (a) or (a)(i)");
    c.sub = std::string(s);
    return c;
}

std::string citation_anchor(const Citation& c) {
    std::string p = "p" + std::to_string(c.paragraph);
    if (!c.annex) return p;
    return "annex" + (c.annex_no.empty() ? std::string() : std::to_string(roman(c.annex_no))) + "-" + p;
}

std::string paragraph_order_key(const Citation& c) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%d.%02d.%05d", c.annex ? 1 : 0, c.annex ? roman(c.annex_no) : 0, c.paragraph);
    return buf + c.sub;
}

}  // namespace a6kb
