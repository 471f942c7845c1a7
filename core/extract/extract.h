// SPDX-License-Identifier: Apache-2.0
// Format extractors: bytes of a file -> Extracted (text per page, title,
// headings, metadata the format declares). Extractors never touch Xapian and
// never throw for bad input: a file they cannot read is a skip with a reason
// a person can act on. The extractor is chosen from one table keyed by the
// media type, which is sniffed from the content (libmagic), the extension
// only breaking ties between text formats.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace a6kb {

struct Extracted {
    std::string media_type;
    std::string title;                    // from the format's metadata or structure; may be empty
    std::vector<std::string> pages;       // text per page; formats without pages give one
    std::vector<std::string> headings;
    std::string summary;                  // e.g. HTML meta description
    std::string date;                     // ISO, from format metadata (PDF CreationDate, docProps)
    std::string lang;                     // declared language, if any
    std::map<std::string, std::vector<std::string>> meta;  // explicit metadata (Markdown front matter)
    size_t repaired_bytes = 0;            // invalid UTF-8 sequences replaced

    size_t text_size() const;
    std::string first_page_text(size_t max_pages = 1) const;
};

struct ExtractLimits {
    uint64_t max_file_size = 100ull << 20;   // bytes read from disk
    uint64_t max_unpacked = 256ull << 20;    // bytes inflated from an archive (zip bombs)
};

struct ExtractResult {
    std::optional<Extracted> doc;
    std::string skip;  // why there is no doc

    static ExtractResult ok(Extracted e) { return {std::move(e), {}}; }
    static ExtractResult skipped(std::string why) { return {std::nullopt, std::move(why)}; }
};

// Media types a6kb reads.
namespace media {
inline constexpr std::string_view PDF = "application/pdf";
inline constexpr std::string_view DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
inline constexpr std::string_view HTML = "text/html";
inline constexpr std::string_view XML = "application/xml";
inline constexpr std::string_view MARKDOWN = "text/markdown";
inline constexpr std::string_view TEXT = "text/plain";
}  // namespace media

// The media type of `bytes` (whole file or a prefix of at least 64 KiB),
// from content first and the file name's extension second. Returns a type
// from `media` above, or another type string for formats we do not read.
std::string sniff_media_type(std::string_view bytes, const std::filesystem::path& name);

// Why `bytes`, named `name` and sniffed as `media_type`, is not a document
// to index, or empty when it may be one: a git-LFS pointer (the file was
// never fetched), an empty or white-space-only file, a one-line placeholder
// ("placeholder", "TODO", "coming soon"), or a file whose content is not
// what its extension says (a `.pdf` or `.docx` holding text or an HTML
// page). Cost: looks at the first 4 KB.
std::string not_a_document(std::string_view bytes, const std::filesystem::path& name, std::string_view media_type);

// Reads the file (up to limits.max_file_size) and extracts it (a file that
// is not a document, above, is a skip with that reason).
ExtractResult extract_file(const std::filesystem::path& file, const ExtractLimits& limits = {});
ExtractResult extract_bytes(std::string_view bytes, std::string_view media_type, const ExtractLimits& limits = {});

// One per format; each takes the whole file content.
ExtractResult extract_pdf(std::string_view bytes, const ExtractLimits& limits);
ExtractResult extract_docx(std::string_view bytes, const ExtractLimits& limits);
ExtractResult extract_html(std::string_view bytes, const ExtractLimits& limits);
ExtractResult extract_xml(std::string_view bytes, const ExtractLimits& limits);
ExtractResult extract_markdown(std::string_view bytes, const ExtractLimits& limits);
ExtractResult extract_text(std::string_view bytes, const ExtractLimits& limits);

}  // namespace a6kb
