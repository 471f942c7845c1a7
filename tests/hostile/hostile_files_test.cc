// SPDX-License-Identifier: Apache-2.0
// Hostile files: damaged, truncated, bit-flipped, explosive, deeply nested,
// oversized, badly named, unreadable and vanishing inputs. Each must be read
// or skipped with a reason a person can act on, in bounded time, and never
// stop a run or take the good documents with it. Every input is made here,
// from fixed seeds, so a failure replays exactly.
//
// No case asserts on the wall clock (a loaded machine would make it flaky):
// each asserts the property a time limit would stand for instead: the limit
// named in the skip reason, the text kept small, the bytes read bounded. A
// real hang is caught by ctest's TIMEOUT for these tests (tests/CMakeLists.txt).
// The WARN lines report the time taken, for information only.
#include "core/index/catalog.h"
#include "core/extract/extract.h"
#include "core/index/indexer.h"
#include "core/model/schema.h"
#include "core/model/symbols.h"
#include "core/model/taxonomy.h"
#include "core/model/text.h"
#include "hostile.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fcntl.h>
#include <map>
#include <sys/stat.h>
#include <unistd.h>

using namespace a6kb;
using test::TempDir;
namespace fs = std::filesystem;
namespace hostile = a6kb::test::hostile;

namespace {

// Small limits keep the bombs fast: 1 MiB inflated per Word file.
ExtractLimits small_limits() {
    ExtractLimits l;
    l.max_unpacked = 1 << 20;
    return l;
}

double seconds_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

// Every variant must give a document or a skip whose reason names the format
// (`word`); returns how many were skipped. Failures are collected, not
// asserted one by one, so a thousand variants make one readable report.
size_t check_variants(const std::vector<std::pair<std::string, std::string>>& variants, std::string_view type,
                      const std::string& word) {
    size_t skipped = 0;
    std::vector<std::string> failures;
    for (const auto& [name, bytes] : variants) {
        auto r = extract_bytes(bytes, type, small_limits());
        if (r.doc) {
            if (text::repair_utf8(r.doc->first_page_text(1000)) != r.doc->first_page_text(1000))
                failures.push_back(name + ": text is not valid UTF-8");
            continue;
        }
        ++skipped;
        if (r.skip.find(word) == std::string::npos && r.skip != "empty file")
            failures.push_back(name + ": reason '" + r.skip + "'");
        if (r.skip.rfind("extractor failed", 0) == 0) failures.push_back(name + ": an exception escaped: " + r.skip);
    }
    INFO(failures.size() << " of " << variants.size() << " variants misbehaved; first: "
                         << (failures.empty() ? std::string() : failures.front()));
    CHECK(failures.empty());
    return skipped;
}

bool valid_utf8(const std::string& s) { return text::repair_utf8(s) == s; }

// The folder of the run below: good files, and bad ones with the words each
// one's skip reason must contain.
struct HostileFolder {
    std::vector<std::string> good_ids;        // "f-" and the slug of the path
    std::vector<std::string> good_by_source;  // non-ASCII names, found by their source
    std::map<std::string, std::string> bad;   // path -> words of its skip reason
};

void write_good_files(const fs::path& root, HostileFolder& f) {
    // The good: ids are "f-" and the slug of the path (no symbols in them);
    // names with non-ASCII letters are looked up by their source instead.
    auto good = [&](const std::string& rel, const std::string& bytes) {
        test::write_file(root / rel, bytes);
        bool ascii = std::all_of(rel.begin(), rel.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
        if (ascii) f.good_ids.push_back("f-" + slug(rel));
        else f.good_by_source.push_back(rel);
    };
    for (int i = 0; i < 30; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "good-%02d.txt", i);
        good(name, "Good document number " + std::to_string(i) + " on registries and corresponding adjustments.");
    }
    good("good.pdf", hostile::good_pdf());
    test::make_docx(root / "good.docx", {{"Title", "A readable Word file"}, {"", "Text about host Party authorization."}});
    f.good_ids.push_back("f-good-docx");
    good("good.html", "<html><head><title>Good page</title></head><body><p>Registries and tracking.</p></body></html>");
    good("good.md", "---\ntitle: Good notes\n---\nNotes on the mechanism.\n");
    good("name with spaces.txt", "A file name with spaces in it, about baselines.");
    good("r\xC3\xA9sum\xC3\xA9 \xE4\xB8\xAD\xE6\x96\x87.txt", "A file name with non-ASCII letters, about monitoring.");
    good("\xC3\xA9t\xC3\xA9.txt", "Summer: another non-ASCII name, about leakage.");
    good("\xE4\xB8\xAD\xE6\x96\x87/\xE6\x96\x87.txt", "A folder with a Chinese name, about additionality.");
    good("\xE4\xB8\xAD\xE6\x96\x87/\xE4\xB8\xAD.txt", "Another Chinese name in it, about permanence.");
    good("invalid-utf8.txt", hostile::invalid_utf8());
    good("laughs.xml", hostile::billion_laughs());  // harmless: entities are not expanded
}

// `dir` holds `root` and a folder outside it, for a link to point at.
void write_bad_files(const fs::path& dir, const fs::path& root, HostileFolder& f) {
    // The bad, each with the words its skip reason must contain.
    auto add_bad = [&](const std::string& rel, const std::string& bytes, const std::string& reason) {
        test::write_file(root / rel, bytes);
        f.bad[rel] = reason;
    };
    const std::string pdf = hostile::good_pdf();
    add_bad("bad/truncated.pdf", pdf.substr(0, pdf.size() / 3), "PDF");
    add_bad("bad/flipped.pdf", hostile::first_skipped(hostile::bit_flips(pdf, 400), media::PDF), "PDF");
    TempDir scratch;
    const std::string docx = hostile::good_docx(scratch);
    add_bad("bad/truncated.docx", docx.substr(0, docx.size() / 2), "damaged Word document");
    add_bad("bad/flipped.docx", hostile::first_skipped(hostile::bit_flips(docx, 400), media::DOCX), "Word");
    add_bad("bad/bomb.docx", hostile::docx_bomb(scratch, 8 << 20), "possible zip bomb");
    add_bad("bad/deep.html", hostile::deep_html(100000, "div"), "nested too deeply");
    add_bad("bad/deep.xml", hostile::deep_xml(100000), "XML document has no text");
    add_bad("bad/deep.docx", hostile::deep_docx(scratch, 50000), "Word document has no text");
    add_bad("bad/deep.md", std::string(100000, '>') + " deep", "Markdown file has no text");
    add_bad("bad/empty.txt", "", "empty file");
    add_bad("bad/empty.pdf", "", "empty file");
    add_bad("bad/front.md", "---\ntitle: [unclosed\n---\nbody\n", "malformed front matter at line 3");  // the end of the YAML
    add_bad("bad/random.bin", hostile::random_bytes(4096, 7), "unsupported format");
    add_bad("bad/not-really.pdf", "%PDF-1.7\nthis is not really a PDF", "damaged PDF");
    // A sparse 2 GB file: the size limit must refuse it before a byte is read.
    {
        int fd = ::open((root / "bad/sparse.pdf").c_str(), O_CREAT | O_WRONLY | O_TRUNC, 0644);
        REQUIRE(fd >= 0);
        REQUIRE(::ftruncate(fd, off_t(2) << 30) == 0);
        ::close(fd);
        f.bad["bad/sparse.pdf"] = "too large";
    }
    // Unreadable: chmod 000 does not stop root, so the check needs a normal user.
    const bool root_user = ::geteuid() == 0;
    add_bad("bad/unreadable.txt", "secret words", "unreadable: Permission denied");
    fs::permissions(root / "bad/unreadable.txt", fs::perms::none);
    if (root_user) {
        WARN("running as root: chmod 000 does not stop reading, the unreadable-file check is skipped");
        f.bad.erase("bad/unreadable.txt");
        f.good_ids.push_back("f-bad-unreadable-txt");
    }
    // A symlink loop, a dangling link and a link to a folder: each named.
    fs::create_symlink("loop", root / "bad/loop");
    f.bad["bad/loop"] = "symbolic link loop";
    fs::create_symlink("nowhere.pdf", root / "bad/dangling.pdf");
    f.bad["bad/dangling.pdf"] = "broken symbolic link";
    fs::create_directories(dir / "elsewhere");
    test::write_file(dir / "elsewhere/outside.txt", "A file outside the folder indexed.");
    fs::create_directory_symlink(dir / "elsewhere", root / "bad/linked-folder");
    f.bad["bad/linked-folder"] = "symbolic link to a folder: not followed";
    // Vanishes between the listing and the reading: deleted after the first
    // file is written, while it is still more than a window (16 files) ahead.
    add_bad("zz-vanishes.txt", "gone before it is read", "unreadable: No such file or directory");
}

}  // namespace


