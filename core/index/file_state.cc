// SPDX-License-Identifier: Apache-2.0
#include "core/index/file_state.h"

#include "core/model/schema.h"

#include <nlohmann/json.hpp>
#include <xxhash.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

namespace a6kb {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

json state_json(const FileState& s) {
    json j = {{"path", s.path}, {"source", s.source}, {"hash", s.hash}, {"ids", s.ids}, {"inputs", s.inputs}};
    if (!s.skip.empty()) j["skip"] = s.skip;
    return j;
}

FileState state_from(const std::string& data) {
    FileState s;
    try {
        auto j = json::parse(data);
        s.path = j.value("path", "");
        s.source = j.value("source", "");
        s.hash = j.value("hash", "");
        s.skip = j.value("skip", "");
        s.inputs = j.value("inputs", "");
        if (j.contains("ids")) s.ids = j["ids"].get<std::vector<std::string>>();
    } catch (const json::exception&) {
        // An unreadable state only costs a re-extraction.
    }
    return s;
}

std::string file_key(const std::string& source_key) { return std::string(schema::META_FILE_PREFIX) + source_key; }

}  // namespace

std::string hash_hex(std::string_view bytes) {
    XXH128_hash_t h = XXH3_128bits(bytes.data(), bytes.size());
    char buf[40];
    std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                  static_cast<unsigned long long>(h.low64));
    return buf;
}

bool read_bytes(const fs::path& p, std::string& out, std::string& why) {
    std::ifstream in(p, std::ios::binary);
    if (!in) {
        why = std::string("unreadable: ") + std::strerror(errno);
        return false;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) {
        why = "unreadable: read error";
        return false;
    }
    out = ss.str();
    return true;
}

FileStates::FileStates(Xapian::WritableDatabase& db, std::string inputs_hash, bool full)
    : db_(db), inputs_hash_(std::move(inputs_hash)), full_(full) {
    const std::string prefix(schema::META_FILE_PREFIX);
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it)
        states_[(*it).substr(prefix.size())] = state_from(db.get_metadata(*it));
}

const FileState* FileStates::find(const std::string& key) const {
    auto it = states_.find(key);
    return it == states_.end() ? nullptr : &it->second;
}

void FileStates::store(const std::string& key, const FileState& state) {
    db_.set_metadata(file_key(key), state_json(state).dump());
}

void FileStates::forget(const std::string& key) { db_.set_metadata(file_key(key), ""); }

}  // namespace a6kb
