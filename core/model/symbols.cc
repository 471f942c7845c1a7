// SPDX-License-Identifier: Apache-2.0
#include "core/model/symbols.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <cctype>
#include <memory>
#include <stdexcept>

namespace a6kb {
namespace {

// A compiled PCRE2 pattern, JIT-compiled when the platform allows. Immutable
// after construction, so one instance is shared by all threads; match data is
// per call.
class Regex {
public:
    explicit Regex(const char* pattern, uint32_t options = 0) {
        int err = 0;
        PCRE2_SIZE at = 0;
        code_ = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern), PCRE2_ZERO_TERMINATED,
                              options | PCRE2_UTF, &err, &at, nullptr);
        if (!code_) throw std::logic_error(std::string("bad built-in pattern: ") + pattern);
        pcre2_jit_compile(code_, PCRE2_JIT_COMPLETE);
    }
    ~Regex() { pcre2_code_free(code_); }
    Regex(const Regex&) = delete;
    Regex& operator=(const Regex&) = delete;

    // Calls fn(groups) for each match; groups[0] is the whole match.
    template <class Fn>
    void each(std::string_view s, Fn&& fn) const {
        std::unique_ptr<pcre2_match_data, decltype(&pcre2_match_data_free)> md(
            pcre2_match_data_create_from_pattern(code_, nullptr), &pcre2_match_data_free);
        PCRE2_SIZE start = 0;
        while (start <= s.size()) {
            int rc = pcre2_match(code_, reinterpret_cast<PCRE2_SPTR>(s.data()), s.size(), start,
                                 PCRE2_NO_UTF_CHECK, md.get(), nullptr);
            if (rc <= 0) break;
            PCRE2_SIZE* ov = pcre2_get_ovector_pointer(md.get());
            std::vector<std::string_view> groups;
            for (int i = 0; i < rc; ++i) {
                if (ov[2 * i] == PCRE2_UNSET) groups.emplace_back();
                else groups.push_back(s.substr(ov[2 * i], ov[2 * i + 1] - ov[2 * i]));
            }
            fn(groups, static_cast<size_t>(ov[0]));
            start = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
        }
    }

    // Groups of a match of the whole string, or empty.
    std::vector<std::string_view> full(std::string_view s) const {
        std::vector<std::string_view> out;
        each(s, [&](const std::vector<std::string_view>& g, size_t at) {
            if (out.empty() && at == 0 && g[0].size() == s.size()) out = g;
        });
        return out;
    }

private:
    pcre2_code* code_ = nullptr;
};

