// SPDX-License-Identifier: Apache-2.0
// End-to-end indexing: a small corpus written by the test, indexed, changed,
// re-indexed; and the real a6kb-indexer binary killed mid-run.
#include "core/index/indexer.h"
#include "core/model/record.h"
#include "core/model/schema.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace a6kb;
using test::Corpus;
using test::TempDir;
namespace fs = std::filesystem;

namespace {

const char* BUNDLE =
    "FCCC/PA/CMA/2030/9/Add.1\n"
    "Decision 1/CMA.9\nGuidance on cooperative approaches\nRecalling decision 3/CMA.9,\n 7th plenary meeting\n12 November 2030\n"
    "Decision 2/CMA.9\nRegistry matters\nThe registry and the designated national authority.\n"
    "Decision 3/CMA.9\nRules of the mechanism\nThe supervisory body and article 6, paragraph 4.\n";

std::string methodology_pdf(const std::string& version) {
    return test::make_pdf({{"CLEAN DEVELOPMENT MECHANISM", "AMS-III.D", "Small-scale Methodology",
                            "Methane recovery in animal manure", "Version " + version, "Sectoral scope(s): 13"},
                           {"Manure management. This methodology refers to TOOL14."}});
}

std::optional<Record> get(const fs::path& db_path, const std::string& id) {
    Xapian::Database db(db_path.string());
    std::string q = schema::term(schema::ID, id);
    auto it = db.postlist_begin(q);
    if (it == db.postlist_end(q)) return std::nullopt;
    Record r = record_from_document(db.get_document(*it));
    load_pages(db, r);  // the text is in the passages (schema 5)
    return r;
}

size_t count_term(const fs::path& db_path, const std::string& term) {
    Xapian::Database db(db_path.string());
    return db.get_termfreq(term);
}

}  // namespace

TEST_CASE("index, re-run unchanged, change, delete", "[indexer][e2e]") {
    Corpus c;
    c.write("decisions/cma9.txt", BUNDLE);
    c.write("meth/AMS-III.D_v20.pdf", methodology_pdf("20.0"));
    c.write("meth/AMS-III.D_v21.pdf", methodology_pdf("21.0"));
    c.write("broken.pdf", "%PDF-1.7\nthis is not really a PDF");
    c.write("notes/lab.md", "---\ntitle: Lab notes\ntype: lab-session\ngroups: [DNA]\n---\nWhat the labs said.\n");
    c.write("page.html", "<html><head><title>Registry page</title></head><body><p>Registries and tracking.</p></body></html>");
    c.write(".hidden/secret.txt", "never indexed");

    std::vector<Skip> skips;
    auto r1 = run_index(c.options(), [&](const Skip& s) { skips.push_back(s); });
    CHECK(r1.files == 6);
    CHECK(r1.added == 5);
    CHECK(r1.skipped == 1);
    REQUIRE(skips.size() == 1);
    CHECK(skips[0].path == "broken.pdf");
    CHECK_THAT(skips[0].reason, Catch::Contains("PDF"));
    CHECK(r1.documents == 3 + 2 + 1 + 1);

    auto d1 = get(c.db(), "1-cma-9");
    REQUIRE(d1);
    CHECK(d1->title == "Guidance on cooperative approaches");
    CHECK(d1->sources == std::vector<std::string>{"decisions/cma9.txt"});
    CHECK(count_term(c.db(), "XR3/cma.9") == 1);  // 3/CMA.9 is cited by 1/CMA.9
    auto v20 = get(c.db(), "ams-iii-d-v20-0"), v21 = get(c.db(), "ams-iii-d-v21-0");
    REQUIRE(v20);
    REQUIRE(v21);
    CHECK(!v20->latest);
    CHECK(v21->latest);
    CHECK(count_term(c.db(), "XFams-iii.d") == 2);
    auto lab = get(c.db(), "f-notes-lab-md");
    REQUIRE(lab);
    CHECK(lab->first("type") == "lab-session");
    CHECK(lab->values("group") == std::vector<std::string>{"governments-dnas"});
    CHECK(count_term(c.db(), "secret") == 0);

    SECTION("a second run finds everything unchanged and writes nothing") {
        auto r2 = run_index(c.options());
        CHECK(r2.unchanged == 5);
        CHECK(r2.added + r2.changed == 0);
        CHECK(r2.records_written == 0);
        CHECK(r2.skipped == 1);  // still unreadable, still reported
        CHECK(r2.documents == r1.documents);
    }
    SECTION("a changed file replaces its records; a decision removed from it disappears") {
        std::string bundle(BUNDLE);
        c.write("decisions/cma9.txt", bundle.substr(0, bundle.find("Decision 3/CMA.9")));
        auto r2 = run_index(c.options());
        CHECK(r2.changed == 1);
        CHECK(r2.unchanged == 4);
        CHECK(r2.records_deleted == 1);
        CHECK(!get(c.db(), "3-cma-9"));
        CHECK(get(c.db(), "2-cma-9"));
    }
    SECTION("a new version takes over as latest; a deleted file's records go") {
        c.write("meth/AMS-III.D_v22.pdf", methodology_pdf("22.0"));
        fs::remove(c.root() / "page.html");
        auto r2 = run_index(c.options());
        CHECK(r2.added == 1);
        CHECK(r2.vanished == 1);
        CHECK(!get(c.db(), "ams-iii-d-v21-0")->latest);
        CHECK(get(c.db(), "ams-iii-d-v22-0")->latest);
        CHECK(count_term(c.db(), "Zregistri") == 1);  // only the decision mentions registries now
        fs::remove(c.root() / "meth/AMS-III.D_v22.pdf");
        run_index(c.options());
        CHECK(get(c.db(), "ams-iii-d-v21-0")->latest);
    }
    SECTION("a file fixed after being skipped is indexed") {
        c.write("broken.pdf", test::make_pdf({{"Now a readable PDF about authorization and corresponding adjustments."}}));
        auto r2 = run_index(c.options());
        CHECK(r2.skipped == 0);
        CHECK(r2.added == 1);
    }
}

