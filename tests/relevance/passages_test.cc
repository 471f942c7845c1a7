// SPDX-License-Identifier: Apache-2.0
// The relevance suite's passages part: questions people ask (a DNA officer,
// a project developer, a community), each naming the record that answers
// and words the passage shown for it must hold. A question is answered at
// rank k when the record is the k-th hit and the passage shown for it (the
// hit's best passage, its snippet) holds every word.
//
// Two corpora, each with its own list and ctest cases:
// - fixtures: tests/fixtures/answers (texts we wrote), always;
// - realdocs: ../shared/realdocs, when present (otherwise one case that
//   prints SKIPPED, which ctest counts as skipped).
// Each question's case fails when it is not answered in the top 5; the case
// "passages: CORPUS: the whole list" gates the share answered in the top 5
// (at least 90%) and at rank 1 (at least 75%) and prints both.
//
// The indexes are made once by the ctest cases passages_index_fixtures and
// passages_index_realdocs, as the folders fixtures/ and realdocs/ of
// A6KB_PASSAGES_INDEXES.
#include "core/search/searcher.h"
#include "core/model/text.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>

using namespace a6kb;

namespace {

constexpr size_t TOP = 5;

struct Question {
    size_t line = 0;
    std::string who, text;
    std::vector<std::string> expected;  // the records that answer it (one, or a few that each do)
    std::vector<std::string> words;     // lowercased
};

struct Suite {
    std::string name;   // fixtures | realdocs
    std::string tsv;    // its questions
};

const std::vector<Suite>& suites() {
    static const std::vector<Suite> all = {
        {"fixtures", std::string(A6KB_RELEVANCE) + "/passages-fixtures.tsv"},
        {"realdocs", std::string(A6KB_RELEVANCE) + "/passages-realdocs.tsv"},
    };
    return all;
}

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::stringstream ss(s);
    for (std::string part; std::getline(ss, part, sep);)
        if (!text::trim(part).empty()) out.push_back(text::trim(part));
    return out;
}

// who <TAB> question <TAB> record ids ('|' between records that each answer) <TAB> words, comma-separated.
std::vector<Question> load(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::vector<Question> out;
    size_t n = 0;
    for (std::string line; std::getline(in, line);) {
        ++n;
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> cols;
        std::stringstream ss(line);
        for (std::string c; std::getline(ss, c, '\t');) cols.push_back(c);
        if (cols.size() != 4 || cols[1].empty() || cols[2].empty())
            throw std::runtime_error(path + ":" + std::to_string(n) + ": expected who, question, record id, words");
        Question q{n, cols[0], cols[1], split(cols[2], '|'), {}};
        for (const auto& w : split(cols[3], ',')) q.words.push_back(text::to_lower(w));
        out.push_back(std::move(q));
    }
    return out;
}

const std::vector<Question>& questions(const Suite& s) {
    static std::map<std::string, std::vector<Question>> cache;
    auto it = cache.find(s.name);
    if (it == cache.end()) it = cache.emplace(s.name, load(s.tsv)).first;
    return it->second;
}

bool present(const Suite& s) { return s.name != "realdocs" || std::filesystem::is_directory(A6KB_REALDOCS); }

Searcher& searcher(const Suite& s) {
    static std::map<std::string, std::unique_ptr<Searcher>> open;
    auto& ptr = open[s.name];
    if (!ptr) {
        const char* dir = std::getenv("A6KB_PASSAGES_INDEXES");
        if (!dir || !*dir) throw std::runtime_error("A6KB_PASSAGES_INDEXES is not set: run this suite through ctest");
        ptr = std::make_unique<Searcher>((std::filesystem::path(dir) / s.name).string());
    }
    return *ptr;
}

// The snippet as text: tags dropped, the few entities the escaper makes undone.
std::string plain(const std::string& html) {
    std::string out;
    bool tag = false;
    for (char c : html) {
        if (c == '<') tag = true;
        else if (c == '>') tag = false;
        else if (!tag) out += c;
    }
    for (auto [from, to] : {std::pair{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}})
        for (size_t at; (at = out.find(from)) != std::string::npos;) out.replace(at, std::string(from).size(), to);
    return text::to_lower(text::collapse_spaces(out));
}

struct Outcome {
    size_t rank = 0;      // of the expected record, 1-based; 0: not in the top 5
    bool answered = false;  // and its shown passage holds every word
    std::string shown, got;
};

