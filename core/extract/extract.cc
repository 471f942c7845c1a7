// SPDX-License-Identifier: Apache-2.0
#include "core/extract/extract.h"

#include "core/model/text.h"

#include <magic.h>

#include <cstring>
#include <fstream>
#include <memory>

namespace a6kb {
namespace {

struct Handler {
    std::string_view media_type;
    ExtractResult (*extract)(std::string_view, const ExtractLimits&);
};

// The one table from media type to extractor.
constexpr Handler HANDLERS[] = {
    {media::PDF, extract_pdf},
    {media::DOCX, extract_docx},
    {media::HTML, extract_html},
    {media::XML, extract_xml},
    {media::MARKDOWN, extract_markdown},
    {media::TEXT, extract_text},
};

// libmagic cookies are not thread-safe; each thread opens its own once.
class Magic {
public:
    Magic() : cookie_(magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR)) {
        if (cookie_ && magic_load(cookie_, nullptr) != 0) {
            magic_close(cookie_);
            cookie_ = nullptr;
        }
    }
    ~Magic() {
        if (cookie_) magic_close(cookie_);
    }
    Magic(const Magic&) = delete;
    Magic& operator=(const Magic&) = delete;
    std::string type_of(std::string_view bytes) const {
        if (!cookie_) return {};
        const char* t = magic_buffer(cookie_, bytes.data(), bytes.size());
        return t ? t : "";
    }

private:
    magic_t cookie_;
};

std::string lower_ext(const std::filesystem::path& name) {
    std::string ext = name.extension().string();
    for (auto& c : ext) c = char(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

bool looks_binary(std::string_view bytes) {
    return std::memchr(bytes.data(), '\0', std::min<size_t>(bytes.size(), 8192)) != nullptr;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
    return true;
}

}  // namespace

size_t Extracted::text_size() const {
    size_t n = 0;
    for (const auto& p : pages) n += p.size();
    return n;
}

std::string Extracted::first_page_text(size_t max_pages) const {
    std::string out;
    for (size_t i = 0; i < pages.size() && i < max_pages; ++i) {
        if (i) out += '\n';
        out += pages[i];
    }
    return out;
}

std::string sniff_media_type(std::string_view bytes, const std::filesystem::path& name) {
    if (bytes.empty()) return "inode/x-empty";
    std::string ext = lower_ext(name);
    // The signatures of the formats we read come first; libmagic (slow: it
    // runs regular expressions over the content) only names what we do not read.
    if (bytes.substr(0, 5) == "%PDF-") return std::string(media::PDF);
    if (bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4)) {
        // Word files are zip archives; the member list is checked by the extractor.
        if (ext == ".docx" || bytes.find("word/") != std::string_view::npos) return std::string(media::DOCX);
        return "application/zip";
    }
    if (looks_binary(bytes)) {
        thread_local Magic magic;
        std::string type = magic.type_of(bytes.substr(0, 1 << 16));
        if (type == "application/pdf") return std::string(media::PDF);  // a PDF with junk before its header
        return type.empty() || type.rfind("text/", 0) == 0 ? "application/octet-stream" : type;
    }

    // Text of some kind: decide by structure, then extension.
    std::string_view head = bytes.substr(0, 4096);
    size_t i = 0;
    if (head.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i]))) ++i;
    std::string_view lead = head.substr(i);
    if (starts_with_ci(lead, "<!doctype html") || starts_with_ci(lead, "<html") || ext == ".html" || ext == ".htm")
        return std::string(media::HTML);
    if (starts_with_ci(lead, "<?xml") || ext == ".xml") {
        if (lead.find("<html") != std::string_view::npos && lead.find("xhtml") != std::string_view::npos)
            return std::string(media::HTML);
        return std::string(media::XML);
    }
    if (ext == ".md" || ext == ".markdown") return std::string(media::MARKDOWN);
    if (starts_with_ci(lead, "<") && lead.find("</") != std::string_view::npos &&
        (lead.find("<body") != std::string_view::npos || lead.find("<p>") != std::string_view::npos ||
         lead.find("<head") != std::string_view::npos || lead.find("<div") != std::string_view::npos))
        return std::string(media::HTML);
    return std::string(media::TEXT);
}

