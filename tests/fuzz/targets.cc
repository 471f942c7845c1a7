// SPDX-License-Identifier: Apache-2.0
#include "targets.h"

#include "core/index/catalog.h"
#include "core/model/errors.h"
#include "core/extract/extract.h"
#include "core/index/indexer.h"
#include "core/index/infer.h"
#include "core/search/query.h"
#include "core/model/record.h"
#include "core/search/searcher.h"
#include "core/model/taxonomy.h"
#include "core/model/text.h"
#include "hostile.h"
#include "support.h"

#include <xapian.h>

#include <fstream>
#include <memory>
#include <optional>
#include <sstream>

namespace a6kb::fuzz {
namespace {

void expect(bool ok, const std::string& what) {
    if (!ok) throw Violation(what);
}

bool valid_utf8(std::string_view s) { return text::repair_utf8(s) == s; }

bool iso_date(const std::string& d) {
    if (d.empty()) return true;
    auto digits = [&](size_t b, size_t n) {
        for (size_t i = b; i < b + n; ++i)
            if (i >= d.size() || !std::isdigit(static_cast<unsigned char>(d[i]))) return false;
        return true;
    };
    if (d.size() == 4) return digits(0, 4);
    if (d.size() == 7) return digits(0, 4) && d[4] == '-' && digits(5, 2);
    return d.size() == 10 && digits(0, 4) && d[4] == '-' && digits(5, 2) && d[7] == '-' && digits(8, 2);
}

// The corpus taxonomy: the largest set of cues, labels and acronyms.
const Taxonomy& corpus_taxonomy() {
    static const Taxonomy t = Taxonomy::load(std::string(A6KB_CORPUS) + "/taxonomy.xml");
    return t;
}

// A scratch folder for the whole process (the catalog parser reads files).
const test::TempDir& scratch() {
    static const test::TempDir d;
    return d;
}

// Records the indexer would make from an extracted file, and their Xapian
// documents: what every extractor's output goes through next.
void check_records(const Extracted& e) {
    auto inferred = infer_records(e, "fuzz/input.bin", "input.bin", corpus_taxonomy(), nullptr);
    static Xapian::TermGenerator tg = [] {
        Xapian::TermGenerator g;
        g.set_stemmer(Xapian::Stem("english"));
        g.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
        return g;
    }();
    for (const auto& r : inferred.records) {
        expect(!r.id.empty(), "a record without an id");
        expect(valid_utf8(r.title), "record title is not valid UTF-8");
        expect(iso_date(r.date), "record date '" + r.date + "' is not ISO");
        auto doc = to_document(r, {"XPfuzz"}, tg, &corpus_taxonomy());
        expect(record_from_document(doc).id == r.id, "record does not survive its document");
    }
}

void run_extractor(std::string_view input, std::string_view type) {
    ExtractLimits limits;
    limits.max_unpacked = 8 << 20;
    (void)sniff_media_type(input, "input.bin");
    auto r = extract_bytes(input, type, limits);
    if (!r.doc) {
        expect(!r.skip.empty(), "a skip without a reason");
        expect(r.skip.rfind("extractor failed", 0) != 0, "an exception escaped the extractor: " + r.skip);
        return;
    }
    const Extracted& e = *r.doc;
    expect(!e.pages.empty(), "a document without pages");
    for (const auto& p : e.pages) expect(valid_utf8(p), "page text is not valid UTF-8");
    for (const auto& h : e.headings) expect(valid_utf8(h), "heading is not valid UTF-8");
    expect(valid_utf8(e.title) && valid_utf8(e.summary) && valid_utf8(e.lang), "title, summary or lang is not valid UTF-8");
    check_records(e);
}

void run_pdf(std::string_view in) { run_extractor(in, media::PDF); }
void run_docx(std::string_view in) { run_extractor(in, media::DOCX); }
void run_html(std::string_view in) { run_extractor(in, media::HTML); }
void run_xml(std::string_view in) { run_extractor(in, media::XML); }
void run_markdown(std::string_view in) { run_extractor(in, media::MARKDOWN); }
void run_text(std::string_view in) { run_extractor(in, media::TEXT); }

void run_catalog(std::string_view in) {
    auto file = scratch() / "input.catalog.xml";
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(in.data(), static_cast<std::streamsize>(in.size()));
    }
    const Taxonomy& tax = corpus_taxonomy();
    try {
        load_catalog(file, tax);
    } catch (const UserError& e) {
        expect(e.code() == "bad_catalog", "unexpected error code " + e.code());
    }
    std::vector<std::string> problems;
    try {
        Catalog c = load_catalog(file, tax, &problems);
        for (const auto& entry : c.entries) {
            Record r = record_from_catalog(entry, "input.catalog.xml", tax);
            classify(r, tax);
            if (entry.file.empty()) expect(!r.id.empty(), "a catalog record without an id");
            expect(iso_date(r.date), "catalog date '" + r.date + "' is not ISO");
        }
    } catch (const UserError& e) {
        expect(e.code() == "bad_catalog", "unexpected error code " + e.code());
    }
}

void run_taxonomy(std::string_view in) {
    std::optional<Taxonomy> tax;
    try {
        tax = Taxonomy::parse(in, "input.xml");
    } catch (const UserError& e) {
        expect(e.code() == "bad_taxonomy", "unexpected error code " + e.code());
        return;
    }
    auto words = text::words("Designated national authority and corresponding adjustments for cookstoves in the host "
                             "Party; DNA, ITMO and A6.4ER registries.");
    for (const auto& f : tax->facets()) {
        tax->classify(f, words, words);
        tax->resolve(f, "DNA");
        for (const auto& c : f.concepts) expect(!tax->resolve(f, c.id).empty(), "a concept id does not resolve");
    }
    tax->aliases_in(words);
}

// A tiny index, built once: the search corpus of the HTTP tests.
struct QueryWorld {
    test::TempDir dir;
    std::unique_ptr<Searcher> searcher;
    QueryWorld() {
        searcher = std::make_unique<Searcher>(test::index_search_corpus(dir.path()).db.string());
    }
};

// The input is a query string, "q=...&group=...", taken raw (no percent
// decoding: the server decodes before this point); the whole input is also
// parsed as a query by itself.
void run_query(std::string_view in) {
    static QueryWorld world;
    Searcher& s = *world.searcher;
    Params params;
    size_t pos = 0;
    while (pos <= in.size()) {
        size_t amp = in.find('&', pos);
        std::string_view pair = in.substr(pos, amp == std::string_view::npos ? std::string_view::npos : amp - pos);
        size_t eq = pair.find('=');
        if (!pair.empty())
            params.emplace_back(std::string(pair.substr(0, eq)),
                                eq == std::string_view::npos ? std::string() : std::string(pair.substr(eq + 1)));
        if (amp == std::string_view::npos) break;
        pos = amp + 1;
    }
    for (auto op : {DefaultOp::all_words, DefaultOp::any_word}) {
        auto pq = build_query(std::string(in.substr(0, 2000)), s.database(), op);
        // Bad bytes in, bad bytes back (JSON output replaces them); good in, good out.
        if (valid_utf8(in.substr(0, 2000)))
            expect(valid_utf8(pq.corrected), "spelling correction of valid UTF-8 is not valid UTF-8");
    }
    SearchRequest r;
    try {
        r = parse_search_request(params, s.taxonomy(), s.limits());
    } catch (const UserError& e) {
        expect(e.code() == "bad_parameter" || e.code() == "query_too_long", "unexpected error code " + e.code());
        return;
    }
    auto result = s.search(r);
    expect(result.hits.size() <= static_cast<size_t>(r.per_page), "more hits than per_page");
    if (valid_utf8(in))
        for (const auto& h : result.hits) expect(valid_utf8(h.snippet), "snippet is not valid UTF-8");
    (void)r.to_params();
    (void)s.suggest(r.q, 10);
}

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

const std::vector<Target>& targets() {
    static const std::vector<Target> t = {
        {"pdf", "extract_bytes(application/pdf) and infer_records", run_pdf},
        {"docx", "extract_bytes(Word) and infer_records", run_docx},
        {"html", "extract_bytes(text/html) and infer_records", run_html},
        {"xml", "extract_bytes(application/xml) and infer_records", run_xml},
        {"markdown", "extract_bytes(text/markdown) and infer_records", run_markdown},
        {"text", "extract_bytes(text/plain) and infer_records", run_text},
        {"catalog", "load_catalog (both modes) and record_from_catalog", run_catalog},
        {"taxonomy", "Taxonomy::parse, classify, resolve", run_taxonomy},
        {"query", "build_query, parse_search_request and Searcher::search on a tiny index", run_query},
    };
    return t;
}

const Target* find_target(std::string_view name) {
    for (const auto& t : targets())
        if (t.name == name) return &t;
    return nullptr;
}

std::vector<std::pair<std::string, std::string>> seeds(std::string_view target) {
    namespace hostile = test::hostile;
    std::vector<std::pair<std::string, std::string>> s;
    const test::TempDir dir;
    if (target == "pdf") {
        s = {{"good.pdf", hostile::good_pdf()},
             {"methodology.pdf", test::make_pdf({{"CLEAN DEVELOPMENT MECHANISM", "AMS-III.D", "Small-scale Methodology",
                                                   "Methane recovery in animal manure", "Version 21.0",
                                                   "Sectoral scope(s): 13"},
                                                  {"Manure management. This methodology refers to TOOL14."}})},
             {"tool.pdf", test::make_pdf({{"TOOL14", "Methodological tool", "Project and leakage emissions from "
                                           "anaerobic digesters", "Version 03.0"}}, "Tool 14")},
             {"empty-pages.pdf", test::make_pdf({{}, {}})},
             {"escapes.pdf", test::make_pdf({{"Parentheses (a) and \\ backslashes", "13 November 2021"}})}};
    } else if (target == "docx") {
        s = {{"good.docx", hostile::good_docx(dir)}, {"deep.docx", hostile::deep_docx(dir, 40)}};
        test::make_docx(dir / "plain.docx", {{"", "Decision 2/CMA.3"}, {"", "Guidance on cooperative approaches"}});
        s.emplace_back("plain.docx", test::read_file(dir / "plain.docx"));
        test::make_docx(dir / "table.docx", {{"Heading1", "Annex"}},
                        {{"word/document.xml",
                          "<w:document xmlns:w=\"w\"><w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell</w:t><w:tab/>"
                          "<w:t>two</w:t><w:br/><w:delText>gone</w:delText></w:r></w:p></w:tc></w:tr></w:tbl>"
                          "<w:p><w:r><w:lastRenderedPageBreak/><w:t>page two</w:t></w:r></w:p></w:body></w:document>"}});
        s.emplace_back("table.docx", test::read_file(dir / "table.docx"));
    } else if (target == "html") {
        s = {{"page.html", "<!DOCTYPE html><html lang=\"en-GB\"><head><title>Registry page</title><meta name=\"description\" "
                           "content=\"About registries\"><style>p{}</style><script>var x='<div>';</script></head><body>"
                           "<nav>menu</nav><header>head</header><h1>Registries</h1><p>Tracking of <b>ITMOs</b>.<br>Line"
                           "<table><tr><td>a</td><td>b</td></tr></table><ul><li>one<li>two</ul><!-- note --></body></html>"},
             {"soup.html", "<p>unclosed <b>bold <i>italic</p> <div><span>text</div> &amp; &nbsp; &#x41; &bogus;"},
             {"deep.html", hostile::deep_html(300, "div")},
             {"xhtml.html", "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>x</p></body></html>"}};
    } else if (target == "xml") {
        s = {{"doc.xml", "<?xml version=\"1.0\"?><doc xml:lang=\"fr\"><title>Titre</title><h1>Head</h1><p>Texte "
                         "<![CDATA[brut]]> fin.</p><!-- c --><?pi x?></doc>"},
             {"ns.xml", "<a:doc xmlns:a=\"urn:a\"><a:title>Namespaced</a:title><a:heading>H</a:heading>text</a:doc>"},
             {"laughs.xml", hostile::billion_laughs()},
             {"taxonomy.xml", read(test::fixture("taxonomy.xml"))}};
    } else if (target == "markdown") {
        s = {{"lab.md", "---\ntitle: Article 6 lab roundtable\ntype: lab-session\ngroups: [DNA, development-banks]\n"
                        "date: 2025-05-21\n---\n# Roundtable\n\nQuestions development banks put to DNAs.\n"},
             {"plain.md", "# Title\n\nSome *text* with `code` and [a link](http://x).\n\n> quote\n> more\n\n- a\n- b\n\n"
                          "```\ncode block\n```\n\n<div>html</div>\n"},
             {"front.md", "---\ntitle: [unclosed\n---\nbody\n"},
             {"keys.md", "---\n? [a, b]\n: c\n---\nbody\n"},
             {"bom.md", "\xEF\xBB\xBF---\nsymbols: [AMS-III.D]\nreferences: 3/CMA.3\n...\nText.\n"}};
    } else if (target == "text") {
        s = {{"bundle.txt", "FCCC/PA/CMA/2030/9/Add.1\nDecision 1/CMA.9\nGuidance on cooperative approaches\nRecalling "
                            "decision 3/CMA.3,\n 7th plenary meeting\n12 November 2030\nResolution 1/CMA.9\nThanks\n"},
             {"methodology.txt", "CLEAN DEVELOPMENT MECHANISM\nIII.AU./Version 01\nIII. D. Methane recovery\nSectoral "
                                 "scope(s): 13, 15\nVersion 07.0.0\nTOOL07 AR-TOOL12 A6.4-SBM014-A06 CDM-EB07-A04-GLOS\n"},
             {"pages.txt", "page one\fpage two\r\nwith CRLF\tand tabs\f\f"},
             {"bad-utf8.txt", hostile::invalid_utf8()},
             {"dates.txt", "13 November 2021, November 13, 2021, 2021-11-13, March 2022, 30 February 2020, Sept 2019"}};
    } else if (target == "catalog") {
        s = {{"small.catalog.xml",
              "<catalog lang=\"en\"><record><symbol>AMS-III.D</symbol><version>21.0</version><title>Methane</title>"
              "<type>methodology</type><scope>13</scope><date>2017-09-26</date><url>https://example.org/x</url>"
              "<cites>TOOL14</cites><keywords>manure</keywords></record><record file=\"a/b.pdf\"><group>DNA</group>"
              "</record><record id=\"q1\"><title>Q</title><asked-by>DNA</asked-by><text>Body\n text</text></record>"
              "</catalog>"},
             {"bad.catalog.xml", "<catalog>\n<record><title>T</title><group>nobody</group><foo/></record>\n<other/></catalog>"},
             {"labs.catalog.xml", read(std::string(A6KB_CORPUS) + "/labs/article6-lab-1.catalog.xml")}};
    } else if (target == "taxonomy") {
        s = {{"fixture.xml", read(test::fixture("taxonomy.xml"))},
             {"small.xml", "<taxonomy version=\"1\"><facet id=\"group\" label=\"G\" multi=\"false\" classify=\"cues\" "
                           "threshold=\"2\"><concept id=\"dna\" label=\"Governments\"><alt>DNA</alt><alt>Designated "
                           "National Authority</alt><cue weight=\"3\">host Party</cue><implied-by facet=\"type\" "
                           "value=\"decision\"/></concept></facet></taxonomy>"},
             {"bad.xml", "<taxonomy><facet id=\"Bad Id\"/></taxonomy>"}};
    } else if (target == "query") {
        s = {{"symbol", "q=AMS-III.D&group=project-developers"},
             {"spelled", "q=ams iii d&versions=all&sort=newest"},
             {"words", "q=corresponding adjustment&group=DNA&type=glossary&page=1&per_page=5"},
             {"syntax", "q=\"methane recovery\" AND NOT title:tool OR symbol:3/cma.3&year_from=2020&year_to=2030"},
             {"facets", "topic=authorization-corresponding-adjustments&lang=en&year=2030&mechanism=cdm"},
             {"broken", "q=((\"unbalanced&page=0&per_page=500&foo=bar"},
             {"misspelt", "q=methan manur"},
             {"bare", "tool 7"}};
    }
    return s;
}

}  // namespace a6kb::fuzz
