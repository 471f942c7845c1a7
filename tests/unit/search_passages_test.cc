// SPDX-License-Identifier: Apache-2.0
// core/search/passages: which passage answers, how it is shown and cited.
#include "core/model/errors.h"
#include "core/model/record.h"
#include "core/model/schema.h"
#include "core/search/citation.h"
#include "core/search/passages.h"
#include "core/search/query.h"
#include "core/search/request.h"

#include <catch2/catch.hpp>

using namespace a6kb;

namespace {

// Query words as the searcher would build them, without a database.
QueryWords words_of(std::initializer_list<std::string> ws) {
    QueryWords q;
    const Xapian::Stem stem("english");
    for (const auto& w : ws) q.words.push_back({w, stem(w), {{w}}, 1.0});
    return q;
}

size_t best_of(const std::vector<PassageEvidence>& ev) {
    REQUIRE(!ev.empty());
    return ev.front().ordinal;
}

}  // namespace

TEST_CASE("passages: one holding every word beats one repeating a single word", "[search][passages]") {
    auto q = words_of({"share", "proceeds"});
    const std::vector<unsigned> starts = {100, 200, 300};
    // Passage 0 says "share" six times; passage 1 holds both words once.
    WordPositions pos = {{110, 120, 130, 140, 150, 160, 250}, {255}};
    auto ev = score_passages(starts, pos, q);
    CHECK(best_of(ev) == 1);
    CHECK(ev.front().held_count() == 2);
    CHECK(ev.front().coverage == Approx(1.0));
    // Word weights count: the rare word alone beats the common word alone.
    q.words[1].weight = 4;
    auto weighted = score_passages(starts, {{110, 120, 130}, {210}}, q);
    CHECK(best_of(weighted) == 1);
}

TEST_CASE("passages: words side by side in a paragraph beat words far apart in a long one; not the first match", "[search][passages]") {
    auto q = words_of({"corresponding", "adjustment", "ndc"});
    // Passage 0 (long: 300 positions) has all three words far apart;
    // passage 2 has them together; passage 1 has two.
    const std::vector<unsigned> starts = {100, 400, 500, 600};
    WordPositions pos = {{105, 410, 520}, {250, 411, 521}, {390, 523}};
    auto ev = score_passages(starts, pos, q, 700);
    CHECK(best_of(ev) == 2);
    CHECK(ev.front().window <= 4);
    CHECK(ev.front().adjacent >= 2);
    // Every passage with a word is judged, best first.
    CHECK(ev.size() == 3);
    CHECK(ev[1].ordinal == 0);  // all words, scattered
    CHECK(ev[2].ordinal == 1);  // two of three
}

TEST_CASE("passages: a heading that repeats the query loses to the paragraph under it", "[search][passages]") {
    auto q = words_of({"share", "proceeds"});
    const std::vector<unsigned> starts = {100, 104, 200};  // passage 0 is 4 positions long
    WordPositions pos = {{100, 110}, {102, 112}};
    auto ev = score_passages(starts, pos, q, 300);
    CHECK(best_of(ev) == 1);
}

TEST_CASE("passages: the words of a heading count, half, for the paragraph under it", "[search][passages]") {
    auto q = words_of({"common", "practice", "additional", "region"});
    // Passage 0 is a heading (25 positions with the gap): "Common practice";
    // passage 1 under it says "additional ... region"; passage 3, far off, says "additional" and "region" too.
    const std::vector<unsigned> starts = {100, 125, 200, 300};
    WordPositions pos = {{121}, {122}, {130, 310}, {140, 315}};
    auto ev = score_passages(starts, pos, q, 400);
    CHECK(best_of(ev) == 1);
    CHECK(ev.front().held_count() == 4);
    CHECK(ev.front().coverage == Approx(0.75));
    CHECK(ev[1].ordinal == 3);
}

