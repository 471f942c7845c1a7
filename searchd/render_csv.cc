// SPDX-License-Identifier: Apache-2.0
// Search hits as CSV for spreadsheets (docs/api.md, GET /api/v1/search.csv).
#include "searchd/render.h"

#include <string_view>

namespace a6kb {

namespace {

constexpr std::string_view BOM = "\xEF\xBB\xBF";  // spreadsheets read the file as UTF-8 only with it
constexpr std::string_view CRLF = "\r\n";         // RFC 4180 line end
constexpr std::string_view MULTI = "; ";          // between the values of a multi-valued facet

// One cell, RFC 4180: quoted when it holds a comma, a quote or a line
// break, quotes doubled. A cell a spreadsheet would take for a formula
// (= + - @, tab or CR first) is prefixed with a quote, which spreadsheets
// show as text (OWASP's advice on CSV injection).
void append_cell(std::string& out, std::string_view cell) {
    std::string text;
    if (!cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos) text = "'";
    text += cell;
    if (text.find_first_of(",\"\r\n") == std::string::npos) {
        out += text;
        return;
    }
    out += '"';
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

// Concept labels, as a person reads them; the id when the taxonomy has none.
std::string labels(const Record& r, const Facet& facet) {
    std::string out;
    for (const auto& id : r.values(facet.id)) {
        if (!out.empty()) out += MULTI;
        const Concept* c = facet.find(id);
        out += c ? c->label : id;
    }
    return out;
}

}  // namespace

std::string csv_header(const Taxonomy& taxonomy) {
    std::string out(BOM);
    for (std::string_view name : {"id", "symbol", "version", "title", "date", "year"}) {
        append_cell(out, name);
        out += ',';
    }
    for (const auto& facet : taxonomy.facets()) {
        append_cell(out, facet.id);
        out += ',';
    }
    out += "url,page";
    out += CRLF;
    return out;
}

void append_csv_rows(std::string& out, const SearchResult& result, const Taxonomy& taxonomy, const std::string& base) {
    for (const auto& hit : result.hits) {
        const Record& r = hit.record;
        for (const std::string& cell : {r.id, r.symbols.empty() ? std::string() : r.symbols.front(), r.version, r.title,
                                        r.date, r.year()}) {
            append_cell(out, cell);
            out += ',';
        }
        for (const auto& facet : taxonomy.facets()) {
            append_cell(out, labels(r, facet));
            out += ',';
        }
        append_cell(out, r.url);
        out += ',';
        append_cell(out, base + "/doc/" + r.id);
        out += CRLF;
    }
}

}  // namespace a6kb
