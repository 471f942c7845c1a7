// SPDX-License-Identifier: Apache-2.0
#include "support.h"

#include <zip.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace a6kb::test {

TempDir::TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "a6kb-test-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    path_ = tmpl;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

void write_file(const std::filesystem::path& p, const std::string& bytes) {
    std::filesystem::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << bytes;
    if (!out) throw std::runtime_error("cannot write " + p.string());
}

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string make_pdf(const std::vector<std::vector<std::string>>& pages, const std::string& title) {
    std::vector<std::string> objects;  // object i+1
    const size_t n = pages.size();
    // 1 catalog, 2 pages, 3 font, 4 info, then per page: page, contents.
    std::string kids;
    for (size_t i = 0; i < n; ++i) kids += std::to_string(5 + 2 * i) + " 0 R ";
    objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
    objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(n) + " >>");
    objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
    objects.push_back("<< /Title (" + title + ") /CreationDate (D:20220308120000Z) >>");
    for (size_t i = 0; i < n; ++i) {
        std::string content = "BT /F1 11 Tf 72 740 Td 14 TL\n";
        for (const auto& line : pages[i]) {
            std::string esc;
            for (char c : line) {
                if (c == '(' || c == ')' || c == '\\') esc += '\\';
                esc += c;
            }
            content += "(" + esc + ") Tj T*\n";
        }
        content += "ET\n";
        objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents " +
                          std::to_string(6 + 2 * i) + " 0 R >>");
        objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream");
    }
    std::string pdf = "%PDF-1.4\n";
    std::vector<size_t> offsets;
    for (size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (size_t off : offsets) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%010zu 00000 n \n", off);
        pdf += buf;
    }
    pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R /Info 4 0 R >>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

void make_docx(const std::filesystem::path& p, const std::vector<std::pair<std::string, std::string>>& paragraphs,
               const std::vector<std::pair<std::string, std::string>>& extra) {
    std::string body;
    for (const auto& [style, text] : paragraphs) {
        if (text == "\f") {
            body += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>";
            continue;
        }
        body += "<w:p>";
        if (!style.empty()) body += "<w:pPr><w:pStyle w:val=\"" + style + "\"/></w:pPr>";
        body += "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
    }
    std::vector<std::pair<std::string, std::string>> members = {
        {"[Content_Types].xml",
         "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
         "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
         "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"},
        {"word/document.xml",
         "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document "
         "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + body +
             "</w:body></w:document>"},
    };
    members.insert(members.end(), extra.begin(), extra.end());
    std::filesystem::create_directories(p.parent_path());
    int err = 0;
    zip_t* z = zip_open(p.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    if (!z) throw std::runtime_error("zip_open failed");
    // libzip reads the buffers at zip_close, so they must outlive it.
    std::vector<std::string> keep;
    keep.reserve(members.size());
    for (const auto& [name, content] : members) {
        keep.push_back(content);
        zip_source_t* src = zip_source_buffer(z, keep.back().data(), keep.back().size(), 0);
        if (!src || zip_file_add(z, name.c_str(), src, ZIP_FL_OVERWRITE) < 0) throw std::runtime_error("zip add failed");
    }
    if (zip_close(z) != 0) throw std::runtime_error("zip_close failed");
}

std::string fixture(const std::string& name) { return std::string(A6KB_FIXTURES) + "/" + name; }

IndexOptions Corpus::options() const {
    IndexOptions o;
    o.db = db();
    o.taxonomy = fixture("taxonomy.xml");
    o.paths = {root()};
    o.jobs = 2;
    return o;
}

}  // namespace a6kb::test

namespace a6kb::test {
void write_search_corpus(const std::filesystem::path& root) {
    write_file(root / "decisions/cma9.txt",
               "FCCC/PA/CMA/2030/9/Add.1\n"
               "Decision 1/CMA.9\nGuidance on cooperative approaches\nRecalling decision 3/CMA.3,\n"
               "Cooperative approaches and corresponding adjustments for internationally transferred mitigation "
               "outcomes. The participating Party applies corresponding adjustments.\n 7th plenary meeting\n12 November 2030\n"
               "Decision 2/CMA.9\nNational arrangements\nEach designated national authority shall publish its "
               "arrangements; the designated national authority informs the secretariat.\n 7th plenary meeting\n12 November 2030\n"
               "Decision 3/CMA.9\nMechanism matters\nThe supervisory body of the mechanism established by article 6, "
               "paragraph 4 reports annually.\n 7th plenary meeting\n12 November 2030\n");
    for (const char* v : {"19.0", "20.0", "21.0"}) {
        write_file(root / (std::string("meth/AMS-III.D_v") + v + ".pdf"),
                   make_pdf({{"CLEAN DEVELOPMENT MECHANISM", "AMS-III.D", "Small-scale Methodology",
                              "Methane recovery in animal manure management systems", std::string("Version ") + v,
                              "Sectoral scope(s): 13"},
                             {"Baseline emissions of methane from manure. The project developer applies TOOL14."},
                             {"Monitoring of the biogas flare. Cookstoves are out of scope."}}));
    }
    write_file(root / "meth/TOOL14.pdf",
               make_pdf({{"CLEAN DEVELOPMENT MECHANISM", "TOOL14", "Methodological tool",
                          "Project and leakage emissions from anaerobic digesters", "Version 03.0"},
                         {"Anaerobic digesters produce biogas; leakage of methane is estimated."}}));
    write_file(root / "labs/lab.md",
               "---\ntitle: Article 6 lab roundtable\ntype: lab-session\ngroups: [DNA, development-banks]\n"
               "date: 2025-05-21\n---\nQuestions development banks put to DNAs about readiness and regional "
               "collaboration.\n");
    write_file(root / "catalog.catalog.xml",
               "<catalog>\n"
               "<record><symbol>3/CMA.3</symbol><title>Rules, modalities and procedures for the mechanism established "
               "by Article 6, paragraph 4</title><type>decision</type><mechanism>article-6.4</mechanism>"
               "<status>adopted</status><date>2021-11-13</date><url>https://example.org/3-cma-3</url></record>\n"
               "<record><title>Glossary: corresponding adjustment</title><type>glossary</type><cites>1/CMA.9</cites>"
               "<summary>An adjustment a Party applies to its emissions balance for transferred outcomes.</summary>"
               "<topic>authorization-corresponding-adjustments</topic></record>\n"
               "</catalog>\n");
}

std::pair<std::string, std::string> markup_note() {
    return {"notes/markup.md",
            "---\ntitle: \"Escaping <script>alert(1)</script> in a title\"\ntype: information-note\n---\n"
            "This note quotes <script>alert(1)</script> and <img src=x onerror=alert(2)> in its text, "
            "which a page must show as text.\n"};
}

IndexOptions index_search_corpus(const std::filesystem::path& dir,
                                 const std::vector<std::pair<std::string, std::string>>& extra) {
    write_search_corpus(dir / "corpus");
    for (const auto& [rel, bytes] : extra) write_file(dir / "corpus" / rel, bytes);
    IndexOptions o;
    o.db = dir / "index";
    o.taxonomy = fixture("taxonomy.xml");
    o.paths = {dir / "corpus"};
    run_index(o);
    return o;
}
}  // namespace a6kb::test
