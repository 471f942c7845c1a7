// SPDX-License-Identifier: Apache-2.0
#pragma once
// Finished responses of one index revision, kept so that a request seen
// before is answered without searching again.
//
// Searches on this literature repeat: the home page's facets, a DNA's
// saved filter, "AMS-III.D", paging back. Each answer depends only on the
// request and the index revision, so the cache is keyed by both and
// emptied when the revision changes: a commit of the indexer is visible on
// the next request, exactly as without the cache. Bounded in bytes (least
// recently used first out); --cache-mb 0 turns it off.
#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace a6kb {

class ResponseCache {
public:
    struct Entry {
        int status = 200;
        std::string content_type;
        std::string body;
        std::vector<std::pair<std::string, std::string>> headers;  // the handler's own (Cache-Control, CSP...)
    };
    struct Stats {
        unsigned long hits = 0, misses = 0, evictions = 0, clears = 0;
        size_t bytes = 0, entries = 0;
    };

    explicit ResponseCache(size_t max_bytes) : max_bytes_(max_bytes) {}

    bool enabled() const { return max_bytes_ > 0; }

    // The answer to `key` at `revision`, or null. A revision other than the
    // one cached empties the cache first.
    std::shared_ptr<const Entry> get(const std::string& revision, const std::string& key);

    // Keeps `entry` for `key` at `revision` (looked up with get() first)
    // unless it is over an eighth of the budget or the cache has moved on to
    // another revision meanwhile.
    void put(const std::string& revision, const std::string& key, Entry entry);

    Stats stats() const;

private:
    struct Slot {
        std::string key;
        std::shared_ptr<const Entry> entry;
        size_t bytes;
    };
    void switch_to_locked(const std::string& revision);

    const size_t max_bytes_;
    mutable std::mutex m_;
    std::string revision_;
    std::list<Slot> lru_;  // most recently used first
    std::unordered_map<std::string, std::list<Slot>::iterator> index_;
    Stats stats_;
};

}  // namespace a6kb
