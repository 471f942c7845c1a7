// SPDX-License-Identifier: Apache-2.0
// Methodologies, tools, standards and procedures: numbered sections
// ("5.2. Applicability", "5.2 Applicability", "1. INTRODUCTION"), the
// numbered paragraphs inside them ("14. The project ...") with their
// sub-paragraphs, appendices, and the page of each. Labels: "section 5.2
// (Applicability)", "section 5.2, paragraph 14"; anchors "s5-2", "s5-2-p14".
#include "core/index/passage_cut.h"
#include "core/index/passages.h"

#include <algorithm>
#include <cctype>

namespace a6kb::cut {
namespace {

// "5.2.1. Title", "5.2 Title", "14. Text": the number and the rest. A
// number with no dot after it must have a dot inside ("5.2").
std::string_view section_number(std::string_view s, std::string_view* rest) {
    size_t n = 0;
    while (n < s.size() && n < 16 && (std::isdigit(static_cast<unsigned char>(s[n])) || s[n] == '.')) ++n;
    std::string_view num = s.substr(0, n);
    if (num.empty() || num[0] == '.' || num.find("..") != std::string_view::npos) return {};
    if (n >= s.size() || s[n] != ' ') return {};
    bool dotted_end = num.back() == '.';
    if (dotted_end) num.remove_suffix(1);
    if (!dotted_end && num.find('.') == std::string_view::npos) return {};
    if (num.empty() || num.size() > 12) return {};
    *rest = s.substr(n + 1);
    return num;
}

bool all_caps(std::string_view s) {
    bool letter = false;
    for (char c : s) {
        if (c >= 'a' && c <= 'z') return false;
        letter = letter || (c >= 'A' && c <= 'Z');
    }
    return letter;
}

// A line that stops on "the", "of", "and"...: a sentence that runs on, never a title.
bool ends_mid_sentence(std::string_view s) {
    size_t sp = s.rfind(' ');
    std::string_view last = sp == std::string_view::npos ? s : s.substr(sp + 1);
    for (std::string_view w : {"the", "a", "an", "of", "and", "or", "in", "to", "for", "by", "with", "on", "as", "that", "is", "are", "be"})
        if (last == w) return true;
    return false;
}

int top_of(std::string_view number) { return std::atoi(std::string(number.substr(0, number.find('.'))).c_str()); }

bool sub_item(std::string_view s) {
    if (s.size() < 3 || s[0] != '(') return false;
    size_t close = s.find(')');
    return close != std::string_view::npos && close >= 2 && close <= 6;
}

// "APPENDIX. Title", "Appendix 1. Title", "Annex 2: Title" (short lines).
bool appendix_line(std::string_view s, std::string* which, std::string* title) {
    std::string lower;
    for (char c : s.substr(0, 9)) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    size_t word = lower.rfind("appendix", 0) == 0 ? 8 : lower.rfind("annex", 0) == 0 ? 5 : 0;
    if (!word || s.size() > 150 || ends_sentence(s)) return false;
    std::string_view rest = s.substr(word);
    size_t n = 0;
    while (n < rest.size() && rest[n] == ' ') ++n;
    size_t d = n;
    while (d < rest.size() && std::isalnum(static_cast<unsigned char>(rest[d])) && d - n < 4) ++d;
    std::string_view id = rest.substr(n, d - n);
    if (!id.empty() && !std::isdigit(static_cast<unsigned char>(id[0])) && !roman_value(id)) id = {};
    *which = std::string(id);
    rest.remove_prefix(id.empty() ? n : d);
    // "Annex I Parties ...": a term that starts a line of text, not a heading.
    const bool marked = rest.empty() || rest[0] == '.' || rest[0] == ':' || rest.substr(0, 2) == " -" ||
                        rest.substr(0, 4) == " \xE2\x80\x93" || all_caps(rest);
    if (!marked) return false;
    while (!rest.empty() && (rest[0] == '.' || rest[0] == ':' || rest[0] == ' ' || rest[0] == '-')) rest.remove_prefix(1);
    if (rest.substr(0, 3) == "\xE2\x80\x93") rest.remove_prefix(3);
    while (!rest.empty() && rest[0] == ' ') rest.remove_prefix(1);
    if (!rest.empty() && !starts_upper(rest)) return false;
    *title = std::string(rest);
    return true;
}

bool in_contents(std::string_view s) {
    std::string lower;
    for (char c : s.substr(0, 20)) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s.size() <= 30 && (lower.rfind("table of contents", 0) == 0 || lower.rfind("contents", 0) == 0);
}

class SectionCutter {
public:
    void line(const Line& l, const Line* next);
    std::vector<Passage> take() { return b_.take(); }

private:
    bool heading(const Line& l, const Line* next);
    bool contents(const Line& l);
    void open_section(const Line& l, std::string number, std::string title, std::string label, std::string anchor);
    void open_paragraph(const Line& l, std::string_view number);
    void open_text(const Line& l);

