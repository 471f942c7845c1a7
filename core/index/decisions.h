// SPDX-License-Identifier: Apache-2.0
// Reports of the COP, CMP and CMA bundle many decisions in one file:
// "Decision 2/CMA.3" on a line of its own, the title on the next line, the
// text, and the adoption date after "... plenary meeting". This splits such
// a text into one part per decision or resolution.
#pragma once

#include "core/model/programmes.h"

#include <string>
#include <string_view>
#include <vector>

namespace a6kb {

struct DecisionPart {
    std::string symbol;      // canonical, "2/CMA.3"
    bool resolution = false; // "Resolution 1/CMA.1" rather than a decision
    std::string title;
    std::string text;        // from the heading to the next heading
    std::string date;        // ISO adoption date, when the text gives it
    size_t line = 0;         // 1-based line of the heading
};

// Parts in order; empty when the text holds no decision heading.
// Expects text already normalized (LF line ends).
std::vector<DecisionPart> split_decisions(std::string_view text, const Programmes& programmes = Programmes::shipped());

}  // namespace a6kb
