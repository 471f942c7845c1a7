// SPDX-License-Identifier: Apache-2.0
// Versions by typing: "AMS-III.D version 13", "AMS-III.D v13", "ver. 13.0",
// "AMS-III.D/13", "ACM0002 v.20". The asked version of a symbol's family
// ranks first, even under versions=latest (core/search/searcher.cc lets it
// through the latest-only filter), and the result says which versions the
// family holds when the asked one is not among them.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace a6kb {

// The length of a version written right after a symbol, from q[at]: a
// word (version, ver, ver., v, v.) then a number, or '/' then a number;
// 0 when there is none. `version` gets the number as typed ("13", "13.0").
size_t version_after(const std::string& q, size_t at, std::string& version);

// "13" = "13.0" = "13.0.0" = "013"; "20.1" is not "20".
bool same_version(const std::string& a, const std::string& b);

struct VersionAsked {
    std::string symbol;                 // canonical, the family
    std::string asked;                  // as typed: "13"
    std::vector<std::string> ids;       // records of that version (empty: not in the index)
    std::vector<std::string> held;      // the family's versions in the index, lowest first
    std::string latest;                 // the family's newest version
    std::string message() const;        // "version 13 of AMS-III.D is not in the index; it holds 1.0-12.0 and 14.0-21.0", or empty
};

// The family's records in the index and which of them has the asked
// version. Cost: one read of each record's card in the family (a few).
VersionAsked find_version(const Xapian::Database& db, const std::string& symbol, const std::string& asked);

// "1.0-12.0 and 14.0-21.0": runs of versions whose whole numbers follow on.
std::string version_runs(const std::vector<std::string>& versions);

}  // namespace a6kb
