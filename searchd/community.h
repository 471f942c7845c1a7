// SPDX-License-Identifier: Apache-2.0
// What searchd keeps for contributions when --community is given: the
// store, the index updates after moderations, the per-address submission
// limit and the moderators' web sessions. No HTTP here: the handlers are
// community_routes.cc (API) and community_pages.cc (pages).
#pragma once

#include "searchd/community_store.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace a6kb {

// Brings the index up to date with the community database on its own
// thread, after each request(): requests that arrive during an update are
// served by one more update. It is a Xapian writer, so it waits while the
// indexer holds the index's lock (and the indexer waits for it): two
// writers never run at once, and both succeed, one after the other.
class CommunityIndexer {
public:
    CommunityIndexer(std::string db, std::string community);
    ~CommunityIndexer();  // finishes the update under way
    CommunityIndexer(const CommunityIndexer&) = delete;
    CommunityIndexer& operator=(const CommunityIndexer&) = delete;

    // Asks for an update; returns its number.
    uint64_t request();
    // Waits until update `n` has been written (true), has failed (logged) or
    // `timeout` passed (false).
    bool wait(uint64_t n, std::chrono::milliseconds timeout);

private:
    void loop();
    std::string db_, community_;
    std::mutex mutex_;
    std::condition_variable cv_;
    uint64_t requested_ = 0, done_ = 0, indexed_ = 0;  // asked for, tried, written
    bool stopping_ = false;
    std::thread thread_;
};

// At most `per_hour` submissions per address in any hour.
class SubmitLimiter {
public:
    explicit SubmitLimiter(unsigned per_hour) : per_hour_(per_hour) {}
    // Counts a submission from `address`; when over the limit, returns the
    // seconds until the next one is allowed, and counts nothing.
    std::optional<int> over(const std::string& address);

private:
    unsigned per_hour_;
    std::mutex mutex_;
    std::map<std::string, std::deque<std::chrono::steady_clock::time_point>> seen_;
};

struct Session {
    std::string moderator;
    std::string csrf;  // the token every form of this session carries
    std::chrono::steady_clock::time_point expires;
};

// Moderators' web sessions, in memory (a restart logs everyone out): a
// random id in an HttpOnly, SameSite=Strict cookie, 12 hours.
class Sessions {
public:
    // Returns the new session's id.
    std::string open(const std::string& moderator);
    std::optional<Session> find(const std::string& id);
    void close(const std::string& id);

private:
    std::mutex mutex_;
    std::map<std::string, Session> sessions_;
};

struct Community {
    Community(const std::string& db, const std::string& file, unsigned submit_per_hour)
        : store(file), indexer(db, file), limiter(submit_per_hour) {}
    CommunityStore store;
    CommunityIndexer indexer;
    SubmitLimiter limiter;
    Sessions sessions;
};

}  // namespace a6kb
