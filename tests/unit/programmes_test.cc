// SPDX-License-Identifier: Apache-2.0
// The programmes file (corpus/programmes.xml): each programme's codes and
// versions in texts laid out as the programmes print them, what people type,
// a programme added as data only, and the errors of a bad file.
#include "core/index/infer.h"
#include "core/model/errors.h"
#include "core/model/symbols.h"
#include "core/model/taxonomy.h"
#include "core/search/request.h"
#include "core/search/searcher.h"
#include "support.h"

#include <catch2/catch.hpp>

using namespace a6kb;

namespace {

std::vector<std::string> texts(const std::vector<Symbol>& found) {
    std::vector<std::string> out;
    for (const auto& s : found) out.push_back(s.text);
    return out;
}

std::string canon(const char* typed) {
    auto s = canonical_symbol(typed);
    return s ? s->text + " " + s->programme : std::string("-");
}

Record infer_one(const std::string& text, const std::string& filename) {
    Extracted e;
    e.media_type = "text/plain";
    e.pages = {text};
    auto r = infer_records(e, filename, filename, Taxonomy::load(std::string(A6KB_CORPUS) + "/taxonomy.xml"), nullptr);
    REQUIRE(r.error.empty());
    REQUIRE(r.records.size() == 1);
    return r.records.front();
}

}  // namespace

TEST_CASE("every shipped programme's codes are found in running text, each with its programme", "[programmes]") {
    auto found = find_symbols(
        "It applies AMS-III.D, TOOL07, 3/CMA.3, FCCC/PA/CMA/2021/10/Add.1, A6.4-STAN-METH-001, A6.4-PROC-AC-002, "
        "A6.4-AMM-001, A6.4-TOOL-AC-001, A6.4-SBM014-A06, the Verra modules VMD0005 and VMR0001 of VM0007 with "
        "VT0001, the Gold Standard's GS-TPDDTEC and the JCM methodologies JCM_TH_AM001 and MN_AM001.");
    CHECK(texts(found) == std::vector<std::string>{"AMS-III.D", "TOOL07", "3/CMA.3", "FCCC/PA/CMA/2021/10/Add.1",
                                                   "A6.4-STAN-METH-001", "A6.4-PROC-AC-002", "A6.4-AMM-001",
                                                   "A6.4-TOOL-AC-001", "A6.4-SBM014-A06", "VMD0005", "VMR0001", "VM0007",
                                                   "VT0001", "GS-TPDDTEC", "JCM_TH_AM001", "JCM_MN_AM001"});
    std::vector<std::string> programmes;
    for (const auto& s : found) programmes.push_back(s.programme);
    CHECK(programmes == std::vector<std::string>{"cdm", "cdm", "unfccc", "unfccc", "a64", "a64", "a64", "a64", "a64",
                                                 "vcs", "vcs", "vcs", "vcs", "gold-standard", "jcm", "jcm"});
    CHECK(found[4].type == "standard");
    CHECK(found[5].type == "procedure");
    CHECK(found[6].type == "methodology");
    CHECK(found[7].type == "tool");
    CHECK(found[8].type.empty());  // meeting documents: the title says
    CHECK(found[12].kind == SymbolKind::tool);
    CHECK(found[0].mechanism == "cdm");
    CHECK(found[9].mechanism.empty());  // a Verra module is no CDM document
}

TEST_CASE("codes of other programmes are not found inside words, credits or other codes", "[programmes]") {
    CHECK(find_symbols("XVM0007 VM00071 GS-VER GS-VERs GS-CER VM7 JCM_TH_AM01 XTH_AM001").empty());
}

