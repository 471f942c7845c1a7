// SPDX-License-Identifier: Apache-2.0
// The reader (/doc/{id} with the record's text), its passage links
// (/doc/{id}/at/{anchor}), citations and the original file (/doc/{id}/file).
// The long note's passages are written here, after indexing, so that the
// contents, parts and anchors asserted do not depend on the indexer's cutter.
#include "core/model/passage.h"
#include "core/search/citation.h"
#include "core/search/reader.h"
#include "serving.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <filesystem>

using namespace a6kb;
using test::TempDir;

namespace {

constexpr size_t LONG_PASSAGES = 2 * PASSAGES_PER_PART + 20;  // three parts

// Passage n of the long note: a heading every 100 ("Chapter 1"...), else
// "paragraph n" with anchor "pn" on page n / 10 + 1.
Passage long_passage(size_t n) {
    Passage p;
    p.page = static_cast<int>(n / 10 + 1);
    if (n % 100 == 0) {
        p.heading = true;
        p.anchor = "chapter-" + std::to_string(n / 100 + 1);
        p.label = "chapter " + std::to_string(n / 100 + 1);
        p.text = "Chapter " + std::to_string(n / 100 + 1);
        return p;
    }
    p.anchor = "p" + std::to_string(n);
    p.number = std::to_string(n);
    p.label = "paragraph " + std::to_string(n);
    p.path = {"Chapter " + std::to_string(n / 100 + 1)};
    p.text = std::to_string(n) + ". Parties shall report " + (n == 230 ? "the shareable zebra" : "their progress") + ".";
    return p;
}

// Replaces record `id`'s passages with `count` made by `make`.
template <class Make>
void write_passages(const std::filesystem::path& db_path, const std::string& id, size_t count, Make make) {
    Xapian::WritableDatabase db(db_path.string());
    const std::string prefix = passage_prefix(id);
    std::vector<std::string> old;
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) old.push_back(*it);
    for (const auto& k : old) db.set_metadata(k, "");
    for (size_t n = 0; n < count; ++n) db.set_metadata(passage_key(id, n), encode_passage(make(n)));
    db.commit();
}

struct Library {
    TempDir dir;
    IndexOptions options;
    std::unique_ptr<test::Serving> serving, no_files;
    Library() {
        options = test::index_search_corpus(dir.path(), {test::markup_note(),
                                                         {"notes/long.md", "---\ntitle: A long note\n---\nParties shall report.\n"},
                                                         {"notes/big.md", "---\ntitle: Big paragraphs\n---\nBig.\n"},
                                                         {"notes/gone.md", "---\ntitle: A note since deleted\n---\nGone.\n"},
                                                         {"notes/changed.md", "---\ntitle: A note since changed\n---\nBefore.\n"}});
        write_passages(options.db, "f-notes-long-md", LONG_PASSAGES, long_passage);
        write_passages(options.db, "f-notes-big-md", 10, [](size_t n) {
            Passage p;
            p.anchor = "b" + std::to_string(n);
            p.label = "paragraph " + std::to_string(n);
            p.text = std::string(60 * 1024, static_cast<char>('a' + n));
            return p;
        });
        std::filesystem::remove(dir / "corpus/notes/gone.md");
        test::write_file(dir / "corpus/notes/changed.md", "---\ntitle: A note since changed\n---\nAfter.\n");
        ServerConfig c;
        c.db = options.db.string();
        c.port = 0;
        c.threads = 4;
        c.quiet = true;
        c.web = std::string(A6KB_WEB);
        serving = std::make_unique<test::Serving>(c);
        c.no_files = true;
        no_files = std::make_unique<test::Serving>(c);
    }
    httplib::Result get(const std::string& path, const httplib::Headers& headers = {}, bool files = true) {
        httplib::Client cli("127.0.0.1", (files ? serving : no_files)->port());
        return cli.Get(path.c_str(), headers);
    }
};

Library& library() {
    static Library l;
    return l;
}

std::string count_of(const std::string& body, const std::string& what) {
    size_t n = 0;
    for (size_t at = body.find(what); at != std::string::npos; at = body.find(what, at + 1)) ++n;
    return std::to_string(n);
}

}  // namespace

