// SPDX-License-Identifier: Apache-2.0
// PDF through poppler-cpp. Page boundaries are kept, so a hit can name its page.
#include "core/extract/extract.h"
#include "core/model/text.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <climits>
#include <ctime>
#include <memory>
#include <mutex>

namespace a6kb {
namespace {

std::string utf8(const poppler::ustring& s) {
    auto bytes = s.to_utf8();
    return std::string(bytes.begin(), bytes.end());
}

// Titles that PDF writers put in by themselves and that say nothing.
bool useless_title(const std::string& t) {
    if (t.size() < 4) return true;
    std::string lower = text::to_lower(t);
    for (const char* junk : {"microsoft word", "untitled", ".doc", ".pdf", "powerpoint", "slide 1"})
        if (lower.find(junk) != std::string::npos) return true;
    return false;
}

void silence_poppler() {
    // Poppler reports every damaged object on stderr; the indexer reports a
    // skip of its own, so its chatter is dropped.
    static std::once_flag once;
    std::call_once(once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

}  // namespace

ExtractResult extract_pdf(std::string_view bytes, const ExtractLimits&) {
    silence_poppler();
    if (bytes.size() > static_cast<size_t>(INT_MAX)) return ExtractResult::skipped("PDF too large for the PDF library");
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!doc) return ExtractResult::skipped("damaged PDF: the PDF library could not open it");
    if (doc->is_locked()) return ExtractResult::skipped("encrypted PDF: it needs a password to be read");

    Extracted e;
    const int n = doc->pages();
    size_t visible = 0;
    for (int i = 0; i < n; ++i) {
        std::unique_ptr<poppler::page> page(doc->create_page(i));
        std::string t = page ? utf8(page->text(poppler::rectf(), poppler::page::physical_layout)) : std::string();
        size_t repaired = 0;
        t = text::normalize_whitespace(text::repair_utf8(t, &repaired));
        e.repaired_bytes += repaired;
        for (char c : t)
            if (!std::isspace(static_cast<unsigned char>(c))) ++visible;
        e.pages.push_back(std::move(t));
    }
    if (n == 0) return ExtractResult::skipped("PDF has no pages");
    if (visible < 20)
        return ExtractResult::skipped("PDF has no text layer (scanned images or empty pages); it needs OCR first");

    // Titles are UTF-16 in the file; unpaired surrogates come out as invalid UTF-8.
    std::string title = text::collapse_spaces(text::repair_utf8(utf8(doc->info_key("Title"))));
    if (!useless_title(title)) e.title = title;
    time_t created = doc->info_date_t("CreationDate");
    if (created > 0) {
        std::tm tm{};
        gmtime_r(&created, &tm);
        char buf[16];
        std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
        e.date = buf;
    }
    return ExtractResult::ok(std::move(e));
}

}  // namespace a6kb
