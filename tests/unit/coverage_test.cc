// SPDX-License-Identifier: Apache-2.0
// Coverage records (issue 15): Article 6.2 arrangements and their transfers,
// capacity-building programmes, Supervisory Body meetings and "as of" figures
// as catalog records; the country facet of the shipped taxonomy tagging a
// text that names countries; the cooperative approaches matrix; facets with
// more than 64 values counted from the in-memory table. The fixtures are ours.
#include "core/index/indexer.h"
#include "core/model/text.h"
#include "core/search/searcher.h"
#include "support.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

using namespace a6kb;
using test::TempDir;

namespace {

// One record of each new type, written as the generator writes them.
const char* const CATALOG = R"(<?xml version="1.0"?>
<catalog lang="en">
  <record id="a6-2-gh-ch-bilateral-agreement">
    <title>Ghana and Switzerland: bilateral agreement (Article 6.2)</title>
    <type>arrangement</type>
    <mechanism>article-6.2</mechanism>
    <instrument>bilateral-agreement</instrument>
    <country>Ghana</country><country>Switzerland</country>
    <host>Ghana</host><acquirer>ch</acquirer>
    <certainty>official</certainty><certainty>reported</certainty>
    <date>2020-11-23</date>
    <summary>A test arrangement; one source gives 2021, reported, unverified.</summary>
  </record>
  <record id="a6-2-vn-sg-implementation-agreement">
    <title>Viet Nam and Singapore: implementation agreement (Article 6.2)</title>
    <type>arrangement</type>
    <instrument>implementation agreement</instrument>
    <host>Vietnam</host><acquirer>Singapore</acquirer>
    <country>Viet Nam</country><country>Singapore</country>
    <certainty>reported</certainty>
  </record>
  <record id="a6-2-event-2025-07-07-gh-ch-1">
    <title>Issuance and transfer: Ghana to Switzerland, cookstoves (July 2025)</title>
    <type>transfer</type>
    <host>gh</host><acquirer>ch</acquirer>
    <country>gh</country><country>ch</country>
    <certainty>reported</certainty>
    <date>2025-07-07</date>
    <cites>a6-2-gh-ch-bilateral-agreement</cites>
  </record>
  <record id="cb-test-dialogues">
    <title>Regional dialogues on Article 6 capacity needs</title>
    <type>capacity-building</type>
    <group>governments-dnas</group>
    <topic>capacity-building</topic>
    <country>Colombia</country><country>Pakistan</country>
    <certainty>official</certainty>
    <summary>Training for DNAs in Africa and Asia.</summary>
  </record>
  <record id="a6-4-sb-meeting-002">
    <title>Supervisory Body meeting SB 002</title>
    <type>meeting</type>
    <status>held</status>
    <date>2022-09-22</date>
    <cites>A6.4-SB002-A01</cites>
    <cites>a6-4-standard-test-additionality</cites>
  </record>
  <record id="a6-4-standard-test-additionality">
    <title>Standard: demonstration of additionality (a symbol-less document)</title>
    <type>standard</type>
  </record>
  <record>
    <title>Recommendation: Rules of procedure of the Supervisory Body</title>
    <symbol>A6.4-SB002-A01</symbol>
    <version>02.0</version>
    <type>recommendation</type>
  </record>
  <record id="cdm-transition-2024-10-07">
    <title>CDM transition: 1,359 project activities had requested transition (as of 7 October 2024)</title>
    <type>statistic</type>
    <topic>cdm-transition</topic>
    <certainty>secondary</certainty>
    <date>2024-10-07</date>
  </record>
  <record id="decision-naming-countries">
    <title>Decision 99/CMA.9: cooperation under Article 6, paragraph 2</title>
    <type>decision</type>
    <text>The Conference welcomes the cooperation between Ghana and Switzerland. It notes that Ghana and
Switzerland transferred the first outcomes, and that Viet Nam (Vietnam) has signed an agreement. Papua New
Guinea reported twice: Papua New Guinea is ready. Georgia was mentioned once. The Republic of Korea and
the Republic of Korea again.</text>
  </record>
</catalog>
)";

struct Corpus {
    TempDir dir;
    std::string db;
    Corpus() {
        namespace fs = std::filesystem;
        fs::create_directories(dir / "corpus");
        fs::copy_file(std::string(A6KB_CORPUS) + "/taxonomy.xml", dir / "corpus/taxonomy.xml");
        std::string many = "<?xml version=\"1.0\"?>\n<catalog lang=\"en\">\n";
        // 80 countries, one record each: more facet values than one 64-bit word holds.
        auto tax = Taxonomy::load(dir / "corpus/taxonomy.xml");
        const auto& countries = tax.facet("country")->concepts;
        for (size_t i = 0; i < 80; ++i)
            many += "<record id=\"many-" + countries[i].id + "\"><title>Note " + std::to_string(i) +
                    "</title><country>" + countries[i].id + "</country></record>\n";
        test::write_file(dir / "corpus/coverage.catalog.xml", CATALOG);
        test::write_file(dir / "corpus/many.catalog.xml", many + "</catalog>\n");
        IndexOptions o;
        o.db = dir / "index";
        o.taxonomy = dir / "corpus/taxonomy.xml";
        o.paths = {dir / "corpus"};
        run_index(o);
        db = o.db.string();
    }
};