TEST_CASE("the reader shows part 1 of the text with anchors, page numbers, contents and parts", "[reader]") {
    auto r = library().get("/doc/f-notes-long-md");
    REQUIRE(r);
    REQUIRE(r->status == 200);
    const std::string& b = r->body;
    CHECK_THAT(b, Catch::Contains("<div class=\"passage\" id=\"p1\">"));
    CHECK_THAT(b, Catch::Contains("id=\"p149\""));
    CHECK(b.find("id=\"p150\"") == std::string::npos);  // part 2's first passage is not here
    CHECK_THAT(b, Catch::Contains("<h3 class=\"ptext\">Chapter 2</h3>"));
    // Page numbers in the margin, once per page, linking the original at that page.
    CHECK_THAT(b, Catch::Contains("<a class=\"page-no\" href=\"/doc/f-notes-long-md/file#page=2\">p.&nbsp;2</a>"));
    CHECK(count_of(b, "class=\"page-no\"") == "15");
    // Contents: the headings of every part; those of other parts link their part.
    CHECK_THAT(b, Catch::Contains("<a href=\"#chapter-1\">Chapter 1</a>"));
    CHECK_THAT(b, Catch::Contains("<a href=\"/doc/f-notes-long-md?part=2#chapter-3\">Chapter 3</a>"));
    CHECK_THAT(b, Catch::Contains("Part 1 of 3"));
    CHECK_THAT(b, Catch::Contains("<a rel=\"next\" href=\"/doc/f-notes-long-md?part=2#doc-text\">Next part</a>"));
    // Cite: the string and the stable link.
    CHECK_THAT(b, Catch::Contains("<p class=\"citation\">A long note, paragraph 7</p>"));
    CHECK_THAT(b, Catch::Contains("href=\"/doc/f-notes-long-md/at/p7\""));
    CHECK_THAT(b, Catch::Contains("Cite this document"));
    CHECK(b.size() < 500 * 1024);
}

TEST_CASE("the reader's other parts, and parts that do not exist", "[reader]") {
    auto two = library().get("/doc/f-notes-long-md?part=2");
    REQUIRE(two);
    CHECK(two->status == 200);
    CHECK_THAT(two->body, Catch::Contains("id=\"p150\"") && Catch::Contains("id=\"p299\"") && Catch::Contains("Part 2 of 3"));
    CHECK(two->body.find("id=\"p149\"") == std::string::npos);
    CHECK_THAT(two->body, Catch::Contains("<a href=\"/doc/f-notes-long-md#chapter-1\">Chapter 1</a>"));
    auto past = library().get("/doc/f-notes-long-md?part=4");
    REQUIRE(past);
    CHECK(past->status == 404);
    CHECK_THAT(past->body, Catch::Contains("There is no part 4 of this text: it has 3."));
    for (const char* bad : {"abc", "0", "-1", "99999999"}) {
        auto r = library().get(std::string("/doc/f-notes-long-md?part=") + bad);
        REQUIRE(r);
        CHECK(r->status == 400);
        CHECK_THAT(r->body, Catch::Contains("parameter &#39;part&#39;"));
    }
}

TEST_CASE("parts also end at a byte budget, so large passages make more, smaller parts", "[reader]") {
    // Ten passages of 60 KB: four fit in PART_BYTES (250 KB), so 4 + 4 + 2.
    auto r = library().get("/api/v1/documents/f-notes-big-md?part=2");
    REQUIRE(r);
    REQUIRE(r->status == 200);
    auto t = nlohmann::json::parse(r->body)["text"];
    CHECK(t["parts"] == 3);
    REQUIRE(t["passages"].size() == 4);
    CHECK(t["passages"][0]["anchor"] == "b4");
    auto page = library().get("/doc/f-notes-big-md?part=1");
    REQUIRE(page);
    CHECK(page->body.size() < 500 * 1024);
    auto at = library().get("/doc/f-notes-big-md/at/b9");
    REQUIRE(at);
    CHECK(at->get_header_value("Location") == "/doc/f-notes-big-md?part=3#b9");
}

TEST_CASE("a passage's stable link redirects to the part holding it, keeping the query", "[reader]") {
    auto r = library().get("/doc/f-notes-long-md/at/p230?q=zebra");
    REQUIRE(r);
    CHECK(r->status == 302);
    CHECK(r->get_header_value("Location") == "/doc/f-notes-long-md?part=2&q=zebra#p230");
    auto first = library().get("/doc/f-notes-long-md/at/p3");
    REQUIRE(first);
    CHECK(first->get_header_value("Location") == "/doc/f-notes-long-md#p3");
    auto none = library().get("/doc/f-notes-long-md/at/p9999");
    REQUIRE(none);
    CHECK(none->status == 404);
    CHECK_THAT(none->body, Catch::Contains("has no paragraph \xE2\x80\x9Cp9999\xE2\x80\x9D"));
    auto no_record = library().get("/doc/no-such-record/at/p1");
    REQUIRE(no_record);
    CHECK(no_record->status == 404);
}