std::string upper(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = char(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

std::string strip_zeros(std::string_view digits) {
    size_t i = 0;
    while (i + 1 < digits.size() && digits[i] == '0') ++i;
    return std::string(digits.substr(i));
}

std::string two_digits(std::string_view digits) {
    std::string d = strip_zeros(digits);
    return d.size() == 1 ? "0" + d : d;
}

// One alternation per kind; the group numbers are used in find_symbols.
const Regex& text_pattern() {
    static const Regex re(
        "(?<![A-Za-z0-9.-])(A6\\.4-[A-Z0-9]+(?:-[A-Z0-9]+)*)(?![A-Za-z0-9])"            // 1 a64
        "|(?<![A-Za-z0-9-])(CDM-EB\\d{2,3}-A\\d{2,3}(?:-[A-Z]+)+)(?![A-Za-z0-9])"        // 2 cdm
        "|(?<![A-Za-z0-9/])(FCCC(?:/[A-Z]+)+/\\d{4}/(?:[A-Z]+\\.)?\\d+(?:/(?:Add|Rev|Corr)\\.\\d+)*)"  // 3 fccc
        "|(?<![\\d/.])(\\d{1,3})/(CMA|CMP|CP)\\.(\\d{1,2})(?!\\d)"                     // 4,5,6 decision
        "|(?<![A-Za-z0-9-])(AR-)?(AMS-(?:IV|III|II|I)\\.[A-Z]{1,2}|AMS\\d{4}|ACM\\d{4}|AM\\d{4})(?![A-Za-z0-9])"  // 7,8 methodology
        "|(?<![A-Za-z0-9-])(AR-)?TOOL ?(\\d{1,2})(?!\\d|\\.\\d)");                          // 9,10 tool
    return re;
}

}  // namespace

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

std::vector<Symbol> find_symbols(std::string_view text) {
    std::vector<Symbol> out;
    text_pattern().each(text, [&](const std::vector<std::string_view>& g, size_t at) {
        auto has = [&](size_t i) { return i < g.size() && !g[i].empty(); };
        size_t before = out.size();
        if (has(1)) out.push_back({std::string(g[1]), SymbolKind::a64, at});
        else if (has(2)) out.push_back({std::string(g[2]), SymbolKind::cdm, at});
        else if (has(3)) out.push_back({std::string(g[3]), SymbolKind::fccc, at});
        else if (has(4)) out.push_back({strip_zeros(g[4]) + "/" + std::string(g[5]) + "." + strip_zeros(g[6]), SymbolKind::decision, at});
        else if (has(8)) out.push_back({std::string(g[7]) + std::string(g[8]), SymbolKind::methodology, at});
        else if (has(10)) out.push_back({std::string(g[9]) + "TOOL" + two_digits(g[10]), SymbolKind::tool, at});
        if (out.size() > before) out.back().length = g[0].size();
    });
    return out;
}

std::optional<Symbol> canonical_symbol(std::string_view raw) {
    std::string s = upper(raw);
    while (!s.empty() && (s.back() == ' ' || s.back() == '.' || s.back() == ',')) s.pop_back();
    while (!s.empty() && s.front() == ' ') s.erase(0, 1);
    if (s.empty() || s.size() > 80) return std::nullopt;

    static const Regex meth_roman("(AR[-_ ]*)?AMS[-_. ]*(IV|III|II|I)[-_. ]+([A-Z]{1,2})\\.?");
    static const Regex bare_roman("(IV|III|II|I)\\.([A-Z]{1,2})\\.?");
    static const Regex meth_number("(AR[-_ ]*)?(AMS|ACM|AM)[-_ ]*(\\d{4})");
    static const Regex tool("(AR[-_ ]*)?TOOL[-_ ]*(\\d{1,2})");
    static const Regex decision("(\\d{1,3}) */ *(CMA|CMP|CP) *\\.? *(\\d{1,2})");
    static const Regex a64("A6\\.4[-_ ]+([A-Z0-9]+(?:[-_ ]+[A-Z0-9]+)*)");

    auto ar = [](std::string_view g) { return g.empty() ? std::string() : std::string("AR-"); };
    if (auto g = meth_roman.full(s); !g.empty())
        return Symbol{ar(g[1]) + "AMS-" + std::string(g[2]) + "." + std::string(g[3]), SymbolKind::methodology};
    if (auto g = bare_roman.full(s); !g.empty())
        return Symbol{"AMS-" + std::string(g[1]) + "." + std::string(g[2]), SymbolKind::methodology};
    if (auto g = meth_number.full(s); !g.empty())
        return Symbol{ar(g[1]) + std::string(g[2]) + std::string(g[3]), SymbolKind::methodology};
    if (auto g = tool.full(s); !g.empty())
        return Symbol{ar(g[1]) + "TOOL" + two_digits(g[2]), SymbolKind::tool};
    if (auto g = decision.full(s); !g.empty())
        return Symbol{strip_zeros(g[1]) + "/" + std::string(g[2]) + "." + strip_zeros(g[3]), SymbolKind::decision};
    if (auto g = a64.full(s); !g.empty()) {
        std::string rest(g[1]);
        for (auto& c : rest) if (c == ' ' || c == '_') c = '-';
        return Symbol{"A6.4-" + rest, SymbolKind::a64};
    }
    auto found = find_symbols(s);
    if (found.size() == 1 && found[0].offset == 0 && upper(found[0].text).size() == s.size()) {
        Symbol sym = found[0];
        sym.offset = 0;
        return sym;
    }
    return std::nullopt;
}

std::vector<Symbol> symbols_in_filename(std::string_view filename) {
    // "UNFCCC__Agriculture__AMS-III__D__v21-0__source.pdf": split on "__" and
    // try each part, and each pair of neighbouring parts joined by '.'.
    std::vector<std::string> parts;
    std::string cur;
    for (size_t i = 0; i < filename.size(); ++i) {
        if (filename[i] == '_' && i + 1 < filename.size() && filename[i + 1] == '_') {
            parts.push_back(cur);
            cur.clear();
            ++i;
        } else {
            cur += filename[i];
        }
    }
    parts.push_back(cur);
    std::vector<Symbol> out;
    for (size_t i = 0; i < parts.size(); ++i) {
        if (i + 1 < parts.size()) {
            if (auto s = canonical_symbol(parts[i] + "." + parts[i + 1]); s && s->kind == SymbolKind::methodology &&
                                                                           parts[i].find('.') == std::string::npos) {
                out.push_back(*s);
                ++i;
                continue;
            }
        }
        if (auto s = canonical_symbol(parts[i])) { out.push_back(*s); continue; }
        for (auto& s : find_symbols(parts[i])) out.push_back(s);
    }
    return out;
}

std::optional<std::string> find_version(std::string_view text) {
    static const Regex re("(?i:version)\\s*:?\\s*(\\d{1,3}(?:\\.\\d{1,3}){0,2})(?![\\d])");
    std::optional<std::string> out;
    re.each(text, [&](const std::vector<std::string_view>& g, size_t) {
        if (!out) out = normalize_version(g[1]);
    });
    return out;
}

std::optional<std::string> version_in_filename(std::string_view filename) {
    static const Regex re("(?<![A-Za-z0-9])[vV](?:er)?(\\d{1,3})(?:[-.](\\d{1,3}))?(?:[-.](\\d{1,3}))?(?![\\d])");
    std::optional<std::string> out;
    re.each(filename, [&](const std::vector<std::string_view>& g, size_t) {
        if (out) return;
        std::string v(g[1]);
        for (size_t i = 2; i < g.size(); ++i)
            if (!g[i].empty()) v += "." + std::string(g[i]);
        out = normalize_version(v);
    });
    return out;
}

std::string normalize_version(std::string_view v) {
    std::string out;
    std::string part;
    auto flush = [&] {
        if (!out.empty()) out += '.';
        out += strip_zeros(part.empty() ? "0" : part);
        part.clear();
    };
    for (char c : v) {
        if (c == '.' || c == '-') flush();
        else if (std::isdigit(static_cast<unsigned char>(c))) part += c;
    }
    flush();
    return out;
}

std::string version_key(std::string_view v) {
    std::string out, part;
    auto flush = [&] {
        if (!out.empty()) out += '.';
        part = strip_zeros(part.empty() ? "0" : part);
        out += std::string(part.size() < 6 ? 6 - part.size() : 0, '0') + part;
        part.clear();
    };
    for (char c : v) {
        if (c == '.') flush();
        else if (std::isdigit(static_cast<unsigned char>(c))) part += c;
    }
    flush();
    return out;
}

std::string slug(std::string_view s) {
    std::string out;
    for (char c : s) {
        unsigned char u = static_cast<unsigned char>(c);
        if (std::isalnum(u)) out += char(std::tolower(u));
        else if (!out.empty() && out.back() != '-') out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

std::string symbol_key(std::string_view canonical) {
    std::string out(canonical);
    for (auto& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace a6kb
