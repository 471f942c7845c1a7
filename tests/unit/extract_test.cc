// SPDX-License-Identifier: Apache-2.0
#include "core/extract/extract.h"
#include "support.h"

#include <catch2/catch.hpp>

using namespace a6kb;
using test::TempDir;

TEST_CASE("PDF: text per page, title and date from metadata", "[extract][pdf]") {
    auto pdf = test::make_pdf({{"CLEAN DEVELOPMENT MECHANISM", "AMS-III.D", "Methane recovery"},
                               {"Page two speaks of cookstoves."}},
                              "Methane recovery in animal manure");
    auto r = extract_bytes(pdf, sniff_media_type(pdf, "x.pdf"));
    REQUIRE(r.doc);
    CHECK(r.doc->media_type == media::PDF);
    REQUIRE(r.doc->pages.size() == 2);
    CHECK(r.doc->pages[0].find("AMS-III.D") != std::string::npos);
    CHECK(r.doc->pages[1].find("cookstoves") != std::string::npos);
    CHECK(r.doc->title == "Methane recovery in animal manure");
    CHECK(r.doc->date == "2022-03-08");
}

TEST_CASE("PDF: damaged, truncated and text-less files are skipped with a reason", "[extract][pdf]") {
    auto pdf = test::make_pdf({{"Some text that is long enough to count as a text layer."}});
    auto damaged = extract_bytes("%PDF-1.4\n%garbage\n" + std::string(200, 'x'), media::PDF);
    CHECK(!damaged.doc);
    CHECK_THAT(damaged.skip, Catch::Contains("PDF"));
    auto truncated = extract_bytes(pdf.substr(0, pdf.size() / 3), media::PDF);
    CHECK(!truncated.doc);
    auto empty_pages = extract_bytes(test::make_pdf({{}, {}}), media::PDF);
    CHECK(!empty_pages.doc);
    CHECK_THAT(empty_pages.skip, Catch::Contains("no text layer"));
}

TEST_CASE("media type comes from content, not the extension", "[extract]") {
    auto pdf = test::make_pdf({{"x"}});
    CHECK(sniff_media_type(pdf, "misnamed.txt") == media::PDF);
    CHECK(sniff_media_type("<!DOCTYPE html><html><body>x</body></html>", "page.txt") == media::HTML);
    CHECK(sniff_media_type("<?xml version=\"1.0\"?><doc/>", "data.txt") == media::XML);
    CHECK(sniff_media_type("# Title\n\nbody", "note.md") == media::MARKDOWN);
    CHECK(sniff_media_type("plain words", "note.pdf") == media::TEXT);
    CHECK(sniff_media_type(std::string("\x7f" "ELF\x02\x01\x01\0\0\0", 10) + std::string(100, '\0'), "a.txt") != media::TEXT);
    CHECK(sniff_media_type("", "a.txt") == "inode/x-empty");
    CHECK(!extract_bytes("", media::TEXT).doc);
    auto unsupported = extract_bytes("x", "application/x-executable");
    CHECK_THAT(unsupported.skip, Catch::Contains("unsupported"));
}

TEST_CASE("Word: paragraphs, headings, page breaks, core properties", "[extract][docx]") {
    TempDir dir;
    test::make_docx(dir / "d.docx",
                    {{"Title", "Decisions adopted"}, {"Heading1", "Decision 6/CMA.3"}, {"", "First page text."},
                     {"", "\f"}, {"", "Second page text."}},
                    {{"docProps/core.xml",
                      "<?xml version=\"1.0\"?><cp:coreProperties xmlns:cp=\"c\" xmlns:dc=\"d\" xmlns:dcterms=\"t\">"
                      "<dc:title>Report addendum</dc:title><dcterms:created>2022-03-08T10:00:00Z</dcterms:created>"
                      "</cp:coreProperties>"}});
    auto bytes = test::read_file(dir / "d.docx");
    CHECK(sniff_media_type(bytes, "d.bin") == media::DOCX);
    auto r = extract_bytes(bytes, media::DOCX);
    REQUIRE(r.doc);
    REQUIRE(r.doc->pages.size() == 2);
    CHECK(r.doc->pages[0].find("First page text.") != std::string::npos);
    CHECK(r.doc->pages[1] == "Second page text.");
    CHECK(r.doc->title == "Report addendum");
    CHECK(r.doc->date == "2022-03-08");
    CHECK(r.doc->headings == std::vector<std::string>{"Decisions adopted", "Decision 6/CMA.3"});
}

