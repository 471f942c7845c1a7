// SPDX-License-Identifier: Apache-2.0
// Hostile inputs, made from fixed seeds: damaged copies of good documents,
// bombs, deep nesting, bad bytes. Shared by the hostile suites and the fuzz
// seed corpora, so both see the same inputs.
#pragma once

#include "support.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace a6kb::test::hostile {

using Variants = std::vector<std::pair<std::string, std::string>>;  // name, bytes

// A two-page PDF with enough text to index, and a Word file with a title,
// a heading, two pages and core properties (written under `dir`).
std::string good_pdf();
std::string good_docx(const TempDir& dir);

// `count` prefixes of `bytes`, spread over its length, plus the cuts that
// hurt most (one byte short, before the last 16 bytes).
Variants truncations(const std::string& bytes, size_t count);
// `count` copies of `bytes`, copy i with 1 + i % 16 bits flipped at places
// drawn from seed i (std::mt19937, the same on every platform).
Variants bit_flips(const std::string& bytes, size_t count);
// The first variant that `media_type`'s extractor skips (throws if none is).
std::string first_skipped(const Variants& variants, std::string_view media_type);
std::string random_bytes(size_t n, uint32_t seed);

// Word files whose document.xml inflates to `bytes` (a one-paragraph text of
// spaces); with another member that big; and with headers patched to say
// the document is 100 bytes.
std::string docx_bomb(const TempDir& dir, size_t bytes);
std::string docx_side_bomb(const TempDir& dir, size_t bytes);
std::string docx_lying_bomb(const TempDir& dir, size_t bytes);
// document.xml with `depth` nested elements around its only paragraph.
std::string deep_docx(const TempDir& dir, size_t depth);

// Ten levels of ten entity references: 10^9 "lol"s if a parser expanded them.
std::string billion_laughs();
// `depth` unclosed <tag>s, then "deep text".
std::string deep_html(size_t depth, const std::string& tag);
// `depth` nested elements with text only at the bottom.
std::string deep_xml(size_t depth);
// Text with every kind of bad UTF-8: stray continuation bytes, truncated
// and overlong sequences, surrogates, values past U+10FFFF (no NUL: a NUL makes a file binary).
std::string invalid_utf8();

}  // namespace a6kb::test::hostile
