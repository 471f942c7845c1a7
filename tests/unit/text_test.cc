// SPDX-License-Identifier: Apache-2.0
#include "core/model/text.h"

#include <catch2/catch.hpp>

using namespace a6kb;

TEST_CASE("invalid UTF-8 is repaired, valid text kept", "[text]") {
    size_t n = 0;
    CHECK(text::repair_utf8("caf\xC3\xA9", &n) == "caf\xC3\xA9");
    CHECK(n == 0);
    CHECK(text::repair_utf8("a\xFF" "b\xC3", &n) == "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
    CHECK(n == 2);
    CHECK(text::repair_utf8(std::string("a\0b", 3)) == "ab");
    CHECK(text::repair_utf8("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '/'
    CHECK(text::repair_utf8("\xED\xA0\x80").find("\xEF\xBF\xBD") == 0);  // surrogate
}

TEST_CASE("whitespace: CRLF, tabs, blank runs", "[text]") {
    CHECK(text::normalize_whitespace("a\r\nb\rc\n") == "a\nb\nc");
    CHECK(text::normalize_whitespace("\tDecision\t2/CMA.3  \r\n") == "Decision 2/CMA.3");
    CHECK(text::normalize_whitespace("a\n\n\n\nb") == "a\n\nb");
    CHECK(text::collapse_spaces("  a \t b\n c ") == "a b c");
}

TEST_CASE("words keep dotted codes together", "[text]") {
    CHECK(text::words("Article 6.4, A6.4ER; non-market") ==
          std::vector<std::string>{"article", "6.4", "a6.4er", "non", "market"});
    CHECK(text::words("End. Next") == std::vector<std::string>{"end", "next"});
    CHECK(text::words("\xC3\x89missions") == std::vector<std::string>{"\xC3\xA9missions"});
}

TEST_CASE("dates in prose and ISO form", "[text]") {
    CHECK(text::find_dates("adopted on 13 November 2021 and 2022-03-08; March 2022; November 5, 2023") ==
          std::vector<std::string>{"2021-11-13", "2022-03-08", "2022-03", "2023-11-05"});
    CHECK(text::find_dates("31 Smarch 2021, 45 May 2021, 12 May 1850, 30 February 2024, 2023-02-29").empty());
    CHECK(text::find_dates("29 February 2024") == std::vector<std::string>{"2024-02-29"});
    CHECK(text::parse_date("2021") == "2021");
    CHECK(text::parse_date("2021-11") == "2021-11");
    CHECK(text::parse_date("8 March 2022") == "2022-03-08");
    CHECK(!text::parse_date("soon"));
    CHECK(text::date_key("2021-11") == "20211100");
}

TEST_CASE("language from function words", "[text]") {
    CHECK(text::detect_language("The Parties shall report the information to the secretariat and the "
                                "Supervisory Body, which is responsible for the mechanism and its registry.") == "en");
    CHECK(text::detect_language("Les Parties communiquent les informations au secrétariat et à l'organe de "
                                "supervision, qui est responsable du mécanisme et de son registre dans les délais.") == "fr");
    CHECK(text::detect_language("Las Partes comunican la información a la secretaría y al Órgano de Supervisión, "
                                "que es responsable del mecanismo y de su registro por los plazos.") == "es");
    CHECK(text::detect_language("too short") == "");
}
