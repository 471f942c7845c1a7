// SPDX-License-Identifier: Apache-2.0
// Passages through the indexer: stored with their record, read back in
// order, their start positions in the record's document, and no entry left
// behind when a record loses paragraphs, goes away or falls back to its
// catalog entry.
#include "core/index/indexer.h"
#include "core/model/passage.h"
#include "core/model/record.h"
#include "core/model/schema.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <xapian.h>

using namespace a6kb;
using test::Corpus;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> texts(const fs::path& db, const std::string& id) {
    std::vector<std::string> out;
    for (const auto& p : load_passages(Xapian::Database(db.string()), id)) out.push_back(p.text);
    return out;
}

size_t entries(const fs::path& db, const std::string& id) {
    Xapian::Database d(db.string());
    size_t n = 0;
    for (auto it = d.metadata_keys_begin(passage_prefix(id)); it != d.metadata_keys_end(passage_prefix(id)); ++it) ++n;
    return n;
}

std::optional<Xapian::Document> doc_of(const Xapian::Database& db, const std::string& id) {
    std::string q = schema::term(schema::ID, id);
    auto it = db.postlist_begin(q);
    if (it == db.postlist_end(q)) return std::nullopt;
    return db.get_document(*it);
}

const char* NOTE = "Wombats dig burrows.\n\nKoalas sleep in eucalyptus trees.\n\nPlatypus lay eggs.\n";

}  // namespace

TEST_CASE("passages are stored with their record and follow its changes", "[passages][indexer][e2e]") {
    Corpus c;
    c.write("notes/animals.txt", NOTE);
    run_index(c.options());
    const std::string id = "f-notes-animals-txt";
    CHECK(texts(c.db(), id) ==
          std::vector<std::string>{"Wombats dig burrows.", "Koalas sleep in eucalyptus trees.", "Platypus lay eggs."});

    SECTION("start positions name the passage a term falls in") {
        Xapian::Database db(c.db().string());
        auto doc = doc_of(db, id);
        REQUIRE(doc);
        auto starts = decode_starts(doc->get_value(schema::PASSAGES.slot));
        REQUIRE(starts.size() == 3);
        // The body's positions (the title, indexed first, has its own).
        auto body_pos = [&](const std::string& term) {
            std::vector<unsigned> out;
            for (auto it = db.positionlist_begin(doc->get_docid(), term); it != db.positionlist_end(doc->get_docid(), term); ++it)
                if (*it >= starts[0]) out.push_back(*it);
            return out;
        };
        CHECK(body_pos("wombats") == std::vector<unsigned>{starts[0]});
        CHECK(body_pos("koalas") == std::vector<unsigned>{starts[1]});
        CHECK(body_pos("platypus") == std::vector<unsigned>{starts[2]});
        // A phrase never spans two passages.
        CHECK(body_pos("koalas").front() > body_pos("burrows").front() + 1);
    }
    SECTION("the data holds no page text: load_pages rebuilds it from the passages") {
        Xapian::Database db(c.db().string());
        auto doc = doc_of(db, id);
        REQUIRE(doc);
        Record r = record_from_document(*doc);
        CHECK(r.pages.empty());
        CHECK(doc->get_data().find("Koalas") == std::string::npos);
        load_pages(db, r);
        CHECK(r.pages == std::vector<std::string>{"Wombats dig burrows.\n\nKoalas sleep in eucalyptus trees.\n\nPlatypus lay eggs."});
        CHECK(r.passages.size() == 3);
    }
    SECTION("fewer paragraphs: the stale entries go") {
        c.write("notes/animals.txt", "Wombats dig burrows.\n");
        run_index(c.options());
        CHECK(texts(c.db(), id) == std::vector<std::string>{"Wombats dig burrows."});
        CHECK(entries(c.db(), id) == 1);
    }
    SECTION("a deleted file leaves no passage") {
        fs::remove(c.root() / "notes/animals.txt");
        run_index(c.options());
        CHECK(entries(c.db(), id) == 0);
    }
}

TEST_CASE("a catalog record keeps the passages of the file that gave it text", "[passages][indexer][catalog]") {
    Corpus c;
    c.write("a.catalog.xml", R"(<catalog>
  <record><id>f-notes-animals-txt</id><title>Animals (catalog title)</title><url>https://example.org/animals</url></record>
</catalog>)");
    c.write("notes/animals.txt", NOTE);
    run_index(c.options());
    CHECK(texts(c.db(), "f-notes-animals-txt").size() == 3);

    // Indexed again with the catalog changed: the merge keeps the file's passages.
    c.write("a.catalog.xml", R"(<catalog>
  <record><id>f-notes-animals-txt</id><title>Animals (new title)</title><url>https://example.org/animals</url></record>
</catalog>)");
    run_index(c.options());
    CHECK(texts(c.db(), "f-notes-animals-txt").size() == 3);

    // The file goes: the record falls back to its catalog entry, which has no text.
    fs::remove(c.root() / "notes/animals.txt");
    run_index(c.options());
    Xapian::Database db(c.db().string());
    REQUIRE(doc_of(db, "f-notes-animals-txt"));
    CHECK(entries(c.db(), "f-notes-animals-txt") == 0);
}
