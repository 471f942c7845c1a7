// SPDX-License-Identifier: Apache-2.0
// The lines a cutter reads, the builder it writes with, the generic cutter
// and the choice of cutter by record type.
#include "core/index/passages.h"

#include "core/index/passage_cut.h"

#include <algorithm>
#include <cctype>
#include <unordered_set>

namespace a6kb {
namespace cut {
namespace {

std::string_view trim(std::string_view s) {
    size_t b = s.find_first_not_of(" \t\r\v\f");
    if (b == std::string_view::npos) return {};
    size_t e = s.find_last_not_of(" \t\r\v\f");
    return s.substr(b, e - b + 1);
}

// No blank lines at either end: page breaks are decided in lines_of.
void trim_blank_ends(std::vector<std::string_view>& lines) {
    while (!lines.empty() && lines.back().empty()) lines.pop_back();
    auto first = std::find_if(lines.begin(), lines.end(), [](std::string_view l) { return !l.empty(); });
    lines.erase(lines.begin(), first);
}

std::vector<std::string_view> page_lines(std::string_view page) {
    std::vector<std::string_view> out;
    size_t at = 0;
    while (at <= page.size()) {
        size_t nl = page.find('\n', at);
        out.push_back(trim(page.substr(at, nl == std::string_view::npos ? std::string_view::npos : nl - at)));
        if (nl == std::string_view::npos) break;
        at = nl + 1;
    }
    trim_blank_ends(out);
    return out;
}

// A line with its digits masked: page numbers and dates of running headers
// and footers compare equal from page to page.
std::string running_key(std::string_view line) {
    std::string k;
    for (char c : line.substr(0, 120)) {
        bool digit = std::isdigit(static_cast<unsigned char>(c));
        if (!digit) k += c;
        else if (k.empty() || k.back() != '#') k += '#';
    }
    return k;
}

// A page number ("7", "7 of 30", "Page 7"): dropped on every page, the first too.
bool page_counter(std::string_view line, const std::string& key) {
    return line.size() < 20 && key.find('#') != std::string::npos;
}

constexpr size_t HEAD_LINES = 6, FOOT_LINES = 3;

// Calls f(i) for the first HEAD_LINES and the last FOOT_LINES non-blank lines.
template <typename F>
void for_edges(const std::vector<std::string_view>& lines, F f) {
    std::vector<size_t> text;
    for (size_t i = 0; i < lines.size(); ++i)
        if (!lines[i].empty()) text.push_back(i);
    for (size_t k = 0; k < text.size(); ++k)
        if (k < HEAD_LINES || k + FOOT_LINES >= text.size()) f(text[k]);
}

// Drops, after the first page that has them, the lines found at the top or
// bottom of at least half of the pages (three at least).
void drop_running(std::vector<std::vector<std::string_view>>& pages) {
    if (pages.size() < 3) return;
    std::unordered_map<std::string, size_t> count;
    for (const auto& lines : pages) {
        std::unordered_set<std::string> once;
        for_edges(lines, [&](size_t i) { once.insert(running_key(lines[i])); });
        for (const auto& k : once) ++count[k];
    }
    const size_t need = std::max<size_t>(3, (pages.size() + 1) / 2);
    std::unordered_set<std::string> kept_once;
    for (auto& lines : pages) {
        std::vector<bool> drop(lines.size(), false);
        for_edges(lines, [&](size_t i) {
            std::string k = running_key(lines[i]);
            if (count[k] >= need && (!kept_once.insert(k).second || page_counter(lines[i], k))) drop[i] = true;
        });
        std::vector<std::string_view> kept;
        for (size_t i = 0; i < lines.size(); ++i)
            if (!drop[i]) kept.push_back(lines[i]);
        trim_blank_ends(kept);
        lines = std::move(kept);
    }
}

// Where a sentence or a line may be cut in `s` at or before `max` bytes.
size_t cut_point(std::string_view s, size_t max) {
    std::string_view head = s.substr(0, max);
    for (std::string_view ends : {".\n", ";\n", ":\n", ". ", "; ", "\n", " "}) {
        size_t at = head.rfind(ends);
        if (at != std::string_view::npos && at >= max / 2) return at + ends.size();
    }
    size_t at = max;
    while (at > 0 && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;  // a UTF-8 boundary
    return at > 0 ? at : max;
}

}  // namespace

bool paged(const Record& r) { return r.pages.size() > 1 || r.media_type == "application/pdf"; }

std::vector<Line> lines_of(const Record& r) {
    std::vector<std::vector<std::string_view>> pages;
    pages.reserve(r.pages.size());
    for (const auto& p : r.pages) pages.push_back(page_lines(p));
    drop_running(pages);
    const bool numbered = paged(r);
    std::vector<Line> out;
    for (size_t i = 0; i < pages.size(); ++i) {
        const int page = numbered ? static_cast<int>(i + 1) : 0;
        if (pages[i].empty()) continue;
        // The text runs on over the break: one paragraph across two pages.
        bool runs_on = !out.empty() && !out.back().text.empty() && !ends_sentence(out.back().text) &&
                       starts_lower(pages[i].front());
        if (!out.empty() && !runs_on) out.push_back({{}, page});
        for (auto l : pages[i]) out.push_back({l, page});
    }
    return out;
}

void Builder::open(Passage p, const Line& first) {
    close();
    current_ = std::move(p);
    current_.page = first.page;
    current_.text = std::string(first.text);
    last_page_ = first.page;
    open_ = true;
}

void Builder::append(const Line& line) {
    if (!open_) {
        Passage p;
        p.label = "text";
        p.anchor = "t";
        open(std::move(p), line);
        return;
    }
    current_.text += '\n';
    current_.text += line.text;
    last_page_ = line.page;
}

void Builder::close() {
    if (!open_) return;
    open_ = false;
    emit(std::move(current_), last_page_);
    current_ = {};
}

// Bounded: a passage over MAX_PASSAGE_BYTES goes out in parts, each with
// the passage's location and an anchor of its own.
void Builder::emit(Passage p, int last_page) {
    if (p.label.empty()) p.label = "text";
    const std::string text = std::move(p.text);
    std::string_view rest = text;
    while (!rest.empty()) {
        size_t n = rest.size() <= MAX_PASSAGE_BYTES ? rest.size() : cut_point(rest, MAX_PASSAGE_BYTES);
        Passage part = p;
        part.text = std::string(trim(rest.substr(0, n)));
        part.anchor = unique(p.anchor.empty() ? "t" : p.anchor);
        part.last_page = last_page > part.page ? last_page : 0;
        rest.remove_prefix(n);
        if (!part.text.empty()) out_.push_back(std::move(part));
        p.heading = false;  // a heading's overflow is text
    }
}

std::string Builder::unique(const std::string& anchor) {
    int& n = seen_[anchor];
    if (++n == 1) return anchor;
    std::string a = anchor + "-" + std::to_string(n);
    while (seen_.count(a)) a = anchor + "-" + std::to_string(++n);
    seen_[a] = 1;
    return a;
}

std::vector<Passage> Builder::take() {
    close();
    return std::move(out_);
}

bool ends_sentence(std::string_view s) {
    while (!s.empty() && std::string_view(")]\"'").find(s.back()) != std::string_view::npos) s.remove_suffix(1);
    if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE2\x80\x9D") s.remove_suffix(3);  // a closing curly quote
    return !s.empty() && std::string_view(".;:!?").find(s.back()) != std::string_view::npos;
}

bool starts_lower(std::string_view s) { return !s.empty() && s[0] >= 'a' && s[0] <= 'z'; }
bool starts_upper(std::string_view s) { return !s.empty() && s[0] >= 'A' && s[0] <= 'Z'; }

int roman_value(std::string_view s) {
    if (s.empty() || s.size() > 8) return 0;
    auto value = [](char c) {
        switch (c) {
            case 'I': return 1;
            case 'V': return 5;
            case 'X': return 10;
            case 'L': return 50;
            case 'C': return 100;
            default: return 0;
        }
    };
    int total = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        int v = value(s[i]);
        if (!v) return 0;
        int next = i + 1 < s.size() ? value(s[i + 1]) : 0;
        total += v < next ? -v : v;
    }
    return total > 0 ? total : 0;
}

std::string slug_anchor(std::string_view s, size_t max_words) {
    std::string out;
    size_t words = 0;
    bool gap = false;
    for (char c : s) {
        auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) && u < 0x80) {
            if (gap && !out.empty()) {
                if (++words >= max_words) break;
                out += '-';
            }
            out += static_cast<char>(std::tolower(u));
            gap = false;
        } else {
            gap = true;
        }
    }
    return out.empty() ? "x" : out;
}

