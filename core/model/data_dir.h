// SPDX-License-Identifier: Apache-2.0
// Where the shipped data (web/ and corpus/) is, without a source path
// compiled in: the folder A6KB_DATA_REL ("../share/a6kb" for the default
// GNU layout) next to the running executable. An installed binary
// (PREFIX/bin/a6kb-searchd) finds PREFIX/share/a6kb; a binary in the build
// tree (build/searchd/a6kb-searchd) finds build/share/a6kb, which the build
// makes of links to the source tree's web/ and corpus/.
#pragma once

#include <filesystem>

namespace a6kb {

// The data folder's `relative` entry (e.g. "web", "corpus/taxonomy.xml"),
// or an empty path when the executable's location cannot be read or the
// entry does not exist there. Cost: a readlink and a stat.
std::filesystem::path shipped_data(const std::filesystem::path& relative);

}  // namespace a6kb
