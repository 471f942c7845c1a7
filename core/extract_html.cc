// SPDX-License-Identifier: Apache-2.0
// HTML through gumbo (an HTML5 parser: any tag soup parses). Title, headings
// and meta description are kept; scripts, styles, navigation, headers,
// footers and forms are dropped.
#include "core/extract.h"
#include "core/text.h"

#include <gumbo.h>

#include <memory>

namespace a6kb {
namespace {

bool dropped(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
        case GUMBO_TAG_NAV: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_FORM: case GUMBO_TAG_SVG: case GUMBO_TAG_IFRAME: case GUMBO_TAG_BUTTON:
        case GUMBO_TAG_SELECT: case GUMBO_TAG_OBJECT:
            return true;
        default:
            return false;
    }
}

bool block(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_BR: case GUMBO_TAG_LI: case GUMBO_TAG_TR:
        case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
        case GUMBO_TAG_H6: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_TABLE:
        case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD:
        case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_HR: case GUMBO_TAG_MAIN:
        case GUMBO_TAG_CAPTION: case GUMBO_TAG_FIGCAPTION:
            return true;
        default:
            return false;
    }
}

bool heading(GumboTag tag) {
    return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_H4;
}

void text_of(const GumboNode* node, std::string& out) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA || node->type == GUMBO_NODE_WHITESPACE) {
        out += node->v.text.text;
        return;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) return;
    GumboTag tag = node->v.element.tag;
    if (dropped(tag) || tag == GUMBO_TAG_HEAD) return;
    bool is_block = block(tag);
    if (is_block) out += '\n';
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
        text_of(static_cast<const GumboNode*>(children.data[i]), out);
        if (tag == GUMBO_TAG_TR || tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) out += ' ';
    }
    if (is_block) out += '\n';
}

struct Collected {
    std::string title, description, lang;
    std::vector<std::string> headings;
};

void collect(const GumboNode* node, Collected& c) {
    if (node->type != GUMBO_NODE_ELEMENT) return;
    GumboTag tag = node->v.element.tag;
    if (dropped(tag)) return;
    if (tag == GUMBO_TAG_HTML) {
        if (auto* a = gumbo_get_attribute(&node->v.element.attributes, "lang")) c.lang = a->value;
    } else if (tag == GUMBO_TAG_TITLE && c.title.empty()) {
        std::string t;
        for (unsigned i = 0; i < node->v.element.children.length; ++i) {
            auto* child = static_cast<const GumboNode*>(node->v.element.children.data[i]);
            if (child->type == GUMBO_NODE_TEXT) t += child->v.text.text;
        }
        c.title = text::collapse_spaces(t);
        return;
    } else if (tag == GUMBO_TAG_META) {
        auto* name = gumbo_get_attribute(&node->v.element.attributes, "name");
        auto* content = gumbo_get_attribute(&node->v.element.attributes, "content");
        if (name && content && text::to_lower(name->value) == "description")
            c.description = text::collapse_spaces(content->value);
    } else if (heading(tag)) {
        std::string t;
        text_of(node, t);
        t = text::collapse_spaces(t);
        if (!t.empty()) c.headings.push_back(t);
        return;
    }
    for (unsigned i = 0; i < node->v.element.children.length; ++i)
        collect(static_cast<const GumboNode*>(node->v.element.children.data[i]), c);
}

}  // namespace

ExtractResult extract_html(std::string_view bytes, const ExtractLimits&) {
    size_t repaired = 0;
    std::string html = text::repair_utf8(bytes, &repaired);
    std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> out(
        gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()),
        [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
    if (!out) return ExtractResult::skipped("HTML parser failed");

    Collected c;
    collect(out->root, c);
    Extracted e;
    e.repaired_bytes = repaired;
    std::string body;
    text_of(out->root, body);
    body = text::normalize_whitespace(body);
    if (text::trim(body).empty() && c.title.empty()) return ExtractResult::skipped("HTML page has no text");
    e.pages.push_back(std::move(body));
    e.title = !c.title.empty() ? c.title : (c.headings.empty() ? std::string() : c.headings.front());
    e.headings = std::move(c.headings);
    e.summary = std::move(c.description);
    if (!c.lang.empty()) e.lang = text::to_lower(c.lang.substr(0, 2));
    return ExtractResult::ok(std::move(e));
}

}  // namespace a6kb
