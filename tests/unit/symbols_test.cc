// SPDX-License-Identifier: Apache-2.0
#include "core/model/symbols.h"

#include <catch2/catch.hpp>

using namespace a6kb;

TEST_CASE("symbols are found in running text with their kind", "[symbols]") {
    auto found = find_symbols(
        "Recalling decision 3/CMA.3 and decisions 2/CMP.16, see AMS-III.D and ACM0002, TOOL07, AR-TOOL12, "
        "AR-AMS0007, A6.4-SBM014-A06, A6.4-STAN-METH-001, FCCC/PA/CMA/2021/10/Add.1 and CDM-EB07-A04-GLOS.");
    std::vector<std::string> texts;
    for (auto& s : found) texts.push_back(s.text);
    CHECK(texts == std::vector<std::string>{"3/CMA.3", "2/CMP.16", "AMS-III.D", "ACM0002", "TOOL07", "AR-TOOL12",
                                            "AR-AMS0007", "A6.4-SBM014-A06", "A6.4-STAN-METH-001",
                                            "FCCC/PA/CMA/2021/10/Add.1", "CDM-EB07-A04-GLOS"});
    CHECK(found[0].kind == SymbolKind::decision);
    CHECK(found[2].kind == SymbolKind::methodology);
    CHECK(found[4].kind == SymbolKind::tool);
    CHECK(found[7].kind == SymbolKind::a64);
    CHECK(found[9].kind == SymbolKind::fccc);
    CHECK(found[0].length == 7);  // "3/CMA.3" as written
    CHECK(find_symbols("see TOOL 7 here").at(0).length == 6);
}

TEST_CASE("symbols are not found inside other words or numbers", "[symbols]") {
    CHECK(find_symbols("XAMS-III.D and 2021/10 and TOOL123 and RAM0001").empty());
}

TEST_CASE("what people type becomes the canonical symbol", "[symbols]") {
    auto canon = [](const char* s) {
        auto sym = canonical_symbol(s);
        return sym ? sym->text : std::string("-");
    };
    CHECK(canon("AMS-III.D") == "AMS-III.D");
    CHECK(canon("ams-iii.d") == "AMS-III.D");
    CHECK(canon("AMS III D") == "AMS-III.D");
    CHECK(canon("III.D") == "AMS-III.D");
    CHECK(canon("ams-iii.au") == "AMS-III.AU");
    CHECK(canon("tool 7") == "TOOL07");
    CHECK(canon("Tool07") == "TOOL07");
    CHECK(canon("ar-tool12") == "AR-TOOL12");
    CHECK(canon("3 / cma.3") == "3/CMA.3");
    CHECK(canon("3/cma3") == "3/CMA.3");
    CHECK(canon("acm 0002") == "ACM0002");
    CHECK(canon("a6.4-sbm014-a06") == "A6.4-SBM014-A06");
    CHECK(canon("cookstoves") == "-");
    CHECK(canon("III") == "-");
    CHECK(canon("") == "-");
}

TEST_CASE("file names yield symbols and versions", "[symbols]") {
    auto syms = symbols_in_filename("tools__UNFCCC__Agriculture__AMS-III__D__v21-0__Project-and-leakage.pdf");
    REQUIRE(!syms.empty());
    CHECK(syms[0].text == "AMS-III.D");
    CHECK(symbols_in_filename("UNFCCC__Agriculture__AMS-III.D__v03-0__source.pdf").at(0).text == "AMS-III.D");
    CHECK(version_in_filename("UNFCCC__Agriculture__AMS-III.D__v20-1__source.pdf") == "20.1");
    CHECK(version_in_filename("ar-am-tool-03-v2.1.0.pdf") == "2.1.0");
    CHECK(!version_in_filename("report-2021.pdf"));
}

TEST_CASE("versions are normalized and sort numerically", "[symbols]") {
    CHECK(find_version("CLEAN DEVELOPMENT MECHANISM\nTOOL01\nVersion 07.0.0\n") == "7.0.0");
    CHECK(find_version("III.AU./Version 01") == "1");
    CHECK(find_version("no version here") == std::nullopt);
    CHECK(normalize_version("021.00") == "21.0");
    CHECK(version_key("9.0") < version_key("10.0"));
    CHECK(version_key("20.0") < version_key("20.1"));
    CHECK(version_key("3") == version_key("3.0").substr(0, 6));
}

TEST_CASE("slugs and keys", "[symbols]") {
    CHECK(slug("AMS-III.D") == "ams-iii-d");
    CHECK(slug("3/CMA.3") == "3-cma-3");
    CHECK(slug("  --x--  ") == "x");
    CHECK(symbol_key("AMS-III.D") == "ams-iii.d");
}