namespace {

// "version https://git-lfs.github.com/spec/v1\noid sha256:…\nsize 12345\n".
std::string lfs_pointer(std::string_view bytes) {
    if (bytes.size() > 1024 || bytes.substr(0, 24) != "version https://git-lfs.") return {};
    std::string out = "a git-LFS pointer, not the document (the file itself was never fetched: git lfs pull)";
    if (auto at = bytes.find("\noid "); at != std::string_view::npos) {
        std::string_view oid = bytes.substr(at + 5, bytes.find('\n', at + 1) - at - 5);
        out += "; " + std::string(oid.substr(0, 24)) + (oid.size() > 24 ? "\xE2\x80\xA6" : "");
    }
    if (auto at = bytes.find("\nsize "); at != std::string_view::npos)
        out += ", " + std::string(bytes.substr(at + 6, bytes.find('\n', at + 1) - at - 6)) + " bytes";
    return out;
}

// One short line that only holds a place: "placeholder", "TODO: add the PDF", "Coming soon".
bool placeholder_line(const std::string& text) {
    if (text.find('\n') != std::string::npos || text.size() > 80) return false;
    std::string lower = text;
    for (auto& c : lower) c = char(std::tolower(static_cast<unsigned char>(c)));
    for (const char* p : {"placeholder", "todo", "tbd", "to be added", "coming soon", "lorem ipsum", "dummy", "fixme"})
        if (lower.rfind(p, 0) == 0 || lower.find(std::string(" ") + p) != std::string::npos) return true;
    return false;
}

// What a content sniffed as `media_type` is, in words.
std::string what_it_holds(std::string_view media_type, size_t bytes) {
    if (media_type == media::TEXT || media_type == media::MARKDOWN) return std::to_string(bytes) + " bytes of text";
    if (media_type == media::HTML) return "an HTML page";
    if (media_type == media::XML) return "XML";
    return std::string(media_type);
}

}  // namespace

std::string not_a_document(std::string_view bytes, const std::filesystem::path& name, std::string_view media_type) {
    if (bytes.empty()) return "empty file";
    if (auto lfs = lfs_pointer(bytes); !lfs.empty()) return lfs;
    const std::string ext = lower_ext(name);
    const bool textual = media_type == media::TEXT || media_type == media::MARKDOWN || media_type == media::HTML ||
                         media_type == media::XML;
    if (textual) {
        const std::string content = text::trim(bytes.substr(0, 4096));
        if (content.empty()) return "empty file (white space only)";
        if (placeholder_line(content) && bytes.size() < 4096) return "a placeholder, not a document: \"" + content + "\"";
    }
    struct Claim {
        const char* ext;
        std::string_view type;
        const char* name;
    };
    for (const Claim& c : {Claim{".pdf", media::PDF, "PDF"}, Claim{".docx", media::DOCX, "Word document"}})
        if (ext == c.ext && media_type != c.type)
            return "named " + ext + " but holds " + what_it_holds(media_type, bytes.size()) + ", not a " + c.name;
    return {};
}

ExtractResult extract_bytes(std::string_view bytes, std::string_view media_type, const ExtractLimits& limits) {
    if (bytes.empty() || media_type == "inode/x-empty") return ExtractResult::skipped("empty file");
    for (const auto& h : HANDLERS) {
        if (h.media_type != media_type) continue;
        try {
            auto r = h.extract(bytes, limits);
            if (r.doc) r.doc->media_type = std::string(media_type);
            return r;
        } catch (const std::bad_alloc&) {
            return ExtractResult::skipped("out of memory while extracting");
        } catch (const std::exception& e) {
            return ExtractResult::skipped(std::string("extractor failed: ") + e.what());
        }
    }
    return ExtractResult::skipped("unsupported format (" + std::string(media_type) + ")");
}

ExtractResult extract_file(const std::filesystem::path& file, const ExtractLimits& limits) {
    std::error_code ec;
    auto size = std::filesystem::file_size(file, ec);
    if (ec) return ExtractResult::skipped("unreadable: " + ec.message());
    if (size > limits.max_file_size)
        return ExtractResult::skipped("too large: " + std::to_string(size) + " bytes, limit " +
                                      std::to_string(limits.max_file_size));
    std::ifstream in(file, std::ios::binary);
    if (!in) return ExtractResult::skipped(std::string("unreadable: ") + std::strerror(errno));
    std::string bytes(size, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    if (static_cast<uint64_t>(in.gcount()) != size) return ExtractResult::skipped("unreadable: short read");
    const std::string type = sniff_media_type(bytes, file);
    if (auto why = not_a_document(bytes, file, type); !why.empty()) return ExtractResult::skipped(why);
    return extract_bytes(bytes, type, limits);
}

}  // namespace a6kb