TEST_CASE("arriving with q= highlights the query's words, escaped, and links the next match", "[reader]") {
    auto r = library().get("/doc/f-notes-long-md?part=2&q=zebra");
    REQUIRE(r);
    CHECK_THAT(r->body, Catch::Contains("the shareable <mark>zebra</mark>."));
    CHECK_THAT(r->body, Catch::Contains("1 paragraph of this part matches \xE2\x80\x9Czebra\xE2\x80\x9D"));
    CHECK_THAT(r->body, Catch::Contains("<a class=\"first-match\" href=\"#p230\">First match</a>"));
    // Part links keep the query.
    CHECK_THAT(r->body, Catch::Contains("href=\"/doc/f-notes-long-md?part=3&amp;q=zebra#doc-text\""));
    auto many = library().get("/doc/f-notes-long-md?q=report");
    REQUIRE(many);
    CHECK_THAT(many->body, Catch::Contains("<p class=\"next-match\"><a href=\"#p2\">Next match</a></p>"));
    // The indexed text of the markup note: its markup stays text, highlighted or not.
    auto markup = library().get("/doc/f-notes-markup-md?q=alert");
    REQUIRE(markup);
    CHECK(markup->status == 200);
    CHECK_THAT(markup->body, Catch::Contains("&lt;img src=x onerror=<mark>alert</mark>(2)&gt;"));
    CHECK(markup->body.find("<img") == std::string::npos);
    CHECK(markup->body.find("<script>alert") == std::string::npos);
}

TEST_CASE("the document API gives a part of the text with citations and links", "[reader][api]") {
    auto r = library().get("/api/v1/documents/f-notes-long-md?part=2");
    REQUIRE(r);
    REQUIRE(r->status == 200);
    auto j = nlohmann::json::parse(r->body);
    CHECK(j["citation"] == "\xE2\x80\x9C" "A long note\xE2\x80\x9D, /doc/f-notes-long-md");
    CHECK(j["file"] == "/doc/f-notes-long-md/file");
    const auto& t = j["text"];
    CHECK(t["part"] == 2);
    CHECK(t["parts"] == 3);
    CHECK(t["passages_total"] == LONG_PASSAGES);
    CHECK(t["next"] == "/api/v1/documents/f-notes-long-md?part=3");
    CHECK(t["contents"].size() == 4);  // chapters at 0, 100, 200, 300
    REQUIRE(t["passages"].size() == PASSAGES_PER_PART);
    const auto& p = t["passages"][1];
    CHECK(p["anchor"] == "p151");
    CHECK(p["citation"] == "A long note, paragraph 151");
    CHECK(p["link"] == "/doc/f-notes-long-md/at/p151");
    CHECK(p["file_link"] == "/doc/f-notes-long-md/file#page=16");
    CHECK(p["path"] == nlohmann::json::array({"Chapter 2"}));
    auto bad = library().get("/api/v1/documents/f-notes-long-md?part=x");
    REQUIRE(bad);
    CHECK(bad->status == 400);
    CHECK_THAT(bad->body, Catch::Contains("parameter 'part'"));
}

TEST_CASE("the original file: its bytes, media type, name and ranges", "[reader][file]") {
    const std::string pdf = test::read_file(library().dir / "corpus/meth/AMS-III.D_v21.0.pdf");
    auto r = library().get("/doc/ams-iii-d-v21-0/file");
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->get_header_value("Content-Type") == "application/pdf");
    CHECK(r->get_header_value("Content-Disposition") ==
          "inline; filename=\"AMS-III.D_v21.0.pdf\"; filename*=UTF-8''AMS-III.D_v21.0.pdf");
    CHECK(r->get_header_value("Accept-Ranges") == "bytes");
    CHECK(r->body == pdf);
    const std::string size = std::to_string(pdf.size());
    auto part = library().get("/doc/ams-iii-d-v21-0/file", {{"Range", "bytes=5-14"}});
    REQUIRE(part);
    CHECK(part->status == 206);
    CHECK(part->get_header_value("Content-Range") == "bytes 5-14/" + size);
    CHECK(part->body == pdf.substr(5, 10));
    auto tail = library().get("/doc/ams-iii-d-v21-0/file", {{"Range", "bytes=-7"}});
    REQUIRE(tail);
    CHECK(tail->status == 206);
    CHECK(tail->body == pdf.substr(pdf.size() - 7));
    // A range running past the end is cut at the end; one starting past it is refused.
    auto past = library().get("/doc/ams-iii-d-v21-0/file", {{"Range", "bytes=" + std::to_string(pdf.size() - 4) + "-99999999"}});
    REQUIRE(past);
    CHECK(past->status == 206);
    CHECK(past->get_header_value("Content-Range") == "bytes " + std::to_string(pdf.size() - 4) + "-" +
                                                        std::to_string(pdf.size() - 1) + "/" + size);
    CHECK(past->body == pdf.substr(pdf.size() - 4));
    auto beyond = library().get("/doc/ams-iii-d-v21-0/file", {{"Range", "bytes=99999999-"}});
    REQUIRE(beyond);
    CHECK(beyond->status == 416);
    CHECK(beyond->get_header_value("Content-Range") == "bytes */" + size);
    // Text is shown as text, in a sandbox.
    auto note = library().get("/doc/f-notes-long-md/file");
    REQUIRE(note);
    CHECK(note->status == 200);
    CHECK(note->get_header_value("Content-Type") == "text/plain; charset=utf-8");
    CHECK_THAT(note->get_header_value("Content-Security-Policy"), Catch::StartsWith("sandbox"));
}

