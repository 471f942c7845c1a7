// SPDX-License-Identifier: Apache-2.0
#include "core/model/text.h"

#include <xapian.h>

#include <array>
#include <cctype>
#include <cstring>
#include <unordered_map>

namespace a6kb::text {

std::string repair_utf8(std::string_view in, size_t* repaired) {
    std::string out;
    out.reserve(in.size());
    size_t bad = 0;
    const auto* s = reinterpret_cast<const unsigned char*>(in.data());
    size_t n = in.size(), i = 0;
    while (i < n) {
        unsigned char c = s[i];
        if (c < 0x80) {
            if (c != 0) out += char(c);
            ++i;
            continue;
        }
        size_t len = 0;
        unsigned cp = 0;
        if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
        else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
        else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
        bool ok = len != 0 && i + len <= n;
        for (size_t k = 1; ok && k < len; ++k) {
            if ((s[i + k] & 0xC0) != 0x80) ok = false;
            else cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        // Reject overlong forms, surrogates and values past U+10FFFF.
        if (ok && ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
                   (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF))
            ok = false;
        if (ok) {
            out.append(in.data() + i, len);
            i += len;
        } else {
            out += "\xEF\xBF\xBD";
            ++bad;
            ++i;
        }
    }
    if (repaired) *repaired = bad;
    return out;
}

std::string normalize_whitespace(std::string_view in) {
    std::string out;
    out.reserve(in.size());
    std::string line;
    int empty_run = 0;
    auto flush = [&] {
        while (!line.empty() && line.back() == ' ') line.pop_back();
        if (line.empty()) {
            if (++empty_run > 1) return;
        } else {
            empty_run = 0;
        }
        out += line;
        out += '\n';
        line.clear();
    };
    for (size_t i = 0; i < in.size(); ++i) {
        char c = in[i];
        if (c == '\r') {
            if (i + 1 < in.size() && in[i + 1] == '\n') ++i;
            flush();
        } else if (c == '\n') {
            flush();
        } else if (c == '\t' || c == '\f' || c == '\v' || c == ' ') {
            if (!line.empty() && line.back() != ' ') line += ' ';
        } else {
            line += c;
        }
    }
    if (!line.empty()) flush();
    while (!out.empty() && (out.back() == '\n')) out.pop_back();
    return out;
}

std::string to_lower(std::string_view in) {
    std::string out;
    out.reserve(in.size());
    for (Xapian::Utf8Iterator it(in.data(), in.size()); it != Xapian::Utf8Iterator(); ++it)
        Xapian::Unicode::append_utf8(out, Xapian::Unicode::tolower(*it));
    return out;
}

std::string trim(std::string_view in) {
    size_t b = 0, e = in.size();
    while (b < e && std::isspace(static_cast<unsigned char>(in[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(in[e - 1]))) --e;
    return std::string(in.substr(b, e - b));
}

std::string collapse_spaces(std::string_view in) {
    std::string out;
    bool space = false;
    for (char c : in) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = !out.empty();
        } else {
            if (space) out += ' ';
            space = false;
            out += c;
        }
    }
    return out;
}

std::vector<std::string> words(std::string_view in) {
    std::vector<std::string> out;
    std::string cur;
    unsigned prev = 0;
    bool pending_dot = false;
    for (Xapian::Utf8Iterator it(in.data(), in.size()); it != Xapian::Utf8Iterator(); ++it) {
        unsigned ch = *it;
        bool alnum = Xapian::Unicode::is_wordchar(ch) && ch != '_';
        if (alnum) {
            if (pending_dot) cur += '.';
            pending_dot = false;
            Xapian::Unicode::append_utf8(cur, Xapian::Unicode::tolower(ch));
        } else if (ch == '.' && !cur.empty() && !pending_dot && prev != 0) {
            pending_dot = true;  // kept only if an alphanumeric follows
        } else {
            if (!cur.empty()) out.push_back(std::move(cur));
            cur.clear();
            pending_dot = false;
        }
        prev = alnum ? ch : (ch == '.' ? prev : 0);
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
}

std::string detect_language(std::string_view text) {
    static const std::array<std::pair<const char*, std::array<const char*, 8>>, 5> table{{
        {"en", {"the", "and", "of", "to", "is", "which", "shall", "with"}},
        {"fr", {"le", "la", "les", "des", "et", "est", "une", "dans"}},
        {"es", {"el", "los", "las", "del", "y", "que", "una", "por"}},
        {"de", {"der", "die", "und", "das", "ist", "nicht", "mit", "eine"}},
        {"pt", {"os", "das", "dos", "não", "uma", "para", "com", "são"}},
    }};
    std::unordered_map<std::string, int> counts;
    size_t seen = 0;
    for (auto& w : words(text.substr(0, 200000))) {
        ++counts[w];
        ++seen;
    }
    if (seen < 20) return {};
    const char* best = nullptr;
    int best_score = 0;
    for (const auto& [lang, list] : table) {
        int score = 0;
        for (const char* w : list) {
            auto it = counts.find(w);
            if (it != counts.end()) score += it->second;
        }
        if (score > best_score) { best_score = score; best = lang; }
    }
    // Demand that function words are a noticeable share of the text.
    if (!best || best_score * 50 < static_cast<int>(seen)) return {};
    return best;
}

namespace {

int month_number(std::string_view w) {
    static constexpr const char* names[] = {"january", "february", "march", "april", "may", "june",
                                            "july", "august", "september", "october", "november", "december"};
    if (w.size() < 3) return 0;
    std::string lw;
    for (char c : w) lw += char(std::tolower(static_cast<unsigned char>(c)));
    for (int m = 0; m < 12; ++m) {
        std::string_view name = names[m];
        if (lw == name) return m + 1;
        if (lw.size() == 3 && name.substr(0, 3) == lw && m != 4) return m + 1;  // "Nov", not "may"
        if (lw == "sept") return 9;
    }
    return 0;
}

bool plausible_year(int y) { return y >= 1980 && y <= 2100; }

// Days in month m of year y: 30 February is not a date.
int days_in(int y, int m) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

std::string iso(int y, int m, int d) {
    char buf[48];
    if (d > 0) std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    else std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
    return buf;
}

struct Tok {
    std::string s;
    bool num;
};

}  // namespace

std::vector<std::string> find_dates(std::string_view text, size_t limit) {
    std::vector<std::string> out;
    // Tokenise into words and numbers, remembering only what dates need.
    std::vector<Tok> toks;
    std::string cur;
    bool cur_num = false;
    auto push = [&] {
        if (!cur.empty()) toks.push_back({cur, cur_num});
        cur.clear();
    };
    for (size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (std::isdigit(c)) {
            if (!cur.empty() && !cur_num) push();
            cur_num = true;
            cur += char(c);
        } else if (std::isalpha(c)) {
            if (!cur.empty() && cur_num) push();
            cur_num = false;
            cur += char(c);
        } else if (c == '-' && cur_num && cur.size() == 4 && i + 5 < text.size() &&
                   std::isdigit(static_cast<unsigned char>(text[i + 1]))) {
            // ISO date: 2021-11-13
            int y = std::atoi(cur.c_str());
            int m = std::atoi(std::string(text.substr(i + 1, 2)).c_str());
            int d = (i + 5 < text.size() && text[i + 3] == '-') ? std::atoi(std::string(text.substr(i + 4, 2)).c_str()) : 0;
            if (plausible_year(y) && m >= 1 && m <= 12 && d >= 1 && d <= days_in(y, m)) {
                toks.push_back({iso(y, m, d), false});
                toks.back().s.insert(0, "\x01");
                cur.clear();
                i += 5;
            } else {
                push();
            }
        } else {
            push();
        }
    }
    push();
    for (size_t i = 0; i < toks.size() && out.size() < limit; ++i) {
        const auto& t = toks[i];
        if (t.s[0] == '\x01') { out.push_back(t.s.substr(1)); continue; }
        if (t.num || !month_number(t.s)) {
            // "13 November 2021"
            if (t.num && t.s.size() <= 2 && i + 2 < toks.size()) {
                int d = std::atoi(t.s.c_str());
                int m = toks[i + 1].num ? 0 : month_number(toks[i + 1].s);
                int y = toks[i + 2].num && toks[i + 2].s.size() == 4 ? std::atoi(toks[i + 2].s.c_str()) : 0;
                if (m && plausible_year(y)) {
                    if (d >= 1 && d <= days_in(y, m)) out.push_back(iso(y, m, d));
                    i += 2;  // an impossible day makes no date at all, not a month
                }
            }
            continue;
        }
        int m = month_number(t.s);
        // "November 13, 2021" or "March 2022"
        if (i + 2 < toks.size() && toks[i + 1].num && toks[i + 1].s.size() <= 2 && toks[i + 2].num &&
            toks[i + 2].s.size() == 4) {
            int d = std::atoi(toks[i + 1].s.c_str());
            int y = std::atoi(toks[i + 2].s.c_str());
            if (plausible_year(y) && d >= 1 && d <= days_in(y, m)) {
                out.push_back(iso(y, m, d));
                i += 2;
                continue;
            }
        }
        if (i + 1 < toks.size() && toks[i + 1].num && toks[i + 1].s.size() == 4) {
            int y = std::atoi(toks[i + 1].s.c_str());
            if (plausible_year(y) && t.s.size() > 3) {  // full month names only: "Mar 2022" is too loose
                out.push_back(iso(y, m, 0));
                i += 1;
            }
        }
    }
    return out;
}

std::optional<std::string> parse_date(std::string_view s) {
    std::string t = trim(s);
    if (t.size() == 4 && std::isdigit(static_cast<unsigned char>(t[0]))) {
        int y = std::atoi(t.c_str());
        if (plausible_year(y)) return t;
        return std::nullopt;
    }
    if (t.size() == 7 && t[4] == '-') {
        int y = std::atoi(t.substr(0, 4).c_str()), m = std::atoi(t.substr(5, 2).c_str());
        if (plausible_year(y) && m >= 1 && m <= 12) return iso(y, m, 0);
        return std::nullopt;
    }
    auto found = find_dates(t, 1);
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::string date_key(std::string_view iso_date) {
    std::string k;
    for (char c : iso_date)
        if (std::isdigit(static_cast<unsigned char>(c))) k += c;
    while (k.size() < 8) k += '0';
    return k.substr(0, 8);
}

}  // namespace a6kb::text

namespace a6kb::text {
std::string html_escape(std::string_view in) {
    std::string out;
    out.reserve(in.size() + in.size() / 8);
    for (char c : in) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}
}  // namespace a6kb::text
