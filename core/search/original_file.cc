// SPDX-License-Identifier: Apache-2.0
#include "core/search/original_file.h"

#include "core/model/record.h"
#include "core/model/schema.h"

#include <nlohmann/json.hpp>
#include <xxhash.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <vector>

namespace a6kb {

namespace {

namespace fs = std::filesystem;

struct State {
    std::string path, source, hash;
};

std::optional<State> state_of(const Xapian::Database& db, const std::string& source_key) {
    auto j = nlohmann::json::parse(db.get_metadata(std::string(schema::META_FILE_PREFIX) + source_key), nullptr, false);
    if (!j.is_object() || !j.contains("path") || !j["path"].is_string()) return std::nullopt;
    State s{j["path"].get<std::string>(), j.value("source", ""), j.value("hash", "")};
    if (s.path.empty() || !fs::path(s.path).is_absolute()) return std::nullopt;
    return s;
}

// The file's content hash in the indexer's form (XXH3-128 as 32 hex digits,
// high half first), read in blocks; empty when it cannot be read.
std::string hash_of_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return {};
    std::unique_ptr<XXH3_state_t, decltype(&XXH3_freeState)> st(XXH3_createState(), &XXH3_freeState);
    XXH3_128bits_reset(st.get());
    std::vector<char> block(1 << 16);
    while (in) {
        in.read(block.data(), static_cast<std::streamsize>(block.size()));
        XXH3_128bits_update(st.get(), block.data(), static_cast<size_t>(in.gcount()));
    }
    if (in.bad()) return {};
    XXH128_hash_t h = XXH3_128bits_digest(st.get());
    char buf[40];
    std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                  static_cast<unsigned long long>(h.low64));
    return buf;
}

// Of the record's sources, the file that gave its text: the main source
// when it has a file state, else the first that is not a catalog.
std::optional<State> text_source(const Xapian::Database& db, const Xapian::Document& doc, const Record& r) {
    std::optional<State> first;
    for (const auto& key : source_keys_of(doc)) {
        auto s = state_of(db, key);
        if (!s) continue;
        if (!r.sources.empty() && s->source == r.sources.front()) return s;
        if (!first && !s->path.ends_with(".catalog.xml")) first = s;
    }
    return first;
}

}  // namespace

OriginalFile original_file(const Xapian::Database& db, const std::string& id) {
    OriginalFile out;
    const std::string q = schema::term(schema::ID, id);
    auto it = db.postlist_begin(q);
    if (it == db.postlist_end(q)) return out;
    Xapian::Document doc = db.get_document(*it);
    Record r = decode_data(doc.get_data(), false);
    out.status = OriginalFile::Status::no_file;
    out.media_type = r.media_type;
    if (r.media_type.empty() || r.media_type == "catalog") return out;
    auto s = text_source(db, doc, r);
    if (!s) return out;
    out.path = s->path;
    out.source = s->source;
    out.name = fs::path(s->path).filename().string();
    std::error_code ec;
    if (!fs::is_regular_file(s->path, ec)) {
        out.status = OriginalFile::Status::gone;
        return out;
    }
    out.size = fs::file_size(s->path, ec);
    out.status = s->hash.empty() || hash_of_file(s->path) == s->hash ? OriginalFile::Status::found : OriginalFile::Status::changed;
    return out;
}

}  // namespace a6kb