Searcher& searcher() {
    static Corpus corpus;
    static Searcher s(corpus.db);
    return s;
}

SearchResult search(Params p) {
    p.emplace_back("per_page", "100");
    return searcher().search(parse_search_request(p, searcher().taxonomy()));
}

std::vector<std::string> ids(const SearchResult& r) {
    std::vector<std::string> out;
    for (const auto& h : r.hits) out.push_back(h.record.id);
    std::sort(out.begin(), out.end());
    return out;
}

size_t count_of(const SearchResult& r, const std::string& facet, const std::string& value) {
    for (const auto& f : r.facets)
        if (f.id == facet)
            for (const auto& v : f.values)
                if (v.value == value) return v.count;
    return 0;
}

Record record(const std::string& id) {
    auto v = searcher().document(id);
    REQUIRE(v);
    return v->record;
}

}  // namespace

TEST_CASE("an arrangement record keeps its Parties in their roles, its kind and its sources", "[coverage]") {
    Record r = record("a6-2-gh-ch-bilateral-agreement");
    CHECK(r.first("type") == "arrangement");
    CHECK(r.values("host") == std::vector<std::string>{"gh"});
    CHECK(r.values("acquirer") == std::vector<std::string>{"ch"});
    CHECK(r.values("instrument") == std::vector<std::string>{"bilateral-agreement"});
    auto c = r.values("certainty");
    CHECK(std::find(c.begin(), c.end(), "reported") != c.end());
    // Alternative names resolve: "Vietnam" and "Viet Nam" are one country.
    Record vn = record("a6-2-vn-sg-implementation-agreement");
    CHECK(vn.values("host") == std::vector<std::string>{"vn"});
    CHECK(vn.values("country") == std::vector<std::string>{"vn", "sg"});
    // A role is a filter: Switzerland as acquirer finds the arrangement and the transfer, not as host.
    CHECK(ids(search({{"acquirer", "ch"}})) ==
          std::vector<std::string>{"a6-2-event-2025-07-07-gh-ch-1", "a6-2-gh-ch-bilateral-agreement"});
    CHECK(search({{"host", "ch"}}).total == 0);
    auto hits = search({{"q", "Ghana Switzerland agreement"}}).hits;
    REQUIRE(!hits.empty());
    CHECK(hits.front().record.id == "a6-2-gh-ch-bilateral-agreement");
}

TEST_CASE("a transfer record is linked to its arrangement both ways", "[coverage]") {
    auto t = searcher().document("a6-2-event-2025-07-07-gh-ch-1");
    REQUIRE(t);
    REQUIRE(t->cites.size() == 1);
    REQUIRE(t->cites.front().second);
    CHECK(t->cites.front().second->id == "a6-2-gh-ch-bilateral-agreement");
    auto a = searcher().document("a6-2-gh-ch-bilateral-agreement");
    REQUIRE(a);
    REQUIRE(a->cited_by.size() == 1);
    CHECK(a->cited_by.front().id == "a6-2-event-2025-07-07-gh-ch-1");
}

TEST_CASE("capacity-building, meeting and statistic records are typed and faceted", "[coverage]") {
    Record cb = record("cb-test-dialogues");
    CHECK(cb.first("type") == "capacity-building");
    CHECK(cb.values("group") == std::vector<std::string>{"governments-dnas"});
    CHECK(cb.values("country") == std::vector<std::string>{"co", "pk"});
    CHECK(record("cdm-transition-2024-10-07").first("type") == "statistic");
    auto meeting = searcher().document("a6-4-sb-meeting-002");
    REQUIRE(meeting);
    CHECK(meeting->record.first("type") == "meeting");
    REQUIRE(meeting->cites.size() == 2);
    REQUIRE(meeting->cites[0].second);
    CHECK(meeting->cites[0].second->id == "a6-4-sb002-a01-v2-0");
    // A document without a symbol is cited by its id (an id that looks like an
    // Article 6.4 code must stay an id, not become a symbol).
    REQUIRE(meeting->cites[1].second);
    CHECK(meeting->cites[1].second->id == "a6-4-standard-test-additionality");
    auto doc = searcher().document("a6-4-standard-test-additionality");
    REQUIRE(doc);
    REQUIRE(doc->cited_by.size() == 1);
    CHECK(doc->cited_by.front().id == "a6-4-sb-meeting-002");
    for (const char* type : {"arrangement", "transfer", "capacity-building", "meeting", "statistic"}) {
        INFO(type);
        CHECK(search({{"type", type}}).total >= 1);
    }
}

