// SPDX-License-Identifier: Apache-2.0
// Titles from the first lines of a document (title_from_lines, declared in
// infer.h, lives here) and the line helpers inference shares. Internal to
// core/index.
#pragma once

#include <regex>
#include <string_view>
#include <vector>

namespace a6kb {

// The first `max_lines` lines of `s` (without their line ends).
std::vector<std::string_view> lines_of(std::string_view s, size_t max_lines);
bool starts_with(std::string_view s, std::string_view p);

// Old small-scale methodologies: "III. D. Methane recovery" (groups: roman,
// letters, title) and "III.AU./Version 01" (roman, letters, version).
const std::regex& ssc_title();
const std::regex& ssc_version();

}  // namespace a6kb
