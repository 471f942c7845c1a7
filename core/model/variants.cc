// SPDX-License-Identifier: Apache-2.0
#include "core/model/variants.h"

#include "core/model/errors.h"
#include "core/model/text.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace a6kb {

namespace {

std::vector<std::string> split_forms(const std::string& line) {
    std::vector<std::string> out;
    size_t at = 0;
    while (true) {
        size_t bar = line.find('|', at);
        out.push_back(text::trim(line.substr(at, bar == std::string::npos ? std::string::npos : bar - at)));
        if (bar == std::string::npos) return out;
        at = bar + 1;
    }
}

VariantGroup parse_group(const std::string& line, const std::string& where) {
    VariantGroup g;
    size_t roots = 0;
    for (const auto& form : split_forms(line)) {
        bool root = !form.empty() && form.back() == '*';
        auto words = text::words(root ? form.substr(0, form.size() - 1) : form);
        if (words.empty()) throw UserError("bad_variants", where + ": an empty form");
        if (root && words.size() != 1) throw UserError("bad_variants", where + ": a root is one word: '" + form + "'");
        roots += root ? 1 : 0;
        if (std::find(g.forms.begin(), g.forms.end(), words) == g.forms.end()) g.forms.push_back(std::move(words));
    }
    if (g.forms.size() < 2) throw UserError("bad_variants", where + ": a group needs two forms or more, separated by '|'");
    if (roots && roots != g.forms.size())
        throw UserError("bad_variants", where + ": either every form of a group is a root (ending in '*') or none is");
    g.roots = roots > 0;
    return g;
}

}  // namespace

Variants Variants::parse(std::string_view in, const std::string& name) {
    Variants v;
    std::istringstream lines{std::string(in)};
    size_t n = 0;
    for (std::string line; std::getline(lines, line);) {
        ++n;
        if (size_t hash = line.find('#'); hash != std::string::npos) line.erase(hash);
        if (text::trim(line).empty()) continue;
        VariantGroup g = parse_group(line, name + ":" + std::to_string(n));
        g.line = n;
        v.groups_.push_back(std::move(g));
    }
    return v;
}

Variants Variants::load(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return {};
    std::ostringstream s;
    s << in.rdbuf();
    return parse(s.str(), file.string());
}

const std::vector<std::string>& root_endings() {
    static const std::vector<std::string> endings = {"",      "s",      "e",       "ed",   "es", "er",   "ers",  "ing",
                                                     "ation", "ations", "ational", "able", "al", "ally", "ment", "ments"};
    return endings;
}

}  // namespace a6kb
