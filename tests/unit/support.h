// SPDX-License-Identifier: Apache-2.0
// Test support: temporary folders and fixture documents made by the tests
// themselves (a PDF with text on given pages, a Word file), so no binary
// fixture has to be trusted or shipped.
#pragma once

#include "core/index/indexer.h"

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace a6kb::test {

// A fresh folder under the system temp dir, removed with everything in it.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

void write_file(const std::filesystem::path& p, const std::string& bytes);
std::string read_file(const std::filesystem::path& p);

// A valid PDF with one page per element, each with its lines of text
// (Helvetica, WinAnsi: ASCII text only). An empty page has no text at all.
std::string make_pdf(const std::vector<std::vector<std::string>>& pages, const std::string& title = "");

// A .docx at `p`: paragraphs as (style, text); style "" for normal text,
// "Title" or "Heading1" for those; a paragraph "\f" is a page break.
// `extra` adds further members (name, content) to the archive.
void make_docx(const std::filesystem::path& p, const std::vector<std::pair<std::string, std::string>>& paragraphs,
               const std::vector<std::pair<std::string, std::string>>& extra = {});

std::string fixture(const std::string& name);  // path of tests/fixtures/NAME

// A corpus folder and an index beside it in a fresh temp dir, indexed with
// the test taxonomy.
struct Corpus {
    TempDir dir;
    std::filesystem::path root() const { return dir.path() / "corpus"; }
    std::filesystem::path db() const { return dir.path() / "index"; }
    IndexOptions options() const;
    void write(const std::string& rel, const std::string& bytes) const { write_file(root() / rel, bytes); }
};

}  // namespace a6kb::test

namespace a6kb::test {
// A small corpus for search tests, written under `root`:
// - decisions/cma9.txt: decisions 1/CMA.9 (cooperative approaches,
//   corresponding adjustments, cites 3/CMA.3), 2/CMA.9 (designated national
//   authority), 3/CMA.9 (supervisory body), adopted 12 November 2030;
// - meth/AMS-III.D v19.0, v20.0, v21.0 PDFs (manure, methane; cites TOOL14);
// - meth/TOOL14 v3.0 PDF (anaerobic digesters);
// - labs/lab.md (a lab session for DNAs and development banks, 2025);
// - catalog.catalog.xml: 3/CMA.3 (2021), glossary "corresponding adjustment".
void write_search_corpus(const std::filesystem::path& root);

// The search corpus written under DIR/corpus (after `extra` files, paths
// relative to it) and indexed into DIR/index with the test taxonomy; returns
// the options used, to index again after a change.
IndexOptions index_search_corpus(const std::filesystem::path& dir,
                                 const std::vector<std::pair<std::string, std::string>>& extra = {});

// An extra file for index_search_corpus, notes/markup.md: a note whose title
// and text hold markup (<script>alert(1)</script>, <img ... onerror=...>), so
// a search for "<script>alert(1)</script>" finds it and the escaping of its
// title and snippet can be checked.
std::pair<std::string, std::string> markup_note();
}  // namespace a6kb::test
