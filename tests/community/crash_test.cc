// SPDX-License-Identifier: Apache-2.0
// Nothing acknowledged is lost: a client thread submits without pause
// while a6kb-searchd is killed with SIGKILL 20 times, each at a different
// moment, and started again; every id it was answered 202 for is in the
// community database afterwards.
#include "../http/child.h"
#include "site.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <random>
#include <set>
#include <thread>

using namespace a6kb;
using nlohmann::json;

namespace {

// What the client thread has been answered.
struct Acks {
    std::mutex mutex;
    std::condition_variable cv;
    std::set<int64_t> ids;
    size_t failed = 0;  // requests with no 202: killed under them, or sent while the daemon was down
};

void submit_loop(std::atomic<int>& port, std::atomic<bool>& stop, Acks& acks) {
    const std::string body = test::a_question("crash test question").dump();
    while (!stop) {
        httplib::Client cli("127.0.0.1", port.load());
        cli.set_connection_timeout(1, 0);
        cli.set_read_timeout(5, 0);
        auto r = cli.Post("/api/v1/contributions", body, "application/json");
        std::lock_guard lk(acks.mutex);
        if (r && r->status == 202) acks.ids.insert(json::parse(r->body)["id"].get<int64_t>());
        else ++acks.failed;
        acks.cv.notify_all();
    }
}

int start(std::unique_ptr<test::Child>& d, const test::Site& site) {
    d = std::make_unique<test::Child>(std::vector<std::string>{
        A6KB_SEARCHD_BIN, "--db", site.db.string(), "--community", site.community.string(), "--listen", "127.0.0.1:0",
        "--threads", "4", "--quiet", "--submit-limit", "0"});
    auto address = d->wait_for("listening address=http://127.0.0.1:");
    REQUIRE(address);
    return std::stoi(*address);
}

}  // namespace

TEST_CASE("20 kill -9 of searchd under submissions lose no acknowledged contribution", "[community][crash]") {
    test::Site site(false);  // only the index and the paths: the daemons are the real binary
    std::unique_ptr<test::Child> daemon;
    std::atomic<int> port{start(daemon, site)};
    std::atomic<bool> stop{false};
    Acks acks;
    std::thread client([&] { submit_loop(port, stop, acks); });
    std::mt19937 random(18);
    size_t kills = 0;
    for (int round = 0; round < 20; ++round) {
        const size_t wanted = 1 + random() % 25;  // a different moment each round
        {
            std::unique_lock lk(acks.mutex);
            const size_t at_start = acks.ids.size();
            REQUIRE(acks.cv.wait_for(lk, std::chrono::seconds(60), [&] { return acks.ids.size() >= at_start + wanted; }));
        }
        CHECK(daemon->stop(SIGKILL) == 128 + SIGKILL);
        ++kills;
        port = start(daemon, site);
    }
    stop = true;
    client.join();
    daemon->stop(SIGTERM);

    CommunityStore store(site.community);
    const auto stored = store.ids();
    const std::set<int64_t> on_disk(stored.begin(), stored.end());
    size_t lost = 0;
    for (int64_t id : acks.ids) lost += on_disk.count(id) ? 0 : 1;
    WARN("kill -9: " << kills << " kills, " << acks.ids.size() << " acknowledged, " << on_disk.size() << " stored, " << lost
                     << " acknowledged but lost, " << acks.failed << " requests unanswered (killed under them, or the daemon down)");
    CHECK(kills == 20);
    CHECK(lost == 0);
    CHECK(on_disk.size() >= acks.ids.size());
}
