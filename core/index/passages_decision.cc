// SPDX-License-Identifier: Apache-2.0
// UNFCCC decisions and reports: the decision heading, the preamble (the
// paragraphs before the first numbered one), numbered paragraphs ("58.")
// with their sub-paragraphs ("(a)", "(i)", "a.") inside, annexes ("Annex",
// "Annex I"), chapters ("V. Share of proceeds") and sections ("D. ...").
// Labels read like citations without the document's name: "preamble",
// "paragraph 18", "annex, chapter V.D, paragraph 58", "annex I, paragraph 3".
#include "core/index/passage_cut.h"
#include "core/index/passages.h"

#include <algorithm>

namespace a6kb::cut {
namespace {

// "58. Text" -> "58" and the text; empty if the line does not start so.
std::string_view leading_number(std::string_view s, std::string_view* rest) {
    size_t n = 0;
    while (n < s.size() && n < 6 && s[n] >= '0' && s[n] <= '9') ++n;
    if (n == 0 || n > 5 || n >= s.size() || s[n] != '.') return {};
    if (n + 1 < s.size() && s[n + 1] != ' ') return {};
    if (rest) *rest = n + 2 <= s.size() ? s.substr(n + 2) : std::string_view();
    return s.substr(0, n);
}

// "VIII. Title" or "D. Title" -> "VIII" / "D" and the title.
std::string_view leading_token(std::string_view s, std::string_view* rest) {
    size_t n = 0;
    while (n < s.size() && n < 9 && s[n] >= 'A' && s[n] <= 'Z') ++n;
    if (n == 0 || n + 2 > s.size() || s[n] != '.' || s[n + 1] != ' ') return {};
    *rest = s.substr(n + 2);
    return s.substr(0, n);
}

// "(a)", "(iv)", "(aa)" or "a." at the start: a sub-paragraph.
bool sub_marker(std::string_view s) {
    if (s.size() >= 3 && s[0] == '(') {
        size_t close = s.find(')');
        if (close == std::string_view::npos || close < 2 || close > 6) return false;
        for (size_t i = 1; i < close; ++i)
            if (!(s[i] >= 'a' && s[i] <= 'z')) return false;
        return close + 1 == s.size() || s[close + 1] == ' ';
    }
    return s.size() >= 3 && s[0] >= 'a' && s[0] <= 'z' && s[1] == '.' && s[2] == ' ';
}

bool lower_prefix(std::string_view s, std::string_view p) {
    if (s.size() < p.size()) return false;
    for (size_t i = 0; i < p.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[i])) != p[i]) return false;
    return true;
}

// "Annex", "ANNEX", "Annex I", "Annex 2.", "Annex II*" -> "" / "I" / "2" / "II" in `which`.
bool annex_line(std::string_view s, std::string* which) {
    if (s.size() > 14 || !lower_prefix(s, "annex")) return false;
    std::string_view rest = s.substr(5);
    while (!rest.empty() && rest.back() == '*') rest.remove_suffix(1);  // a footnote mark: "Annex I*"
    if (!rest.empty() && rest.back() == '.') rest.remove_suffix(1);
    if (rest.empty()) { which->clear(); return true; }
    if (rest[0] != ' ') return false;
    rest.remove_prefix(1);
    bool digits = rest.find_first_not_of("0123456789") == std::string_view::npos;
    if (rest.empty() || (!digits && !roman_value(rest))) return false;
    *which = std::string(rest);
    return true;
}

bool decision_heading(std::string_view s) {
    return s.size() < 40 && (s.substr(0, 9) == "Decision " || s.substr(0, 11) == "Resolution ") &&
           s.find('/') != std::string_view::npos;
}

bool adoption_line(std::string_view s) {
    return s.size() < 40 && s.size() > 15 && s.substr(s.size() - 15) == "plenary meeting";
}

// A title line: short, not a sentence.
bool title_like(std::string_view s) { return s.size() <= 200 && starts_upper(s) && !ends_sentence(s); }

