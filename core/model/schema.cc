// SPDX-License-Identifier: Apache-2.0
#include "core/model/schema.h"

#include <xxhash.h>

#include <algorithm>
#include <cstdio>

namespace a6kb::schema {

const Field* facet(std::string_view name) {
    for (const Field* f : FACETS)
        if (f->name == name) return f;
    return nullptr;
}

std::string term(const Field& field, std::string_view value) {
    std::string lower(value);
    for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
    return exact_term(field, lower);
}

std::string exact_term(const Field& field, std::string_view value) {
    std::string t(field.prefix);
    t += value;
    // Xapian refuses terms over 245 bytes; keep a readable head and a hash.
    if (t.size() > 200) {
        char buf[20];
        std::snprintf(buf, sizeof buf, "%016llx",
                      static_cast<unsigned long long>(XXH3_64bits(value.data(), value.size())));
        t = t.substr(0, 160) + "#" + buf;
    }
    return t;
}

std::string encode_multi(std::vector<std::string> values) {
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    std::string out;
    for (const auto& v : values) {
        if (v.empty()) continue;
        if (!out.empty()) out += '|';
        out += v;
    }
    return out;
}

std::vector<std::string> split_multi(std::string_view encoded) {
    std::vector<std::string> out;
    while (!encoded.empty()) {
        auto bar = encoded.find('|');
        out.emplace_back(encoded.substr(0, bar));
        if (bar == std::string_view::npos) break;
        encoded.remove_prefix(bar + 1);
    }
    return out;
}

}  // namespace a6kb::schema