TEST_CASE("the country facet tags a text that names countries, and not every word that looks like one", "[coverage][taxonomy]") {
    Record d = record("decision-naming-countries");
    auto c = d.values("country");
    auto has = [&](const char* id) { return std::find(c.begin(), c.end(), id) != c.end(); };
    CHECK(has("gh"));
    CHECK(has("ch"));
    CHECK(has("vn"));  // "Viet Nam" and "Vietnam", two names of one country
    CHECK(has("pg"));
    CHECK(has("kr"));
    CHECK_FALSE(has("gn"));  // "Guinea" only inside "Papua New Guinea"
    CHECK_FALSE(has("ge"));  // "Georgia" once: a weak name needs more
    CHECK_FALSE(has("kp"));
    // The facet counts on a search and filters by its ids.
    auto r = search({{"q", "cooperation"}});
    CHECK(count_of(r, "country", "gh") >= 1);
    CHECK(ids(search({{"country", "gh"}, {"type", "decision"}})) == std::vector<std::string>{"decision-naming-countries"});
}

TEST_CASE("a cue inside a longer cue of another concept counts for the longer one only", "[coverage][taxonomy]") {
    auto tax = Taxonomy::parse(R"(<taxonomy><facet id="c" label="C" classify="cues" threshold="2" overlap="longest">
      <concept id="gn" label="Guinea"><cue weight="2">Guinea</cue></concept>
      <concept id="pg" label="Papua New Guinea"><cue weight="2">Papua New Guinea</cue></concept>
      <concept id="gh" label="Ghana"><cue>Ghana</cue><cue>Republic of Ghana</cue></concept>
    </facet></taxonomy>)", "t.xml");
    const Facet& f = *tax.facet("c");
    auto classify = [&](const std::string& text) { return tax.classify(f, text::words(text), {}); };
    CHECK(classify("Papua New Guinea") == std::vector<std::string>{"pg"});
    CHECK(classify("Papua New Guinea and Guinea") == std::vector<std::string>{"gn", "pg"});  // equal scores: taxonomy order
    // Nested cues of one concept count once: one mention is 1, below the threshold; two reach it.
    CHECK(classify("the Republic of Ghana").empty());
    CHECK(classify("the Republic of Ghana; Ghana") == std::vector<std::string>{"gh"});
    // Without overlap="longest" (subjects, not names) nested cues of other concepts count.
    auto subjects = Taxonomy::parse(R"(<taxonomy><facet id="c" label="C" classify="cues" threshold="2">
      <concept id="gn" label="Guinea"><cue weight="2">Guinea</cue></concept>
      <concept id="pg" label="Papua New Guinea"><cue weight="2">Papua New Guinea</cue></concept>
    </facet></taxonomy>)", "t.xml");
    CHECK(subjects.classify(*subjects.facet("c"), text::words("Papua New Guinea"), {}) == std::vector<std::string>{"gn", "pg"});
    CHECK_THROWS_WITH(Taxonomy::parse(R"(<taxonomy><facet id="c" label="C" overlap="some"/></taxonomy>)", "t.xml"),
                      Catch::Contains("overlap"));
    // max-concepts: a text naming more concepts than that is a list, and gets none of them.
    auto lists = Taxonomy::parse(R"(<taxonomy><facet id="c" label="C" classify="cues" threshold="1" max-concepts="2">
      <concept id="a" label="A"><cue>alpha</cue></concept>
      <concept id="b" label="B"><cue>beta</cue></concept>
      <concept id="g" label="G"><cue>gamma</cue></concept>
    </facet></taxonomy>)", "t.xml");
    CHECK(lists.classify(*lists.facet("c"), text::words("alpha beta"), {}).size() == 2);
    CHECK(lists.classify(*lists.facet("c"), text::words("alpha beta gamma"), {}).empty());
}

TEST_CASE("a facet with more values than a 64-bit word is counted exactly and filters", "[coverage][facets]") {
    auto all = search({});
    size_t with_country = 0;
    for (const auto& f : all.facets)
        if (f.id == "country")
            for (const auto& v : f.values) with_country += v.count > 0;
    CHECK(with_country >= 80);
    const auto& concepts = searcher().taxonomy().facet("country")->concepts;
    const std::string last = concepts[79].id;  // a value past the first word
    CHECK(count_of(all, "country", last) >= 1);
    // Disjunctive counts: with the last country selected, the others keep their counts.
    auto picked = search({{"country", last}});
    CHECK(picked.total >= 1);
    CHECK(count_of(picked, "country", concepts[0].id) >= 1);
    CHECK(count_of(picked, "country", last) == count_of(all, "country", last));
}

TEST_CASE("the cooperative approaches matrix counts arrangements by host and acquirer", "[coverage]") {
    ArrangementsOverview o = searcher().arrangements();
    CHECK(o.arrangements == 2);
    CHECK(o.transfers == 1);
    REQUIRE(o.hosts == std::vector<std::string>{"gh", "vn"});  // by label: Ghana, Viet Nam
    REQUIRE(o.acquirers == std::vector<std::string>{"sg", "ch"});  // Singapore, Switzerland
    CHECK(o.count[0][1] == 1);
    CHECK(o.count[1][0] == 1);
    CHECK(o.count[0][0] == 0);
}