TEST_CASE("PDF: truncated and bit-flipped copies are read or skipped with a PDF reason", "[hostile][pdf]") {
    const std::string pdf = hostile::good_pdf();
    auto started = std::chrono::steady_clock::now();
    auto truncated = hostile::truncations(pdf, 96);
    auto flipped = hostile::bit_flips(pdf, 400);
    size_t skipped = check_variants(truncated, media::PDF, "PDF");
    CHECK(skipped >= truncated.size() / 2);  // most cuts lose the page tree
    size_t flipped_skipped = check_variants(flipped, media::PDF, "PDF");
    WARN("PDF: " << truncated.size() << " cuts, " << skipped << " skipped; " << flipped.size() << " bit-flipped, "
                 << flipped_skipped << " skipped; " << seconds_since(started) << " s");
    // Hand-made damage poppler must refuse.
    for (const std::string& bad : std::vector<std::string>{"%PDF-1.4\n", "%PDF-1.7\n" + std::string(4096, '\0'),
                                   "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 1 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
                                   "%PDF-1.4\nxref\n0 99999999\ntrailer << /Size 99999999 >>\nstartxref\n9\n%%EOF"}) {
        auto r = extract_bytes(bad, media::PDF);
        CHECK(!r.doc);
        CHECK_THAT(r.skip, Catch::Contains("PDF"));
    }
}

