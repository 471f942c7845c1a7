// SPDX-License-Identifier: Apache-2.0
#include "core/model/programmes.h"

#include "core/model/errors.h"
#include "core/model/regex.h"
#include "core/model/symbols.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>
#include <sstream>

namespace a6kb {

const char* shipped_programmes_xml();  // generated from corpus/programmes.xml (core/CMakeLists.txt)

namespace {

struct Code {
    std::string programme;
    SymbolKind kind;
    std::string type, mechanism;
};

// A pattern and the canonical form it gives: "{1}" a group as matched,
// "{1:2}" its digits without leading zeros padded to 2 ("{1:0}": no
// padding), "{1:-}" with spaces and underscores turned into '-', "{1?AR-}"
// the text after '?' when the group matched; anything else literally.
struct Rule {
    size_t code;
    std::string form;
    int base = 0;  // find rules: the group of the whole match in the combined pattern
    std::shared_ptr<const Regex> re;  // typed rules
};

// Calls part(group, option, literal) for each {…} of `form` and
// text(literal) for the text between; returns false on a malformed form.
template <class Part, class Text>
bool walk_form(std::string_view form, Part&& part, Text&& text) {
    size_t i = 0;
    while (i < form.size()) {
        size_t open = form.find('{', i);
        if (open == std::string_view::npos) { text(form.substr(i)); break; }
        text(form.substr(i, open - i));
        size_t close = form.find('}', open);
        if (close == std::string_view::npos) return false;
        std::string_view inside = form.substr(open + 1, close - open - 1);
        size_t n = 0, k = 0;
        while (k < inside.size() && std::isdigit(static_cast<unsigned char>(inside[k]))) n = n * 10 + size_t(inside[k++] - '0');
        if (k == 0) return false;
        char option = k < inside.size() ? inside[k] : '\0';
        if (option && option != ':' && option != '?') return false;
        part(n, option, option ? inside.substr(k + 1) : std::string_view());
        i = close + 1;
    }
    return true;
}

std::string render(const std::string& form, const std::vector<std::string_view>& g, size_t base) {
    std::string out;
    walk_form(
        form,
        [&](size_t n, char option, std::string_view arg) {
            std::string_view v = base + n < g.size() ? g[base + n] : std::string_view();
            if (option == '?') {
                if (!v.empty()) out += arg;
            } else if (option == ':' && arg == "-") {
                for (char c : v) out += (c == ' ' || c == '_') ? '-' : c;
            } else if (option == ':') {
                std::string d = strip_zeros(v);
                size_t width = arg.empty() ? 0 : static_cast<size_t>(std::stoul(std::string(arg)));
                out += std::string(d.size() < width ? width - d.size() : 0, '0') + d;
            } else {
                out += v;
            }
        },
        [&](std::string_view t) { out += t; });
    return out;
}

}  // namespace

struct Programmes::Impl {
    std::string xml;
    std::vector<Programme> programmes;
    std::vector<Code> codes;
    std::vector<Rule> finds;
    std::unique_ptr<Regex> combined;  // every <find>, each an outer group, in file order
    std::vector<Rule> typed;
    std::vector<std::shared_ptr<const Regex>> versions;                                   // shared
    std::vector<std::pair<std::string, std::shared_ptr<const Regex>>> programme_versions;  // programme id, pattern
};

std::string_view to_string(SymbolKind kind) {
    switch (kind) {
        case SymbolKind::methodology: return "methodology";
        case SymbolKind::tool: return "tool";
        case SymbolKind::decision: return "decision";
        case SymbolKind::a64: return "a64";
        case SymbolKind::fccc: return "fccc";
        case SymbolKind::cdm: return "cdm";
    }
    return "unknown";
}

std::optional<SymbolKind> symbol_kind(std::string_view name) {
    for (auto k : {SymbolKind::methodology, SymbolKind::tool, SymbolKind::decision, SymbolKind::a64, SymbolKind::fccc,
                   SymbolKind::cdm})
        if (to_string(k) == name) return k;
    return std::nullopt;
}

namespace {

struct Parser {
    std::string_view xml;
    const std::string& name;
    Programmes::Impl& out;
    std::string alternation;
    int groups = 0;  // in `alternation` so far