Outcome ask(const Suite& s, const Question& q) {
    Searcher& se = searcher(s);
    auto res = se.search(parse_search_request({{"q", q.text}}, se.taxonomy()));
    Outcome o;
    for (size_t i = 0; i < res.hits.size() && i < TOP; ++i) {
        const Hit& h = res.hits[i];
        o.got += (i ? ", " : "") + std::to_string(i + 1) + ". " + h.record.id;
        if (o.rank || std::find(q.expected.begin(), q.expected.end(), h.record.id) == q.expected.end()) continue;
        o.rank = i + 1;
        o.shown = plain(h.snippet);
        o.answered = std::all_of(q.words.begin(), q.words.end(), [&](const std::string& w) { return o.shown.find(w) != std::string::npos; });
    }
    return o;
}

void check_question(const Suite& s, size_t i) {
    const Question& q = questions(s).at(i);
    Outcome o = ask(s, q);
    INFO(s.tsv << " line " << q.line << ": '" << q.text << "'; top " << TOP << ": " << (o.got.empty() ? "no hits" : o.got));
    INFO(q.expected.front() << (q.expected.size() > 1 ? " (or another listed)" : "") << " ranks " << (o.rank ? std::to_string(o.rank) : "outside the top 5") << "; its passage: " << o.shown);
    CHECK(o.answered);
}

void check_suite(const Suite& s) {
    size_t top = 0, first = 0;
    const auto& qs = questions(s);
    for (const auto& q : qs) {
        Outcome o = ask(s, q);
        top += o.answered ? 1 : 0;
        first += o.answered && o.rank == 1 ? 1 : 0;
    }
    const double n = static_cast<double>(qs.size());
    std::printf("passages (%s): %zu questions; answered in the top %zu: %zu (%.0f%%), at rank 1: %zu (%.0f%%)\n", s.name.c_str(),
                qs.size(), TOP, top, 100.0 * static_cast<double>(top) / n, first, 100.0 * static_cast<double>(first) / n);
    CHECK(qs.size() >= (s.name == "fixtures" ? 30u : 16u));
    CHECK(static_cast<double>(top) >= 0.9 * n);
    CHECK(static_cast<double>(first) >= 0.75 * n);
}

class Case : public Catch::ITestInvoker {
public:
    Case(size_t suite, std::optional<size_t> question) : suite_(suite), question_(question) {}
    void invoke() const override {
        const Suite& s = suites().at(suite_);
        if (!present(s)) {
            std::printf("SKIPPED: %s is not there\n", A6KB_REALDOCS);
            return;
        }
        if (question_) check_question(s, *question_);
        else check_suite(s);
    }

private:
    size_t suite_;
    std::optional<size_t> question_;
};

class Broken : public Catch::ITestInvoker {
public:
    explicit Broken(std::string why) : why_(std::move(why)) {}
    void invoke() const override { FAIL(why_); }

private:
    std::string why_;
};

struct Register {
    Register() {
        try {
            add();
        } catch (const std::exception& e) {
            Catch::AutoReg(new Broken(e.what()), CATCH_INTERNAL_LINEINFO, "", Catch::NameAndTags{"passages: the lists", "[relevance]"});
        }
    }
    static void add() {
        for (size_t si = 0; si < suites().size(); ++si) {
            const Suite& s = suites()[si];
            const std::string tag = "[relevance][passages][" + s.name + "]";
            if (!present(s)) {
                Catch::AutoReg(new Case(si, std::nullopt), CATCH_INTERNAL_LINEINFO, "",
                               Catch::NameAndTags{"passages: " + s.name + ": skipped", tag});
                continue;
            }
            for (size_t i = 0; i < questions(s).size(); ++i) {
                const Question& q = questions(s)[i];
                Catch::AutoReg(new Case(si, i), CATCH_INTERNAL_LINEINFO, "",
                               Catch::NameAndTags{"passages: " + s.name + ": " + q.who + ": " + q.text, tag});
            }
            Catch::AutoReg(new Case(si, std::nullopt), CATCH_INTERNAL_LINEINFO, "",
                           Catch::NameAndTags{"passages: " + s.name + ": the whole list (90% in the top 5, 75% at rank 1)", tag});
        }
    }
};
const Register register_cases;

}  // namespace
