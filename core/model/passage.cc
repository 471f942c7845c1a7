// SPDX-License-Identifier: Apache-2.0
#include "core/model/passage.h"

#include <nlohmann/json.hpp>
#include <xxhash.h>
#include <zlib.h>

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

namespace {

// Stored passages of some size are deflated (zlib): a marker byte JSON
// never starts with, the JSON's length as a varint, then the zlib stream.
// On the real documents this keeps 60% of the bytes.
constexpr char DEFLATED = '\x01';
constexpr size_t DEFLATE_FROM = 160;

std::string deflated(const std::string& json) {
    if (json.size() < DEFLATE_FROM) return json;
    uLongf len = compressBound(static_cast<uLong>(json.size()));
    std::string out(len, '\0');
    if (compress2(reinterpret_cast<Bytef*>(out.data()), &len, reinterpret_cast<const Bytef*>(json.data()),
                  static_cast<uLong>(json.size()), Z_BEST_COMPRESSION) != Z_OK)
        return json;
    out.resize(len);
    std::string head(1, DEFLATED);
    head += encode_starts({static_cast<unsigned>(json.size())});
    if (head.size() + out.size() >= json.size()) return json;
    return head + out;
}

// The JSON of a stored passage; empty when the deflated bytes are damaged.
std::string inflated(std::string_view stored) {
    if (stored.empty() || stored[0] != DEFLATED) return std::string(stored);
    size_t n = 1;
    while (n < stored.size() && n < 6 && (static_cast<unsigned char>(stored[n]) & 0x80)) ++n;
    auto size = decode_starts(stored.substr(1, n));
    if (size.size() != 1 || size[0] > (64u << 20)) return {};
    std::string out(size[0], '\0');
    uLongf len = size[0];
    std::string_view z = stored.substr(std::min(n + 1, stored.size()));
    if (uncompress(reinterpret_cast<Bytef*>(out.data()), &len, reinterpret_cast<const Bytef*>(z.data()),
                   static_cast<uLong>(z.size())) != Z_OK)
        return {};
    out.resize(len);
    return out;
}

}  // namespace

std::string encode_passage(const Passage& p) {
    nlohmann::json j = {{"l", p.label}, {"a", p.anchor}, {"t", p.text}};
    if (!p.number.empty()) j["n"] = p.number;
    if (!p.path.empty()) j["h"] = p.path;
    if (p.heading) j["H"] = 1;
    if (p.page > 0) j["g"] = p.page;
    if (p.last_page > p.page) j["G"] = p.last_page;
    return deflated(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Passage decode_passage(std::string_view stored) {
    Passage p;
    const std::string json = inflated(stored);
    auto j = nlohmann::json::parse(json, nullptr, false);
    if (!j.is_object()) {
        p.label = "text";
        p.text = stored.empty() || stored[0] != DEFLATED ? std::string(stored) : std::string();
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
    if (j.contains("G") && j["G"].is_number_integer()) p.last_page = j["G"].get<int>();
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