    [[noreturn]] void fail(const pugi::xml_node& node, const std::string& why) const {
        size_t end = std::min(static_cast<size_t>(std::max<ptrdiff_t>(0, node.offset_debug())), xml.size());
        size_t line = 1 + static_cast<size_t>(std::count(xml.begin(), xml.begin() + static_cast<ptrdiff_t>(end), '\n'));
        throw UserError("bad_programmes", name + ":" + std::to_string(line) + ": " + why);
    }

    std::shared_ptr<const Regex> compile(const pugi::xml_node& node, const std::string& pattern) const {
        if (pattern.empty()) fail(node, std::string("empty <") + node.name() + ">");
        try {
            return std::make_shared<const Regex>(pattern);
        } catch (const std::invalid_argument& e) {
            fail(node, std::string("pattern does not compile: ") + e.what());
        }
    }

    void check_form(const pugi::xml_node& node, const std::string& form, int groups_in) const {
        bool ok = walk_form(
            form,
            [&](size_t n, char option, std::string_view arg) {
                if (n < 1 || n > static_cast<size_t>(groups_in))
                    fail(node, "form '" + form + "' names group " + std::to_string(n) + "; the pattern has " +
                                   std::to_string(groups_in));
                if (option == ':' && arg != "-" &&
                    (arg.empty() || !std::all_of(arg.begin(), arg.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })))
                    fail(node, "form '" + form + "': after ':' a width in digits or '-'");
            },
            [](std::string_view) {});
        if (!ok || form.empty()) fail(node, "form '" + form + "' is malformed (groups are written {1}, {1:2}, {1:-}, {1?TEXT})");
    }

    void code(const pugi::xml_node& c, const std::string& programme) {
        auto kind = symbol_kind(c.attribute("kind").as_string());
        if (!kind) fail(c, "<code> needs kind: methodology, tool, decision, a64, fccc or cdm");
        out.codes.push_back({programme, *kind, c.attribute("type").as_string(), c.attribute("mechanism").as_string()});
        const size_t index = out.codes.size() - 1;
        const std::string before = c.attribute("not-before").as_string(), after = c.attribute("not-after").as_string();
        for (auto r : c.children()) {
            if (r.type() != pugi::node_element) continue;
            std::string tag = r.name(), pattern = r.text().as_string(), form = r.attribute("form").as_string();
            if (tag != "find" && tag != "typed") fail(r, "unexpected <" + tag + "> in <code> (expected <find> or <typed>)");
            auto re = compile(r, pattern);
            check_form(r, form, re->groups());
            if (tag == "typed") {
                out.typed.push_back({index, form, 0, re});
                continue;
            }
            std::string alt = (before.empty() ? "" : "(?<!" + before + ")") + "(" + pattern + ")" +
                              (after.empty() ? "" : "(?!" + after + ")");
            compile(r, alt);  // the lookarounds are checked with the pattern they wrap
            alternation += (alternation.empty() ? "" : "|") + alt;
            out.finds.push_back({index, form, groups + 1, nullptr});
            groups += 1 + re->groups();
        }
    }

    void programme(const pugi::xml_node& p, std::set<std::string>& ids) {
        Programme prog{p.attribute("id").as_string(), p.attribute("label").as_string(), {}};
        if (prog.id.empty() || prog.label.empty()) fail(p, "<programme> needs an id and a label");
        if (!ids.insert(prog.id).second) fail(p, "programme '" + prog.id + "' is declared twice");
        for (auto c : p.children()) {
            if (c.type() != pugi::node_element) continue;
            std::string tag = c.name();
            if (tag == "code") code(c, prog.id);
            else if (tag == "version") out.programme_versions.emplace_back(prog.id, compile(c, c.text().as_string()));
            else if (tag == "title-skip") {
                std::string line = c.text().as_string();
                for (auto& ch : line) ch = char(std::tolower(static_cast<unsigned char>(ch)));
                if (line.empty()) fail(c, "empty <title-skip>");
                prog.title_skip.push_back(line);
            } else {
                fail(c, "unexpected <" + tag + "> in <programme> (expected <code>, <version> or <title-skip>)");
            }
        }
        out.programmes.push_back(std::move(prog));
    }
};

}  // namespace