TEST_CASE("what people type becomes each programme's canonical code", "[programmes]") {
    CHECK(canon("vm0007") == "VM0007 vcs");
    CHECK(canon("VM 7") == "VM0007 vcs");
    CHECK(canon("vmd5") == "VMD0005 vcs");
    CHECK(canon("vt 0001") == "VT0001 vcs");
    CHECK(canon("gs-tpddtec") == "GS-TPDDTEC gold-standard");
    CHECK(canon("gs ver") == "-");
    CHECK(canon("jcm th am 1") == "JCM_TH_AM001 jcm");
    CHECK(canon("TH_AM001") == "JCM_TH_AM001 jcm");
    CHECK(canon("a6.4 stan meth 001") == "A6.4-STAN-METH-001 a64");
    CHECK(canon("ams iii d") == "AMS-III.D cdm");
    CHECK(canon("3/cma3") == "3/CMA.3 unfccc");
    CHECK(canon("ar am 14") == "-");  // no programme writes that
}

TEST_CASE("versions as each programme writes them", "[programmes]") {
    CHECK(find_version("VMD0005\nESTIMATION OF CARBON STOCKS\nVersion 1.1\n", "vcs") == "1.1");
    CHECK(find_version("VM0007 REDD+ Methodology Framework (REDD+MF), v1.8\n", "vcs") == "1.8");
    CHECK(find_version("VM0007 REDD+ Methodology Framework (REDD+MF), v1.8\n", "cdm") == std::nullopt);
    CHECK(find_version("JCM_TH_AM001_ver01.0\n", "jcm") == "1.0");
    CHECK(find_version("Version 3.1\n", "gold-standard") == "3.1");
}

TEST_CASE("Verra layouts: code, version and the title under the label lines", "[programmes][infer]") {
    Record m = infer_one("VCS Module\n\nVMD0005\n\nESTIMATION OF CARBON STOCKS IN THE LONG-TERM WOOD PRODUCTS POOL\n\n"
                         "Version 1.1\n\nSectoral Scope 14\n\n1 SOURCES\nThis module uses VM0007.\n",
                         "module.txt");
    CHECK(m.id == "vmd0005-v1-1");
    CHECK(m.symbols == std::vector<std::string>{"VMD0005"});
    CHECK(m.version == "1.1");
    CHECK(m.family == "VMD0005");
    CHECK(m.title == "ESTIMATION OF CARBON STOCKS IN THE LONG-TERM WOOD PRODUCTS POOL");
    CHECK(m.first("type") == "methodology");
    CHECK(m.first("programme") == "vcs");
    CHECK(m.values("mechanism").empty());
    CHECK(m.references == std::vector<std::string>{"VM0007"});

    // The header names the VCS rules' version 3, not the tool's.
    Record t = infer_one("MODULE/TOOL: VCS Version 3\nERRATA & CLARIFICATION\n\nVT0001\n\nTOOL FOR THE DEMONSTRATION "
                         "AND ASSESSMENT OF ADDITIONALITY\n\nVersion 3.0\n",
                         "tool.txt");
    CHECK(t.symbols == std::vector<std::string>{"VT0001"});
    CHECK(t.version == "3.0");
    CHECK(t.title == "TOOL FOR THE DEMONSTRATION AND ASSESSMENT OF ADDITIONALITY");
    CHECK(t.first("type") == "tool");

    Record v = infer_one("VM0007 REDD+ Methodology Framework (REDD+MF), v1.8\n\nVM0007\n\nREDD+ METHODOLOGY FRAMEWORK\n",
                         "framework.txt");
    CHECK(v.id == "vm0007-v1-8");
    CHECK(v.title == "REDD+ METHODOLOGY FRAMEWORK");  // not the running header above it
    CHECK(v.first("programme") == "vcs");
}