class DecisionCutter {
public:
    explicit DecisionCutter(const Record&) {}
    void line(const Line& l);
    // Lines [from, to) are a table of contents: one passage, no structure.
    void contents(const std::vector<Line>& lines, size_t from, size_t to) {
        b_.open(at("contents", "contents", "", {}, true), lines[from]);
        for (size_t i = from + 1; i < to; ++i)
            if (!lines[i].text.empty()) b_.append(lines[i]);
        b_.close();
        open_ = Open::none;
    }
    std::vector<Passage> take() { return b_.take(); }

private:
    bool structure(const Line& l);
    void plain(const Line& l, bool blank_before);
    void open_annex(const Line& l, const std::string& which);
    void open_chapter(const Line& l, std::string_view roman, std::string_view title);
    void open_section(const Line& l, std::string_view letter, std::string_view title);
    void open_paragraph(const Line& l, std::string_view number);
    void open_text(const Line& l);
    std::string place() const;  // "annex I, chapter V.D" or "chapter V" or ""
    std::string place_anchor() const;
    std::vector<std::string> path() const;

    enum class Open { none, heading, preamble, paragraph, text };
    Builder b_;
    Open open_ = Open::none;
    bool pending_title_ = false;  // the open heading takes the next plain line
    bool after_blank_ = false;
    std::string_view last_;       // the last plain line
    bool numbered_ = false;       // a numbered paragraph was seen in this body or annex
    bool in_annex_ = false;
    std::string annex_, annex_heading_, chapter_, chapter_heading_, section_, section_heading_;
    int chapter_value_ = 0, preamble_ = 0, texts_ = 0;
};

std::string DecisionCutter::place() const {
    std::string s;
    if (in_annex_) s = annex_.empty() ? "annex" : "annex " + annex_;
    if (!chapter_.empty() && in_annex_) s += ", chapter " + chapter_ + (section_.empty() ? "" : "." + section_);
    if (!chapter_.empty() && !in_annex_) s = "chapter " + chapter_ + (section_.empty() ? "" : "." + section_);
    return s;
}

std::string DecisionCutter::place_anchor() const {
    std::string a = in_annex_ ? "annex" + (annex_.empty() ? "" : slug_anchor(roman_value(annex_) ? std::to_string(roman_value(annex_)) : annex_)) : "";
    if (!chapter_.empty()) a += (a.empty() ? "ch" : "-ch") + std::to_string(chapter_value_);
    if (!section_.empty()) a += "-" + slug_anchor(section_);
    return a;
}

std::vector<std::string> DecisionCutter::path() const {
    std::vector<std::string> p;
    for (const auto* h : {&annex_heading_, &chapter_heading_, &section_heading_})
        if (!h->empty()) p.push_back(*h);
    return p;
}

void DecisionCutter::open_annex(const Line& l, const std::string& which) {
    in_annex_ = true;
    annex_ = which;
    annex_heading_ = std::string(l.text);
    chapter_.clear(), chapter_heading_.clear(), section_.clear(), section_heading_.clear();
    numbered_ = false;
    b_.open(at(place(), place_anchor(), which, {}, true), l);
    open_ = Open::heading;
    pending_title_ = true;
}

void DecisionCutter::open_chapter(const Line& l, std::string_view roman, std::string_view) {
    chapter_ = std::string(roman);
    chapter_value_ = roman_value(roman);
    chapter_heading_ = std::string(l.text);
    section_.clear(), section_heading_.clear();
    auto up = path();
    up.pop_back();
    b_.open(at(place(), place_anchor(), chapter_, up, true), l);
    open_ = Open::heading;
    pending_title_ = true;  // "(Agenda item 3)" in reports
}

void DecisionCutter::open_section(const Line& l, std::string_view letter, std::string_view) {
    section_ = std::string(letter);
    section_heading_ = std::string(l.text);
    auto up = path();
    up.pop_back();
    b_.open(at(place(), place_anchor(), chapter_.empty() ? section_ : chapter_ + "." + section_, up, true), l);
    open_ = Open::heading;
    pending_title_ = true;
}

void DecisionCutter::open_paragraph(const Line& l, std::string_view number) {
    numbered_ = true;
    std::string n(number);
    std::string where = in_annex_ ? place() : std::string();
    std::string anchor = in_annex_ ? place_anchor().substr(0, place_anchor().find('-')) + "-p" + n : "p" + n;
    b_.open(at(where.empty() ? "paragraph " + n : where + ", paragraph " + n, anchor, n, path(), false), l);
    open_ = Open::paragraph;
}

void DecisionCutter::open_text(const Line& l) {
    if (!numbered_ && !in_annex_) {
        b_.open(at("preamble", "preamble-" + std::to_string(++preamble_), "", path(), false), l);
        open_ = Open::preamble;
        return;
    }
    std::string where = place(), base = place_anchor();
    b_.open(at(where.empty() ? "text" : where, (base.empty() ? "t" : base + "-t") + std::to_string(++texts_), "", path(), false), l);
    open_ = Open::text;
}

