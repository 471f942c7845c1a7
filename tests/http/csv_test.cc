// SPDX-License-Identifier: Apache-2.0
// GET /api/v1/search.csv: every hit of a search as CSV that opens cleanly
// in a spreadsheet (docs/api.md), over HTTP on a free port of 127.0.0.1.
#include "core/index/indexer.h"
#include "searchd/render.h"
#include "serving.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

using namespace a6kb;
using nlohmann::json;
using test::TempDir;

namespace {

// Two catalog records made to trip a spreadsheet: a title that is a
// formula, and one with a comma and quotes.
const char* TRICKY_CATALOG =
    "<catalog>\n"
    "<record id=\"formula\"><title>=HYPERLINK(\"http://evil.example\",\"open\")</title><type>glossary</type></record>\n"
    "<record id=\"quoting\"><title>Credits, units and \"quotes\"</title><type>glossary</type>"
    "<topic>authorization-corresponding-adjustments</topic></record>\n"
    "</catalog>\n";

struct CsvServer {
    TempDir dir;
    std::unique_ptr<test::Serving> serving;
    int port = 0;

    explicit CsvServer(SearchLimits limits = {}) {
        IndexOptions o = test::index_search_corpus(dir.path(), {{"tricky.catalog.xml", TRICKY_CATALOG}});
        ServerConfig c;
        c.db = o.db.string();
        c.port = 0;
        c.threads = 2;
        c.quiet = true;
        c.limits = limits;
        serving = std::make_unique<test::Serving>(c);
        port = serving->port();
    }
    httplib::Result get(const std::string& path) {
        httplib::Client cli("127.0.0.1", port);
        return cli.Get(path.c_str());
    }
};

CsvServer& server() {
    static CsvServer s;
    return s;
}

// RFC 4180 as a spreadsheet reads it: rows end with CRLF, quoted cells may
// hold commas, doubled quotes and line breaks. Fails on a bare LF or CR.
std::vector<std::vector<std::string>> parse_csv(std::string_view text) {
    std::vector<std::vector<std::string>> rows(1);
    std::string cell;
    bool quoted = false, was_quoted = false;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') cell += text[++i];
            else if (c == '"') quoted = false;
            else cell += c;
        } else if (c == '"') {
            REQUIRE(cell.empty());
            quoted = was_quoted = true;
        } else if (c == ',' || c == '\r') {
            rows.back().push_back(cell);
            cell.clear();
            was_quoted = false;
            if (c == '\r') {
                REQUIRE(i + 1 < text.size());
                REQUIRE(text[++i] == '\n');
                rows.emplace_back();
            }
        } else {
            REQUIRE(c != '\n');
            cell += c;
        }
    }
    REQUIRE_FALSE(quoted);
    REQUIRE(cell.empty());  // the last row ends with CRLF too
    rows.pop_back();
    return rows;
}

size_t column(const std::vector<std::string>& header, const std::string& name) {
    auto it = std::find(header.begin(), header.end(), name);
    REQUIRE(it != header.end());
    return static_cast<size_t>(it - header.begin());
}

}  // namespace

TEST_CASE("search.csv: a BOM, the header row, one row per hit, as many as the search's total", "[http][csv]") {
    auto res = server().get("/api/v1/search.csv?versions=all");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    CHECK(res->get_header_value("Content-Type") == "text/csv; charset=utf-8");
    CHECK(res->get_header_value("Content-Disposition") == "attachment; filename=\"a6kb-search.csv\"");
    CHECK(res->get_header_value("Transfer-Encoding") == "chunked");
    REQUIRE_THAT(res->body, Catch::StartsWith("\xEF\xBB\xBF"));
    auto rows = parse_csv(std::string_view(res->body).substr(3));
    REQUIRE(rows.size() > 1);
    const auto& header = rows.front();
    CHECK(std::vector<std::string>(header.begin(), header.begin() + 6) ==
          std::vector<std::string>{"id", "symbol", "version", "title", "date", "year"});
    for (const char* facet : {"group", "topic", "type", "mechanism", "scope", "status", "lang"}) column(header, facet);
    CHECK(header.back() == "page");
    for (const auto& row : rows) CHECK(row.size() == header.size());

    auto total = json::parse(server().get("/api/v1/search?versions=all")->body)["total"]["value"].get<size_t>();
    CHECK(total == 12);  // the search corpus (10 records, every version) and the two tricky ones
    CHECK(rows.size() - 1 == total);

    auto filtered = server().get("/api/v1/search.csv?type=methodology&versions=all");
    REQUIRE(filtered);
    auto methodologies = parse_csv(std::string_view(filtered->body).substr(3));
    REQUIRE(methodologies.size() == 1 + 3);  // AMS-III.D v19.0, v20.0, v21.0
    size_t type = column(methodologies.front(), "type"), symbol = column(methodologies.front(), "symbol");
    for (size_t i = 1; i < methodologies.size(); ++i) {
        CHECK(methodologies[i][type] == "Methodology");  // the concept's label, not its id
        CHECK(methodologies[i][symbol] == "AMS-III.D");
    }
}

