// SPDX-License-Identifier: Apache-2.0
// a6kb-indexcheck: opens an index read-only the way searchd does, reads every
// document (data, every term, every value) and lists the record ids (the `Q`
// terms, docs/schema.md). For scripts/stress, after a kill or a full disk.
//
//   a6kb-indexcheck DB [--ids FILE]
//
// Prints one JSON line: {"opened", "revision", "documents", "ids",
// "docs_without_id", "ids_on_several_docs", "unreadable", "error"}; with
// --ids, writes the sorted ids to FILE, one a line. Exit status: 0 when the
// index opened and every document was read and carries exactly one id that
// no other document has; 1 otherwise; CLI11's usage status (over 100) on bad usage.
#include "core/model/schema.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    std::string db_path, ids_file;
    CLI::App app{"a6kb-indexcheck: read every document of an index and list its record ids"};
    app.add_option("db", db_path, "index folder")->required();
    app.add_option("--ids", ids_file, "write the sorted ids here, one a line");
    CLI11_PARSE(app, argc, argv);
    const std::string id_prefix(a6kb::schema::ID.prefix);
    nlohmann::json out = {{"opened", false}};
    std::vector<std::string> ids;
    bool ok = false;
    try {
        Xapian::Database db(db_path);
        out["opened"] = true;
        out["revision"] = db.get_revision();
        out["documents"] = db.get_doccount();
        // Every document: its data, its terms and its values must read back.
        size_t unreadable = 0, without_id = 0, docs = 0;
        for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
            ++docs;
            try {
                Xapian::Document doc = db.get_document(*it);
                volatile size_t sink = doc.get_data().size();
                size_t q_terms = 0;
                for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
                    const std::string term = *t;
                    sink = sink + term.size() + t.get_wdf();
                    if (term.compare(0, id_prefix.size(), id_prefix) == 0) ++q_terms;
                }
                for (auto v = doc.values_begin(); v != doc.values_end(); ++v) sink = sink + (*v).size();
                (void)sink;
                if (q_terms != 1) ++without_id;
            } catch (const Xapian::Error& e) {
                if (++unreadable <= 5) std::fprintf(stderr, "indexcheck: document %u: %s\n", *it, e.get_description().c_str());
            }
        }
        // The ids, from the id terms of the index (one document each).
        size_t shared = 0;
        for (auto t = db.allterms_begin(id_prefix); t != db.allterms_end(id_prefix); ++t) {
            ids.push_back((*t).substr(id_prefix.size()));
            if (t.get_termfreq() != 1) ++shared;
        }
        out["documents_read"] = docs;
        out["ids"] = ids.size();
        out["docs_without_id"] = without_id;
        out["ids_on_several_docs"] = shared;
        out["unreadable"] = unreadable;
        ok = unreadable == 0 && without_id == 0 && shared == 0 && docs == db.get_doccount() && ids.size() == docs;
    } catch (const Xapian::Error& e) {
        out["error"] = e.get_description();
    }
    if (!ids_file.empty()) {
        std::sort(ids.begin(), ids.end());
        std::ofstream f(ids_file);
        for (const auto& id : ids) f << id << '\n';
    }
    std::cout << out.dump() << '\n';
    return ok ? 0 : 1;
}