TEST_CASE("Word: truncated and bit-flipped copies are read or skipped with a Word reason", "[hostile][docx]") {
    TempDir dir;
    const std::string docx = hostile::good_docx(dir);
    auto started = std::chrono::steady_clock::now();
    auto truncated = hostile::truncations(docx, 96);
    size_t skipped = check_variants(truncated, media::DOCX, "Word");
    CHECK(skipped >= truncated.size() - 2);  // the central directory is at the end
    auto flipped = hostile::bit_flips(docx, 400);
    size_t flipped_skipped = check_variants(flipped, media::DOCX, "Word");
    WARN("Word: " << truncated.size() << " cuts, " << skipped << " skipped; " << flipped.size() << " bit-flipped, "
                  << flipped_skipped << " skipped; " << seconds_since(started) << " s");
    auto not_zip = extract_bytes("PK\x03\x04 but nothing else", media::DOCX);
    CHECK_THAT(not_zip.skip, Catch::Contains("damaged Word document"));
}

TEST_CASE("Word: zip bombs are refused at the limit, whatever the headers claim", "[hostile][docx][bomb]") {
    TempDir dir;
    auto bomb = extract_bytes(hostile::docx_bomb(dir, 8 << 20), media::DOCX, small_limits());
    CHECK(!bomb.doc);
    CHECK_THAT(bomb.skip, Catch::Contains("possible zip bomb"));
    auto side = extract_bytes(hostile::docx_side_bomb(dir, 8 << 20), media::DOCX, small_limits());
    CHECK(!side.doc);
    CHECK_THAT(side.skip, Catch::Contains("over the limit; possible zip bomb"));
    // Headers patched to claim 100 bytes: the inflater, not the header, is trusted.
    auto liar = extract_bytes(hostile::docx_lying_bomb(dir, 8 << 20), media::DOCX, small_limits());
    CHECK(!liar.doc);
    CHECK_THAT(liar.skip, Catch::Contains("Word document"));
}

TEST_CASE("XML: a billion laughs stays a few bytes, its entities not expanded", "[hostile][xml]") {
    auto r = extract_bytes(hostile::billion_laughs(), media::XML);
    REQUIRE(r.doc);
    CHECK(r.doc->text_size() < 1000);
    // The same inside a Word file, a catalog and a taxonomy.
    TempDir dir;
    test::make_docx(dir / "laughs.docx", {{"", "x"}}, {{"word/document.xml", hostile::billion_laughs()}});
    auto w = extract_bytes(test::read_file(dir / "laughs.docx"), media::DOCX);
    CHECK((!w.doc || w.doc->text_size() < 1000));
    auto tax = Taxonomy::load(test::fixture("taxonomy.xml"));
    test::write_file(dir / "laughs.catalog.xml", hostile::billion_laughs());
    CHECK_THROWS_WITH(load_catalog(dir / "laughs.catalog.xml", tax), Catch::Contains("<catalog>"));
    CHECK_THROWS_WITH(Taxonomy::parse(hostile::billion_laughs(), "laughs.xml"), Catch::Contains("<taxonomy>"));
}

