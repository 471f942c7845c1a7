// SPDX-License-Identifier: Apache-2.0
#include "searchd/response_cache.h"

namespace a6kb {

namespace {

// What one entry costs besides its strings: list and map nodes, the Entry.
constexpr size_t OVERHEAD = 160;

}  // namespace

void ResponseCache::switch_to_locked(const std::string& revision) {
    if (revision == revision_) return;
    if (!lru_.empty()) ++stats_.clears;
    index_.clear();
    lru_.clear();
    stats_.bytes = 0;
    revision_ = revision;
}

std::shared_ptr<const ResponseCache::Entry> ResponseCache::get(const std::string& revision, const std::string& key) {
    if (!enabled()) return nullptr;
    std::lock_guard lk(m_);
    switch_to_locked(revision);
    auto it = index_.find(key);
    if (it == index_.end()) {
        ++stats_.misses;
        return nullptr;
    }
    ++stats_.hits;
    lru_.splice(lru_.begin(), lru_, it->second);
    return it->second->entry;
}

void ResponseCache::put(const std::string& revision, const std::string& key, Entry entry) {
    if (!enabled()) return;
    size_t bytes = 2 * key.size() + entry.body.size() + entry.content_type.size() + OVERHEAD;
    for (const auto& [k, v] : entry.headers) bytes += k.size() + v.size() + 64;
    if (bytes > max_bytes_ / 8) return;
    auto shared = std::make_shared<const Entry>(std::move(entry));
    std::lock_guard lk(m_);
    // A request that started before a commit and ends after it must not
    // bring its older answer back.
    if (revision != revision_) return;
    if (auto it = index_.find(key); it != index_.end()) {
        stats_.bytes -= it->second->bytes;
        lru_.erase(it->second);
        index_.erase(it);
    }
    lru_.push_front({key, std::move(shared), bytes});
    index_.emplace(key, lru_.begin());
    stats_.bytes += bytes;
    while (stats_.bytes > max_bytes_ && !lru_.empty()) {
        stats_.bytes -= lru_.back().bytes;
        index_.erase(lru_.back().key);
        lru_.pop_back();
        ++stats_.evictions;
    }
}

ResponseCache::Stats ResponseCache::stats() const {
    std::lock_guard lk(m_);
    Stats s = stats_;
    s.entries = lru_.size();
    return s;
}

}  // namespace a6kb
