// SPDX-License-Identifier: Apache-2.0
// Cutting a record's text into passages (core/model/passage.h) at indexing
// time: every record with text gets passages, each with a location people
// can cite; a record with no text gets none. docs/schema.md, "Passages".
#pragma once

#include "core/model/passage.h"
#include "core/model/record.h"

#include <vector>

namespace a6kb {

// The passages of `r`'s pages, in text order.
std::vector<Passage> cut_passages(const Record& r);

}  // namespace a6kb
