// SPDX-License-Identifier: Apache-2.0
#include "core/index/titles.h"

#include "core/index/infer.h"
#include "core/model/symbols.h"
#include "core/model/text.h"

#include <algorithm>
#include <cstring>

namespace a6kb {

std::vector<std::string_view> lines_of(std::string_view s, size_t max_lines) {
    std::vector<std::string_view> out;
    size_t pos = 0;
    while (pos < s.size() && out.size() < max_lines) {
        size_t nl = s.find('\n', pos);
        out.push_back(s.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos));
        if (nl == std::string_view::npos) break;
        pos = nl + 1;
    }
    return out;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Old small-scale methodologies: "III. D. Methane recovery" and "III.AU./Version 01".
const std::regex& ssc_title() {
    static const std::regex re("^(IV|III|II|I)\\. ?([A-Z]{1,2})\\.? +([A-Z].{3,})$");
    return re;
}
const std::regex& ssc_version() {
    static const std::regex re("^(IV|III|II|I)\\.([A-Z]{1,2})\\.?/ ?Version ?([0-9.]+).*$");
    return re;
}

namespace {

// Lines UNFCCC layouts print above a title: headers, annex and page markers,
// document-type labels, version and scope lines.
bool boilerplate(const std::string& lower) {
    static const char* prefixes[] = {
        "clean development mechanism", "unfccc", "cdm – executive board", "cdm - executive board",
        "cdm executive board", "cdm-executive board", "executive board", "annex", "page ", "report", "meeting report",
        "appendix b", "indicative simplified", "for selected small-scale", "type i", "follow the link",
        "sectoral scope", "scope ", "version", "distr", "original:", "united nations", "|", "contents", "draft",
        "table of contents", "addendum", "advance unedited", "decisions adopted", "conference of the parties",
        "subsidiary body for", "(agenda item", "methodological tool", "a/r methodological tool"};
    for (const char* p : prefixes)
        if (starts_with(lower, p)) return true;
    if (lower.size() < 4) return true;
    static const std::regex eb_line("^(eb|sb|sbm) ?\\d+.*");
    if (lower.size() < 24 && std::regex_match(lower, eb_line)) return true;
    // Short labels such as "Small-scale Methodology", "A/R Large-scale Consolidated Methodology".
    if (lower.size() < 48 && (lower.ends_with("methodology") || lower.ends_with("methodological tool") ||
                              lower.ends_with(" tool") || lower.ends_with("standard") || lower.ends_with("procedure")) &&
        std::count(lower.begin(), lower.end(), ' ') <= 4)
        return true;
    return false;
}

std::string strip_quotes(std::string t) {
    // Leading label before a quoted title: Methodological “Tool to ...”
    for (const char* open : {"\xE2\x80\x9C", "\""}) {
        auto q = t.find(open);
        if (q != std::string::npos && q < 40) t = t.substr(q + std::strlen(open));
    }
    for (const char* close : {"\xE2\x80\x9D", "\""}) {
        auto q = t.rfind(close);
        if (q != std::string::npos && q + std::strlen(close) >= t.size() - 1) t = t.substr(0, q);
    }
    return text::trim(t);
}

// The line ends with a version statement of the programme ("…, v1.8", "… Version 1.1").
bool ends_with_version(const std::string& line, const std::string& programme, const Programmes& programmes) {
    size_t cut = line.size() > 16 ? line.size() - 16 : 0;
    return programmes.find_version(std::string_view(line).substr(cut), programme).has_value() &&
           std::isdigit(static_cast<unsigned char>(line.back()));
}

}  // namespace

std::string title_from_lines(std::string_view first_page, const std::vector<std::string>& skip,
                             const Programmes& programmes) {
    auto lines = lines_of(first_page, 40);
    // Old small-scale layout: "III. D. Methane recovery".
    for (auto line : lines) {
        std::string t = text::collapse_spaces(line);
        std::smatch m;
        if (std::regex_match(t, m, ssc_title())) return m[3].str();
    }
    // A title in quotes under a label: Methodological tool “Tool to ...”.
    for (size_t i = 0; i < lines.size() && i < 15; ++i) {
        std::string t = text::collapse_spaces(lines[i]);
        auto q = t.find("\xE2\x80\x9C");
        if (q == std::string::npos || t.size() > 200) continue;
        std::string label = text::to_lower(t.substr(0, q));
        if (q == 0 || label.find("tool") != std::string::npos || label.find("methodolog") != std::string::npos) {
            // The quoted title may run onto the next line.
            if (t.find("\xE2\x80\x9D") == std::string::npos && i + 1 < lines.size())
                t += " " + text::collapse_spaces(lines[i + 1]);
            return strip_quotes(t);
        }
    }
    // Reports of the subsidiary bodies and the COP: "Report of the ... on its ... session".
    for (size_t i = 0; i < lines.size() && i < 15; ++i) {
        std::string t = text::collapse_spaces(lines[i]);
        if (t.rfind("Report of the ", 0) != 0) continue;
        if (i + 1 < lines.size()) {
            std::string next = text::collapse_spaces(lines[i + 1]);
            if (!next.empty() && std::islower(static_cast<unsigned char>(next[0]))) t += " " + next;
        }
        return t;
    }
    std::string title;
    int taken = 0;
    for (auto line : lines) {
        std::string t = text::collapse_spaces(line);
        // "AMS-III.D: Methane recovery ..." -> the words after the code.
        if (auto colon = t.find(": "); colon != std::string::npos && colon < 30 && canonical_symbol(t.substr(0, colon), programmes))
            t = t.substr(colon + 2);
        std::string lower = text::to_lower(t);
        const bool skipped = std::any_of(skip.begin(), skip.end(), [&](const std::string& p) { return starts_with(lower, p); });
        size_t letters = 0;
        for (char c : t) letters += std::isalpha(static_cast<unsigned char>(c)) ? 1 : 0;
        const auto codes = find_symbols(t, programmes);
        // A running header: the code first and a version last ("VM0007 REDD+ Methodology Framework, v1.8").
        bool header = !codes.empty() && codes[0].offset == 0 && ends_with_version(t, codes[0].programme, programmes);
        bool is_symbol = canonical_symbol(t, programmes).has_value() || (!codes.empty() && t.size() < 40) || header;
        bool is_date = t.size() < 30 && !text::find_dates(t, 1).empty();
        bool sentence = t.size() > 150 || starts_with(lower, "project participants") ||
                        starts_with(lower, "follow the link") || starts_with(lower, "http");
        if (t.empty() || skipped || boilerplate(lower) || is_symbol || is_date || sentence || letters * 2 < t.size()) {
            if (taken) break;
            continue;
        }
        if (taken && std::ispunct(static_cast<unsigned char>(title.back()))) break;
        if (taken) title += ' ';
        title += t;
        if (++taken == 3 || title.size() > 250) break;
    }
    return strip_quotes(title);
}

}  // namespace a6kb
