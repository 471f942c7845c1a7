// SPDX-License-Identifier: Apache-2.0
// The two text checks of a provision against its cited paragraph
// (docs/corpus.md, "How the check works"), as pure functions:
//
// Figures. Every figure the provision states (core/model/figures.h: numbers
// with their "%", months beside a number, after normalising "per cent",
// number words and thousands, references dropped) must appear in the
// paragraph; a bare number also matches the same number as a percentage.
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

// The provision's figures that the paragraph does not hold.
std::vector<std::string> missing_figures(std::string_view provision, std::string_view paragraph);

// The longest run of consecutive words the two texts share, terms of art
// counting as one word, as the provision's words (empty when none).
std::vector<std::string> longest_shared_run(std::string_view provision, std::string_view paragraph);

}  // namespace a6kb