TEST_CASE("Word: a zip bomb and a zip without document.xml are refused", "[extract][docx]") {
    TempDir dir;
    test::make_docx(dir / "bomb.docx", {{"", "small"}}, {{"word/media/zeros.bin", std::string(4 << 20, '\0')}});
    ExtractLimits limits;
    limits.max_unpacked = 1 << 20;
    auto r = extract_bytes(test::read_file(dir / "bomb.docx"), media::DOCX, limits);
    CHECK(!r.doc);
    CHECK_THAT(r.skip, Catch::Contains("zip bomb"));
    test::make_docx(dir / "ok.docx", {{"", "small"}});
    auto bytes = test::read_file(dir / "ok.docx");
    CHECK(extract_bytes(bytes, media::DOCX, limits).doc);
    auto broken = extract_bytes(bytes.substr(0, bytes.size() / 2), media::DOCX);
    CHECK(!broken.doc);
    CHECK_THAT(broken.skip, Catch::Contains("damaged"));
}

TEST_CASE("HTML: title, headings, description; scripts and navigation dropped", "[extract][html]") {
    auto r = extract_bytes(
        "<!doctype html><html lang=\"fr\"><head><title>Guide des AND</title><meta name=\"description\" "
        "content=\"Pour les autorités.\"><style>body{}</style><script>var secret=1;</script></head><body>"
        "<nav>Menu Home Login</nav><h1>Autorisation</h1><p>Le texte <b>utile</b>.</p><footer>Footer</footer>"
        "<p>Unclosed <div>tag soup",
        media::HTML);
    REQUIRE(r.doc);
    const auto& text = r.doc->pages.at(0);
    CHECK(r.doc->title == "Guide des AND");
    CHECK(r.doc->summary == "Pour les autorités.");
    CHECK(r.doc->lang == "fr");
    CHECK(r.doc->headings == std::vector<std::string>{"Autorisation"});
    CHECK(text.find("Le texte utile.") != std::string::npos);
    CHECK(text.find("tag soup") != std::string::npos);
    for (const char* gone : {"secret", "Menu", "Footer", "body{}"}) CHECK(text.find(gone) == std::string::npos);
}

TEST_CASE("XML: text and title; malformed XML names its line", "[extract][xml]") {
    auto r = extract_bytes("<?xml version=\"1.0\"?><doc xml:lang=\"en\"><title>Registry rules</title><p>Issuance of "
                           "A6.4ERs.</p></doc>",
                           media::XML);
    REQUIRE(r.doc);
    CHECK(r.doc->title == "Registry rules");
    CHECK(r.doc->pages[0].find("Issuance of A6.4ERs.") != std::string::npos);
    auto bad = extract_bytes("<?xml version=\"1.0\"?>\n<doc>\n<p>open\n</doc>", media::XML);
    CHECK(!bad.doc);
    CHECK_THAT(bad.skip, Catch::Contains("malformed XML at line"));
}

TEST_CASE("Markdown: front matter is metadata, first heading the title", "[extract][markdown]") {
    auto r = extract_bytes("---\ntitle: Lab outcome\ngroups: [DNA, development-banks]\ndate: 2026-05-01\n---\n"
                           "# Heading one\n\nSome *emphasis* and `code`.\n\n- item\n",
                           media::MARKDOWN);
    REQUIRE(r.doc);
    CHECK(r.doc->meta.at("title") == std::vector<std::string>{"Lab outcome"});
    CHECK(r.doc->meta.at("groups") == std::vector<std::string>{"DNA", "development-banks"});
    CHECK(r.doc->title == "Heading one");
    CHECK(r.doc->pages[0].find("Some emphasis and code.") != std::string::npos);
    CHECK(r.doc->pages[0].find("---") == std::string::npos);
    auto bad = extract_bytes("---\ntitle: [unclosed\n---\nbody", media::MARKDOWN);
    CHECK(!bad.doc);
    CHECK_THAT(bad.skip, Catch::Contains("front matter"));
}

TEST_CASE("text: CRLF, tabs, form feeds as pages, bad bytes repaired", "[extract][text]") {
    auto r = extract_bytes("Decision\t1/CMA.3\r\nGlasgow\xFF pact\fpage two\r\n", media::TEXT);
    REQUIRE(r.doc);
    REQUIRE(r.doc->pages.size() == 2);
    CHECK(r.doc->pages[0] == "Decision 1/CMA.3\nGlasgow\xEF\xBF\xBD pact");
    CHECK(r.doc->pages[1] == "page two");
    CHECK(r.doc->repaired_bytes == 1);
}

TEST_CASE("extract_file refuses files over the size limit and missing files", "[extract]") {
    TempDir dir;
    test::write_file(dir / "big.txt", std::string(2048, 'a'));
    ExtractLimits limits;
    limits.max_file_size = 1024;
    auto r = extract_file(dir / "big.txt", limits);
    CHECK(!r.doc);
    CHECK_THAT(r.skip, Catch::Contains("too large"));
    CHECK(!extract_file(dir / "missing.txt").doc);
}
