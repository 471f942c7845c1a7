// SPDX-License-Identifier: Apache-2.0
#include "core/search/versions.h"

#include "core/model/schema.h"
#include "core/model/symbols.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

namespace a6kb {

namespace {

bool digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

std::vector<long> parts(const std::string& v) {
    std::vector<long> out;
    std::string cur;
    for (char c : v + ".") {
        if (digit(c)) cur += c;
        else if (c == '.' && !cur.empty()) {
            out.push_back(std::stol(cur));
            cur.clear();
        }
    }
    while (out.size() > 1 && out.back() == 0) out.pop_back();
    return out;
}

bool lowered_prefix(const std::string& q, size_t at, const std::string& word) {
    if (q.size() < at + word.size()) return false;
    for (size_t i = 0; i < word.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(q[at + i])) != word[i]) return false;
    return true;
}

}  // namespace

size_t version_after(const std::string& q, size_t at, std::string& version) {
    size_t i = at;
    bool marked = false;
    if (i < q.size() && q[i] == '/') {
        ++i;
        marked = true;
    } else {
        while (i < q.size() && q[i] == ' ') ++i;
        for (const char* w : {"version", "ver", "v"}) {
            if (!lowered_prefix(q, i, w)) continue;
            i += std::string(w).size();
            if (i < q.size() && q[i] == '.') ++i;
            marked = true;
            break;
        }
        while (marked && i < q.size() && q[i] == ' ') ++i;
    }
    if (!marked || i >= q.size() || !digit(q[i])) return 0;
    size_t b = i;
    while (i < q.size() && (digit(q[i]) || (q[i] == '.' && i + 1 < q.size() && digit(q[i + 1])))) ++i;
    if (i < q.size() && !std::isspace(static_cast<unsigned char>(q[i])) && q[i] != ',') return 0;  // "v13abc"
    version = q.substr(b, i - b);
    return i - at;
}

bool same_version(const std::string& a, const std::string& b) { return parts(a) == parts(b); }

std::string version_runs(const std::vector<std::string>& versions) {
    std::vector<std::string> runs;
    for (size_t i = 0; i < versions.size();) {
        size_t j = i;
        while (j + 1 < versions.size() && !parts(versions[j + 1]).empty() && !parts(versions[j]).empty() &&
               parts(versions[j + 1]).front() <= parts(versions[j]).front() + 1)
            ++j;
        runs.push_back(i == j ? versions[i] : versions[i] + "-" + versions[j]);
        i = j + 1;
    }
    std::string out;
    for (size_t k = 0; k < runs.size(); ++k)
        out += (k == 0 ? "" : (k + 1 == runs.size() ? " and " : ", ")) + runs[k];
    return out;
}

VersionAsked find_version(const Xapian::Database& db, const std::string& symbol, const std::string& asked) {
    VersionAsked v{symbol, asked, {}, {}, {}};
    const std::string family = schema::term(schema::FAMILY, symbol_key(symbol));
    std::vector<std::pair<std::string, std::string>> held;  // version key, version
    for (auto it = db.postlist_begin(family); it != db.postlist_end(family); ++it) {
        Xapian::Document doc = db.get_document(*it);
        auto card = nlohmann::json::parse(doc.get_value(schema::CARD.slot), nullptr, false);
        if (!card.is_object()) continue;
        std::string version = card.value("v", "");
        if (version.empty()) continue;
        if (same_version(version, asked)) v.ids.push_back(card.value("i", ""));
        held.emplace_back(version_key(version), version);
    }
    std::sort(held.begin(), held.end());
    held.erase(std::unique(held.begin(), held.end()), held.end());
    for (const auto& h : held) v.held.push_back(h.second);
    if (!v.held.empty()) v.latest = v.held.back();
    return v;
}

std::string VersionAsked::message() const {
    if (!ids.empty()) return {};
    if (held.empty()) return "version " + asked + " of " + symbol + " is not in the index; it holds no versioned record of " + symbol;
    return "version " + asked + " of " + symbol + " is not in the index; it holds " + version_runs(held);
}

}  // namespace a6kb