TEST_CASE("Gold Standard and JCM layouts", "[programmes][infer]") {
    Record gs = infer_one("Gold Standard for the Global Goals\n\nMETHODOLOGY\n\nGS-TPDDTEC\n\nTECHNOLOGIES AND PRACTICES TO "
                          "DISPLACE DECENTRALIZED THERMAL ENERGY CONSUMPTION\n\nVersion 3.1\n",
                          "gs.txt");
    CHECK(gs.id == "gs-tpddtec-v3-1");
    CHECK(gs.title == "TECHNOLOGIES AND PRACTICES TO DISPLACE DECENTRALIZED THERMAL ENERGY CONSUMPTION");
    CHECK(gs.first("programme") == "gold-standard");

    Record jcm = infer_one("JCM_TH_AM001_ver01.0\nSectoral scope: 03\n\nJoint Crediting Mechanism Approved Methodology "
                           "TH_AM001\n\"Energy saving by introducing high efficiency chillers in factories\"\n",
                           "jcm.txt");
    CHECK(jcm.id == "jcm-th-am001-v1-0");
    CHECK(jcm.version == "1.0");
    CHECK(jcm.title == "Energy saving by introducing high efficiency chillers in factories");
    CHECK(jcm.first("programme") == "jcm");
    CHECK(jcm.values("scope") == std::vector<std::string>{"3"});
}

TEST_CASE("a programme added to the data file is found, typed, versioned and titled without code", "[programmes]") {
    auto p = Programmes::parse(R"(<programmes>
  <programme id="xyz" label="Example registry">
    <code kind="methodology" type="methodology" not-before="[A-Za-z0-9]" not-after="[A-Za-z0-9]">
      <find form="XYZ-M{1}">XYZ-M(\d{3})</find>
      <typed form="XYZ-M{1:3}">XYZ[-_ ]*M[-_ ]*(\d{1,3})</typed>
    </code>
    <version>\bed\. (\d+(?:\.\d+)?)</version>
    <title-skip>example registry document</title-skip>
  </programme>
</programmes>)",
                               "test");
    CHECK(texts(find_symbols("uses XYZ-M012 and AMS-III.D", p)) == std::vector<std::string>{"XYZ-M012"});
    CHECK(find_symbols("uses XYZ-M012", p).at(0).programme == "xyz");
    auto typed = canonical_symbol("xyz m 12", p);
    REQUIRE(typed);
    CHECK(typed->text == "XYZ-M012");
    CHECK(find_version("XYZ-M012 ed. 2.0", "xyz", p) == "2.0");
    CHECK(title_from_lines("Example registry document\nXYZ-M012\nCounting trees\n", p.find("xyz")->title_skip, p) ==
          "Counting trees");
}

TEST_CASE("a bad programmes file is refused with its line and reason", "[programmes]") {
    auto refused = [](const std::string& xml) {
        try {
            Programmes::parse(xml, "p.xml");
        } catch (const UserError& e) {
            CHECK(e.code() == "bad_programmes");
            return std::string(e.what());
        }
        return std::string("accepted");
    };
    const std::string head = "<programmes>\n<programme id=\"x\" label=\"X\">\n";
    CHECK_THAT(refused(head + "<code kind=\"thing\"><find form=\"{1}\">(A)</find></code></programme></programmes>"),
               Catch::Contains("p.xml:3") && Catch::Contains("kind"));
    CHECK_THAT(refused(head + "<code kind=\"tool\"><find form=\"{1}\">(A</find></code></programme></programmes>"),
               Catch::Contains("does not compile"));
    CHECK_THAT(refused(head + "<code kind=\"tool\"><find form=\"{2}\">(A)</find></code></programme></programmes>"),
               Catch::Contains("names group 2"));
    CHECK_THAT(refused(head + "</programme></programmes>"), Catch::Contains("no programme has a <find>"));
    CHECK_THAT(refused("<programmes><programme"), Catch::Contains("p.xml:1"));
}

TEST_CASE("the taxonomy's programme facet must hold every programme", "[programmes][taxonomy]") {
    auto tax = Taxonomy::load(std::string(A6KB_CORPUS) + "/taxonomy.xml");
    for (const auto& p : tax.programmes().list()) CHECK(tax.facet("programme")->find(p.id));
    auto extra = Programmes::parse("<programmes><programme id=\"nowhere\" label=\"N\"><code kind=\"tool\">"
                                   "<find form=\"{1}\">(NW\\d{3})</find></code></programme></programmes>",
                                   "p.xml");
    CHECK_THROWS_WITH(tax.set_programmes(extra), Catch::Contains("'nowhere'"));
}