Programmes Programmes::parse(std::string_view xml, const std::string& name) {
    auto impl = std::make_shared<Impl>();
    impl->xml = std::string(xml);
    pugi::xml_document doc;
    auto result = doc.load_buffer(xml.data(), xml.size());
    Parser p{xml, name, *impl, {}, 0};
    if (!result) {
        size_t end = std::min(static_cast<size_t>(std::max<ptrdiff_t>(0, result.offset)), xml.size());
        throw UserError("bad_programmes", name + ":" + std::to_string(1 + std::count(xml.begin(), xml.begin() + static_cast<ptrdiff_t>(end), '\n')) +
                                              ": " + result.description());
    }
    auto root = doc.child("programmes");
    if (!root) p.fail(doc.first_child(), "the root element must be <programmes>");
    std::set<std::string> ids;
    for (auto c : root.children()) {
        if (c.type() != pugi::node_element) continue;
        std::string tag = c.name();
        if (tag == "programme") p.programme(c, ids);
        else if (tag == "version") impl->versions.push_back(p.compile(c, c.text().as_string()));
        else p.fail(c, "unexpected <" + tag + "> (expected <programme> or <version>)");
    }
    if (impl->finds.empty()) p.fail(root, "no programme has a <find> pattern");
    impl->combined = std::make_unique<Regex>(p.alternation);
    Programmes out;
    out.impl_ = std::move(impl);
    return out;
}

Programmes Programmes::load(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw UserError("bad_programmes", file.string() + ": cannot read the programmes file");
    std::stringstream ss;
    ss << in.rdbuf();
    return parse(ss.str(), file.string());
}

const Programmes& Programmes::shipped() {
    static const Programmes p = parse(shipped_programmes_xml(), "programmes.xml (built in)");
    return p;
}

const std::vector<Programme>& Programmes::list() const { return impl_->programmes; }

const Programme* Programmes::find(std::string_view id) const {
    for (const auto& p : impl_->programmes)
        if (p.id == id) return &p;
    return nullptr;
}

const std::string& Programmes::xml() const { return impl_->xml; }

std::vector<Symbol> Programmes::find_symbols(std::string_view text) const {
    std::vector<Symbol> out;
    impl_->combined->each(text, [&](const std::vector<std::string_view>& g, size_t at) {
        for (const auto& rule : impl_->finds) {
            if (static_cast<size_t>(rule.base) >= g.size() || g[rule.base].empty()) continue;
            const Code& c = impl_->codes[rule.code];
            out.push_back({render(rule.form, g, rule.base), c.kind, at, g[0].size(), c.programme, c.type, c.mechanism});
            return;
        }
    });
    return out;
}

std::optional<Symbol> Programmes::typed(std::string_view upper) const {
    for (const auto& rule : impl_->typed) {
        auto g = rule.re->full(upper);
        if (g.empty()) continue;
        const Code& c = impl_->codes[rule.code];
        return Symbol{render(rule.form, g, 0), c.kind, 0, upper.size(), c.programme, c.type, c.mechanism};
    }
    return std::nullopt;
}

std::optional<std::string> Programmes::find_version(std::string_view text, std::string_view programme) const {
    auto first = [&](const Regex& re) {
        std::optional<std::string> v;
        re.each(text, [&](const std::vector<std::string_view>& g, size_t) {
            if (!v && g.size() > 1) v = normalize_version(g[1]);
        });
        return v;
    };
    for (const auto& re : impl_->versions)
        if (auto v = first(*re)) return v;
    for (const auto& [id, re] : impl_->programme_versions)
        if (id == programme)
            if (auto v = first(*re)) return v;
    return std::nullopt;
}

}  // namespace a6kb
