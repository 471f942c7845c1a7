// SPDX-License-Identifier: Apache-2.0
// Markdown through cmark, with optional YAML front matter (yaml-cpp) between
// "---" lines at the very top. Front-matter keys become explicit metadata
// (title, symbol, type, group, topic, date, ...; docs/corpus.md).
#include "core/extract/extract.h"
#include "core/model/text.h"

#include <cmark.h>
#include <yaml-cpp/yaml.h>

#include <memory>

namespace a6kb {
namespace {

// Splits "---\n<yaml>\n---\n<body>"; returns false when there is no front matter.
bool split_front_matter(std::string_view md, std::string& yaml, std::string_view& body) {
    if (md.substr(0, 3) != "---") return false;
    size_t first_nl = md.find('\n');
    if (first_nl == std::string_view::npos || text::trim(md.substr(3, first_nl - 3)) != "") return false;
    size_t pos = first_nl + 1;
    while (pos < md.size()) {
        size_t nl = md.find('\n', pos);
        std::string_view line = md.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
        std::string t = text::trim(line);
        if (t == "---" || t == "...") {
            yaml = std::string(md.substr(first_nl + 1, pos - first_nl - 1));
            body = nl == std::string_view::npos ? std::string_view() : md.substr(nl + 1);
            return true;
        }
        if (nl == std::string_view::npos) break;
        pos = nl + 1;
    }
    return false;
}

std::string scalar(const YAML::Node& n) {
    return n.IsScalar() ? text::collapse_spaces(n.as<std::string>()) : std::string();
}

// cmark nests block quotes and lists as deep as the input says ("> > > ..."
// 100,000 times); deeper text is dropped rather than overflow the stack.
constexpr int MAX_DEPTH = 500;

void text_of(cmark_node* node, std::string& out, int depth = 0) {
    if (depth > MAX_DEPTH) return;
    for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
        switch (cmark_node_get_type(child)) {
            case CMARK_NODE_TEXT: case CMARK_NODE_CODE: case CMARK_NODE_HTML_INLINE:
                out += cmark_node_get_literal(child);
                break;
            case CMARK_NODE_SOFTBREAK: out += ' '; break;
            case CMARK_NODE_LINEBREAK: out += '\n'; break;
            default: text_of(child, out, depth + 1);
        }
    }
}

}  // namespace

ExtractResult extract_markdown(std::string_view bytes, const ExtractLimits&) {
    size_t repaired = 0;
    std::string md = text::repair_utf8(bytes, &repaired);
    if (md.substr(0, 3) == "\xEF\xBB\xBF") md.erase(0, 3);
    Extracted e;
    e.repaired_bytes = repaired;

    std::string yaml;
    std::string_view body = md;
    if (split_front_matter(md, yaml, body)) {
        YAML::Node front;
        try {
            front = YAML::Load(yaml);
        } catch (const YAML::Exception& ex) {
            // Line numbers count from the file's first line (the opening ---).
            return ExtractResult::skipped("malformed front matter at line " + std::to_string(ex.mark.line + 2) +
                                          ": " + ex.msg);
        }
        if (front && !front.IsMap() && !front.IsNull())
            return ExtractResult::skipped("malformed front matter: expected key: value lines");
        if (front.IsMap()) {
            for (const auto& kv : front) {
                // A key may itself be a list or a map ("? [a, b]"): no field has such a name.
                if (!kv.first.IsScalar())
                    return ExtractResult::skipped("malformed front matter at line " +
                                                  std::to_string(kv.first.Mark().line + 2) + ": a key must be a word");
                std::string key = text::to_lower(kv.first.as<std::string>());
                std::vector<std::string>& values = e.meta[key];
                if (kv.second.IsSequence()) {
                    for (const auto& item : kv.second)
                        if (auto v = scalar(item); !v.empty()) values.push_back(v);
                } else if (auto v = scalar(kv.second); !v.empty()) {
                    values.push_back(v);
                }
            }
        }
    }

    std::unique_ptr<cmark_node, void (*)(cmark_node*)> doc(
        cmark_parse_document(body.data(), body.size(), CMARK_OPT_DEFAULT), cmark_node_free);
    std::string out;
    for (cmark_node* block = cmark_node_first_child(doc.get()); block; block = cmark_node_next(block)) {
        std::string t;
        if (cmark_node_get_type(block) == CMARK_NODE_CODE_BLOCK || cmark_node_get_type(block) == CMARK_NODE_HTML_BLOCK)
            t = cmark_node_get_literal(block);
        else
            text_of(block, t);
        if (cmark_node_get_type(block) == CMARK_NODE_HEADING) {
            std::string h = text::collapse_spaces(t);
            if (cmark_node_get_heading_level(block) == 1 && e.title.empty()) e.title = h;
            if (!h.empty()) e.headings.push_back(h);
        }
        out += t;
        out += "\n\n";
    }
    out = text::normalize_whitespace(out);
    if (text::trim(out).empty() && e.meta.empty()) return ExtractResult::skipped("Markdown file has no text");
    e.pages.push_back(std::move(out));
    return ExtractResult::ok(std::move(e));
}

}  // namespace a6kb