TEST_CASE("catalog records merge with the file of the same symbol and version", "[indexer][e2e][catalog]") {
    Corpus c;
    c.write("meth.catalog.xml", R"(<catalog>
  <record><symbol>AMS-III.D</symbol><version>21.0</version><title>Methane recovery (catalog title)</title>
    <url>https://example.org/ams-iii-d/v21</url><status>adopted</status></record>
  <record><title>Glossary: corresponding adjustment</title><type>glossary</type><cites>2/CMA.3</cites></record>
</catalog>)");
    auto r1 = run_index(c.options());
    CHECK(r1.documents == 2);
    auto rec = get(c.db(), "ams-iii-d-v21-0");
    REQUIRE(rec);
    CHECK(rec->pages.empty());

    // The user adds the official PDF: text joins the catalog record, no duplicate.
    TempDir downloads;
    test::write_file(downloads / "AMS-III.D-v21.pdf", methodology_pdf("21.0"));
    IndexOptions o = c.options();
    o.paths.push_back(downloads.path());
    auto r2 = run_index(o);
    CHECK(r2.documents == 2);
    rec = get(c.db(), "ams-iii-d-v21-0");
    REQUIRE(rec);
    CHECK(rec->title == "Methane recovery (catalog title)");
    CHECK(rec->url == "https://example.org/ams-iii-d/v21");
    CHECK(rec->values("scope") == std::vector<std::string>{"13"});
    REQUIRE(!rec->pages.empty());
    CHECK(rec->sources.size() == 2);
    CHECK(count_term(c.db(), "Zmanur") == 1);

    // The PDF goes away: the catalog record stays, without the text.
    fs::remove(downloads / "AMS-III.D-v21.pdf");
    auto r3 = run_index(o);
    CHECK(r3.vanished == 1);
    CHECK(r3.documents == 2);
    rec = get(c.db(), "ams-iii-d-v21-0");
    REQUIRE(rec);
    CHECK(rec->pages.empty());
    CHECK(count_term(c.db(), "Zmanur") == 0);
}

TEST_CASE("a bad catalog is skipped with its line; the rest is indexed", "[indexer][e2e][catalog]") {
    Corpus c;
    c.write("bad.catalog.xml", "<catalog>\n<record><title>T</title><group>nobody</group></record></catalog>");
    c.write("a.txt", "Some text about cooperative approaches and more words here.");
    std::vector<Skip> skips;
    auto r = run_index(c.options(), [&](const Skip& s) { skips.push_back(s); });
    CHECK(r.documents == 1);
    REQUIRE(skips.size() == 1);
    CHECK_THAT(skips[0].reason, Catch::Contains("bad.catalog.xml:2"));
}

