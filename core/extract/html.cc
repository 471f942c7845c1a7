// SPDX-License-Identifier: Apache-2.0
// HTML through gumbo (an HTML5 parser: any tag soup parses). Title, headings
// and meta description are kept; scripts, styles, navigation, headers,
// footers and forms are dropped.
#include "core/extract/extract.h"
#include "core/model/text.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <vector>

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

// Deepest nesting read. gumbo has no depth limit of its own: each start tag
// scans the stack of open elements (quadratic time in the depth) and its
// tree is freed recursively, so 100,000 nested <div>s take minutes or
// overflow the stack. Browsers flatten past a few hundred levels (Blink: 512).
constexpr size_t MAX_DEPTH = 5000;

// Nesting depth of elements, roughly, the way the parser opens and closes
// them: a start tag opens an element (HTML ignores "/>" outside <svg> and
// <math>: 100,000 <div/>s nest), an end tag closes up to the nearest open
// element of its name; void elements and those the parser closes by itself
// (p, li, dt, dd, option, table parts) never count; comments, <!DOCTYPE>,
// <![CDATA[, processing instructions, scripts and styles are skipped. Stops
// counting past `limit`.
size_t rough_depth(std::string_view h, size_t limit) {
    static constexpr std::string_view flat[] = {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "keygen", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot",
        "colgroup"};
    // HTML start tags that end <svg> or <math> content (HTML's "breakout" list).
    static constexpr std::string_view breakout[] = {
        "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed", "h1", "h2",
        "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre",
        "ruby", "s", "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var"};
    std::vector<std::string> open;
    size_t foreign = 0;  // open <svg> and <math> elements: only inside them does "/>" close an element
    auto pop = [&] {
        if (open.back() == "svg" || open.back() == "math") --foreign;
        open.pop_back();
    };
    size_t deepest = 0, i = 0;
    auto name_at = [&](size_t b) {
        size_t e = b;
        while (e < h.size() && (std::isalnum(static_cast<unsigned char>(h[e])) || h[e] == '!' || h[e] == '-')) ++e;
        return text::to_lower(h.substr(b, e - b));
    };
    while ((i = h.find('<', i)) != std::string_view::npos && deepest <= limit) {
        if (h.substr(i, 4) == "<!--") {
            size_t end = h.find("-->", i + 4);
            if (end == std::string_view::npos) break;
            i = end + 3;
            continue;
        }
        bool closing = i + 1 < h.size() && h[i + 1] == '/';
        std::string name = name_at(i + (closing ? 2 : 1));
        size_t gt = h.find('>', i);
        if (gt == std::string_view::npos) break;
        i = gt + 1;
        if (name.empty() || name[0] == '!') continue;
        if (!closing && foreign > 0 && std::find(std::begin(breakout), std::end(breakout), name) != std::end(breakout))
            while (foreign > 0) pop();
        if (std::find(std::begin(flat), std::end(flat), name) != std::end(flat)) continue;
        if (closing) {
            // Close up to the nearest open element of this name, looking a few levels down only.
            for (size_t k = open.size(), seen = 0; k > 0 && seen < 64; --k, ++seen)
                if (open[k - 1] == name) {
                    while (open.size() >= k) pop();
                    break;
                }
            continue;
        }
        if (!(h[gt - 1] == '/' && (foreign > 0 || name == "svg" || name == "math"))) {
            open.push_back(name);
            foreign += name == "svg" || name == "math";
            deepest = std::max(deepest, open.size());
        }
        if (name == "script" || name == "style") {
            size_t end = h.find("</" + name, i);  // lowercase: the common spelling; else the rest is skipped
            if (end == std::string_view::npos) break;
            i = end;
        }
    }
    return deepest;
}

bool heading(GumboTag tag) {
    return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_H4;
}

void text_of(const GumboNode* node, std::string& out, size_t depth = 0) {
    if (depth > MAX_DEPTH) return;  // rough_depth() keeps trees shallower; this is the backstop
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
        text_of(static_cast<const GumboNode*>(children.data[i]), out, depth + 1);
        if (tag == GUMBO_TAG_TR || tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) out += ' ';
    }
    if (is_block) out += '\n';
}

struct Collected {
    std::string title, description, lang;
    std::vector<std::string> headings;
};

void collect(const GumboNode* node, Collected& c, size_t depth = 0) {
    if (node->type != GUMBO_NODE_ELEMENT || depth > MAX_DEPTH) return;
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
        collect(static_cast<const GumboNode*>(node->v.element.children.data[i]), c, depth + 1);
}

}  // namespace

ExtractResult extract_html(std::string_view bytes, const ExtractLimits&) {
    size_t repaired = 0;
    std::string html = text::repair_utf8(bytes, &repaired);
    if (rough_depth(html, MAX_DEPTH) > MAX_DEPTH)
        return ExtractResult::skipped("HTML nested too deeply (over " + std::to_string(MAX_DEPTH) + " levels)");
    // gumbo keeps a copy of the open-element stack with every parse error it
    // records: unlimited, broken markup costs memory quadratic in its depth.
    static const GumboOptions options = [] {
        GumboOptions o = kGumboDefaultOptions;
        o.max_errors = 100;
        return o;
    }();
    std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> out(
        gumbo_parse_with_options(&options, html.data(), html.size()),
        [](GumboOutput* o) { gumbo_destroy_output(&options, o); });
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
