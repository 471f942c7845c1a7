// SPDX-License-Identifier: Apache-2.0
// PDFs extracted in a child process: the real worker (the indexer binary),
// and stand-ins that crash or hang, which must become skips, not failures.
#include "core/extract/worker.h"
#include "support.h"

#include <catch2/catch.hpp>

#include <sys/stat.h>

using namespace a6kb;
using test::TempDir;

namespace {
std::string script(const TempDir& dir, const std::string& name, const std::string& body) {
    auto p = dir / name;
    test::write_file(p, "#!/bin/sh\n" + body + "\n");
    ::chmod(p.c_str(), 0755);
    return p.string();
}
}  // namespace

TEST_CASE("the indexer's extraction child reads PDFs like the library in process", "[extract][worker]") {
    ExtractWorker w(A6KB_INDEXER_BIN, 60, 0);
    auto pdf = test::make_pdf({{"CLEAN DEVELOPMENT MECHANISM", "TOOL07", "Grid emission factor"}, {"Page two text here."}},
                              "A title");
    for (int round = 0; round < 3; ++round) {  // the same child serves many files
        auto r = w.extract(pdf, media::PDF);
        REQUIRE(r.doc);
        CHECK(r.doc->pages.size() == 2);
        CHECK(r.doc->title == "A title");
        CHECK(r.doc->media_type == media::PDF);
    }
    auto bad = w.extract("%PDF-1.4 garbage", media::PDF);
    CHECK(!bad.doc);
    CHECK_THAT(bad.skip, Catch::Contains("damaged PDF"));
    CHECK(w.extract(pdf, media::PDF).doc);  // and goes on after a bad one
}

TEST_CASE("a crashing or hanging child is a skip, and the next file gets a fresh one", "[extract][worker]") {
    TempDir dir;
    ExtractWorker crash(script(dir, "crash", "kill -SEGV $$"), 30, 0);
    auto r = crash.extract("%PDF-1.4", media::PDF);
    CHECK(!r.doc);
    CHECK_THAT(r.skip, Catch::Contains("failed on this file") && Catch::Contains("signal 11"));
    ExtractWorker hang(script(dir, "hang", "exec sleep 60"), 0.5, 0);
    auto h = hang.extract("%PDF-1.4", media::PDF);
    CHECK(!h.doc);
    CHECK_THAT(h.skip, Catch::Contains("took longer than"));
    ExtractWorker missing((dir / "no-such-program").string(), 5, 0);
    auto m = missing.extract("%PDF-1.4", media::PDF);
    CHECK(!m.doc);
    CHECK_THAT(m.skip, Catch::Contains("extraction process"));
}