TEST_CASE("passages: the strength of an answer and which passages speak to the query", "[search][passages]") {
    auto q = words_of({"a", "b", "c"});
    PassageEvidence all;
    all.held = 0b111;
    all.coverage = 1;
    all.window = 3;
    PassageEvidence two = all;
    two.held = 0b011;
    two.coverage = 2.0 / 3;
    PassageEvidence apart = all;
    apart.window = 400;
    CHECK(answer_strength(all, 3) == Approx(1.0));
    CHECK(answer_strength(all, 3) > answer_strength(apart, 3));
    CHECK(answer_strength(apart, 3) > answer_strength(two, 3));
    CHECK(answer_strength(PassageEvidence{}, 3) == 0);
    CHECK(speaks_to(all, 3));
    CHECK(speaks_to(two, 3));     // all but one of three
    PassageEvidence one = all;
    one.held = 0b001;
    CHECK_FALSE(speaks_to(one, 3));
    CHECK_FALSE(speaks_to(one, 2));  // a query of two words needs both
    CHECK(why_matched(all, q, "paragraph 58") == "all 3 words in paragraph 58");
    CHECK(why_matched(two, q, "annex, paragraph 2") == "2 of 3 words in annex, paragraph 2");
    CHECK(why_matched(one, words_of({"adaptation"}), "section 5.2") == "\xE2\x80\x9C" "adaptation\xE2\x80\x9D in section 5.2");
}

TEST_CASE("passages: highlighting marks the words and other forms of their stems, escapes the rest", "[search][passages]") {
    auto q = words_of({"transfer", "adaptation"});
    std::string html = highlight("5 per cent of A6.4ERs <b>shall</b> be Transferred to the Adaptation Fund.", q);
    CHECK(html == "5 per cent of A6.4ERs &lt;b&gt;shall&lt;/b&gt; be <mark>Transferred</mark> to the <mark>Adaptation</mark> Fund.");
    // An acronym's expansion is marked too.
    QueryWords dna = words_of({"dna"});
    dna.words[0].spellings.push_back({"designated", "national", "authority"});
    CHECK(highlight("Each designated national authority reports.", dna) ==
          "Each <mark>designated</mark> <mark>national</mark> <mark>authority</mark> reports.");
    CHECK(highlight("Nothing to see here.", q) == "Nothing to see here.");
}

TEST_CASE("passages: a long passage is trimmed around the part holding the most words", "[search][passages]") {
    auto q = words_of({"share", "proceeds"});
    std::string text;
    for (int i = 0; i < 60; ++i) text += "filler words about nothing in particular share ";
    text += "the share of proceeds goes to adaptation ";
    for (int i = 0; i < 60; ++i) text += "more filler words after the answer ";
    std::string html = highlight(text, q, 300);
    CHECK(html.size() < 300 + 200);  // marks and ellipses added
    CHECK(html.rfind("\xE2\x80\xA6", 0) == 0);
    CHECK(html.substr(html.size() - 3) == "\xE2\x80\xA6");
    CHECK_THAT(html, Catch::Contains("<mark>share</mark> of <mark>proceeds</mark> goes to adaptation"));
    // Never cut inside a UTF-8 sequence.
    std::string accents;
    for (int i = 0; i < 200; ++i) accents += "\xC3\xA9t\xC3\xA9 ";
    std::string cut = highlight(accents + "proceeds", q, 100);
    CHECK_THAT(cut, Catch::Contains("<mark>proceeds</mark>"));
    CHECK(cut.find("\xC3 ") == std::string::npos);
}

TEST_CASE("passages: citations name the document as people cite it", "[search][passages]") {
    Record decision;
    decision.symbols = {"3/CMA.3"};
    decision.set_one("type", "decision");
    decision.title = "Guidance on the mechanism";
    Passage p;
    p.label = "annex, chapter V.D, paragraph 58";
    CHECK(citation(decision, p) == "decision 3/CMA.3, annex, chapter V.D, paragraph 58");
    Record meth;
    meth.symbols = {"AMS-III.D"};
    meth.version = "21.0";
    p.label = "section 5.2 (Applicability)";
    CHECK(citation(meth, p) == "AMS-III.D version 21.0, section 5.2 (Applicability)");
    meth.version.clear();
    CHECK(citation(meth, p) == "AMS-III.D, section 5.2 (Applicability)");
    Record note;
    note.title = "Notes on baselines";
    p.label = "page 3";
    CHECK(citation(note, p) == "Notes on baselines, page 3");
}

