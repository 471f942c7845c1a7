// SPDX-License-Identifier: Apache-2.0
// Provisions: the rulebook's records (type "provision"), each telling in
// our own words what one paragraph of a decision requires, with its
// citation. This is the one place that reads a citation and turns it into
// the reader's anchor of the cited paragraph, which is the anchor the
// passage cutter gives that paragraph (core/index/passages_decision.cc):
//
//   decision 3/CMA.3, paragraph 4                -> p4
//   decision 3/CMA.3, annex, paragraph 67(a)     -> annex-p67
//   decision 6/CMA.4, annex II, paragraph 12(b)(i) -> annex2-p12
//
// Format and check: docs/corpus.md, "Provisions".
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace a6kb {

struct Citation {
    std::string symbol;     // canonical decision symbol, "3/CMA.3"
    bool annex = false;     // an annex paragraph
    std::string annex_no;   // "" for "annex", "II" for "annex II"
    int paragraph = 0;      // > 0
    std::string sub;        // "(a)", "(a)(i)" or ""
};

// Parses "decision S, paragraph N", "decision S, annex, paragraph N" or
// "decision S, annex II, paragraph N", with an optional "(a)" or "(a)(i)"
// after N; nullopt for anything else (the message says why in `why`).
std::optional<Citation> parse_citation(std::string_view text, std::string* why = nullptr);

// The reader's anchor of the cited paragraph: "p4", "annex-p67", "annex2-p12".
std::string citation_anchor(const Citation& c);

// Sorts provisions of one decision in paragraph order: body first, then
// each annex, then by paragraph number and sub-paragraph.
std::string paragraph_order_key(const Citation& c);

}  // namespace a6kb
