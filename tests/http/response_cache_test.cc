// SPDX-License-Identifier: Apache-2.0
#include "searchd/response_cache.h"

#include <catch2/catch.hpp>

using a6kb::ResponseCache;

namespace {

ResponseCache::Entry entry(const std::string& body) { return {200, "application/json", body, {}}; }

}  // namespace

TEST_CASE("the response cache answers a request seen before at the same revision", "[cache]") {
    ResponseCache cache(1 << 20);
    REQUIRE(cache.get("r1", "/api/v1/search?q=a") == nullptr);
    cache.put("r1", "/api/v1/search?q=a", entry("A"));
    auto hit = cache.get("r1", "/api/v1/search?q=a");
    REQUIRE(hit);
    CHECK(hit->body == "A");
    CHECK(hit->content_type == "application/json");
    CHECK(cache.get("r1", "/api/v1/search?q=b") == nullptr);
    auto s = cache.stats();
    CHECK(s.hits == 1);
    CHECK(s.misses == 2);
    CHECK(s.entries == 1);
}

TEST_CASE("a new index revision empties the response cache", "[cache]") {
    ResponseCache cache(1 << 20);
    cache.get("r1", "k");
    cache.put("r1", "k", entry("old"));
    CHECK(cache.get("r2", "k") == nullptr);
    CHECK(cache.stats().entries == 0);
    CHECK(cache.stats().bytes == 0);
    // An answer computed on r1 that finishes after r2 was seen is not kept.
    cache.put("r1", "k", entry("old"));
    CHECK(cache.get("r2", "k") == nullptr);
    cache.put("r2", "k", entry("new"));
    REQUIRE(cache.get("r2", "k"));
    CHECK(cache.get("r2", "k")->body == "new");
}

TEST_CASE("the response cache keeps to its budget, least recently used out first", "[cache]") {
    const std::string body(1000, 'x');
    ResponseCache cache(10 * 1200);  // room for about ten entries
    cache.get("r", "");
    for (int i = 0; i < 10; ++i) cache.put("r", "k" + std::to_string(i), entry(body));
    REQUIRE(cache.get("r", "k0"));  // k0 is now the most recently used
    for (int i = 10; i < 20; ++i) cache.put("r", "k" + std::to_string(i), entry(body));
    auto s = cache.stats();
    CHECK(s.bytes <= 10 * 1200);
    CHECK(s.evictions > 0);
    CHECK(s.entries < 20);
    CHECK(cache.get("r", "k1") == nullptr);  // least recently used: gone
    CHECK(cache.get("r", "k19"));            // just put: kept
}

TEST_CASE("the response cache does not keep an answer over an eighth of its budget", "[cache]") {
    ResponseCache cache(8000);
    cache.get("r", "");
    cache.put("r", "big", entry(std::string(2000, 'x')));
    CHECK(cache.get("r", "big") == nullptr);
    cache.put("r", "small", entry(std::string(100, 'x')));
    CHECK(cache.get("r", "small"));
}

TEST_CASE("a response cache of 0 bytes keeps nothing", "[cache]") {
    ResponseCache cache(0);
    CHECK_FALSE(cache.enabled());
    cache.put("r", "k", entry("A"));
    CHECK(cache.get("r", "k") == nullptr);
    CHECK(cache.stats().misses == 0);
}