TEST_CASE("passages: forms of a stem come from the database; damaged start data falls back without a crash", "[search][passages]") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::TermGenerator tg;
    tg.set_stemmer(Xapian::Stem("english"));
    tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    Xapian::Document doc;
    tg.set_document(doc);
    tg.index_text("Adapted rules.");  // positions 1-2
    tg.increase_termpos(20);
    tg.index_text("Funds for adaptation are adapting.");  // positions 23-27
    doc.add_value(schema::PASSAGES.slot, encode_starts({1, 23}));
    const Xapian::docid did = db.add_document(doc);
    Xapian::Document bad = doc;
    bad.add_value(schema::PASSAGES.slot, std::string("\xff\xff\xff\xff\xff\x01\x80\x00\xff\x7f", 10));
    const Xapian::docid bad_id = db.add_document(bad);

    ParsedQuery pq = build_query("adaptation funds", db);
    Taxonomy none;
    QueryWords q = QueryWords::build(pq, db, none);
    REQUIRE(q.words.size() == 2);
    std::vector<std::string> forms;
    for (const auto& s : q.words[0].spellings) forms.push_back(s.front());
    CHECK_THAT(forms, Catch::VectorContains(std::string("adapted")) && Catch::VectorContains(std::string("adapting")));

    JudgedDocument j = judge(db, did, db.get_document(did), q);
    REQUIRE(!j.passages.empty());
    CHECK(j.passages.front().ordinal == 1);
    CHECK(j.passages.front().held_count() == 2);
    CHECK(j.strength > 0.9);

    JudgedDocument d = judge(db, bad_id, db.get_document(bad_id), q);  // no crash; judged as a whole when unsorted
    for (const auto& e : d.passages) CHECK(e.ordinal < d.starts.size());
    // A passage that is not stored reads as empty text, which the searcher skips.
    Record r;
    r.id = "x";
    PassageEvidence e;
    e.ordinal = 7;
    CHECK(show_passage(db, r, e, q).text.empty());
}

TEST_CASE("parameters: passages=N from 1 to 5 and view; other values name the parameter", "[search][params][passages]") {
    Taxonomy tax;
    auto r = parse_search_request({{"q", "x"}, {"passages", "3"}, {"view", "paragraphs"}}, tax);
    CHECK(r.passages == 3);
    CHECK(r.paragraphs);
    CHECK(parse_search_request(r.to_params(), tax).to_params() == r.to_params());
    CHECK(parse_search_request({{"q", "x"}}, tax).passages == 1);
    for (const char* v : {"abc", "0", "99", "6", "-1", ""}) {
        INFO("passages=" << v);
        try {
            parse_search_request({{"passages", v}}, tax);
            FAIL("accepted");
        } catch (const UserError& e) {
            CHECK(e.code() == "bad_parameter");
            CHECK_THAT(e.what(), Catch::Contains("'passages'"));
        }
    }
    CHECK_THROWS_AS(parse_search_request({{"view", "cards"}}, tax), UserError);
}

TEST_CASE("passages: the title that names the query, and only it, matches best; the re-ranking lifts it", "[search][passages]") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::TermGenerator tg;
    tg.set_stemmer(Xapian::Stem("english"));
    tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    auto add = [&](const std::string& title, const std::string& body) {
        Record r;
        r.id = title;
        r.title = title;
        r.pages = {body};
        return db.add_document(to_document(r, {}, tg, nullptr));
    };
    const Xapian::docid glossary = add("Glossary: Clean Development Mechanism (CDM)", "A mechanism of the Kyoto Protocol.");
    const Xapian::docid guidance = add("Guidance relating to the clean development mechanism", "The CDM shall continue.");
    const Xapian::docid other = add("Rules of the Supervisory Body", "The CDM and the clean development mechanism in a body text.");
    const Xapian::docid untitled = db.add_document(Xapian::Document());
    // "CDM", as the query side spells it: the acronym, or its expansion side by side.
    QueryWords q;
    q.words.push_back({"cdm", "cdm", {{"cdm"}, {"clean", "development", "mechanism"}}, 1.0});
    auto match = [&](Xapian::docid did) {
        const Xapian::Document doc = db.get_document(did);
        return judge(db, did, doc, q).title.score;
    };
    // 4 of the glossary title's 5 positions (all but "glossary"), 3 of 7 of the guidance's.
    CHECK(match(glossary) == Approx(0.8));
    CHECK(match(guidance) == Approx(3.0 / 7));
    CHECK(match(other) == 0);     // the body speaks of it, the title does not
    CHECK(match(untitled) == 0);  // no title length stored: no title evidence, no crash
    // Half the query's words in the title: half the match.
    q.words.push_back({"registry", "registri", {{"registry"}}, 1.0});
    CHECK(match(glossary) == Approx(0.4));
    // Equal weights and passages: the better title ranks first.
    JudgedDocument a, b;
    a.title = {1.0, 0.8};
    b.title = {1.0, 3.0 / 7};
    CHECK(rank_score(1.0, a) > rank_score(1.0, b));
    CHECK(rank_score(1.0, b) > rank_score(1.0, JudgedDocument{}));
}
