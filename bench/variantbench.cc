// SPDX-License-Identifier: Apache-2.0
// a6kb-variantbench: spelling variants at query time (what a6kb does: the
// synonym table, core/index/synonyms.h) against variants at index time (the
// text rewritten to one spelling before it is indexed), on the same texts.
//
//   a6kb-variantbench --variants corpus/variants.txt --taxonomy corpus/taxonomy.xml --work DIR FOLDER...
//
// Extracts every file of the folders as the indexer does, then writes two
// Xapian databases with the same TermGenerator set-up (English, STEM_SOME,
// positions): Q from the text as printed plus the synonym table, N from the
// text with every variant rewritten to its group's first form (a compound to
// one word). Reports the seconds each took (extraction excluded), their
// sizes, and for every variant form that occurs: the documents each finds,
// Q through a6kb's query builder, N with the query rewritten the same way,
// and the median time of those queries. Prints JSON (docs/corpus.md quotes it).
#include "core/extract/extract.h"
#include "core/index/synonyms.h"
#include "core/model/taxonomy.h"
#include "core/model/variants.h"
#include "core/search/query.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace a6kb;

namespace {

using Clock = std::chrono::steady_clock;
double since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

bool word_byte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

// Rewrites variant forms to one spelling: sequences of up to three words
// joined by one space or hyphen, looked up lowercased.
class Normaliser {
public:
    explicit Normaliser(const Variants& v) {
        for (const auto& g : v.groups()) {
            if (g.roots) {
                for (const auto& ending : root_endings())
                    for (const auto& f : g.forms) map_[f.front() + ending] = g.forms.front().front() + ending;
                continue;
            }
            std::string canonical;
            for (const auto& w : g.forms.front()) canonical += w;
            for (const auto& f : g.forms) {
                std::string key;
                for (const auto& w : f) key += (key.empty() ? "" : " ") + w;
                map_[key] = canonical;
            }
        }
    }

