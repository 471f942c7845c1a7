// SPDX-License-Identifier: Apache-2.0
// Word (.docx) through libzip and pugixml. Inflated sizes are capped, so a
// zip bomb is refused instead of filling memory.
#include "core/extract/extract.h"
#include "core/model/text.h"

#include <pugixml.hpp>
#include <zip.h>

#include <memory>

namespace a6kb {
namespace {

struct ZipCloser {
    void operator()(zip_t* z) const { zip_discard(z); }
};

// Reads one member, refusing to inflate more than `cap` bytes whatever the
// header claims. Returns false with `why` set on failure.
bool read_member(zip_t* zip, const char* name, uint64_t cap, std::string& out, std::string& why) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(zip, name, 0, &st) != 0) {
        why = std::string("not a Word document: no ") + name;
        return false;
    }
    if ((st.valid & ZIP_STAT_SIZE) && st.size > cap) {
        why = "Word document inflates past the limit (" + std::to_string(st.size) + " bytes); possible zip bomb";
        return false;
    }
    zip_file_t* f = zip_fopen(zip, name, 0);
    if (!f) {
        why = std::string("damaged Word document: cannot open ") + name;
        return false;
    }
    out.clear();
    char buf[65536];
    zip_int64_t got;
    while ((got = zip_fread(f, buf, sizeof buf)) > 0) {
        out.append(buf, static_cast<size_t>(got));
        if (out.size() > cap) {
            zip_fclose(f);
            why = "Word document inflates past the limit; possible zip bomb";
            return false;
        }
    }
    zip_fclose(f);
    if (got < 0) {
        why = std::string("damaged Word document: cannot inflate ") + name;
        return false;
    }
    return true;
}

std::string_view local_name(const char* qname) {
    std::string_view n(qname);
    auto colon = n.find(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

// Deepest element nesting read: Word nests tables in tables a few levels;
// a hand-made document.xml can nest 100,000 levels and overflow the stack.
constexpr int MAX_DEPTH = 256;

struct Walker {
    Extracted& out;
    std::string page;
    std::string para;

    void text_of(const pugi::xml_node& node, int depth = 0) {
        if (depth > MAX_DEPTH) return;
        for (auto child : node.children()) {
            if (child.type() != pugi::node_element) continue;
            std::string_view n = local_name(child.name());
            if (n == "t") para += child.text().as_string();
            else if (n == "tab") para += ' ';
            else if (n == "br" || n == "cr") {
                if (std::string_view(child.attribute("w:type").as_string()) == "page") break_page();
                else para += '\n';
            } else if (n == "lastRenderedPageBreak") break_page();
            else if (n == "delText" || n == "instrText") continue;  // deleted text and field codes
            else text_of(child, depth + 1);
        }
    }

    void break_page() {
        end_paragraph(false);
        out.pages.push_back(text::normalize_whitespace(page));
        page.clear();
    }

    void end_paragraph(bool heading) {
        std::string p = text::collapse_spaces(para);
        para.clear();
        if (p.empty()) return;
        if (heading) out.headings.push_back(p);
        page += p;
        page += '\n';
    }

    void walk(const pugi::xml_node& node, int depth = 0) {
        if (depth > MAX_DEPTH) return;
        for (auto child : node.children()) {
            if (child.type() != pugi::node_element) continue;
            if (local_name(child.name()) == "p") {
                std::string style = child.child("w:pPr").child("w:pStyle").attribute("w:val").as_string();
                bool heading = style.rfind("Heading", 0) == 0 || style == "Title";
                text_of(child);
                std::string before = text::collapse_spaces(para);
                if (style == "Title" && out.title.empty()) out.title = before;
                end_paragraph(heading);
            } else {
                walk(child, depth + 1);
                if (local_name(child.name()) == "tc") page += ' ';
            }
        }
    }
};

}  // namespace

ExtractResult extract_docx(std::string_view bytes, const ExtractLimits& limits) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!src) return ExtractResult::skipped("damaged Word document: cannot read the archive");
    std::unique_ptr<zip_t, ZipCloser> zip(zip_open_from_source(src, ZIP_RDONLY, &error));
    if (!zip) {
        zip_source_free(src);
        std::string why = zip_error_strerror(&error);
        zip_error_fini(&error);
        return ExtractResult::skipped("damaged Word document: " + why);
    }
    zip_error_fini(&error);

    // The sum of all members must stay under the cap, not just the one we read.
    uint64_t total = 0;
    zip_int64_t entries = zip_get_num_entries(zip.get(), 0);
    for (zip_int64_t i = 0; i < entries; ++i) {
        zip_stat_t st;
        if (zip_stat_index(zip.get(), static_cast<zip_uint64_t>(i), 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE))
            total += st.size;
    }
    if (total > limits.max_unpacked)
        return ExtractResult::skipped("Word document inflates to " + std::to_string(total) +
                                      " bytes, over the limit; possible zip bomb");

    std::string xml, why;
    if (!read_member(zip.get(), "word/document.xml", limits.max_unpacked, xml, why)) return ExtractResult::skipped(why);
    pugi::xml_document doc;
    auto parsed = doc.load_buffer(xml.data(), xml.size());
    if (!parsed) return ExtractResult::skipped(std::string("damaged Word document: ") + parsed.description());

    Extracted e;
    Walker walker{e, {}, {}};
    walker.walk(doc.child("w:document").child("w:body"));
    walker.break_page();
    // Drop empty pages that page-break markers at the very start or end leave.
    std::vector<std::string> pages;
    for (auto& p : e.pages)
        if (!p.empty()) pages.push_back(std::move(p));
    e.pages = std::move(pages);
    if (e.pages.empty()) return ExtractResult::skipped("Word document has no text");

    std::string core;
    if (read_member(zip.get(), "docProps/core.xml", 1 << 20, core, why)) {
        pugi::xml_document props;
        if (props.load_buffer(core.data(), core.size())) {
            auto root = props.first_child();
            std::string title = text::collapse_spaces(root.child("dc:title").text().as_string());
            if (!title.empty()) e.title = title;
            std::string created = root.child("dcterms:created").text().as_string();
            if (created.size() >= 10) e.date = created.substr(0, 10);
            std::string lang = root.child("dc:language").text().as_string();
            if (!lang.empty()) e.lang = text::to_lower(lang.substr(0, 2));
        }
    }
    if (e.title.empty() && !e.headings.empty()) e.title = e.headings.front();
    return ExtractResult::ok(std::move(e));
}

}  // namespace a6kb
