// SPDX-License-Identifier: Apache-2.0
// The two text checks of a provision against its cited paragraph
// (docs/corpus.md, "How the check works"), as pure functions:
//
// Figures. Every number, percentage, date, month and deadline the provision
// states must appear in the paragraph. Both texts are normalised first:
// lower case; "per cent" and "percent" become "%"; number words from "one"
// to "twenty" and the tens to "hundred" become digits ("two" = "2");
// thousands separators go ("1,000" = "1000"); references are dropped, as
// they are not figures of the rule: decision symbols ("2/CMA.3"), "Article
// N", "paragraph(s) N", "chapter X", "annex I", "A6.4" and "6.2/6.4/6.8"
// (the mechanisms' names). A figure is a number with its "%" when it has
// one ("5%" needs "5%" or "5 per cent"), or a month name beside a number
// ("15 April", "May 2023": the verb "may" is no month).
//
// Own words. The provision may not share a run of more than MAX_SHARED_RUN
// consecutive words with the paragraph. Terms of art and titles (the list
// in provision_text.cc: "the Conference of the Parties serving as the
// meeting of the Parties to the Paris Agreement", "internationally
// transferred mitigation outcomes", ...) count as one word each, and so
// does the formula of a reference ("of the annex to decision").
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace a6kb {

inline constexpr size_t MAX_SHARED_RUN = 8;

// The figures of a text after normalisation, in order, duplicates kept:
// "5%", "2", "2021", "december".
std::vector<std::string> figures_of(std::string_view text);

// The provision's figures that the paragraph does not hold.
std::vector<std::string> missing_figures(std::string_view provision, std::string_view paragraph);

// The longest run of consecutive words the two texts share, terms of art
// counting as one word, as the provision's words (empty when none).
std::vector<std::string> longest_shared_run(std::string_view provision, std::string_view paragraph);

}  // namespace a6kb
