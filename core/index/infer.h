// SPDX-License-Identifier: Apache-2.0
// Inference: from an extracted file to records, where no explicit metadata
// says otherwise. Title, symbols, version, type, date, language, references,
// and the taxonomy's cue-based facets (groups, topics, mechanism...). A file
// that bundles decisions becomes one record per decision.
#pragma once

#include "core/index/catalog.h"
#include "core/extract/extract.h"
#include "core/model/programmes.h"
#include "core/model/record.h"

#include <string>
#include <vector>

namespace a6kb {

class Taxonomy;

struct InferResult {
    std::vector<Record> records;
    std::string error;  // invalid explicit metadata; records is then empty
};

// `source` is the file relative to its corpus root, `filename` its base name.
// `explicit_meta` (a catalog entry for this file) is applied last and wins;
// Markdown front matter in `e.meta` is applied before it.
InferResult infer_records(const Extracted& e, const std::string& source, const std::string& filename,
                          const Taxonomy& taxonomy, const Metadata* explicit_meta);

// Fills the facets the taxonomy classifies by cues (group, topic, mechanism,
// type...) from title, headings, summary and text, for those the record
// does not have yet.
void classify(Record& r, const Taxonomy& taxonomy);

// The id a record gets from its symbol and version ("ams-iii-d-v21-0",
// "3-cma-3"), or from its source path when it has no symbol.
std::string default_record_id(const Record& r, bool resolution = false);

// The title of a document from the lines of its first page, skipping the
// boilerplate UNFCCC layouts put above it, lines that start with one of
// `skip` (lowercase: a programme's <title-skip> lines, such as Verra's
// "vcs module") and lines that are codes. Empty if none is found.
std::string title_from_lines(std::string_view first_page, const std::vector<std::string>& skip = {},
                             const Programmes& programmes = Programmes::shipped());

// The programme facet of a record that has none: the programme of its first
// symbol's pattern (core/model/programmes.h), when the taxonomy has a
// "programme" facet and the symbol is a code of some programme. A programme
// given explicitly (a catalog's <programme>) stays.
void derive_programme(Record& r, const Taxonomy& taxonomy);

}  // namespace a6kb
