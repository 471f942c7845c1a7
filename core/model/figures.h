// SPDX-License-Identifier: Apache-2.0
// The figures a text states: numbers (with their "%"), and month names
// beside a number. Used by the rulebook's check (a provision's figures must
// be in its cited paragraph, core/index/provision_text.h) and by the
// searcher (a question asking for a figure prefers hits that state one).
//
// The text is normalised first: lower case; "per cent" and "percent"
// become "%"; number words from "one" to "twenty" and the tens to "hundred"
// become digits ("two" = "2"); thousands separators go ("1,000" = "1000");
// references are dropped, as they are not figures: decision symbols
// ("2/CMA.3"), document symbols ("FCCC/PA/CMA/2021/10"), "Article N",
// "paragraph(s) N(a)", "chapter IV.B", "annex II", "A6.4..." and
// "6.2/6.4/6.8" (the mechanisms' names). Digits inside a word ("CO2") are
// not figures.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace a6kb {

// In order, duplicates kept: "5%", "2", "2021", "december". Cost: a few
// regular expressions over the text (tens of microseconds a paragraph).
std::vector<std::string> figures_of(std::string_view text);

// Whether the text states a figure, cheaply (one pass, no regular
// expression): a number not written as part of a symbol ("2/CMA.3",
// "6.4", "CO2") and not a reference ("paragraph 18", "Article 6",
// "decision 3"), or "per cent". For ranking; figures_of is the exact rule.
bool states_figure(std::string_view text);

}  // namespace a6kb