// Headings and numbered paragraphs: true when `l` opened one.
bool DecisionCutter::structure(const Line& l) {
    std::string which;
    std::string_view rest;
    if (decision_heading(l.text)) {
        b_.open(at("title", "title", "", {}, true), l);
        open_ = Open::heading;
        pending_title_ = true;
        return true;
    }
    if (annex_line(l.text, &which)) { open_annex(l, which); return true; }
    if (adoption_line(l.text)) {
        b_.open(at("adoption", "adoption", "", {}, false), l);
        open_ = Open::text;
        return true;
    }
    if (auto n = leading_number(l.text, &rest); !n.empty()) {
        if (rest.empty()) return true;  // a number alone: nothing to keep
        open_paragraph(l, n);
        return true;
    }
    if (auto t = leading_token(l.text, &rest); !t.empty() && title_like(rest)) {
        bool next_letter = t.size() == 1 && !section_.empty() && t[0] == section_[0] + 1;
        if (roman_value(t) && !next_letter) open_chapter(l, t, rest);
        else if (t.size() == 1) open_section(l, t, rest);
        else return false;
        return true;
    }
    return false;
}

void DecisionCutter::line(const Line& l) {
    if (l.text.empty()) {
        after_blank_ = true;
        if (open_ != Open::paragraph) { b_.close(); open_ = Open::none; }
        return;
    }
    const bool blank_before = after_blank_;
    after_blank_ = false;
    plain(l, blank_before);
    last_ = l.text;
}

// A line that is not blank: a sub-paragraph, a heading or numbered
// paragraph, a heading's title, or plain text.
void DecisionCutter::plain(const Line& l, bool blank_before) {
    if (sub_marker(l.text)) {
        if (open_ == Open::none || open_ == Open::heading) open_text(l);
        else b_.append(l);
        pending_title_ = false;
        return;
    }
    if (structure(l)) return;
    if (open_ == Open::heading && pending_title_) {
        b_.append(l);
        pending_title_ = false;
        return;
    }
    // A plain line: it runs on in a numbered paragraph, unless a blank line
    // and a capital start a new block; elsewhere, a line after a finished
    // sentence or clause starts a new paragraph (one line a paragraph in
    // the UNFCCC's text files).
    const bool clause_ended = ends_sentence(last_) || (!last_.empty() && last_.back() == ',');
    bool new_block = open_ == Open::none || open_ == Open::heading || (blank_before && starts_upper(l.text)) ||
                     (open_ != Open::paragraph && clause_ended && starts_upper(l.text));
    if (!new_block) b_.append(l);
    else open_text(l);
}

// A report's table of contents: from a "Contents" line to the line that
// repeats its first heading, where the text starts; [0, 0) if none.
std::pair<size_t, size_t> contents_of(const std::vector<Line>& lines) {
    const size_t look = std::min<size_t>(lines.size(), 400);
    for (size_t i = 0; i < look; ++i) {
        if (!lower_prefix(lines[i].text, "contents") || lines[i].text.size() > 30) continue;
        std::string_view first, rest;
        size_t at = i + 1;
        for (; at < look && first.empty(); ++at)
            if (!leading_token(lines[at].text, &rest).empty()) first = lines[at].text;
        if (first.empty()) return {0, 0};
        for (size_t j = at; j < lines.size(); ++j)
            if (lines[j].text == first) return {i, j};
        return {0, 0};
    }
    return {0, 0};
}

}  // namespace

std::vector<Passage> by_decision(const Record& r, const std::vector<Line>& lines) {
    DecisionCutter c(r);
    auto [toc, text] = contents_of(lines);
    for (size_t i = 0; i < lines.size(); ++i) {
        if (i == toc && text > toc) {
            c.contents(lines, toc, text);
            i = text - 1;
            continue;
        }
        c.line(lines[i]);
    }
    return c.take();
}

bool numbers_paragraphs(const std::vector<Line>& lines) {
    int next = 1, found = 0;
    for (const auto& l : lines) {
        auto n = leading_number(l.text, nullptr);
        if (n.empty()) continue;
        if (n == std::to_string(next)) { ++next; ++found; }
    }
    return found >= 5;
}

}  // namespace a6kb::cut