    std::string operator()(const std::string& text) const {
        struct Token { size_t from, to; std::string lower; };
        std::vector<Token> tokens;
        for (size_t i = 0; i < text.size();) {
            if (!word_byte(static_cast<unsigned char>(text[i]))) { ++i; continue; }
            size_t j = i;
            std::string lower;
            while (j < text.size() && word_byte(static_cast<unsigned char>(text[j])))
                lower += static_cast<char>(std::tolower(static_cast<unsigned char>(text[j++])));
            tokens.push_back({i, j, std::move(lower)});
            i = j;
        }
        std::string out;
        size_t copied = 0;
        for (size_t t = 0; t < tokens.size();) {
            size_t taken = 0;
            const std::string* to = nullptr;
            std::string key;
            for (size_t n = 1; n <= 3 && t + n <= tokens.size(); ++n) {
                if (n > 1) {
                    const size_t gap = tokens[t + n - 1].from - tokens[t + n - 2].to;
                    const char sep = text[tokens[t + n - 2].to];
                    if (gap != 1 || (sep != ' ' && sep != '-')) break;
                    key += ' ';
                }
                key += tokens[t + n - 1].lower;
                if (auto it = map_.find(key); it != map_.end()) to = &it->second, taken = n;
            }
            if (!to) { ++t; continue; }
            out.append(text, copied, tokens[t].from - copied);
            out += *to;
            copied = tokens[t + taken - 1].to;
            t += taken;
        }
        out.append(text, copied, std::string::npos);
        return out;
    }

private:
    std::map<std::string, std::string> map_;
};

std::vector<std::string> texts_of(const std::vector<std::string>& folders) {
    std::vector<std::string> out;
    for (const auto& folder : folders)
        for (const auto& e : fs::recursive_directory_iterator(folder)) {
            if (!e.is_regular_file()) continue;
            auto r = extract_file(e.path());
            if (!r.doc) continue;
            std::string text = r.doc->title;
            for (const auto& p : r.doc->pages) text += "\n" + p;
            out.push_back(std::move(text));
        }
    return out;
}

// Indexes `texts` (rewritten by `norm` when given) into a new database at `path`; seconds.
double index_into(const fs::path& path, const std::vector<std::string>& texts, const Normaliser* norm) {
    fs::remove_all(path);
    Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator tg;
    tg.set_stemmer(Xapian::Stem("english"));
    tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    const auto start = Clock::now();
    for (const auto& t : texts) {
        Xapian::Document doc;
        tg.set_document(doc);
        tg.index_text(norm ? (*norm)(t) : t);
        db.add_document(doc);
    }
    db.commit();
    return since(start);
}

uint64_t folder_bytes(const fs::path& p) {
    uint64_t n = 0;
    for (const auto& e : fs::directory_iterator(p))
        if (e.is_regular_file()) n += e.file_size();
    return n;
}

// Documents the query finds, and how long building and matching it took.
std::pair<Xapian::doccount, double> found(const Xapian::Database& db, const std::string& q) {
    const auto start = Clock::now();
    ParsedQuery pq = build_query(q, db, DefaultOp::all_words, Spelling::skip);
    Xapian::Enquire e(db);
    e.set_query(pq.query);
    Xapian::MSet m = e.get_mset(0, 10, db.get_doccount());
    return {m.get_matches_estimated(), since(start)};
}

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// The query texts of a group, one set per variant pair: a root group's
// roots with each ending, else its forms.
std::vector<std::vector<std::string>> query_sets(const VariantGroup& g) {
    std::vector<std::vector<std::string>> sets;
    if (g.roots) {
        for (const auto& ending : root_endings()) {
            std::vector<std::string> set;
            for (const auto& f : g.forms) set.push_back(f.front() + ending);
            sets.push_back(set);
        }
        return sets;
    }
    // A compound's forms all as phrases: a quoted word is matched as
    // printed, unstemmed, as a quoted pair of words is.
    const bool compound = std::any_of(g.forms.begin(), g.forms.end(), [](const auto& f) { return f.size() > 1; });
    std::vector<std::string> set;
    for (const auto& f : g.forms) {
        std::string s;
        for (const auto& w : f) s += (s.empty() ? "" : " ") + w;
        set.push_back(compound ? "\"" + s + "\"" : s);
    }
    sets.push_back(set);
    return sets;
}

bool all_equal(const std::vector<Xapian::doccount>& v) {
    return std::adjacent_find(v.begin(), v.end(), std::not_equal_to<>()) == v.end();
}

// Every variant pair that occurs: the documents each form finds in Q (as
// typed, through the synonym table) and in N (rewritten like the text).
nlohmann::json compare_pairs(const Variants& variants, const Normaliser& norm, const Xapian::Database& q_db,
                             const Xapian::Database& n_db) {
    nlohmann::json pairs = nlohmann::json::array();
    std::vector<double> q_times, n_times;
    size_t same_q = 0, same_n = 0;
    for (const auto& g : variants.groups())
        for (const auto& set : query_sets(g)) {
            std::vector<Xapian::doccount> q_found, n_found;
            for (const auto& form : set)
                for (int rep = 0; rep < 5; ++rep) {
                    auto [qc, qt] = found(q_db, form);
                    auto [nc, nt] = found(n_db, norm(form));
                    q_times.push_back(qt);
                    n_times.push_back(nt);
                    if (rep == 0) q_found.push_back(qc), n_found.push_back(nc);
                }
            if (*std::max_element(q_found.begin(), q_found.end()) == 0 && *std::max_element(n_found.begin(), n_found.end()) == 0)
                continue;  // no form of this pair occurs
            same_q += all_equal(q_found);
            same_n += all_equal(n_found);
            pairs.push_back({{"line", g.line}, {"forms", set}, {"query_time", q_found}, {"index_time", n_found}});
        }
    return {{"pairs", pairs},
            {"occurring", pairs.size()},
            {"same", {same_q, same_n}},
            {"median_query_us", {1e6 * median(q_times), 1e6 * median(n_times)}}};
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"a6kb-variantbench: spelling variants at query time (synonyms) against index time (rewritten text)"};
    std::string variants_file, taxonomy_file, work;
    std::vector<std::string> folders;
    app.add_option("--variants", variants_file, "variants.txt")->required()->check(CLI::ExistingFile);
    app.add_option("--taxonomy", taxonomy_file, "taxonomy.xml")->required()->check(CLI::ExistingFile);
    app.add_option("--work", work, "folder for the two databases (overwritten)")->required();
    app.add_option("folders", folders, "documents to index")->required()->check(CLI::ExistingDirectory);
    CLI11_PARSE(app, argc, argv);
    try {
        const Variants variants = Variants::load(variants_file);
        const Taxonomy taxonomy = Taxonomy::load(taxonomy_file);
        const Normaliser norm(variants);
        auto t0 = Clock::now();
        const std::vector<std::string> texts = texts_of(folders);
        std::fprintf(stderr, "variantbench: %zu documents extracted in %.1f s\n", texts.size(), since(t0));

        const fs::path q_path = fs::path(work) / "query-time", n_path = fs::path(work) / "index-time";
        fs::create_directories(work);
        // Each indexed twice, in turn, so that both see the same machine.
        std::vector<double> q_index, n_index;
        for (int round = 0; round < 2; ++round) {
            q_index.push_back(index_into(q_path, texts, nullptr));
            n_index.push_back(index_into(n_path, texts, &norm));
        }
        auto t2 = Clock::now();
        size_t rewritten = 0;
        for (const auto& t : texts) rewritten += norm(t).size();
        const double rewrite_s = since(t2);
        auto t1 = Clock::now();
        {
            Xapian::WritableDatabase db(q_path.string(), Xapian::DB_OPEN);
            write_synonyms(db, taxonomy, variants);
            db.commit();
        }
        const double q_synonyms = since(t1);
        const Xapian::Database q_db(q_path.string()), n_db(n_path.string());

        const nlohmann::json pairs = compare_pairs(variants, norm, q_db, n_db);
        nlohmann::json report = {
            {"documents", texts.size()},
            {"query_time", {{"index_s", q_index}, {"synonyms_s", q_synonyms}, {"bytes", folder_bytes(q_path)},
                            {"terms", q_db.get_total_length()}, {"median_query_us", pairs["median_query_us"][0]}}},
            {"index_time", {{"index_s", n_index}, {"rewrite_s", rewrite_s}, {"rewritten_bytes", rewritten},
                            {"bytes", folder_bytes(n_path)}, {"terms", n_db.get_total_length()},
                            {"median_query_us", pairs["median_query_us"][1]}}},
            {"pairs_occurring", pairs["occurring"]},
            {"pairs_same_count_query_time", pairs["same"][0]},
            {"pairs_same_count_index_time", pairs["same"][1]},
            {"pairs", pairs["pairs"]},
        };
        std::printf("%s\n", report.dump(1).c_str());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "a6kb-variantbench: %s\n", e.what());
        return 1;
    } catch (const Xapian::Error& e) {
        std::fprintf(stderr, "a6kb-variantbench: %s\n", e.get_description().c_str());
        return 1;
    }
}
