// SPDX-License-Identifier: Apache-2.0
// How a record and its passages are cited and linked: the one place that
// builds the citation string, so the reader, the search hits and the API
// cite a paragraph the same way.
//
//   decision 3/CMA.3, annex, chapter V.D, paragraph 58
//   AMS-III.D version 21.0, section 5.2 (Applicability), page 4
//
// Links are paths on the site (no scheme or host); put the public address
// in front for a link that leaves the site.
#pragma once

#include "core/model/passage.h"
#include "core/model/record.h"

#include <string>

namespace a6kb {

// How the document is named in a citation: "decision 3/CMA.3" for a
// decision, "AMS-III.D version 21.0" for a versioned code, the primary
// symbol, or else the title.
std::string cited_name(const Record& r);

// A passage's citation: cited_name(r) + ", " + the passage's label.
std::string citation(const Record& r, const Passage& p);

// "Cite this document": symbol, title, date and official address, e.g.
//   3/CMA.3, “Rules, modalities and procedures …”, 13 November 2021, https://unfccc.int/…
// `fallback_url` (the record's page on this site) stands in when the record
// has no official address; either may be empty.
std::string document_citation(const Record& r, const std::string& fallback_url = "");

// The record's page on the site: "/doc/ID".
std::string document_path(const std::string& record_id);

// The stable link to a passage, the same after re-indexing the same text:
// "/doc/ID/at/ANCHOR" (the reader answers it with the part holding it).
std::string passage_path(const std::string& record_id, const std::string& anchor);

// The original file at a page, for passages of paged formats: "/doc/ID/file#page=N";
// without a page (0), the file itself.
std::string file_path(const std::string& record_id, int page = 0);

// An ISO date as people write it: "13 November 2021", "November 2021",
// "2021"; with full_month false, "13 Nov 2021". Anything else as it is.
std::string written_date(const std::string& iso, bool full_month = true);

}  // namespace a6kb