// Blank-line paragraphs under the record's headings: "Background",
// anchors "h-background", "h-background-1"...; without headings "page 3" /
// "page3-2" in paged records, "paragraph 4" / "t4" in others.
std::vector<Passage> by_headings(const Record& r, const std::vector<Line>& lines) {
    std::unordered_set<std::string_view> headings;
    for (const auto& h : r.headings) headings.insert(trim(h));
    Builder b;
    std::string heading, base;
    int k = 0, page = -1, total = 0;
    for (const auto& line : lines) {
        if (line.text.empty()) { b.close(); continue; }
        if (line.text.size() < 200 && headings.count(line.text)) {
            heading = std::string(line.text);
            base = "h-" + slug_anchor(heading);
            k = 0;
            b.open(at(heading, base, "", {heading}, true), line);
            b.close();
            continue;
        }
        if (b.is_open()) { b.append(line); continue; }
        if (line.page != page) { page = line.page; if (heading.empty()) k = 0; }
        ++k;
        ++total;
        Passage p;
        if (!heading.empty()) {
            p.label = heading;
            p.anchor = base + "-" + std::to_string(k);
            p.path = {heading};
        } else if (line.page > 0) {
            p.label = "page " + std::to_string(line.page);
            p.anchor = "page" + std::to_string(line.page) + "-" + std::to_string(k);
        } else {
            p.label = "paragraph " + std::to_string(total);
            p.anchor = "t" + std::to_string(total);
        }
        b.open(std::move(p), line);
    }
    return b.take();
}

}  // namespace cut

