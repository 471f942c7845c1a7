// SPDX-License-Identifier: Apache-2.0
#include "core/model/passage.h"

#include <nlohmann/json.hpp>
#include <xxhash.h>

#include <cstdio>

namespace a6kb {
namespace {

constexpr std::string_view KEY_PREFIX = "a6kb:p:";

// The record part of a key: the id, or a readable head and a hash when
// the id is long (Xapian keys stay under 245 bytes).
std::string key_id(std::string_view id) {
    if (id.size() <= 160) return std::string(id);
    char buf[20];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(XXH3_64bits(id.data(), id.size())));
    return std::string(id.substr(0, 120)) + "#" + buf;
}

}  // namespace

std::string passage_prefix(std::string_view record_id) {
    std::string k(KEY_PREFIX);
    k += key_id(record_id);
    k += '\x1f';  // never in an id, and sorts before every digit
    return k;
}

std::string passage_key(std::string_view record_id, size_t ordinal) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%07zu", ordinal);
    return passage_prefix(record_id) + buf;
}

std::string encode_passage(const Passage& p) {
    nlohmann::json j = {{"l", p.label}, {"a", p.anchor}, {"t", p.text}};
    if (!p.number.empty()) j["n"] = p.number;
    if (!p.path.empty()) j["h"] = p.path;
    if (p.heading) j["H"] = 1;
    if (p.page > 0) j["g"] = p.page;
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Passage decode_passage(std::string_view stored) {
    Passage p;
    auto j = nlohmann::json::parse(stored, nullptr, false);
    if (!j.is_object()) {
        p.label = "text";
        p.text = std::string(stored);
        return p;
    }
    auto str = [&](const char* k) { return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : std::string(); };
    p.label = str("l");
    p.anchor = str("a");
    p.text = str("t");
    p.number = str("n");
    if (j.contains("h") && j["h"].is_array())
        for (const auto& h : j["h"])
            if (h.is_string()) p.path.push_back(h.get<std::string>());
    p.heading = j.contains("H");
    if (j.contains("g") && j["g"].is_number_integer()) p.page = j["g"].get<int>();
    if (p.label.empty()) p.label = "text";
    return p;
}

std::vector<Passage> load_passages(const Xapian::Database& db, std::string_view record_id) {
    std::vector<Passage> out;
    const std::string prefix = passage_prefix(record_id);
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it)
        out.push_back(decode_passage(db.get_metadata(*it)));
    return out;
}

std::string encode_starts(const std::vector<unsigned>& starts) {
    std::string out;
    unsigned last = 0;
    for (unsigned s : starts) {
        unsigned d = s >= last ? s - last : 0;
        last = s;
        do {
            unsigned char byte = d & 0x7F;
            d >>= 7;
            out += static_cast<char>(d ? byte | 0x80 : byte);
        } while (d);
    }
    return out;
}

std::vector<unsigned> decode_starts(std::string_view stored) {
    std::vector<unsigned> starts;
    unsigned last = 0, d = 0, shift = 0;
    for (char c : stored) {
        auto byte = static_cast<unsigned char>(c);
        if (shift < 32) d |= static_cast<unsigned>(byte & 0x7F) << shift;
        shift += 7;
        if (byte & 0x80) continue;
        last += d;
        starts.push_back(last);
        d = 0;
        shift = 0;
    }
    return starts;
}

}  // namespace a6kb