TEST_CASE("search.csv: a cell that would be a formula is neutralised, commas and quotes are quoted", "[http][csv]") {
    auto res = server().get("/api/v1/search.csv?type=glossary");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    auto rows = parse_csv(std::string_view(res->body).substr(3));
    size_t id = column(rows.front(), "id"), title = column(rows.front(), "title"), page = column(rows.front(), "page");
    std::map<std::string, std::vector<std::string>> by_id;
    for (size_t i = 1; i < rows.size(); ++i) by_id[rows[i][id]] = rows[i];
    REQUIRE(by_id.count("formula"));
    CHECK(by_id["formula"][title] == "'=HYPERLINK(\"http://evil.example\",\"open\")");
    REQUIRE(by_id.count("quoting"));
    CHECK(by_id["quoting"][title] == "Credits, units and \"quotes\"");
    CHECK_THAT(res->body, Catch::Contains(",\"Credits, units and \"\"quotes\"\"\","));
    CHECK(by_id["quoting"][page] == "http://127.0.0.1:" + std::to_string(server().port) + "/doc/quoting");
}

TEST_CASE("search.csv: a bad parameter is a 400 in JSON naming it, as for the search", "[http][csv][errors]") {
    for (const char* path : {"/api/v1/search.csv?per_page=500", "/api/v1/search.csv?group=bankers",
                             "/api/v1/search.csv?colour=red"}) {
        INFO(path);
        auto res = server().get(path);
        REQUIRE(res);
        CHECK(res->status == 400);
        CHECK(res->get_header_value("Content-Type") == "application/json; charset=utf-8");
        auto j = json::parse(res->body);
        CHECK(j["error"]["code"] == "bad_parameter");
        std::string name = std::string(path).substr(std::string(path).find('?') + 1);
        name = name.substr(0, name.find('='));
        CHECK_THAT(j["error"]["message"].get<std::string>(), Catch::Contains("'" + name + "'"));
    }
}

TEST_CASE("search.csv pages through the results and stops at the depth limit", "[http][csv]") {
    SearchLimits limits;
    limits.max_per_page = 1;  // the CSV searches ten of these at a time
    limits.max_depth = 11;    // of 12 records: a page of 10, then 1 of the next
    CsvServer small(limits);
    auto res = small.get("/api/v1/search.csv?versions=all");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    auto rows = parse_csv(std::string_view(res->body).substr(3));
    CHECK(rows.size() == 1 + 11);
    std::set<std::string> ids;
    for (size_t i = 1; i < rows.size(); ++i) ids.insert(rows[i][0]);
    CHECK(ids.size() == 11);  // eleven different records: the pages follow on
    auto all = server().get("/api/v1/search.csv?versions=all");
    REQUIRE(all);
    auto every = parse_csv(std::string_view(all->body).substr(3));
    for (size_t i = 1; i < rows.size(); ++i) CHECK(rows[i][0] == every[i][0]);  // the same order as one long page
}

TEST_CASE("CSV cells: line breaks are quoted, tab, CR, +, - and @ first are neutralised", "[csv]") {
    Taxonomy tax = Taxonomy::load(test::fixture("taxonomy.xml"));
    SearchResult r;
    for (const char* title : {"two\r\nlines", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "plain"}) {
        Hit h;
        h.record.id = "x";
        h.record.title = title;
        r.hits.push_back(h);
    }
    std::string out = csv_header(tax);
    append_csv_rows(out, r, tax, "http://h");
    auto rows = parse_csv(std::string_view(out).substr(3));
    REQUIRE(rows.size() == 1 + r.hits.size());
    size_t title = column(rows.front(), "title");
    CHECK(rows[1][title] == "two\r\nlines");
    CHECK(rows[2][title] == "'+1");
    CHECK(rows[3][title] == "'-1");
    CHECK(rows[4][title] == "'@SUM(A1)");
    CHECK(rows[5][title] == "'\tx");
    CHECK(rows[6][title] == "'\rx");
    CHECK(rows[7][title] == "plain");
}