namespace {

// Runs the indexer binary; returns its exit status.
int run_binary(const std::vector<std::string>& args, pid_t* pid_out = nullptr) {
    pid_t pid = fork();
    if (pid == 0) {
        int devnull = open("/dev/null", O_WRONLY);
        dup2(devnull, STDERR_FILENO);
        std::vector<char*> argv;
        std::string bin = A6KB_INDEXER_BIN;
        argv.push_back(bin.data());
        std::vector<std::string> copy = args;
        for (auto& a : copy) argv.push_back(a.data());
        argv.push_back(nullptr);
        execv(bin.c_str(), argv.data());
        _exit(127);
    }
    if (pid_out) {
        *pid_out = pid;
        return 0;
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("a batch ends at its file count or at its amount of text, whichever comes first", "[indexer][e2e][batch]") {
    // 40 files of about 2,000 bytes of text each. A commit is one revision.
    Corpus c;
    const int n = 40;
    for (int i = 0; i < n; ++i) {
        std::string body = "Record " + std::to_string(i) + " on registries.";
        while (body.size() < 2000) body += " word" + std::to_string((i * 13 + body.size()) % 911);
        c.write("f" + std::to_string(i) + ".txt", body);
    }
    auto revisions = [&](size_t files, uint64_t text, const std::string& name) {
        IndexOptions o = c.options();
        o.db = c.dir.path() / name;
        o.batch_files = files;
        o.batch_text_bytes = text;
        auto report = run_index(o);
        CHECK(report.documents == n);
        return Xapian::Database(o.db.string()).get_revision();
    };
    const auto one = revisions(1000, 1ull << 30, "one");
    const auto by_files = revisions(4, 1ull << 30, "by-files");
    const auto by_text = revisions(1000, 5000, "by-text");  // every third file
    CHECK(one <= 2);
    CHECK(by_files >= one + n / 4 - 1);
    CHECK(by_files <= one + n / 4 + 1);
    CHECK(by_text >= one + n / 3 - 1);
    CHECK(by_text <= one + n / 3 + 1);
}

TEST_CASE("the indexer binary: strict mode, JSON report, bad taxonomy", "[indexer][e2e][cli]") {
    Corpus c;
    c.write("good.txt", "Guidance for designated national authorities on authorization.");
    c.write("empty.txt", "");
    auto report = c.dir.path() / "report.json";
    CHECK(run_binary({"--db", c.db().string(), "--taxonomy", test::fixture("taxonomy.xml"), "--report", report.string(),
                      "--quiet", c.root().string()}) == 0);
    auto j = nlohmann::json::parse(test::read_file(report));
    CHECK(j["added"] == 1);
    CHECK(j["skipped"] == 1);
    CHECK(j["skips"][0]["path"] == "empty.txt");
    CHECK(j["skips"][0]["reason"] == "empty file");
    CHECK(run_binary({"--db", c.db().string(), "--taxonomy", test::fixture("taxonomy.xml"), "--strict", "--quiet",
                      c.root().string()}) == 3);
    test::write_file(c.dir / "bad.xml", "<taxonomy>");
    CHECK(run_binary({"--db", c.db().string(), "--taxonomy", (c.dir / "bad.xml").string(), c.root().string()}) == 2);
    CHECK(run_binary({"--db", c.db().string(), c.root().string() + "/missing"}) != 0);
}

TEST_CASE("kill -9 in the middle leaves the last commit openable; the next run completes", "[indexer][e2e][kill]") {
    Corpus c;
    const int n = 600;
    for (int i = 0; i < n; ++i) {
        std::string body = "Record " + std::to_string(i) + " on corresponding adjustments and registries. ";
        for (int k = 0; k < 200; ++k) body += "word" + std::to_string((i * 7 + k) % 997) + " ";
        c.write("f" + std::to_string(i) + ".txt", body);
    }
    pid_t pid = 0;
    run_binary({"--db", c.db().string(), "--taxonomy", test::fixture("taxonomy.xml"), "--batch", "10", "--jobs", "1",
                c.root().string()},
               &pid);
    // Wait (bounded) until at least two batches are committed, then kill.
    bool committed = false;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!committed && std::chrono::steady_clock::now() < deadline) {
        try {
            Xapian::Database db(c.db().string());
            committed = db.get_revision() >= 2 && db.get_doccount() > 0;
        } catch (const Xapian::Error&) {
            // Not created yet.
        }
        if (!committed) std::this_thread::yield();
    }
    REQUIRE(committed);
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);

    size_t before = 0;
    {
        Xapian::Database db(c.db().string());
        before = db.get_doccount();
        CHECK(before > 0);
        for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it)
            CHECK_NOTHROW(decode_data(db.get_document(*it).get_data()));
    }
    auto r = run_index(c.options());
    CHECK(r.documents == static_cast<size_t>(n));
    CHECK(r.unchanged + r.added == static_cast<size_t>(n));
    CHECK(r.unchanged >= before);
}