TEST_CASE("programmes.xml beside the taxonomy is what the indexer reads and searchd queries with", "[programmes][indexer]") {
    test::Corpus c;
    c.write("taxonomy.xml", test::read_file(test::fixture("taxonomy.xml")));
    c.write("programmes.xml", R"(<programmes>
  <version>Version (\d+(?:\.\d+)*)</version>
  <programme id="xyz" label="Example registry">
    <code kind="methodology" not-before="[A-Za-z0-9]" not-after="[A-Za-z0-9]">
      <find form="XYZ-M{1}">XYZ-M(\d{3})</find>
      <typed form="XYZ-M{1:3}">XYZ[-_ ]*M[-_ ]*(\d{1,3})</typed>
    </code>
  </programme>
</programmes>)");
    c.write("docs/m12.txt", "XYZ-M012\nCounting trees in dry forests\nVersion 2.0\nThe method counts trees.\n");
    c.write("docs/other.txt", "Counting trees for AMS-III.D in dry forests and its methods.\n");
    auto o = c.options();
    o.taxonomy = c.root() / "taxonomy.xml";
    auto report = run_index(o);
    CHECK(report.skipped == 0);
    CHECK(report.documents == 2);  // programmes.xml is data, not a document
    Searcher s(c.db().string());
    auto hits = s.search(parse_search_request({{"q", "xyz m 12"}}, s.taxonomy())).hits;
    REQUIRE(!hits.empty());
    CHECK(hits.front().record.id == "xyz-m012-v2-0");
    CHECK(hits.front().record.symbols == std::vector<std::string>{"XYZ-M012"});
    bool suggested = false;
    for (const auto& x : s.suggest("xyz m 12")) suggested |= x.kind == "symbol" && x.text == "XYZ-M012";
    CHECK(suggested);
    // The shipped patterns no longer apply: AMS-III.D is a word here, no code.
    Xapian::Database db(c.db().string());
    CHECK(db.get_termfreq("XRams-iii.d") == 0);
    // A changed programmes file re-reads every file.
    c.write("programmes.xml", test::read_file(std::string(A6KB_CORPUS) + "/programmes.xml"));
    auto again = run_index(o);
    CHECK(again.changed + again.added == 2);
    CHECK(Xapian::Database(c.db().string()).get_termfreq("XRams-iii.d") == 1);
}

TEST_CASE("the programme facet follows the record's own symbol; an explicit one stays", "[programmes][infer]") {
    auto tax = Taxonomy::load(std::string(A6KB_CORPUS) + "/taxonomy.xml");
    Record catalog;
    catalog.symbols = {"ACM0002"};
    derive_programme(catalog, tax);
    CHECK(catalog.first("programme") == "cdm");
    Record stated;
    stated.symbols = {"VM0007"};
    stated.set_one("programme", "jcm");
    derive_programme(stated, tax);
    CHECK(stated.first("programme") == "jcm");
    // A catalog entry naming another symbol for a file: the programme is that symbol's.
    Extracted e;
    e.media_type = "text/plain";
    e.pages = {"VCS Module\nVMD0005\nESTIMATION OF CARBON STOCKS\nVersion 1.1\n"};
    Metadata meta{{"symbol", {"A6.4-STAN-METH-001"}}};
    auto r = infer_records(e, "m.txt", "m.txt", tax, &meta);
    REQUIRE(r.records.size() == 1);
    CHECK(r.records[0].first("programme") == "a64");
    Metadata both{{"symbol", {"A6.4-STAN-METH-001"}}, {"programme", {"vcs"}}};
    CHECK(infer_records(e, "m.txt", "m.txt", tax, &both).records.at(0).first("programme") == "vcs");
}