TEST_CASE("deep nesting is refused or cut short, never a stack overflow", "[hostile][nesting]") {
    auto html = extract_bytes(hostile::deep_html(100000, "div"), media::HTML);
    CHECK(!html.doc);
    CHECK_THAT(html.skip, Catch::Contains("nested too deeply"));
    CHECK_THAT(extract_bytes(hostile::deep_html(100000, "span"), media::HTML).skip, Catch::Contains("nested too deeply"));
    // A deep but plausible page is read whole.
    auto fine = extract_bytes(hostile::deep_html(1000, "div"), media::HTML);
    REQUIRE(fine.doc);
    CHECK_THAT(fine.doc->pages[0], Catch::Contains("deep text"));
    // Unclosed paragraphs and list items are siblings, not nesting.
    std::string flat = "<html><body>";
    for (int i = 0; i < 20000; ++i) flat += "<p>para <li>item ";
    CHECK(extract_bytes(flat, media::HTML).doc);
    std::string voids = "<html><body>";
    for (int i = 0; i < 6000; ++i)
        voids += "<![CDATA[x]]> <br> <img src=x> <svg><g><path d=\"M0\"/><circle r=\"1\"/></g></svg> <!-- <div> --> ";
    auto read = extract_bytes(voids + "<p>end", media::HTML);
    REQUIRE(read.doc);
    CHECK_THAT(read.doc->pages[0], Catch::Contains("end"));
    // An HTML tag inside <svg> ends it: the <path/>s after it nest.
    std::string breakout = "<html><body><svg><b>";
    for (int i = 0; i < 100000; ++i) breakout += "<path/>";
    CHECK_THAT(extract_bytes(breakout, media::HTML).skip, Catch::Contains("nested too deeply"));
    // Outside SVG and MathML the slash is ignored: these nest.
    std::string slashes = "<html><body>";
    for (int i = 0; i < 100000; ++i) slashes += "<div/>";
    CHECK_THAT(extract_bytes(slashes, media::HTML).skip, Catch::Contains("nested too deeply"));

    auto xml = extract_bytes(hostile::deep_xml(100000), media::XML);
    CHECK(!xml.doc);
    CHECK_THAT(xml.skip, Catch::Contains("XML document has no text"));
    TempDir dir;
    auto docx = extract_bytes(hostile::deep_docx(dir, 100000), media::DOCX);
    CHECK(!docx.doc);
    CHECK_THAT(docx.skip, Catch::Contains("Word document has no text"));
    auto md = extract_bytes(std::string(100000, '>') + " deep", media::MARKDOWN);
    CHECK(!md.doc);
    CHECK_THAT(md.skip, Catch::Contains("Markdown file has no text"));
    std::string list;
    for (int i = 0; i < 2000; ++i) list += std::string(static_cast<size_t>(i) * 2, ' ') + "- item\n";
    CHECK(extract_bytes(list, media::MARKDOWN).doc);
    auto yaml = extract_bytes("---\ntitle: " + std::string(100000, '[') + "\n---\nbody\n", media::MARKDOWN);
    CHECK_THAT(yaml.skip, Catch::Contains("malformed front matter"));
}

TEST_CASE("invalid UTF-8 is repaired, not fatal, in every text format", "[hostile][utf8]") {
    const std::string bad = hostile::invalid_utf8();
    for (auto type : {media::TEXT, media::MARKDOWN, media::HTML}) {
        INFO(type);
        auto r = extract_bytes(bad, type);
        REQUIRE(r.doc);
        CHECK(r.doc->repaired_bytes > 0);
        CHECK(valid_utf8(r.doc->pages[0]));
        CHECK_THAT(r.doc->pages[0], Catch::Contains("cooperative approaches"));
    }
    auto xml = extract_bytes("<doc>" + bad + "</doc>", media::XML);
    REQUIRE(xml.doc);
    CHECK(valid_utf8(xml.doc->pages[0]));
}

