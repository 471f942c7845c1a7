// SPDX-License-Identifier: Apache-2.0
#include "core/index/decisions.h"

#include "core/model/symbols.h"
#include "core/model/text.h"

#include <cctype>

namespace a6kb {
namespace {

// "Decision 2/CMA.3" or "Resolution 1/CP.24" alone on a line -> symbol.
bool heading(std::string_view line, std::string& symbol, bool& resolution, const Programmes& programmes) {
    std::string t = text::trim(line);
    std::string_view rest;
    if (t.rfind("Decision ", 0) == 0) { resolution = false; rest = std::string_view(t).substr(9); }
    else if (t.rfind("Resolution ", 0) == 0) { resolution = true; rest = std::string_view(t).substr(11); }
    else return false;
    auto sym = canonical_symbol(rest, programmes);
    if (!sym || sym->kind != SymbolKind::decision) return false;
    // canonical_symbol accepts spaces; a heading has none inside the symbol.
    if (rest.find(' ') != std::string_view::npos) return false;
    symbol = sym->text;
    return true;
}

}  // namespace

std::vector<DecisionPart> split_decisions(std::string_view text, const Programmes& programmes) {
    std::vector<std::string_view> lines;
    size_t pos = 0;
    while (pos <= text.size()) {
        size_t nl = text.find('\n', pos);
        lines.push_back(text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos));
        if (nl == std::string_view::npos) break;
        pos = nl + 1;
    }
    std::vector<DecisionPart> parts;
    std::vector<size_t> starts;
    for (size_t i = 0; i < lines.size(); ++i) {
        DecisionPart p;
        if (!heading(lines[i], p.symbol, p.resolution, programmes)) continue;
        p.line = i + 1;
        parts.push_back(std::move(p));
        starts.push_back(i);
    }
    for (size_t k = 0; k < parts.size(); ++k) {
        size_t begin = starts[k];
        size_t end = k + 1 < starts.size() ? starts[k + 1] : lines.size();
        std::string body;
        for (size_t i = begin; i < end; ++i) {
            body += lines[i];
            body += '\n';
        }
        parts[k].text = std::move(body);
        for (size_t i = begin + 1; i < end; ++i) {
            std::string t = text::trim(lines[i]);
            if (!t.empty()) { parts[k].title = text::collapse_spaces(t); break; }
        }
        // The adoption date follows "Nth plenary meeting" near the end.
        for (size_t i = end; i-- > begin + 1;) {
            if (lines[i].find("plenary meeting") == std::string_view::npos) continue;
            for (size_t j = i; j < std::min(end, i + 3); ++j) {
                auto dates = text::find_dates(lines[j], 1);
                if (!dates.empty()) { parts[k].date = dates.front(); break; }
            }
            if (!parts[k].date.empty()) break;
        }
    }
    return parts;
}

}  // namespace a6kb
