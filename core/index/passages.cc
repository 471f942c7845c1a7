// SPDX-License-Identifier: Apache-2.0
#include "core/index/passages.h"

#include <string_view>

namespace a6kb {
namespace {

bool blank(std::string_view line) { return line.find_first_not_of(" \t\r\v") == std::string_view::npos; }

// The paragraphs of one page: runs of non-blank lines.
std::vector<std::string> paragraphs_of(std::string_view page) {
    std::vector<std::string> out;
    std::string current;
    size_t at = 0;
    while (at <= page.size()) {
        size_t nl = page.find('\n', at);
        std::string_view line = page.substr(at, nl == std::string_view::npos ? std::string_view::npos : nl - at);
        if (blank(line)) {
            if (!current.empty()) out.push_back(std::move(current));
            current.clear();
        } else {
            if (!current.empty()) current += '\n';
            current += line;
        }
        if (nl == std::string_view::npos) break;
        at = nl + 1;
    }
    if (!current.empty()) out.push_back(std::move(current));
    return out;
}

}  // namespace

std::vector<Passage> cut_passages(const Record& r) {
    std::vector<Passage> out;
    const bool paged = r.pages.size() > 1 || r.media_type == "application/pdf";
    for (size_t i = 0; i < r.pages.size(); ++i) {
        int k = 0;
        for (auto& text : paragraphs_of(r.pages[i])) {
            Passage p;
            ++k;
            if (paged) {
                p.page = static_cast<int>(i + 1);
                p.label = "page " + std::to_string(p.page);
                p.anchor = "page" + std::to_string(p.page) + "-" + std::to_string(k);
            } else {
                p.label = "paragraph";
                p.anchor = "t" + std::to_string(k);
            }
            p.text = std::move(text);
            out.push_back(std::move(p));
        }
    }
    return out;
}

}  // namespace a6kb
