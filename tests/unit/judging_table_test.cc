// SPDX-License-Identifier: Apache-2.0
// core/search/judging_table: the values judging reads, held in memory, are
// the ones the documents hold.
#include "core/model/passage.h"
#include "core/model/schema.h"
#include "core/search/judging_table.h"

#include <catch2/catch.hpp>

using namespace a6kb;

namespace {

Xapian::Document doc_with(const std::vector<unsigned>& starts, const std::string& title_words, const std::string& body_end,
                          const std::string& type) {
    Xapian::Document d;
    if (!starts.empty()) d.add_value(schema::PASSAGES.slot, encode_starts(starts));
    if (!title_words.empty()) d.add_value(schema::TITLE_WORDS.slot, title_words);
    if (!body_end.empty()) d.add_value(schema::BODY_END.slot, body_end);
    if (!type.empty()) d.add_boolean_term(schema::facet("type")->prefix + type);
    return d;
}

}  // namespace

TEST_CASE("judging table: every document's starts, title length, body end and provision flag, as stored", "[search][passages]") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    std::vector<Xapian::docid> ids;
    ids.push_back(db.add_document(doc_with({1, 40, 90}, "6", "130", "decision")));
    ids.push_back(db.add_document(doc_with({}, "", "", "glossary")));                 // a catalog record: no passages
    ids.push_back(db.add_document(doc_with({5, 6000, 70000}, "12", "70400", "provision")));
    ids.push_back(db.add_document(doc_with({3}, "not a number", "-1", "")));          // damaged values read as unknown
    db.delete_document(ids[1]);                                                      // a gap in the ids
    db.commit();

    auto table = JudgingTable::build(db);
    for (Xapian::docid did : {ids[0], ids[2], ids[3]}) {
        const JudgingValues want = JudgingValues::of(db.get_document(did));
        const JudgingValues got = table->values(did);
        CHECK(got.starts == want.starts);
        CHECK(got.title_words == want.title_words);
        CHECK(got.body_end == want.body_end);
    }
    CHECK(decode_starts(table->values(ids[2]).starts) == std::vector<unsigned>{5, 6000, 70000});
    CHECK(table->values(ids[0]).title_words == 6);
    CHECK(table->values(ids[2]).body_end == 70400);
    CHECK(table->values(ids[3]).title_words == 0);
    CHECK(table->values(ids[3]).body_end == 0);
    CHECK(table->is_provision(ids[2]));
    CHECK_FALSE(table->is_provision(ids[0]));
    // Deleted, and added after the table was built: no values, no crash.
    CHECK(table->values(ids[1]).starts.empty());
    const Xapian::docid later = db.add_document(doc_with({1, 2}, "3", "9", "provision"));
    CHECK(table->values(later).starts.empty());
    CHECK_FALSE(table->is_provision(later));
    CHECK(table->values(0).starts.empty());
}
