// SPDX-License-Identifier: Apache-2.0
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
