// SPDX-License-Identifier: Apache-2.0
#include "hostile.h"

#include "core/extract/extract.h"

#include <random>
#include <stdexcept>

namespace a6kb::test::hostile {

std::string good_pdf() {
    return make_pdf({{"Guidance on cooperative approaches", "Version 02.0",
                      "Participating Parties apply corresponding adjustments to first transfers."},
                     {"Registries record each transfer of mitigation outcomes between Parties."}},
                    "Guidance on cooperative approaches");
}

std::string good_docx(const TempDir& dir) {
    auto p = dir / "good-source.docx";
    make_docx(p,
              {{"Title", "Decisions adopted"}, {"Heading1", "Guidance"}, {"", "First page on authorization."}, {"", "\f"},
               {"", "Second page on registries."}},
              {{"docProps/core.xml",
                "<?xml version=\"1.0\"?><cp:coreProperties xmlns:cp=\"c\" xmlns:dc=\"d\" xmlns:dcterms=\"t\">"
                "<dc:title>Report</dc:title><dcterms:created>2022-03-08T10:00:00Z</dcterms:created>"
                "<dc:language>en-GB</dc:language></cp:coreProperties>"}});
    return read_file(p);
}

Variants truncations(const std::string& bytes, size_t count) {
    Variants out;
    for (size_t i = 1; i <= count; ++i) {
        size_t len = bytes.size() * i / (count + 1);
        out.emplace_back("cut at " + std::to_string(len), bytes.substr(0, len));
    }
    for (size_t len : {bytes.size() - 1, bytes.size() - 16, size_t(1), size_t(8)})
        out.emplace_back("cut at " + std::to_string(len), bytes.substr(0, len));
    return out;
}

Variants bit_flips(const std::string& bytes, size_t count) {
    Variants out;
    for (size_t i = 0; i < count; ++i) {
        std::mt19937 rng(static_cast<uint32_t>(i + 1));
        std::string copy = bytes;
        size_t flips = 1 + i % 16;
        for (size_t k = 0; k < flips; ++k) {
            size_t at = rng() % copy.size();
            copy[at] = char(static_cast<unsigned char>(copy[at]) ^ (1u << (rng() % 8)));
        }
        out.emplace_back("seed " + std::to_string(i + 1) + ", " + std::to_string(flips) + " flips", std::move(copy));
    }
    return out;
}

std::string first_skipped(const Variants& variants, std::string_view media_type) {
    for (const auto& [name, bytes] : variants)
        if (!extract_bytes(bytes, media_type).doc) return bytes;
    throw std::runtime_error("no variant is skipped");
}

std::string random_bytes(size_t n, uint32_t seed) {
    std::mt19937 rng(seed);
    std::string out(n, '\0');
    for (auto& c : out) c = char(rng() & 0xFF);
    out[0] = '\0';  // binary for sure
    return out;
}

namespace {
std::string docx_with(const TempDir& dir, const std::string& name,
                      const std::vector<std::pair<std::string, std::string>>& extra) {
    auto p = dir / name;
    make_docx(p, {{"", "A small paragraph."}}, extra);
    return read_file(p);
}

std::string document_of(size_t bytes) {
    return "<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>" + std::string(bytes, ' ') +
           "x</w:t></w:r></w:p></w:body></w:document>";
}

void put_le32(std::string& s, size_t at, uint32_t v) {
    for (int i = 0; i < 4; ++i) s[at + static_cast<size_t>(i)] = char((v >> (8 * i)) & 0xFF);
}
}  // namespace

std::string docx_bomb(const TempDir& dir, size_t bytes) {
    return docx_with(dir, "bomb.docx", {{"word/document.xml", document_of(bytes)}});
}

std::string docx_side_bomb(const TempDir& dir, size_t bytes) {
    return docx_with(dir, "side-bomb.docx", {{"word/media/image1.bin", std::string(bytes, '\0')}});
}

std::string docx_lying_bomb(const TempDir& dir, size_t bytes) {
    std::string z = docx_bomb(dir, bytes);
    const std::string name = "word/document.xml";
    // Local headers (PK 3 4): uncompressed size at +22, name at +30.
    // Central directory entries (PK 1 2): uncompressed size at +24, name at +46.
    for (size_t at = 0; (at = z.find("PK", at)) != std::string::npos; at += 2) {
        if (z.compare(at, 4, "PK\x03\x04") == 0 && z.compare(at + 30, name.size(), name) == 0) put_le32(z, at + 22, 100);
        if (z.compare(at, 4, "PK\x01\x02") == 0 && z.compare(at + 46, name.size(), name) == 0) put_le32(z, at + 24, 100);
    }
    return z;
}

std::string deep_docx(const TempDir& dir, size_t depth) {
    std::string body;
    body.reserve(depth * 13);
    for (size_t i = 0; i < depth; ++i) body += "<w:x>";
    body += "<w:p><w:r><w:t>deep</w:t></w:r></w:p>";
    for (size_t i = 0; i < depth; ++i) body += "</w:x>";
    return docx_with(dir, "deep.docx",
                     {{"word/document.xml", "<w:document xmlns:w=\"w\"><w:body>" + body + "</w:body></w:document>"}});
}

std::string billion_laughs() {
    std::string x = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n";
    std::string prev = "lol";
    for (int i = 1; i <= 9; ++i) {
        std::string e = "lol" + std::to_string(i);
        x += " <!ENTITY " + e + " \"";
        for (int k = 0; k < 10; ++k) x += "&" + prev + ";";
        x += "\">\n";
        prev = e;
    }
    return x + "]>\n<lolz>&lol9;</lolz>\n";
}

std::string deep_html(size_t depth, const std::string& tag) {
    std::string h = "<!DOCTYPE html><html><head><title>Deep</title></head><body>";
    h.reserve(h.size() + depth * (tag.size() + 2) + 16);
    for (size_t i = 0; i < depth; ++i) h += "<" + tag + ">";
    return h + "deep text";
}

std::string deep_xml(size_t depth) {
    std::string x = "<?xml version=\"1.0\"?>";
    x.reserve(depth * 7 + 64);
    for (size_t i = 0; i < depth; ++i) x += "<a>";
    x += "deep";
    for (size_t i = 0; i < depth; ++i) x += "</a>";
    return x;
}

std::string invalid_utf8() {
    return std::string("Guidance on cooperative approaches \x80\xBF stray, \xC3 truncated, \xC0\xAF overlong, "
                       "\xED\xA0\x80 surrogate, \xF4\x90\x80\x80 past U+10FFFF, \xFF\xFE and \xE2\x82 at the end of a "
                       "line\nand valid \xC3\xA9t\xC3\xA9 text.\n");
}

}  // namespace a6kb::test::hostile
