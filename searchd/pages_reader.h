// SPDX-License-Identifier: Apache-2.0
// The document page's reader (pages_reader.cc): the record's text, part by
// part, with its contents, anchors, page numbers, highlights and citations.
// Internal to the pages (pages.cc calls it).
#pragma once

#include "searchd/pages.h"

#include <string>

namespace a6kb {

// The address of part `part` of record `id`'s text, keeping `q`; `anchor`,
// when not empty, is the fragment. Part 1 has no part parameter.
std::string reader_url(const std::string& id, size_t part, const std::string& q, const std::string& anchor = "");

// Fills the doc.tpl sections of the reader: HAS_FILE, the document's
// citation, HAS_TEXT with its parts, contents, matches and passages.
void reader_part(ctemplate::TemplateDictionary& dict, const Record& r, const ReaderPage& page);

}  // namespace a6kb
