// SPDX-License-Identifier: Apache-2.0
// Facets are data: a facet declared only in a (fixture) taxonomy, with no
// entry in the schema and no code, is indexed, filtered, counted, in the
// JSON and on the results page.
#include "core/index/indexer.h"
#include "core/search/searcher.h"
#include "searchd/render.h"
#include "serving.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

using namespace a6kb;
using test::TempDir;

namespace {

// The test taxonomy plus a facet "region": two concepts, one tagged by cues.
std::string taxonomy_with_region() {
    std::string xml = test::read_file(test::fixture("taxonomy.xml"));
    const std::string region =
        "  <facet id=\"region\" label=\"Region\" multi=\"true\" classify=\"cues\" threshold=\"3\">\n"
        "    <concept id=\"africa\" label=\"Africa\"><cue weight=\"3\">sahel</cue></concept>\n"
        "    <concept id=\"asia-pacific\" label=\"Asia and the Pacific\"><alt>APAC</alt></concept>\n"
        "  </facet>\n";
    auto end = xml.rfind("</taxonomy>");
    REQUIRE(end != std::string::npos);
    return xml.insert(end, region);
}

struct RegionIndex {
    TempDir dir;
    IndexOptions options;
    RegionIndex() {
        test::write_file(dir / "taxonomy.xml", taxonomy_with_region());
        test::write_search_corpus(dir / "corpus");
        // Tagged by its cue ("sahel", weight 3 = the threshold)...
        test::write_file(dir / "corpus/regions/sahel.txt",
                         "Cookstove programmes in the Sahel\nHouseholds of the Sahel cook with improved stoves.\n");
        // ...and given explicitly, by acronym, in a catalog.
        test::write_file(dir / "corpus/regions.catalog.xml",
                         "<catalog><record><title>Pacific island registries</title><type>information-note</type>"
                         "<region>APAC</region><date>2026-03-01</date></record></catalog>\n");
        options.db = dir / "index";
        options.taxonomy = dir / "taxonomy.xml";
        options.paths = {dir / "corpus"};
        run_index(options);
    }
};

RegionIndex& region_index() {
    static RegionIndex index;
    return index;
}

size_t count_of(const SearchResult& r, const std::string& facet, const std::string& value) {
    for (const auto& f : r.facets)
        if (f.id == facet)
            for (const auto& v : f.values)
                if (v.value == value) return v.count;
    FAIL("no count for " << facet << "=" << value);
    return 0;
}

}  // namespace

TEST_CASE("a facet added in the taxonomy only is indexed, filtered and counted", "[facets][data]") {
    auto& idx = region_index();
    Xapian::Database db(idx.options.db.string());
    // (1) indexed: boolean terms under the derived prefix.
    CHECK(db.get_termfreq("XZREGION:africa") == 1);
    CHECK(db.get_termfreq("XZREGION:asia-pacific") == 1);

    Searcher s(idx.options.db.string());
    const schema::FacetField* region = s.taxonomy().field("region");
    REQUIRE(region);
    CHECK(region->prefix == "XZREGION:");
    CHECK(region->slot == schema::NO_SLOT);

    // (2) filtered, by id or by label/acronym.
    auto none = s.search(parse_search_request({}, s.taxonomy()));
    auto africa = s.search(parse_search_request({{"region", "africa"}}, s.taxonomy()));
    REQUIRE(africa.total == 1);
    CHECK_THAT(africa.hits.at(0).record.title, Catch::StartsWith("Cookstove programmes in the Sahel"));
    CHECK(s.search(parse_search_request({{"region", "APAC"}}, s.taxonomy())).hits.at(0).record.title ==
          "Pacific island registries");
    CHECK(none.total > africa.total);
    // In the query syntax too.
    CHECK(s.search(parse_search_request({{"q", "region:africa"}}, s.taxonomy())).total == 1);

    // (3) counted, exactly, and disjunctively under its own selection.
    CHECK(count_of(none, "region", "africa") == 1);
    CHECK(count_of(none, "region", "asia-pacific") == 1);
    CHECK(count_of(africa, "region", "africa") == 1);
    CHECK(count_of(africa, "region", "asia-pacific") == 1);
    auto overview = s.facet_overview();
    bool listed = false;
    for (const auto& f : overview) listed |= f.id == "region" && f.label == "Region" && f.values.size() == 2;
    CHECK(listed);

    // (4) in the JSON of the hits and of the counts.
    auto j = to_json(africa, parse_search_request({{"region", "africa"}}, s.taxonomy()));
    CHECK(j["hits"][0]["facets"]["region"] == nlohmann::json::array({"africa"}));
    CHECK(j["facets"]["region"][0]["value"] == "africa");
    CHECK(j["facets"]["region"][0]["count"] == 1);
    CHECK(j["query"]["filters"]["region"] == nlohmann::json::array({"africa"}));
}

TEST_CASE("a facet added in the taxonomy only is in the API and on the results page", "[facets][data][pages]") {
    auto& idx = region_index();
    ServerConfig c;
    c.db = idx.options.db.string();
    c.port = 0;
    c.threads = 2;
    c.quiet = true;
    c.web = std::string(A6KB_WEB);
    test::Serving serving(c);
    httplib::Client cli("127.0.0.1", serving.port());

    auto api = cli.Get("/api/v1/search?region=asia-pacific");
    REQUIRE(api);
    REQUIRE(api->status == 200);
    auto j = nlohmann::json::parse(api->body);
    CHECK(j["total"]["value"] == 1);
    CHECK(j["hits"][0]["facets"]["region"] == nlohmann::json::array({"asia-pacific"}));

    auto bad = cli.Get("/api/v1/search?region=antarctica");
    REQUIRE(bad);
    CHECK(bad->status == 400);
    CHECK_THAT(bad->body, Catch::Contains("Region"));

    // (5) the sidebar lists the value, ticked, with its count; the chip removes it.
    auto page = cli.Get("/search?region=africa");
    REQUIRE(page);
    REQUIRE(page->status == 200);
    CHECK_THAT(page->body, Catch::Contains("name=\"region\" value=\"africa\" checked"));
    CHECK_THAT(page->body, Catch::Contains("Africa <span class=\"count\">1</span>"));
    CHECK_THAT(page->body, Catch::Contains("Asia and the Pacific <span class=\"count\">1</span>"));
    CHECK_THAT(page->body, Catch::Contains("aria-label=\"Remove filter Region: Africa\""));
    CHECK_THAT(page->body, Catch::Contains("class=\"chip\" href=\"/search\""));
}
