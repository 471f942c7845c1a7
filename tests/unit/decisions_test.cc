// SPDX-License-Identifier: Apache-2.0
#include "core/index/decisions.h"

#include <catch2/catch.hpp>

using namespace a6kb;

TEST_CASE("a report splits into its decisions with titles and dates", "[decisions]") {
    const char* report =
        "FCCC/PA/CMA/2030/9/Add.1\n"
        "Contents\n"
        " 1/CMA.9 A made-up pact 2\n"
        "Decision 1/CMA.9\n"
        " A made-up pact\n"
        " The Conference of the Parties serving as the meeting of the Parties,\n"
        " Recalling decision 3/CMA.3,\n"
        " 1. Decides something;\n"
        " 7th plenary meeting\n"
        "12 November 2030\n"
        "Decision 2/CMA.9\n"
        "\n"
        "Guidance on something else\n"
        " Text.\n"
        "Resolution 1/CMA.9\n"
        " Expression of gratitude\n";
    auto parts = split_decisions(report);
    REQUIRE(parts.size() == 3);
    CHECK(parts[0].symbol == "1/CMA.9");
    CHECK(parts[0].title == "A made-up pact");
    CHECK(parts[0].date == "2030-11-12");
    CHECK(parts[0].line == 4);
    CHECK(parts[0].text.find("Recalling decision 3/CMA.3") != std::string::npos);
    CHECK(parts[0].text.find("Guidance on something else") == std::string::npos);
    CHECK(parts[1].title == "Guidance on something else");
    CHECK(parts[1].date.empty());
    CHECK(!parts[1].resolution);
    CHECK(parts[2].resolution);
    CHECK(parts[2].symbol == "1/CMA.9");
}

TEST_CASE("text without decision headings gives no parts", "[decisions]") {
    CHECK(split_decisions("Recalling Decision 3/CMA.3 and its annex\nDecision on something").empty());
}