std::vector<Passage> cut_passages(const Record& r) {
    auto lines = cut::lines_of(r);
    if (lines.empty()) return {};
    const std::string type = r.first("type");
    // A provision (core/model/provision.h) is one passage of our words; its
    // paragraph numbers would read as the official text's ("paragraph 1").
    if (type == "provision") {
        cut::Builder b;
        b.open(cut::at("provision", "provision"), lines.front());
        for (size_t i = 1; i < lines.size(); ++i)
            if (!lines[i].text.empty()) b.append(lines[i]);
        b.close();
        return b.take();
    }
    const bool decision = type == "decision" || type == "report" || type == "meeting-report" || type == "agenda";
    const bool cdm = type == "methodology" || type == "tool" || type == "standard" || type == "procedure";
    std::vector<Passage> out;
    // Another text that numbers its paragraphs or sections is cut as a methodology.
    if (decision) out = cut::by_decision(r, lines);
    else if (cdm || cut::numbers_paragraphs(lines) || cut::numbers_sections(lines)) out = cut::by_sections(r, lines);
    // A structured cutter that found no numbered paragraph or section leaves the text to headings and pages.
    bool found = std::any_of(out.begin(), out.end(), [](const Passage& p) { return !p.number.empty(); });
    if (!found) out = cut::by_headings(r, lines);
    return out;
}

}  // namespace a6kb