    Builder b_;
    bool in_paragraph_ = false, after_blank_ = false;
    int top_ = 0;                       // the number of the current top-level section
    std::string label_, anchor_;        // of the current section: "section 5.2 (Applicability)", "s5-2"
    std::string short_label_;           // "section 5.2"
    std::vector<std::pair<std::string, std::string>> stack_;  // open sections: number, heading line
    int texts_ = 0, page_texts_ = 0, page_ = -1;
    int contents_page_ = -1;            // the page of a table of contents being read
};

// A table of contents: one passage from its title to the end of its page
// and of any following page of dot leaders.
bool SectionCutter::contents(const Line& l) {
    if (contents_page_ < 0 && in_contents(l.text)) {
        contents_page_ = l.page;
        b_.open(at("contents", "contents"), l);
        in_paragraph_ = true;  // blank lines do not end it
        return true;
    }
    if (contents_page_ < 0) return false;
    if (l.page != contents_page_ && l.text.find("....") == std::string_view::npos) {
        contents_page_ = -2;  // read: no other
        b_.close();
        in_paragraph_ = false;
        return false;
    }
    contents_page_ = std::max(contents_page_, l.page);
    b_.append(l);
    return true;
}

std::vector<std::string> path_of(const std::vector<std::pair<std::string, std::string>>& stack) {
    std::vector<std::string> p;
    for (const auto& [n, h] : stack) p.push_back(h);
    return p;
}

void SectionCutter::open_section(const Line& l, std::string number, std::string title, std::string label,
                                 std::string anchor) {
    // Leave the sections this one is not inside of.
    while (!stack_.empty() && !(number.size() > stack_.back().first.size() &&
                                number.compare(0, stack_.back().first.size() + 1, stack_.back().first + ".") == 0))
        stack_.pop_back();
    auto up = path_of(stack_);
    stack_.emplace_back(number, std::string(l.text));
    short_label_ = label;
    label_ = title.empty() ? label : label + " (" + title + ")";
    anchor_ = anchor;
    texts_ = 0;
    b_.open(at(label_, anchor_, number, up, true), l);
    b_.close();
    in_paragraph_ = false;
}

// A section heading: a short title after a number that follows on the
// current section (2 after 1, 2.3 inside 2), or in capitals.
bool SectionCutter::heading(const Line& l, const Line* next) {
    std::string_view rest;
    std::string which, title;
    if (l.text.find("....") != std::string_view::npos) return false;
    if (appendix_line(l.text, &which, &title)) {
        std::string key = which.empty() ? "" : (roman_value(which) ? std::to_string(roman_value(which)) : which);
        top_ = 0;
        stack_.clear();
        open_section(l, "appendix" + key, title, which.empty() ? "appendix" : "appendix " + which, "appendix" + key);
        return true;
    }
    auto number = section_number(l.text, &rest);
    if (number.empty() || rest.size() > 100 || !starts_upper(rest) || ends_sentence(rest) || rest.back() == ',' ||
        ends_mid_sentence(rest) ||
        rest.find("....") != std::string_view::npos)
        return false;
    if (next && starts_lower(next->text)) return false;  // the line runs on: a paragraph
    const int top = top_of(number);
    const bool dotted = number.find('.') != std::string_view::npos;
    if (dotted ? !(top == top_ || top == top_ + 1) : !(top == top_ + 1 || all_caps(rest))) return false;
    top_ = top;
    std::string anchor = "s" + std::string(number);
    for (auto& c : anchor)
        if (c == '.') c = '-';
    open_section(l, std::string(number), std::string(rest), "section " + std::string(number), anchor);
    return true;
}

void SectionCutter::open_paragraph(const Line& l, std::string_view number) {
    std::string n(number);
    std::string label = short_label_.empty() ? "paragraph " + n : short_label_ + ", paragraph " + n;
    b_.open(at(label, anchor_.empty() ? "p" + n : anchor_ + "-p" + n, n, path_of(stack_), false), l);
    in_paragraph_ = true;
}

void SectionCutter::open_text(const Line& l) {
    in_paragraph_ = false;
    if (l.page != page_) page_ = l.page, page_texts_ = 0;
    ++page_texts_;
    if (!anchor_.empty()) {
        b_.open(at(label_, anchor_ + "-" + std::to_string(++texts_), "", path_of(stack_), false), l);
        return;
    }
    const std::string k = std::to_string(page_texts_);
    if (l.page > 0) b_.open(at("page " + std::to_string(l.page), "page" + std::to_string(l.page) + "-" + k, "", {}, false), l);
    else b_.open(at("text", "t" + k, "", {}, false), l);
}

void SectionCutter::line(const Line& l, const Line* next) {
    if (l.text.empty()) {
        after_blank_ = true;
        if (!in_paragraph_) b_.close();
        return;
    }
    const bool blank_before = after_blank_;
    after_blank_ = false;
    if (contents(l)) return;
    if (heading(l, next)) return;
    std::string_view rest;
    const bool contents = l.text.find("....") != std::string_view::npos;  // a line of a table of contents
    if (auto n = section_number(l.text, &rest);
        !contents && !n.empty() && n.find('.') == std::string_view::npos && !rest.empty()) {
        open_paragraph(l, n);
        return;
    }
    if (sub_item(l.text) && b_.is_open()) { b_.append(l); return; }
    // In a numbered paragraph, a blank line then a capital starts a new block (a table, a figure).
    bool new_block = !b_.is_open() || (in_paragraph_ && blank_before && starts_upper(l.text));
    if (new_block) open_text(l);
    else b_.append(l);
}

}  // namespace

bool numbers_sections(const std::vector<Line>& lines) {
    int found = 0;
    std::string_view rest;
    for (const auto& l : lines) {
        auto n = section_number(l.text, &rest);
        if (n.find('.') != std::string_view::npos && rest.size() < 100 && starts_upper(rest) && ++found >= 3) return true;
    }
    return false;
}

std::vector<Passage> by_sections(const Record&, const std::vector<Line>& lines) {
    SectionCutter c;
    for (size_t i = 0; i < lines.size(); ++i) {
        const Line* next = nullptr;
        for (size_t j = i + 1; j < lines.size() && j < i + 3 && !next; ++j)
            if (!lines[j].text.empty()) next = &lines[j];
        c.line(lines[i], next);
    }
    return c.take();
}

}  // namespace a6kb::cut
