// SPDX-License-Identifier: Apache-2.0
// Plain text: UTF-8 expected; invalid bytes are replaced (U+FFFD), not fatal.
// CRLF, tabs and form feeds are handled; a form feed starts a new page, as
// pdftotext writes them.
#include "core/extract/extract.h"
#include "core/model/text.h"

namespace a6kb {

ExtractResult extract_text(std::string_view bytes, const ExtractLimits&) {
    Extracted e;
    std::string t = text::repair_utf8(bytes, &e.repaired_bytes);
    if (t.substr(0, 3) == "\xEF\xBB\xBF") t.erase(0, 3);
    size_t start = 0;
    while (start <= t.size()) {
        size_t ff = t.find('\f', start);
        std::string page = text::normalize_whitespace(
            std::string_view(t).substr(start, ff == std::string::npos ? std::string::npos : ff - start));
        if (!page.empty() || ff == std::string::npos) e.pages.push_back(std::move(page));
        if (ff == std::string::npos) break;
        start = ff + 1;
    }
    if (e.text_size() == 0) return ExtractResult::skipped("text file has no text");
    return ExtractResult::ok(std::move(e));
}

}  // namespace a6kb