TEST_CASE("the original file is found by record id only; what is not served is a 404 saying why", "[reader][file]") {
    for (const char* path : {"/doc/..%2F..%2Fetc%2Fpasswd/file", "/doc/a/b/file", "/doc/%2Fetc%2Fpasswd/file", "/doc/../file"}) {
        INFO(path);
        auto r = library().get(path);
        REQUIRE(r);
        CHECK(r->status == 404);
        CHECK(r->body.find("root:") == std::string::npos);
    }
    auto catalog = library().get("/doc/3-cma-3/file");
    REQUIRE(catalog);
    CHECK(catalog->status == 404);
    CHECK_THAT(catalog->body, Catch::Contains("comes from a catalog, not from a file"));
    // With a Range header too: the page whole (httplib would cut it to the range).
    auto ranged = library().get("/doc/3-cma-3/file", {{"Range", "bytes=0-9"}});
    REQUIRE(ranged);
    CHECK(ranged->status == 404);
    CHECK_THAT(ranged->body, Catch::Contains("comes from a catalog, not from a file") && Catch::EndsWith("</html>\n"));
    auto far = library().get("/doc/f-notes-gone-md/file", {{"Range", "bytes=99999-"}});
    REQUIRE(far);
    CHECK(far->status == 404);
    auto gone = library().get("/doc/f-notes-gone-md/file");
    REQUIRE(gone);
    CHECK(gone->status == 404);
    CHECK_THAT(gone->body, Catch::Contains("The file this record was indexed from (notes/gone.md) is no longer there"));
    auto changed = library().get("/doc/f-notes-changed-md/file");
    REQUIRE(changed);
    CHECK(changed->status == 404);
    CHECK_THAT(changed->body, Catch::Contains("(notes/changed.md) has changed since"));
    // A catalog record's page links its official document, not a file.
    auto page = library().get("/doc/3-cma-3");
    REQUIRE(page);
    CHECK(page->body.find("/doc/3-cma-3/file") == std::string::npos);
}

TEST_CASE("serving with no_files (--no-files) turns the original file off, with a 404 that says so, and pages stop linking it", "[reader][file]") {
    auto r = library().get("/doc/ams-iii-d-v21-0/file", {}, false);
    REQUIRE(r);
    CHECK(r->status == 404);
    CHECK_THAT(r->body, Catch::Contains("does not serve original files (it runs with --no-files)"));
    auto page = library().get("/doc/f-notes-long-md", {}, false);
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->body.find("/file") == std::string::npos);
    CHECK_THAT(page->body, Catch::Contains("<span class=\"page-no\">p.&nbsp;2</span>"));
    auto api = library().get("/api/v1/documents/f-notes-long-md", {}, false);
    REQUIRE(api);
    CHECK(nlohmann::json::parse(api->body)["file"].is_null());
}

TEST_CASE("a passage's citation: the document as cited, then the passage's place", "[reader][cite]") {
    Record decision;
    decision.id = "3-cma-3";
    decision.symbols = {"3/CMA.3", "FCCC/PA/CMA/2021/10/Add.1"};
    decision.title = "Rules, modalities and procedures";
    decision.date = "2021-11-13";
    decision.url = "https://unfccc.int/documents/460950";
    decision.set_one("type", "decision");
    Passage p;
    p.label = "annex, chapter V.D, paragraph 58";
    CHECK(citation(decision, p) == "decision 3/CMA.3, annex, chapter V.D, paragraph 58");
    CHECK(document_citation(decision) ==
          "3/CMA.3, \xE2\x80\x9CRules, modalities and procedures\xE2\x80\x9D, 13 November 2021, https://unfccc.int/documents/460950");
    Record meth;
    meth.symbols = {"AMS-III.D"};
    meth.version = "21.0";
    p.label = "section 5.2 (Applicability), page 4";
    CHECK(citation(meth, p) == "AMS-III.D version 21.0, section 5.2 (Applicability), page 4");
    CHECK(written_date("2021-11", false) == "Nov 2021");
    CHECK(passage_path("3-cma-3", "annex-p58") == "/doc/3-cma-3/at/annex-p58");
    CHECK(file_path("tool07-v7-0", 12) == "/doc/tool07-v7-0/file#page=12");
}
