// SPDX-License-Identifier: Apache-2.0
#include "core/model/symbols.h"

#include "core/model/regex.h"

#include <cctype>

namespace a6kb {
namespace {

std::string upper(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = char(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

std::string strip_zeros(std::string_view digits) {
    size_t i = 0;
    while (i + 1 < digits.size() && digits[i] == '0') ++i;
    return std::string(digits.substr(i));
}

std::vector<Symbol> find_symbols(std::string_view text, const Programmes& programmes) {
    return programmes.find_symbols(text);
}

std::optional<Symbol> canonical_symbol(std::string_view raw, const Programmes& programmes) {
    std::string s = upper(raw);
    while (!s.empty() && (s.back() == ' ' || s.back() == '.' || s.back() == ',')) s.pop_back();
    while (!s.empty() && s.front() == ' ') s.erase(0, 1);
    if (s.empty() || s.size() > 80) return std::nullopt;
    if (auto sym = programmes.typed(s)) {
        sym->length = 0;
        return sym;
    }
    auto found = programmes.find_symbols(s);
    if (found.size() == 1 && found[0].offset == 0 && found[0].length == s.size()) {
        Symbol sym = found[0];
        sym.offset = 0;
        return sym;
    }
    return std::nullopt;
}

std::vector<Symbol> symbols_in_filename(std::string_view filename, const Programmes& programmes) {
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
            if (auto s = canonical_symbol(parts[i] + "." + parts[i + 1], programmes); s && s->kind == SymbolKind::methodology &&
                                                                           parts[i].find('.') == std::string::npos) {
                out.push_back(*s);
                ++i;
                continue;
            }
        }
        if (auto s = canonical_symbol(parts[i], programmes)) { out.push_back(*s); continue; }
        for (auto& s : programmes.find_symbols(parts[i])) out.push_back(s);
    }
    return out;
}

std::optional<std::string> find_version(std::string_view text, std::string_view programme, const Programmes& programmes) {
    return programmes.find_version(text, programme);
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
