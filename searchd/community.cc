// SPDX-License-Identifier: Apache-2.0
#include "searchd/community.h"

#include "core/index/community_source.h"
#include "core/model/log.h"

#include <xapian.h>


namespace a6kb {

CommunityIndexer::CommunityIndexer(std::string db, std::string community)
    : db_(std::move(db)), community_(std::move(community)), thread_([this] { loop(); }) {}

CommunityIndexer::~CommunityIndexer() {
    {
        std::lock_guard lk(mutex_);
        stopping_ = true;
    }
    cv_.notify_all();
    thread_.join();
}

uint64_t CommunityIndexer::request() {
    uint64_t n;
    {
        std::lock_guard lk(mutex_);
        n = ++requested_;
    }
    cv_.notify_all();
    return n;
}

bool CommunityIndexer::wait(uint64_t n, std::chrono::milliseconds timeout) {
    std::unique_lock lk(mutex_);
    return cv_.wait_for(lk, timeout, [&] { return done_ >= n || stopping_; }) && indexed_ >= n;
}

void CommunityIndexer::loop() {
    std::unique_lock lk(mutex_);
    for (;;) {
        cv_.wait(lk, [&] { return stopping_ || requested_ > done_; });
        if (stopping_) return;
        const uint64_t target = requested_;
        lk.unlock();
        bool written = false, given_up = false;  // an error other than the lock is not retried
        try {
            // 5 s at a time, so a stop is not held up by a long indexer run.
            IndexReport r = run_community_index(db_, community_, 5);
            log::info("community_indexed", {{"written", std::to_string(r.records_written)},
                                            {"removed", std::to_string(r.records_deleted)},
                                            {"seconds", std::to_string(r.seconds)}});
            written = true;
        } catch (const Xapian::DatabaseLockError&) {
            log::info("community_index_waiting", {{"message", "another writer holds the index; trying again"}});
        } catch (const Xapian::Error& e) {
            log::error("community_index_error", {{"message", e.get_description()}});
            given_up = true;
        } catch (const std::exception& e) {
            log::error("community_index_error", {{"message", e.what()}});
            given_up = true;
        }
        lk.lock();
        if (written) indexed_ = std::max(indexed_, target);
        if (written || given_up) done_ = std::max(done_, target);
        else if (!stopping_) cv_.wait_for(lk, std::chrono::milliseconds(200), [&] { return stopping_; });
        cv_.notify_all();
    }
}

std::optional<int> SubmitLimiter::over(const std::string& address) {
    if (per_hour_ == 0) return std::nullopt;
    using namespace std::chrono;
    const auto now = steady_clock::now();
    std::lock_guard lk(mutex_);
    auto& times = seen_[address];
    while (!times.empty() && now - times.front() >= hours(1)) times.pop_front();
    if (times.size() >= per_hour_)
        return static_cast<int>(duration_cast<seconds>(hours(1) - (now - times.front())).count()) + 1;
    times.push_back(now);
    if (seen_.size() > 100000) {  // a flood of addresses: forget the ones with nothing recent
        for (auto it = seen_.begin(); it != seen_.end();)
            it = (it->second.empty() || now - it->second.back() >= hours(1)) ? seen_.erase(it) : std::next(it);
    }
    return std::nullopt;
}


std::string Sessions::open(const std::string& moderator) {
    const std::string id = random_hex();
    const auto now = std::chrono::steady_clock::now();
    std::lock_guard lk(mutex_);
    for (auto it = sessions_.begin(); it != sessions_.end();) it = it->second.expires < now ? sessions_.erase(it) : std::next(it);
    sessions_[id] = {moderator, random_hex(), now + std::chrono::hours(12)};
    return id;
}

std::optional<Session> Sessions::find(const std::string& id) {
    std::lock_guard lk(mutex_);
    auto it = sessions_.find(id);
    if (it == sessions_.end() || it->second.expires < std::chrono::steady_clock::now()) return std::nullopt;
    return it->second;
}

void Sessions::close(const std::string& id) {
    std::lock_guard lk(mutex_);
    sessions_.erase(id);
}

}  // namespace a6kb
