// SPDX-License-Identifier: Apache-2.0
// Document symbols: the codes people cite and search by.
//
//   methodology  AMS-III.D  ACM0002  AM0073  AR-AMS0007  VM0007  VMD0005  JCM_TH_AM001
//   tool         TOOL07  AR-TOOL12  VT0001
//   decision     3/CMA.3  2/CMP.16  1/CP.21
//   a64          A6.4-SBM014-A06  A6.4-STAN-METH-001
//   fccc         FCCC/PA/CMA/2021/10/Add.1
//   cdm          CDM-EB07-A04-GLOS
//
// Each symbol has one canonical spelling (above); index terms use its
// lowercase. The patterns are data (corpus/programmes.xml, read by
// core/model/programmes.h); every function here takes the programmes to use,
// the shipped ones by default.
#pragma once

#include "core/model/programmes.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace a6kb {

// Every symbol written in `text`, in order of appearance, duplicates kept.
// Matching is case-sensitive, as official documents write symbols in capitals.
std::vector<Symbol> find_symbols(std::string_view text, const Programmes& programmes = Programmes::shipped());

// The canonical symbol for something a person typed or a file was named:
// "ams iii d", "ams-iii.d", "III.D", "tool 7", "3 / cma.3", "AMS-III__D", "vm 7".
// nullopt when `s` as a whole is not a symbol.
std::optional<Symbol> canonical_symbol(std::string_view s, const Programmes& programmes = Programmes::shipped());

// Symbols in a file name, where separators are often '_' or '__'.
std::vector<Symbol> symbols_in_filename(std::string_view filename, const Programmes& programmes = Programmes::shipped());

// "Version 21.0", "Version 07.0.0", "III.AU./Version 01" -> "21.0", "7.0.0", "1";
// then the version statements of `programme` ("v1.8" for vcs).
std::optional<std::string> find_version(std::string_view text, std::string_view programme = {},
                                        const Programmes& programmes = Programmes::shipped());
// "..._v21-0_..." or "...-v3.1.pdf" -> "21.0", "3.1".
std::optional<std::string> version_in_filename(std::string_view filename);
// Leading zeros dropped from each part: "07.0.0" -> "7.0.0".
std::string normalize_version(std::string_view v);
// Digits without their leading zeros ("007" -> "7", "0" stays).
std::string strip_zeros(std::string_view digits);
// A key that sorts versions numerically as strings: "21.0" -> "000021.000000".
std::string version_key(std::string_view v);

// Lowercase ASCII slug for ids: "AMS-III.D" -> "ams-iii-d", "3/CMA.3" -> "3-cma-3".
std::string slug(std::string_view s);

// Lowercased symbol used in index terms.
std::string symbol_key(std::string_view canonical);

}  // namespace a6kb
