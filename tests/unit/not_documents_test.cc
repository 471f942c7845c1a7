// SPDX-License-Identifier: Apache-2.0
// Files that are not documents (git-LFS pointers, placeholders, a text named
// .pdf) are skipped with their reason; a file that lists other documents
// (a README) takes none of their codes as its own and cites none of them.
#include "core/extract/extract.h"
#include "core/index/indexer.h"
#include "core/index/infer.h"
#include "core/model/record.h"
#include "core/model/schema.h"
#include "core/model/taxonomy.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <map>

using namespace a6kb;

namespace {

const char* LFS_POINTER =
    "version https://git-lfs.github.com/spec/v1\n"
    "oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\n"
    "size 1234567\n";

std::string reason(const std::string& bytes, const std::string& name) {
    return not_a_document(bytes, name, sniff_media_type(bytes, name));
}

// "Decision 3/CMA.3" headings on lines of their own, as a folder's README lists what it holds.
const char* README =
    "# Real documents\n\nThe decisions in this folder:\n\n"
    "Decision 3/CMA.3\nDecision 2/CMA.3\nDecision 4/CMA.3\n\n"
    "| folder | what |\n|---|---|\n| cdm/ | AMS-III.D, AMS-III.R, ACM0010, AM0073, TOOL01, AR-TOOL12 |\n";

}  // namespace

TEST_CASE("a git-LFS pointer, a placeholder and a text named .pdf are not documents", "[extract][not-documents]") {
    CHECK_THAT(reason(LFS_POINTER, "VMD0005-v1.1.pdf"),
               Catch::StartsWith("a git-LFS pointer") && Catch::Contains("sha256:4d7a2146") &&
                   Catch::Contains("1234567 bytes"));
    CHECK_THAT(reason("placeholder\n", "VM0007.pdf"), Catch::Contains("placeholder"));
    CHECK_THAT(reason("TODO: add the PDF", "notes.txt"), Catch::StartsWith("a placeholder"));
    CHECK(reason("\n  \t\n", "empty.txt") == "empty file (white space only)");
    CHECK(reason("", "empty.pdf") == "empty file");
    CHECK(reason("Not a PDF at all, only a line of words about methodologies.", "VT0001.pdf") ==
          "named .pdf but holds 59 bytes of text, not a PDF");
    CHECK(reason("<html><body><p>Not found</p></body></html>", "VM0007.pdf") == "named .pdf but holds an HTML page, not a PDF");
    CHECK_THAT(reason("plain words", "report.docx"), Catch::Contains("not a Word document"));
    // Documents are documents.
    CHECK(reason(test::make_pdf({{"VMD0005", "Version 1.1"}}), "VMD0005.pdf").empty());
    CHECK(reason("A one-line note on corresponding adjustments.", "note.txt").empty());
    CHECK(reason("# Title\n\nText.", "README.md").empty());
    // extract_file says the same.
    test::TempDir d;
    test::write_file(d / "pointer.pdf", LFS_POINTER);
    auto x = extract_file(d / "pointer.pdf");
    CHECK(!x.doc);
    CHECK_THAT(x.skip, Catch::StartsWith("a git-LFS pointer"));
}

TEST_CASE("the indexer skips what is not a document with its reason", "[indexer][not-documents]") {
    test::Corpus c;
    c.write("verra/VMD0005-v1.1.pdf", LFS_POINTER);
    c.write("verra/VM0007-v1.8.pdf", "placeholder\n");
    c.write("verra/VT0001.pdf", "This file was saved as text.\nIt has two lines.\n");
    c.write("verra/VMD0001.txt", "VCS Module\n\nVMD0001\n\nESTIMATION OF CARBON STOCKS IN TREES\n\nVersion 1.2\n");
    std::map<std::string, std::string> skips;
    auto report = run_index(c.options(), [&](const Skip& s) { skips[s.path] = s.reason; });
    CHECK(report.skipped == 3);
    CHECK_THAT(skips["verra/VMD0005-v1.1.pdf"], Catch::StartsWith("a git-LFS pointer"));
    CHECK_THAT(skips["verra/VM0007-v1.8.pdf"], Catch::StartsWith("a placeholder"));
    CHECK_THAT(skips["verra/VT0001.pdf"], Catch::StartsWith("named .pdf but holds"));
    Xapian::Database db(c.db().string());
    CHECK(db.get_doccount() == 1);
    CHECK(db.get_termfreq(schema::term(schema::ID, "vmd0001-v1-2")) == 1);
    // A second run remembers the skips: nothing is extracted again, each is reported as before.
    skips.clear();
    auto again = run_index(c.options(), [&](const Skip& s) { skips[s.path] = s.reason; });
    CHECK(again.unchanged == 1);
    CHECK(again.added + again.changed == 0);
    CHECK_THAT(skips["verra/VMD0005-v1.1.pdf"], Catch::Contains("(unchanged since the last run)"));
}

TEST_CASE("a README that lists decisions is no decision and cites none of them", "[infer][not-documents]") {
    auto tax = Taxonomy::load(test::fixture("taxonomy.xml"));
    Extracted e;
    e.media_type = "text/markdown";
    e.title = "Real documents";
    e.pages = {README};
    auto r = infer_records(e, "README.md", "README.md", tax, nullptr);
    REQUIRE(r.records.size() == 1);
    CHECK(r.records[0].id == "f-readme-md");
    CHECK(r.records[0].symbols.empty());
    CHECK(r.records[0].references.empty());
    // The same text under another name is still a list: more codes than one in forty words.
    auto other = infer_records(e, "holdings.md", "holdings.md", tax, nullptr);
    REQUIRE(other.records.size() == 1);
    CHECK(other.records[0].symbols.empty());
    CHECK(other.records[0].references.empty());
    // A report that bundles decisions is not a list: its decisions are records.
    Extracted report;
    report.media_type = "text/plain";
    std::string body = "FCCC/PA/CMA/2030/9/Add.1\nDecision 1/CMA.9\nGuidance on cooperative approaches\n";
    for (int i = 0; i < 40; ++i) body += "The Conference of the Parties recalls decision 3/CMA.3 and its annex on guidance. ";
    report.pages = {body + "\nDecision 2/CMA.9\nRegistry matters\nThe registry and the designated national authority.\n"};
    CHECK(infer_records(report, "cma9.txt", "cma9.txt", tax, nullptr).records.size() == 2);
}