TEST_CASE("broken front matter is a skip with its line, or plain text", "[hostile][markdown]") {
    struct Case {
        const char* md;
        const char* reason;  // empty: read as a document
    };
    const Case cases[] = {
        {"---\ntitle: [unclosed\n---\nbody\n", "malformed front matter at line"},
        {"---\ntitle: a\n\ttab: b\n---\nbody\n", "malformed front matter"},
        {"---\n- a\n- b\n---\nbody\n", "expected key: value lines"},
        {"---\n? [a, b]\n: c\n---\nbody\n", "a key must be a word"},
        {"---\n{x: y}: z\n---\nbody\n", "a key must be a word"},
        {"---\n&a [*a]\n---\nbody\n", "malformed front matter"},
        {"---\ntitle: never closed\nbody\n", ""},  // no closing line: no front matter, all text
        {"---\n---\nbody only\n", ""},
        {"---\ngroups: {a: [1, {b: c}]}\n---\nbody\n", ""},
    };
    for (const auto& c : cases) {
        INFO(c.md);
        auto r = extract_bytes(c.md, media::MARKDOWN);
        if (*c.reason) {
            CHECK(!r.doc);
            CHECK_THAT(r.skip, Catch::Contains(c.reason));
        } else {
            CHECK(r.doc);
        }
    }
}

TEST_CASE("a run over a hostile folder skips each bad file with its reason and indexes every good one",
          "[hostile][indexer][e2e]") {
    TempDir dir;
    const fs::path root = dir / "corpus";
    HostileFolder folder;
    write_good_files(root, folder);
    write_bad_files(dir.path(), root, folder);
    auto& [good_ids, good_by_source, bad] = folder;

    IndexOptions o;
    o.db = dir / "index";
    o.taxonomy = test::fixture("taxonomy.xml");
    o.paths = {root};
    o.jobs = 2;
    o.batch_files = 7;
    o.limits = small_limits();
    std::vector<Skip> skips;
    bool deleted = false;
    auto report = run_index(
        o, [&](const Skip& s) { skips.push_back(s); },
        [&](const Progress&) {
            if (!deleted) deleted = fs::remove(root / "zz-vanishes.txt");
        });
    CHECK(deleted);
    fs::permissions(root / "bad/unreadable.txt", fs::perms::owner_all);  // so TempDir can remove it

    std::map<std::string, std::string> reasons;
    for (const auto& s : skips) reasons[s.path] = s.reason;
    for (const auto& [path, words] : bad) {
        INFO(path);
        REQUIRE(reasons.count(path));
        CHECK_THAT(reasons[path], Catch::Contains(words));
    }
    CHECK(reasons.size() == bad.size());
    CHECK(skips.size() == bad.size());
    CHECK(report.skipped == skips.size());
    // Not one byte of the sparse file was read, nor of any big input.
    CHECK(report.bytes < (32u << 20));

    Xapian::Database db(o.db.string());
    for (const auto& id : good_ids) {
        INFO(id);
        CHECK(db.get_termfreq(schema::term(schema::ID, id)) == 1);
    }
    // Every good file is a record of its own (non-ASCII names included),
    // found by its source; nothing else is in the index.
    const size_t good_files = good_ids.size() + good_by_source.size();
    CHECK(db.get_doccount() == good_files);
    CHECK(report.documents == good_files);
    for (const auto& src : good_by_source) {
        INFO(src);
        CHECK(db.get_termfreq(schema::exact_term(schema::SOURCE, (fs::canonical(root) / src).string())) == 1);
    }

    // The extractors, called directly on the same bytes, give the same reasons.
    for (const auto& [path, words] : bad) {
        if (words == "too large" || words.rfind("unreadable", 0) == 0 || words.find("symbolic link") != std::string::npos)
            continue;
        INFO(path);
        std::string bytes = test::read_file(root / path);
        auto r = extract_bytes(bytes, sniff_media_type(bytes, root / path), small_limits());
        CHECK(!r.doc);
        CHECK_THAT(r.skip, Catch::Contains(words));
    }
    auto sparse = extract_file(root / "bad/sparse.pdf");
    CHECK_THAT(sparse.skip, Catch::Contains("too large"));

    SECTION("a second run reports the same skips and reads nothing good again") {
        std::vector<Skip> again;
        auto r2 = run_index(o, [&](const Skip& s) { again.push_back(s); });
        CHECK(r2.unchanged == good_files);
        CHECK(r2.records_written == 0);
        CHECK(r2.documents == good_files);
        CHECK(again.size() == skips.size() - 1);  // the vanished file is gone for good
    }
}
