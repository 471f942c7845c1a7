// SPDX-License-Identifier: Apache-2.0
// The index's synonym table, rewritten whole: the taxonomy's acronyms (an
// expansion such as "designated national authority" -> "dna") and the
// spelling variants (core/model/variants.h).
//
// Variants are query-time synonyms, in both directions, keyed by the word as
// typed (the QueryParser looks a word up unstemmed before its Z stem) with
// the other form unstemmed and stemmed: "program" -> programme, Zprogramm.
// No Z keys: stems are shared by unrelated words (authorize and authority
// both stem to "author"). A compound's spaced form is a multi-word key ("cook stove" ->
// cookstove, Zcookstov) and its one-word form lists the spaced one ("cookstove"
// -> "cook stove"), which core/search/query.cc turns into a phrase. A root
// group pairs the roots ending for ending (root_endings()), whether or not
// the index holds the word: people type the form their documents do not use.
// Cost: a few thousand entries, written when the words of the index change.
#pragma once

#include "core/model/taxonomy.h"
#include "core/model/variants.h"

#include <xapian.h>

namespace a6kb {

void write_synonyms(Xapian::WritableDatabase& db, const Taxonomy& taxonomy, const Variants& variants);

}  // namespace a6kb
