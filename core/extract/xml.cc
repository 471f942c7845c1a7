// SPDX-License-Identifier: Apache-2.0
// Generic XML through pugixml: all character data, one line per element;
// the first <title> (any namespace) is the title. pugixml expands no
// external entities, so XML cannot make the indexer read other files.
#include "core/extract/extract.h"
#include "core/model/text.h"

#include <pugixml.hpp>

#include <algorithm>

namespace a6kb {
namespace {

std::string_view local_name(const char* qname) {
    std::string_view n(qname);
    auto colon = n.find(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

void walk(const pugi::xml_node& node, std::string& out, Extracted& e, int depth) {
    if (depth > 200) return;  // absurd nesting: the rest is not worth a stack overflow
    for (auto child : node.children()) {
        switch (child.type()) {
            case pugi::node_pcdata:
            case pugi::node_cdata:
                out += child.value();
                out += ' ';
                break;
            case pugi::node_element: {
                std::string_view name = local_name(child.name());
                if (name == "title" && e.title.empty()) e.title = text::collapse_spaces(child.text().as_string());
                if (name == "h1" || name == "h2" || name == "h3" || name == "heading" || name == "head") {
                    std::string h = text::collapse_spaces(child.child_value());
                    if (!h.empty()) e.headings.push_back(h);
                }
                walk(child, out, e, depth + 1);
                out += '\n';
                break;
            }
            default:
                break;
        }
    }
}

}  // namespace

ExtractResult extract_xml(std::string_view bytes, const ExtractLimits&) {
    size_t repaired = 0;
    std::string xml = text::repair_utf8(bytes, &repaired);
    pugi::xml_document doc;
    auto result = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!result) {
        auto offset = static_cast<size_t>(std::max<ptrdiff_t>(0, result.offset));
        size_t line = 1 + static_cast<size_t>(std::count(xml.begin(), xml.begin() + static_cast<ptrdiff_t>(std::min(offset, xml.size())), '\n'));
        return ExtractResult::skipped("malformed XML at line " + std::to_string(line) + ": " + result.description());
    }
    Extracted e;
    e.repaired_bytes = repaired;
    std::string body;
    walk(doc, body, e, 0);
    body = text::normalize_whitespace(body);
    if (text::trim(body).empty()) return ExtractResult::skipped("XML document has no text");
    e.pages.push_back(std::move(body));
    if (auto lang = doc.document_element().attribute("xml:lang")) e.lang = text::to_lower(std::string(lang.value()).substr(0, 2));
    return ExtractResult::ok(std::move(e));
}

}  // namespace a6kb
