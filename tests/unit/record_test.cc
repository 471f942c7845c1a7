// SPDX-License-Identifier: Apache-2.0
#include "core/model/passage.h"
#include "core/model/record.h"
#include "core/model/schema.h"
#include "core/model/taxonomy.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace a6kb;

TEST_CASE("a record becomes a document with facet terms, values and its data", "[record]") {
    auto tax = Taxonomy::load(test::fixture("taxonomy.xml"));
    Record r;
    r.id = "ams-iii-d-v21-0";
    r.title = "Methane recovery";
    r.symbols = {"AMS-III.D"};
    r.version = "21.0";
    r.family = "AMS-III.D";
    r.set_one("type", "methodology");
    r.set("group", {"project-developers", "governments-dnas"});
    r.set("topic", {"authorization-corresponding-adjustments"});
    r.set("scope", {"13"});
    r.date = "2017-09-26";
    r.pages = {"Manure management systems.", "Page two."};
    r.references = {"TOOL14"};

    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::TermGenerator tg;
    tg.set_stemmer(Xapian::Stem("english"));
    auto doc = to_document(r, {schema::exact_term(schema::SOURCE, "/c/a.pdf")}, tg, &tax);
    db.add_document(doc);

    auto has = [&](const std::string& t) { return db.term_exists(t); };
    CHECK(has("Qams-iii-d-v21-0"));
    CHECK(has("XSYams-iii.d"));
    CHECK(has("XFams-iii.d"));
    CHECK(has("XKmethodology"));
    CHECK(has("XGproject-developers"));
    CHECK(has("XGgovernments-dnas"));
    CHECK(has("XSC13"));
    CHECK(has("XY2017"));
    CHECK(has("XRtool14"));
    CHECK(has("XP/c/a.pdf"));
    CHECK(has("XN"));
    CHECK(has("ZSmethan"));    // title, prefixed and stemmed
    CHECK(has("Zmanur"));      // body, stemmed
    CHECK(has("ca"));         // a topic's acronym, from the taxonomy
    CHECK(has("Zauthor"));    // ...and its label
    CHECK(!has("dna"));       // stakeholder groups are an audience, not indexed as text
    CHECK(doc.get_value(schema::facet("group")->slot) == "governments-dnas|project-developers");
    CHECK(doc.get_value(schema::DATE.slot) == "20170926");
    CHECK(doc.get_value(schema::VERSION.slot) == "000021.000000");

    Record back = record_from_document(db.get_document(1));
    // The data also records where each page starts among the term positions.
    REQUIRE(back.page_pos.size() == 2);
    CHECK(back.page_pos[0] < back.page_pos[1]);
    auto first = db.positionlist_begin(1, "manure");
    REQUIRE(first != db.positionlist_end(1, "manure"));
    CHECK(*first >= back.page_pos[0]);
    CHECK(*first < back.page_pos[1]);
    back.page_pos.clear();
    CHECK(nlohmann::json(to_json(back)) == nlohmann::json(to_json(r)));
    CHECK(source_keys_of(db.get_document(1)) == std::vector<std::string>{"XP/c/a.pdf"});
}

TEST_CASE("passages survive their storage: keys in order, starts as varints, damage tolerated", "[passage]") {
    a6kb::Passage p;
    p.label = "annex, chapter V.D, paragraph 58";
    p.anchor = "annex-p58";
    p.number = "58";
    p.path = {"Annex", "V. Share of proceeds", "D. Adaptation"};
    p.page = 12;
    p.text = "Five per cent of A6.4ERs at first transfer.";
    auto back = a6kb::decode_passage(a6kb::encode_passage(p));
    CHECK(back.label == p.label);
    CHECK(back.anchor == p.anchor);
    CHECK(back.number == "58");
    CHECK(back.path == p.path);
    CHECK(back.page == 12);
    CHECK(back.text == p.text);
    CHECK(a6kb::decode_passage("not json").label == "text");
    CHECK(a6kb::passage_key("3-cma-3", 2) < a6kb::passage_key("3-cma-3", 10));
    CHECK(a6kb::passage_key("3-cma-3", 0).rfind(a6kb::passage_prefix("3-cma-3"), 0) == 0);
    CHECK(a6kb::passage_key(std::string(500, 'x'), 1).size() < 200);
    std::vector<unsigned> starts = {1, 2, 130, 70000, 70000, 4000000000u};
    CHECK(a6kb::decode_starts(a6kb::encode_starts(starts)) == starts);
}

TEST_CASE("long passages are stored deflated and read back; damaged ones do not throw", "[passage]") {
    a6kb::Passage p;
    p.label = "annex, paragraph 3";
    p.anchor = "annex-p3";
    for (int i = 0; i < 40; ++i) p.text += "The registry records each transfer of credits. ";
    std::string stored = a6kb::encode_passage(p);
    CHECK(stored.size() < p.text.size() / 2);
    auto back = a6kb::decode_passage(stored);
    CHECK(back.text == p.text);
    CHECK(back.label == "annex, paragraph 3");
    auto damaged = a6kb::decode_passage(stored.substr(0, stored.size() / 2));
    CHECK(damaged.label == "text");
    CHECK(a6kb::decode_passage(std::string(1, '\x01')).label == "text");
    // Short ones stay plain JSON.
    p.text = "Short.";
    CHECK(a6kb::encode_passage(p).front() == '{');
}
