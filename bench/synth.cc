// SPDX-License-Identifier: Apache-2.0
// a6kb-synth: a deterministic synthetic Article 6 corpus and query set for
// benchmarks (scripts/bench).
//
// Given a seed and a document count it writes, always byte for byte the same:
// - md/NNN/NNNNNNN.md: Markdown with YAML front matter (title, symbol,
//   version, type, groups, topics, mechanism, scope, status, date, lang) for
//   a6kb-indexer; bodies of 300-3,000 words (log-uniform, mean ~1,170) drawn
//   from a Zipfian vocabulary: English function words, Article 6 / CDM words
//   and the taxonomy's own words, then a long tail of rare made-up words;
//   each record's concepts put their cue phrases into its text;
// - sphinx.xml: the same records as a Sphinx xmlpipe2 stream (facets as
//   integer attributes, multi-valued ones as MVA);
// - omega.dump + omega.script: the same records for Xapian's scriptindex
//   (facets as boolean terms with a6kb's prefixes, date in value slot 0);
// - queries/: one fixed query set (--queries, default 200) in each engine's
//   form: a6kb.paths (/api/v1/search?...), sphinx.sql (one line per request:
//   the SphinxQL statements, ';'-separated, that give the same top 10 and
//   the same disjunctive facet counts), omega.paths (/cgi-bin/omega?...),
//   and queries.tsv (kind, query, filters) for people;
// - synth.json: what was written.
//
// Facet values are concept ids of the given taxonomy (corpus/taxonomy.xml).
// The taxonomy's implied-by rules are applied here too (methodologies are
// for project developers...), so the peers see the same facet values a6kb
// derives. Every random choice goes through one seeded generator of our own
// (not <random>'s distributions, whose output differs between standard
// libraries); each document's text has its own stream, so files are written
// by several threads and still come out the same.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

namespace fs = std::filesystem;

namespace {

// ---------------------------------------------------------------- random

uint64_t splitmix(uint64_t& x) {
    uint64_t z = (x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// xoshiro256**, seeded through splitmix64.
class Rng {
public:
    explicit Rng(uint64_t seed) {
        for (auto& w : s_) w = splitmix(seed);
    }
    uint64_t next() {
        uint64_t r = rotl(s_[1] * 5, 7) * 9, t = s_[1] << 17;
        s_[2] ^= s_[0]; s_[3] ^= s_[1]; s_[1] ^= s_[2]; s_[0] ^= s_[3];
        s_[2] ^= t; s_[3] = rotl(s_[3], 45);
        return r;
    }
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)
    size_t below(size_t n) { return n ? static_cast<size_t>(uniform() * static_cast<double>(n)) : 0; }
    size_t between(size_t lo, size_t hi) { return lo + below(hi - lo + 1); }  // inclusive
    bool chance(double p) { return uniform() < p; }
    template <class T> const T& pick(const std::vector<T>& v) { return v[below(v.size())]; }
    // Index drawn with the given (unnormalised) weights.
    size_t weighted(const std::vector<double>& w) {
        double total = 0;
        for (double x : w) total += x;
        double r = uniform() * total;
        for (size_t i = 0; i < w.size(); ++i) {
            if (r < w[i]) return i;
            r -= w[i];
        }
        return w.size() - 1;
    }

private:
    static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    uint64_t s_[4];
};

// ---------------------------------------------------------------- taxonomy

struct Concept {
    std::string id, label;
    std::vector<std::string> alts, cues;
    std::vector<std::pair<std::string, std::string>> implied_by;  // facet, value
};
struct Facet {
    std::string id;
    bool multi = false;
    std::vector<Concept> concepts;
    size_t index_of(const std::string& concept_id) const {
        for (size_t i = 0; i < concepts.size(); ++i)
            if (concepts[i].id == concept_id) return i;
        return concepts.size();
    }
};
struct Taxonomy {
    std::map<std::string, Facet> facets;
    const Facet& at(const std::string& id) const {
        auto it = facets.find(id);
        if (it == facets.end()) throw std::runtime_error("the taxonomy has no facet '" + id + "'");
        return it->second;
    }
};

Taxonomy load_taxonomy(const fs::path& file) {
    pugi::xml_document doc;
    auto ok = doc.load_file(file.c_str());
    if (!ok) throw std::runtime_error(file.string() + ": " + ok.description());
    Taxonomy t;
    for (auto f : doc.child("taxonomy").children("facet")) {
        Facet facet;
        facet.id = f.attribute("id").value();
        facet.multi = std::string(f.attribute("multi").value()) == "true";
        for (auto c : f.children("concept")) {
            Concept concept_;
            concept_.id = c.attribute("id").value();
            concept_.label = c.attribute("label").value();
            for (auto a : c.children("alt")) concept_.alts.push_back(a.text().get());
            for (auto a : c.children("cue")) concept_.cues.push_back(a.text().get());
            for (auto a : c.children("implied-by"))
                concept_.implied_by.emplace_back(a.attribute("facet").value(), a.attribute("value").value());
            facet.concepts.push_back(std::move(concept_));
        }
        t.facets[facet.id] = std::move(facet);
    }
    return t;
}

// ---------------------------------------------------------------- vocabulary

// English function words, most frequent first.
const char* const FUNCTION_WORDS[] = {
    "the", "of", "and", "to", "in", "a", "for", "on", "by", "with", "as", "be", "that", "or", "is", "are", "this",
    "from", "at", "which", "an", "shall", "its", "their", "such", "under", "any", "may", "not", "all", "other",
    "these", "each", "where", "including", "it", "has", "have", "been", "should", "also", "within", "between",
    "through", "into", "more", "those", "can", "would", "if", "when", "upon", "after", "before", "only", "both",
    "who", "there", "per", "than", "was", "were", "will", "no", "well", "how", "whether", "further", "based",
    "relevant", "respective", "following", "same", "first", "second", "new", "own", "used", "applied", "given",
    "taken", "made", "provided", "set", "out", "up", "over", "about", "against", "during", "without", "while",
    "where", "must", "do", "does", "so", "then", "them", "they", "our", "we", "one", "two", "three"};

// Article 6, CDM and climate-finance words, roughly most frequent first.
const char* const DOMAIN_WORDS[] = {
    "emission", "emissions", "reductions", "mitigation", "activity", "activities", "parties", "party", "baseline",
    "project", "methodology", "monitoring", "article", "mechanism", "outcomes", "carbon", "greenhouse", "gas",
    "reporting", "approaches", "cooperative", "supervisory", "body", "host", "national", "authority", "approval",
    "requirements", "guidance", "decision", "registry", "issuance", "units", "credits", "transfer", "transfers",
    "adjustment", "adjustments", "corresponding", "authorization", "verification", "validation", "registration",
    "crediting", "period", "periods", "additionality", "additional", "leakage", "removals", "permanence",
    "reversal", "reversals", "sustainable", "development", "safeguards", "stakeholder", "consultation",
    "information", "secretariat", "procedure", "standard", "standards", "tool", "tools", "version", "annex",
    "paragraph", "paragraphs", "chapter", "section", "table", "value", "values", "data", "parameter", "parameters",
    "calculation", "calculated", "equation", "factor", "factors", "default", "applicable", "applicability",
    "conditions", "scenario", "scenarios", "project", "participants", "developer", "developers", "entity",
    "entities", "operational", "designated", "accredited", "accreditation", "audit", "report", "reports",
    "submission", "submissions", "meeting", "session", "agenda", "recommendation", "recommendations", "rules",
    "modalities", "procedures", "implementation", "implementing", "capacity", "building", "readiness", "finance",
    "financial", "investment", "investors", "private", "public", "sector", "market", "markets", "price", "prices",
    "pricing", "tax", "trading", "scheme", "schemes", "ndc", "ndcs", "contribution", "contributions", "target",
    "targets", "ambition", "global", "overall", "share", "proceeds", "adaptation", "fund", "cancellation",
    "cancelled", "account", "accounts", "holding", "pending", "tracking", "infrastructure", "international",
    "transaction", "log", "electronic", "format", "template", "forms", "energy", "renewable", "electricity",
    "grid", "power", "plant", "plants", "generation", "capacity", "fuel", "fuels", "fossil", "biomass",
    "non-renewable", "cookstoves", "stoves", "cooking", "households", "household", "methane", "landfill", "waste",
    "wastewater", "manure", "livestock", "agriculture", "rice", "soil", "forest", "forestry", "afforestation",
    "reforestation", "land", "use", "area", "areas", "tree", "trees", "biomass", "carbon", "stock", "stocks",
    "pool", "pools", "transport", "vehicles", "efficiency", "efficient", "industrial", "cement", "steel",
    "chemical", "refrigerant", "hfc", "n2o", "co2", "ch4", "tco2e", "tonnes", "tonne", "year", "years", "annual",
    "ex-ante", "ex-post", "measurement", "measured", "estimated", "estimate", "estimates", "uncertainty",
    "conservative", "sampling", "sample", "survey", "surveys", "frequency", "records", "equipment", "meter",
    "meters", "metering", "quality", "assurance", "control", "integrity", "environmental", "social", "risk",
    "risks", "assessment", "impacts", "impact", "benefits", "indigenous", "peoples", "local", "communities",
    "gender", "human", "rights", "grievance", "appeals", "appeal", "process", "processes", "review", "technical",
    "expert", "experts", "panel", "methodologies", "standardized", "baselines", "suppressed", "demand",
    "downward", "benchmark", "performance", "penetration", "barrier", "barriers", "investment", "analysis",
    "common", "practice", "first-of-its-kind", "programme", "programmes", "poa", "component", "components",
    "cpa", "cpas", "inclusion", "renewal", "transition", "cdm", "executive", "board", "kyoto", "protocol",
    "cers", "itmos", "a6.4ers", "mitigation", "omge", "delivery", "outcome", "outcomes", "first", "transfer",
    "use", "purposes", "authorized", "authorizing", "statement", "letter", "letters", "initial", "updated",
    "regular", "biennial", "transparency", "framework", "inventory", "inventories", "accounting", "balance",
    "trajectory", "budget", "single-year", "multi-year", "consistency", "double", "counting", "claiming",
    "voluntary", "corsia", "aviation", "airlines", "buyers", "demand", "supply", "pledges", "pledge", "lab",
    "labs", "roundtable", "roundtables", "question", "questions", "regional", "collaboration", "centres",
    "centre", "partnership", "initiative", "initiatives", "pilot", "pilots", "bilateral", "agreement",
    "agreements", "arrangements", "institutional", "governance", "ministry", "ministries", "focal", "point",
    "legal", "regulatory", "domestic", "policy", "policies", "measures", "sectors", "sectoral", "scope",
    "scopes", "stakeholders", "engagement", "local", "participation", "transparency", "public", "comments",
    "call", "input", "inputs", "workshop", "workshops", "training", "guide", "handbook", "toolkit", "support",
    "technology", "technologies", "deployment", "grant", "grants", "loan", "loans", "guarantee", "guarantees",
    "blended", "concessional", "results-based", "payments", "payment", "purchase", "contracts", "contract"};

bool all_upper(const std::string& w) {
    bool letter = false;
    for (unsigned char c : w) {
        if (std::islower(c)) return false;
        if (std::isupper(c)) letter = true;
    }
    return letter;
}

// Words of a phrase: letters, digits and inner '-', '.', '/'.
std::vector<std::string> words_of(const std::string& s) {
    std::vector<std::string> out;
    std::string w;
    auto flush = [&] {
        while (!w.empty() && (w.back() == '-' || w.back() == '.' || w.back() == '/')) w.pop_back();
        if (!w.empty()) out.push_back(w);
        w.clear();
    };
    for (unsigned char c : s) {
        if (std::isalnum(c) || ((c == '-' || c == '.' || c == '/') && !w.empty())) w += static_cast<char>(c);
        else flush();
    }
    flush();
    return out;
}

struct Vocabulary {
    std::vector<std::string> words;   // by rank
    std::vector<double> cdf;          // Zipf, cumulative
    size_t function_words = 0, domain_words = 0;

    const std::string& sample(Rng& rng) const {
        double r = rng.uniform() * cdf.back();
        size_t i = static_cast<size_t>(std::upper_bound(cdf.begin(), cdf.end(), r) - cdf.begin());
        return words[std::min(i, words.size() - 1)];
    }
};

// A made-up word of 2-4 syllables (the long tail: names, rare terms).
std::string made_up_word(Rng& rng) {
    static const char* const onsets[] = {"b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v",
                                         "z", "br", "tr", "st", "pl", "gr", "ch", "sh", "th", "kr", "fl"};
    static const char* const vowels[] = {"a", "e", "i", "o", "u", "ai", "ea", "io", "ou", "y"};
    static const char* const codas[] = {"", "", "", "n", "r", "s", "l", "m", "t", "x", "nd", "rk"};
    std::string w;
    size_t syllables = rng.between(2, 4);
    for (size_t i = 0; i < syllables; ++i) {
        w += onsets[rng.below(std::size(onsets))];
        w += vowels[rng.below(std::size(vowels))];
        if (i + 1 == syllables || rng.chance(0.3)) w += codas[rng.below(std::size(codas))];
    }
    return w;
}

Vocabulary make_vocabulary(const Taxonomy& tax, size_t size, double zipf_s, Rng& rng) {
    Vocabulary v;
    std::unordered_set<std::string> seen;
    auto add = [&](const std::string& w) {
        if (w.size() < 2 || !seen.insert(w).second) return;
        v.words.push_back(w);
    };
    for (const char* w : FUNCTION_WORDS) add(w);
    v.function_words = v.words.size();
    for (const char* w : DOMAIN_WORDS) add(w);
    // The taxonomy's words (labels, alternative labels, cues), in a seeded
    // order; acronyms keep their capitals, other words are lowercased.
    std::vector<std::string> tax_words;
    std::set<std::string> tax_seen;
    for (const auto& [fid, facet] : tax.facets)
        for (const auto& c : facet.concepts) {
            std::vector<std::string> phrases = c.alts;
            phrases.insert(phrases.end(), c.cues.begin(), c.cues.end());
            phrases.push_back(c.label);
            for (const auto& p : phrases)
                for (auto w : words_of(p)) {
                    if (!all_upper(w))
                        for (auto& ch : w) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
                    if (std::isdigit(static_cast<unsigned char>(w[0]))) continue;
                    if (tax_seen.insert(w).second) tax_words.push_back(w);
                }
        }
    for (size_t i = tax_words.size(); i > 1; --i) std::swap(tax_words[i - 1], tax_words[rng.below(i)]);
    for (const auto& w : tax_words) add(w);
    v.domain_words = v.words.size() - v.function_words;
    while (v.words.size() < size) add(made_up_word(rng));
    double total = 0;
    for (size_t r = 0; r < v.words.size(); ++r) {
        total += 1.0 / std::pow(static_cast<double>(r + 1), zipf_s);
        v.cdf.push_back(total);
    }
    return v;
}

// ---------------------------------------------------------------- records

struct Doc {
    uint32_t n = 0;  // 0-based; Sphinx id = n + 1
    std::string type, status, lang, date, title, symbol, version;
    std::vector<std::string> groups, topics, mechanisms, scopes;
    int year = 0;
    bool latest = true;
    size_t words = 0;
    uint64_t seed = 0;
    std::vector<std::string> phrases;  // cue phrases of its concepts, put into its text
};

struct TypeSpec {
    const char* id;
    double weight;
};
// Document types and their share of the corpus.
const TypeSpec TYPES[] = {
    {"methodology", 20}, {"tool", 5}, {"decision", 10}, {"standard", 6}, {"procedure", 5},
    {"information-note", 8}, {"meeting-report", 6}, {"report", 10}, {"guideline", 5},
    {"capacity-building-material", 8}, {"concept-note", 4}, {"recommendation", 3}, {"form", 2},
    {"agenda", 3}, {"glossary", 2}, {"other", 3}};

std::string roman(int n) { return n == 1 ? "I" : n == 2 ? "II" : n == 3 ? "III" : "IV"; }
std::string letters(size_t i) {  // 0 -> A, 25 -> Z, 26 -> AA ...
    if (i < 26) return std::string(1, static_cast<char>('A' + i));
    i -= 26;
    return std::string(1, static_cast<char>('A' + i / 26)) + static_cast<char>('A' + i % 26);
}
std::string pad(size_t n, int width) {
    std::string s = std::to_string(n);
    return std::string(s.size() < static_cast<size_t>(width) ? width - s.size() : 0, '0') + s;
}

// Unique symbols per document type; empty when the pool is used up.
class Symbols {
public:
    std::string next(const std::string& type, Rng& rng) {
        size_t& k = used_[type];
        size_t i = k++;
        if (type == "methodology") {
            switch (rng.below(4)) {
                case 0: {
                    size_t& j = used_["ams"];
                    if (j >= 4 * 702) break;
                    size_t x = j++;
                    return "AMS-" + roman(static_cast<int>(x % 4) + 1) + "." + letters(x / 4);
                }
                case 1: return "AM" + pad(++used_["am"], 4);
                case 2: return "ACM" + pad(++used_["acm"], 4);
                default: return "AR-AMS" + pad(++used_["aram"], 4);
            }
            return "AM" + pad(++used_["am"], 4);
        }
        if (type == "tool") {
            if (i < 99) return "TOOL" + pad(i + 1, 2);
            if (i < 198) return "AR-TOOL" + pad(i - 98, 2);
            return {};
        }
        if (type == "decision") {
            static const char* const bodies[] = {"CMA", "CMP", "CP"};
            if (i >= 3 * 30 * 60) return {};
            return std::to_string(i / 90 + 1) + "/" + bodies[i % 3] + "." + std::to_string((i / 3) % 30 + 1);
        }
        if (type == "standard") return "A6.4-STAN-METH-" + pad(i + 1, 3);
        if (type == "procedure") return "A6.4-PROC-AC-" + pad(i + 1, 3);
        if (type == "information-note") return "A6.4-INFO-GOV-" + pad(i + 1, 3);
        if (type == "meeting-report") return "A6.4-SBM" + pad(i / 12 + 1, 3) + "-A" + pad(i % 12 + 1, 2);
        if (type == "report") return "FCCC/PA/CMA/" + std::to_string(2016 + i % 9) + "/" + std::to_string(i / 9 + 1);
        return {};
    }

private:
    std::map<std::string, size_t> used_;
};

// 1-3 distinct concepts of a facet, the first ones more likely.
std::vector<std::string> pick_concepts(const Facet& f, size_t lo, size_t hi, Rng& rng, double skew = 0.15) {
    std::vector<double> w;
    for (size_t i = 0; i < f.concepts.size(); ++i) w.push_back(1.0 / (1.0 + skew * static_cast<double>(i)));
    size_t n = std::min(rng.between(lo, hi), f.concepts.size());
    std::vector<std::string> out;
    while (out.size() < n) {
        size_t i = rng.weighted(w);
        w[i] = 0;
        out.push_back(f.concepts[i].id);
    }
    std::sort(out.begin(), out.end());
    return out;
}

// ---------------------------------------------------------------- text

struct Corpus {
    Taxonomy tax;
    Vocabulary vocab;
    std::vector<Doc> docs;
    std::vector<std::string> symbols;  // every symbol given, for citations
};

std::string capitalized(std::string w) {
    if (!w.empty() && std::islower(static_cast<unsigned char>(w[0])))
        w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
    return w;
}

// Markdown body (without front matter): "# title", "## " headings, paragraphs.
std::string body_of(const Doc& d, const Corpus& c) {
    Rng rng(d.seed);
    std::string out;
    out.reserve(d.words * 8);
    out += "# " + d.title + "\n\n";
    if (!d.symbol.empty()) out += d.symbol + (d.version.empty() ? "" : ", version " + d.version) + "\n\n";
    size_t words = 0;
    const size_t target = d.words;
    size_t section_left = 0;
    while (words < target) {
        if (section_left == 0) {
            std::string h;
            size_t hw = rng.between(2, 5);
            for (size_t i = 0; i < hw; ++i) {
                const std::string& w = c.vocab.words[c.vocab.function_words + rng.below(c.vocab.domain_words)];
                h += (i ? " " : "") + (i ? w : capitalized(w));
            }
            out += "## " + h + "\n\n";
            words += hw;
            section_left = rng.between(2, 6);
        }
        --section_left;
        size_t sentences = rng.between(2, 7);
        for (size_t s = 0; s < sentences && words < target; ++s) {
            size_t len = rng.between(8, 28);
            size_t phrase_at = !d.phrases.empty() && rng.chance(0.35) ? rng.below(len) : len;
            // No citation near the top: a6kb takes the first symbol on a record's
            // first page as its own when the front matter names none.
            size_t cite_at = !c.symbols.empty() && words > 400 && rng.chance(0.03) ? rng.below(len) : len;
            for (size_t i = 0; i < len; ++i) {
                if (i) out += rng.chance(0.06) ? ", " : " ";
                std::string w;
                if (i == phrase_at) w = rng.pick(d.phrases);
                else if (i == cite_at) w = rng.pick(c.symbols);
                else w = c.vocab.sample(rng);
                out += i == 0 ? capitalized(w) : w;
            }
            out += s + 1 == sentences ? ".\n\n" : ". ";
            words += len;
        }
        if (out.size() >= 2 && out.compare(out.size() - 2, 2, "\n\n") != 0) out += "\n\n";
    }
    return out;
}

std::string yaml_quote(const std::string& s) {
    std::string out = "\"";
    for (char ch : s) {
        if (ch == '"' || ch == '\\') out += '\\';
        out += ch;
    }
    return out + "\"";
}
std::string yaml_list(const std::vector<std::string>& v) {
    std::string out = "[";
    for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + yaml_quote(v[i]);
    return out + "]";
}

std::string markdown_of(const Doc& d, const std::string& body) {
    std::string fm = "---\n";
    fm += "title: " + yaml_quote(d.title) + "\n";
    if (!d.symbol.empty()) fm += "symbol: " + yaml_quote(d.symbol) + "\n";
    if (!d.version.empty()) fm += "version: " + yaml_quote(d.version) + "\n";
    fm += "type: " + d.type + "\n";
    fm += "groups: " + yaml_list(d.groups) + "\n";
    fm += "topics: " + yaml_list(d.topics) + "\n";
    fm += "mechanism: " + yaml_list(d.mechanisms) + "\n";
    if (!d.scopes.empty()) fm += "scope: " + yaml_list(d.scopes) + "\n";
    fm += "status: " + d.status + "\n";
    fm += "date: " + d.date + "\n";
    fm += "lang: " + d.lang + "\n";
    fm += "---\n";
    return fm + body;
}

std::string xml_escape(const std::string& s) {
    std::string out;
    out.reserve(s.size() + 16);
    for (char ch : s) {
        switch (ch) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += ch;
        }
    }
    return out;
}

// Concept ids as Sphinx integer attributes: 1 + the concept's position in its facet.
std::string ints(const Facet& f, const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : ",") + std::to_string(f.index_of(id) + 1);
    return out;
}

const char* const SPHINX_ATTRS[][2] = {  // facet -> attribute
    {"type", "f_type"}, {"group", "f_group"}, {"topic", "f_topic"}, {"mechanism", "f_mechanism"},
    {"scope", "f_scope"}, {"status", "f_status"}, {"lang", "f_lang"}, {"year", "f_year"}};

std::string sphinx_doc(const Doc& d, const std::string& body, const Taxonomy& t) {
    std::string x = "<sphinx:document id=\"" + std::to_string(d.n + 1) + "\">\n";
    x += "<title>" + xml_escape(d.title) + "</title>\n";
    x += "<symbol>" + xml_escape(d.symbol) + "</symbol>\n";
    x += "<body>" + xml_escape(body) + "</body>\n";
    x += "<f_type>" + ints(t.at("type"), {d.type}) + "</f_type>\n";
    x += "<f_group>" + ints(t.at("group"), d.groups) + "</f_group>\n";
    x += "<f_topic>" + ints(t.at("topic"), d.topics) + "</f_topic>\n";
    x += "<f_mechanism>" + ints(t.at("mechanism"), d.mechanisms) + "</f_mechanism>\n";
    x += "<f_scope>" + ints(t.at("scope"), d.scopes) + "</f_scope>\n";
    x += "<f_status>" + ints(t.at("status"), {d.status}) + "</f_status>\n";
    x += "<f_lang>" + ints(t.at("lang"), {d.lang}) + "</f_lang>\n";
    x += "<f_year>" + std::to_string(d.year) + "</f_year>\n";
    std::string date = d.date;
    date.erase(std::remove(date.begin(), date.end(), '-'), date.end());
    x += "<f_date>" + date + "</f_date>\n";
    x += "<f_latest>" + std::string(d.latest ? "1" : "0") + "</f_latest>\n";
    x += "</sphinx:document>\n";
    return x;
}

const char* SPHINX_HEAD =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sphinx:docset>\n<sphinx:schema>\n"
    "<sphinx:field name=\"title\"/>\n<sphinx:field name=\"symbol\"/>\n<sphinx:field name=\"body\"/>\n"
    "<sphinx:attr name=\"f_type\" type=\"int\" bits=\"32\" default=\"0\"/>\n"
    "<sphinx:attr name=\"f_group\" type=\"multi\"/>\n<sphinx:attr name=\"f_topic\" type=\"multi\"/>\n"
    "<sphinx:attr name=\"f_mechanism\" type=\"multi\"/>\n<sphinx:attr name=\"f_scope\" type=\"multi\"/>\n"
    "<sphinx:attr name=\"f_status\" type=\"int\" bits=\"32\" default=\"0\"/>\n"
    "<sphinx:attr name=\"f_lang\" type=\"int\" bits=\"32\" default=\"0\"/>\n"
    "<sphinx:attr name=\"f_year\" type=\"int\" bits=\"32\" default=\"0\"/>\n"
    "<sphinx:attr name=\"f_date\" type=\"int\" bits=\"32\" default=\"0\"/>\n"
    "<sphinx:attr name=\"f_latest\" type=\"int\" bits=\"32\" default=\"0\"/>\n"
    "</sphinx:schema>\n";

// scriptindex: field=value lines, continuation lines start with '='.
std::string omega_doc(const Doc& d, const std::string& body) {
    std::string o = "id=" + std::to_string(d.n + 1) + "\n";
    o += "title=" + d.title + "\n";
    if (!d.symbol.empty()) o += "symbol=" + d.symbol + "\n";
    o += "type=" + d.type + "\n";
    for (const auto& v : d.groups) o += "group=" + v + "\n";
    for (const auto& v : d.topics) o += "topic=" + v + "\n";
    for (const auto& v : d.mechanisms) o += "mechanism=" + v + "\n";
    for (const auto& v : d.scopes) o += "scope=" + v + "\n";
    o += "status=" + d.status + "\n";
    o += "lang=" + d.lang + "\n";
    o += "year=" + std::to_string(d.year) + "\n";
    std::string date = d.date;
    date.erase(std::remove(date.begin(), date.end(), '-'), date.end());
    o += "date=" + date + "\n";
    if (d.latest) o += "latest=1\n";
    o += "text=";
    size_t start = 0;
    bool first = true;
    while (start <= body.size()) {
        size_t nl = body.find('\n', start);
        std::string line = body.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
        if (!line.empty()) {
            o += (first ? "" : "=") + line + "\n";
            first = false;
        }
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
    if (first) o += "\n";
    return o + "\n";
}

const char* OMEGA_SCRIPT =
    "# scriptindex script for the a6kb-synth corpus: facets as boolean terms with a6kb's prefixes\n"
    "id : boolean=Q unique=Q field=id\n"
    "title : field=caption weight=5 index index=S\n"
    "symbol : field=symbol weight=5 index\n"
    "type : boolean=XK field=type\n"
    "group : boolean=XG\n"
    "topic : boolean=XC\n"
    "mechanism : boolean=XM\n"
    "scope : boolean=XSC\n"
    "status : boolean=XST\n"
    "lang : boolean=XL\n"
    "year : boolean=XY\n"
    "date : value=0\n"
    "latest : boolean=XN\n"
    "text : index truncate=300 field=sample\n";

// ---------------------------------------------------------------- queries

struct Query {
    std::string kind, q;
    bool phrase = false, symbol = false;
    std::vector<std::pair<std::string, std::string>> filters;  // facet, concept id (year: the year)
};

std::string url_encode(const std::string& s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') out += static_cast<char>(c);
        else if (c == ' ') out += '+';
        else { out += '%'; out += hex[c >> 4]; out += hex[c & 15]; }
    }
    return out;
}

std::string a6kb_path(const Query& q) {
    std::string p = "/api/v1/search?";
    bool first = true;
    auto add = [&](const std::string& k, const std::string& v) {
        p += (first ? "" : "&") + k + "=" + url_encode(v);
        first = false;
    };
    if (!q.q.empty()) add("q", q.phrase ? "\"" + q.q + "\"" : q.q);
    for (const auto& [f, v] : q.filters) add(f, v);
    return p;
}

const std::map<std::string, std::string> OMEGA_PREFIX = {
    {"type", "XK"}, {"group", "XG"}, {"topic", "XC"}, {"mechanism", "XM"},
    {"scope", "XSC"}, {"status", "XST"}, {"lang", "XL"}, {"year", "XY"}};

std::string omega_path(const Query& q) {
    std::string p = "/cgi-bin/omega?DB=synth&DEFAULTOP=and&HITSPERPAGE=10";
    if (!q.q.empty()) p += "&P=" + url_encode(q.phrase ? "\"" + q.q + "\"" : q.q);
    else p += "&SORT=-0";  // browsing: by date (value 0), newest first
    for (const auto& [f, v] : q.filters) p += "&B=" + OMEGA_PREFIX.at(f) + url_encode(v);
    p += "&B=XN1";  // the latest version of each family, like a6kb's default versions=latest
    return p;
}

// SphinxQL for one request: the top 10 with FACETs for facets without a
// selection, and one GROUP BY per facet with a selection, counted without
// its own filter (a6kb's disjunctive counts).
std::string sphinx_sql(const Query& q, const Taxonomy& t) {
    auto attr = [](const std::string& facet) {
        for (const auto& a : SPHINX_ATTRS)
            if (facet == a[0]) return std::string(a[1]);
        throw std::logic_error("no attribute for " + facet);
    };
    std::map<std::string, std::vector<std::string>> sel;
    for (const auto& [f, v] : q.filters) {
        if (f == "year") sel[f].push_back(v);
        else sel[f].push_back(std::to_string(t.at(f).index_of(v) + 1));
    }
    std::string match;
    if (!q.q.empty()) {
        std::string text = q.q;
        if (q.symbol) {  // '-' is Sphinx's NOT: a symbol is the phrase of its parts
            for (auto& ch : text)
                if (ch == '-' || ch == '.' || ch == '/') ch = ' ';
        }
        match = (q.phrase || q.symbol) ? "\"" + text + "\"" : text;
    }
    auto where = [&](const std::string& skip) {
        std::string w = " WHERE ";
        std::vector<std::string> parts;
        if (!match.empty()) parts.push_back("MATCH('" + match + "')");
        for (const auto& [f, vals] : sel) {
            if (f == skip) continue;
            std::string in;
            for (const auto& v : vals) in += (in.empty() ? "" : ",") + v;
            parts.push_back(attr(f) + " IN (" + in + ")");
        }
        parts.push_back("f_latest=1");
        for (size_t i = 0; i < parts.size(); ++i) w += (i ? " AND " : "") + parts[i];
        return w;
    };
    std::string s = "SELECT id FROM synth" + where("");
    s += match.empty() ? " ORDER BY f_date DESC" : " ORDER BY WEIGHT() DESC, f_date DESC";
    s += " LIMIT 0,10";
    for (const auto& a : SPHINX_ATTRS)
        if (!sel.count(a[0])) s += std::string(" FACET ") + a[1] + " ORDER BY COUNT(*) DESC LIMIT 100";
    for (const auto& [f, vals] : sel)
        s += "; SELECT GROUPBY() AS v, COUNT(*) FROM synth" + where(f) + " GROUP BY " + attr(f) + " LIMIT 100";
    return s;
}

std::vector<Query> make_queries(const Corpus& c, size_t n, Rng& rng) {
    const auto& v = c.vocab;
    auto domain_word = [&](size_t max_rank) {
        size_t hi = std::min(v.domain_words, max_rank);
        return v.words[v.function_words + rng.below(hi)];
    };
    auto rare_word = [&] {
        size_t lo = v.function_words + v.domain_words + 2000, hi = std::min(v.words.size(), lo + 20000);
        return v.words[lo + rng.below(hi - lo)];
    };
    std::vector<std::string> phrases;
    for (const auto& [fid, f] : c.tax.facets)
        for (const auto& con : f.concepts)
            for (const auto& cue : con.cues) {
                // Plain words only, so every engine reads the phrase the same way.
                bool plain = std::all_of(cue.begin(), cue.end(), [](unsigned char ch) { return std::isalpha(ch) || ch == ' '; });
                if (plain && words_of(cue).size() >= 2) phrases.push_back(cue);
            }
    std::vector<std::string> symbols;
    for (const auto& d : c.docs)
        if (!d.symbol.empty() && d.latest) symbols.push_back(d.symbol);
    // A filter drawn like the records: a facet, then the value of a random record.
    const std::vector<std::string> facets = {"group", "topic", "type", "mechanism", "scope", "year", "lang", "status"};
    const std::vector<double> facet_w = {4, 4, 3, 2, 1, 2, 1, 1};
    auto filter = [&](const std::string& facet) -> std::pair<std::string, std::string> {
        for (;;) {
            const Doc& d = c.docs[rng.below(c.docs.size())];
            std::string val;
            if (facet == "group") val = rng.pick(d.groups);
            else if (facet == "topic") val = rng.pick(d.topics);
            else if (facet == "mechanism") val = rng.pick(d.mechanisms);
            else if (facet == "scope") { if (d.scopes.empty()) continue; val = rng.pick(d.scopes); }
            else if (facet == "type") val = d.type;
            else if (facet == "year") val = std::to_string(d.year);
            else if (facet == "lang") val = d.lang;
            else val = d.status;
            return {facet, val};
        }
    };
    auto two_filters = [&](Query& q) {
        size_t a = rng.weighted(facet_w), b = a;
        if (rng.chance(0.25)) {  // two values of one facet (OR)
            q.filters.push_back(filter(facets[a]));
            for (int tries = 0; tries < 20; ++tries) {
                auto f = filter(facets[a]);
                if (f != q.filters.back()) { q.filters.push_back(f); break; }
            }
            return;
        }
        while (b == a) b = rng.weighted(facet_w);
        q.filters.push_back(filter(facets[a]));
        q.filters.push_back(filter(facets[b]));
    };
    auto words = [&](size_t k, size_t max_rank) {
        std::string s;
        std::set<std::string> used;
        while (used.size() < k) {
            std::string w = domain_word(max_rank);
            if (used.insert(w).second) s += (s.empty() ? "" : " ") + w;
        }
        return s;
    };
    // Shares of a 200-query set.
    struct Kind { const char* name; size_t per200; };
    const Kind kinds[] = {{"one-word", 36}, {"two-words", 28}, {"three-words", 16}, {"phrase", 20}, {"rare-word", 20},
                          {"symbol", 20}, {"words+1-filter", 26}, {"words+2-filters", 18}, {"browse-filters", 16}};
    std::vector<Query> out;
    for (const auto& k : kinds) {
        size_t count = std::max<size_t>(1, (k.per200 * n + 100) / 200);
        for (size_t i = 0; i < count; ++i) {
            Query q;
            q.kind = k.name;
            std::string kind = k.name;
            if (kind == "one-word") q.q = words(1, 400);
            else if (kind == "two-words") q.q = words(2, 300);
            else if (kind == "three-words") q.q = words(3, 200);
            else if (kind == "phrase") { q.q = rng.pick(phrases); q.phrase = true; }
            else if (kind == "rare-word") q.q = rare_word();
            else if (kind == "symbol") {
                if (symbols.empty()) q.q = words(1, 400);
                else { q.q = rng.pick(symbols); q.symbol = true; }
            } else if (kind == "words+1-filter") {
                q.q = words(rng.between(1, 2), 300);
                q.filters.push_back(filter(facets[rng.weighted(facet_w)]));
            } else if (kind == "words+2-filters") {
                q.q = words(rng.between(1, 2), 300);
                two_filters(q);
            } else {
                if (rng.chance(0.5)) q.filters.push_back(filter(facets[rng.weighted(facet_w)]));
                else two_filters(q);
            }
            out.push_back(std::move(q));
        }
    }
    // Interleave the kinds so any prefix of the list is a mix.
    for (size_t i = out.size(); i > 1; --i) std::swap(out[i - 1], out[rng.below(i)]);
    return out;
}

// ---------------------------------------------------------------- main

void write_file(const fs::path& p, const std::string& content) {
    std::ofstream out(p, std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    if (!out) throw std::runtime_error("cannot write " + p.string());
}

}  // namespace

int main(int argc, char** argv) {
    size_t n_docs = 10000, n_queries = 200, vocab_size = 50000;
    uint64_t seed = 20240611;
    double zipf_s = 1.0;
    unsigned threads = std::max(1u, std::thread::hardware_concurrency());
    std::string out_dir, taxonomy_file, formats = "md";
    CLI::App app{"a6kb-synth: write a deterministic synthetic Article 6 corpus and query set (Markdown for a6kb, "
                 "xmlpipe2 for Sphinx, a scriptindex dump for Omega)"};
    app.add_option("--docs,-n", n_docs, "documents")->check(CLI::Range(size_t{1}, size_t{10000000}))->capture_default_str();
    app.add_option("--seed", seed, "random seed")->capture_default_str();
    app.add_option("--queries", n_queries, "requests in the query set")->check(CLI::Range(size_t{10}, size_t{100000}))->capture_default_str();
    app.add_option("--vocabulary", vocab_size, "distinct words")->check(CLI::Range(size_t{2000}, size_t{5000000}))->capture_default_str();
    app.add_option("--zipf", zipf_s, "Zipf exponent of word frequencies")->check(CLI::Range(0.5, 2.0))->capture_default_str();
    app.add_option("--taxonomy", taxonomy_file, "taxonomy.xml whose concept ids to use")->required()->check(CLI::ExistingFile);
    app.add_option("--formats", formats, "comma-separated: md, sphinx, omega")->capture_default_str();
    app.add_option("--threads,-j", threads, "writer threads")->check(CLI::Range(1u, 64u));
    app.add_option("--out,-o", out_dir, "output folder (its md/ is replaced)")->required();
    CLI11_PARSE(app, argc, argv);
    auto want = [&](const std::string& f) { return ("," + formats + ",").find("," + f + ",") != std::string::npos; };

    try {
        auto started = std::chrono::steady_clock::now();
        Corpus c;
        c.tax = load_taxonomy(taxonomy_file);
        Rng rng(seed);
        c.vocab = make_vocabulary(c.tax, vocab_size, zipf_s, rng);

        // Metadata, sequentially from the master generator.
        std::vector<double> type_w;
        for (const auto& t : TYPES) type_w.push_back(t.weight);
        const Facet& groups = c.tax.at("group");
        const Facet& topics = c.tax.at("topic");
        const Facet& mechs = c.tax.at("mechanism");
        const Facet& scopes = c.tax.at("scope");
        const std::vector<std::pair<std::string, double>> langs = {
            {"en", 80}, {"fr", 7}, {"es", 7}, {"ar", 1.5}, {"zh", 1.5}, {"ru", 1}, {"pt", 1}, {"de", 1}};
        std::vector<double> lang_w;
        for (const auto& l : langs) lang_w.push_back(l.second);
        Symbols symbols;
        uint64_t doc_seeds = seed;
        std::unordered_set<std::string> titles;
        c.docs.reserve(n_docs);
        while (c.docs.size() < n_docs) {
            const std::string type = TYPES[rng.weighted(type_w)].id;
            // Methodologies, tools and standards come in families of versions.
            size_t family = 1;
            if (type == "methodology" || type == "tool" || type == "standard") {
                double r = rng.uniform();
                family = r < 0.6 ? 1 : r < 0.85 ? rng.between(2, 3) : rng.between(4, 8);
            }
            double symbol_p = type == "report" ? 0.3 : (type == "methodology" || type == "tool" || type == "decision") ? 1.0
                              : (type == "standard" || type == "procedure" || type == "information-note" ||
                                 type == "meeting-report") ? 0.8 : 0.0;
            std::string symbol = rng.chance(symbol_p) ? symbols.next(type, rng) : std::string();
            if (symbol.empty()) family = 1;
            if (!symbol.empty()) c.symbols.push_back(symbol);
            Doc base;
            base.type = type;
            base.symbol = symbol;
            base.groups = pick_concepts(groups, 1, 3, rng, 0.3);
            base.topics = pick_concepts(topics, 1, 3, rng, 0.15);
            base.mechanisms = pick_concepts(mechs, 1, rng.chance(0.8) ? 1 : 2, rng, 0.5);
            if (type == "methodology" || type == "tool") base.scopes = pick_concepts(scopes, 1, 3, rng, 0.1);
            else if (rng.chance(0.3)) base.scopes = pick_concepts(scopes, 1, 1, rng, 0.1);
            base.lang = langs[rng.weighted(lang_w)].first;
            // Implied concepts (taxonomy implied-by rules on type/status/mechanism).
            for (const auto& [fid, f] : c.tax.facets) {
                std::vector<std::string>* target = fid == "group" ? &base.groups : fid == "topic" ? &base.topics
                                                   : fid == "mechanism" ? &base.mechanisms : nullptr;
                if (!target) continue;
                for (const auto& con : f.concepts)
                    for (const auto& [ifacet, ivalue] : con.implied_by)
                        if (ifacet == "type" && ivalue == type &&
                            std::find(target->begin(), target->end(), con.id) == target->end()) {
                            target->push_back(con.id);
                            std::sort(target->begin(), target->end());
                        }
            }
            // Title: a topic label and some domain words.
            std::string title = topics.concepts[topics.index_of(base.topics.front())].label;
            title += " - ";
            size_t tw = rng.between(2, 6);
            for (size_t i = 0; i < tw; ++i) {
                const std::string& w = c.vocab.words[c.vocab.function_words + rng.below(std::min<size_t>(c.vocab.domain_words, 600))];
                title += (i ? " " : "") + (i ? w : capitalized(w));
            }
            // Unique titles: a record without a symbol takes its id from its
            // title, and two records with one id would be merged into one.
            auto title_key = [](const std::string& t) {
                std::string k;
                for (unsigned char ch : t)
                    if (std::isalnum(ch)) k += static_cast<char>(std::tolower(ch));
                    else if (!k.empty() && k.back() != '-') k += '-';
                return k;
            };
            while (!titles.insert(title_key(title)).second)
                title += " " + c.vocab.words[c.vocab.function_words + rng.below(std::min<size_t>(c.vocab.domain_words, 600))];
            // Cue phrases of its concepts, to put into its text.
            for (const auto& [fid, list] : std::vector<std::pair<std::string, const std::vector<std::string>*>>{
                     {"group", &base.groups}, {"topic", &base.topics}, {"mechanism", &base.mechanisms}}) {
                const Facet& f = c.tax.at(fid);
                for (const auto& id : *list) {
                    const auto& cues = f.concepts[f.index_of(id)].cues;
                    for (size_t i = 0; i < cues.size() && i < 8; ++i) base.phrases.push_back(cues[i]);
                }
            }
            int year0 = static_cast<int>(2000 + std::min<size_t>(24, static_cast<size_t>(25 * std::sqrt(rng.uniform()))));
            for (size_t k = 0; k < family && c.docs.size() < n_docs; ++k) {
                Doc d = base;
                d.n = static_cast<uint32_t>(c.docs.size());
                d.title = title + (family > 1 ? " (version " + std::to_string(k + 1) + ".0)" : "");
                if (family > 1) d.version = std::to_string(k + 1) + ".0";
                d.year = std::min(2025, year0 + static_cast<int>(k));
                char date[48];
                std::snprintf(date, sizeof date, "%04d-%02zu-%02zu", d.year, rng.between(1, 12), rng.between(1, 28));
                d.date = date;
                double sr = rng.uniform();
                d.status = sr < 0.7 ? "adopted" : sr < 0.8 ? "draft" : sr < 0.85 ? "under-consideration"
                         : sr < 0.93 ? "superseded" : sr < 0.95 ? "withdrawn" : sr < 0.98 ? "held" : "planned";
                if (family > 1 && k + 1 < family) d.status = "superseded";
                d.latest = true;
                // Log-uniform 300-3,000 words.
                d.words = static_cast<size_t>(300.0 * std::pow(10.0, rng.uniform()));
                d.seed = splitmix(doc_seeds) ^ (static_cast<uint64_t>(d.n) * 0x9E3779B97F4A7C15ull);
                c.docs.push_back(std::move(d));
            }
            // Only the newest version of a family is "latest" (all that were written).
            if (family > 1)
                for (size_t i = c.docs.size(); i-- > 0 && c.docs[i].symbol == symbol;)
                    c.docs[i].latest = i + 1 == c.docs.size();
        }

        // Text, in parallel; each document from its own generator.
        fs::path out(out_dir);
        fs::create_directories(out / "queries");
        if (want("md")) {
            fs::remove_all(out / "md");
            for (size_t d = 0; d < n_docs; d += 1000) fs::create_directories(out / "md" / pad(d / 1000, 3));
        }
        std::ofstream sphinx, omega;
        if (want("sphinx")) {
            sphinx.open(out / "sphinx.xml", std::ios::binary);
            sphinx << SPHINX_HEAD;
        }
        if (want("omega")) {
            omega.open(out / "omega.dump", std::ios::binary);
            write_file(out / "omega.script", OMEGA_SCRIPT);
        }
        std::atomic<uint64_t> md_bytes{0}, words{0};
        uint64_t sphinx_bytes = 0, omega_bytes = 0;
        const size_t chunk = 256;
        for (size_t begin = 0; begin < n_docs; begin += chunk) {
            size_t end = std::min(n_docs, begin + chunk);
            std::vector<std::string> sph(end - begin), omg(end - begin);
            std::atomic<size_t> next{begin};
            std::vector<std::thread> pool;
            for (unsigned t = 0; t < threads; ++t)
                pool.emplace_back([&] {
                    for (size_t i; (i = next++) < end;) {
                        const Doc& d = c.docs[i];
                        std::string body = body_of(d, c);
                        if (want("md")) {
                            std::string md = markdown_of(d, body);
                            write_file(out / "md" / pad(i / 1000, 3) / (pad(i, 7) + ".md"), md);
                            md_bytes += md.size();
                        }
                        words += d.words;
                        if (want("sphinx")) sph[i - begin] = sphinx_doc(d, body, c.tax);
                        if (want("omega")) omg[i - begin] = omega_doc(d, body);
                    }
                });
            for (auto& t : pool) t.join();
            for (auto& s : sph) { sphinx << s; sphinx_bytes += s.size(); }
            for (auto& s : omg) { omega << s; omega_bytes += s.size(); }
        }
        if (want("sphinx")) {
            sphinx << "</sphinx:docset>\n";
            if (!sphinx.flush()) throw std::runtime_error("cannot write sphinx.xml");
        }
        if (want("omega") && !omega.flush()) throw std::runtime_error("cannot write omega.dump");

        // Queries, from the master generator (after all metadata).
        std::vector<Query> qs = make_queries(c, n_queries, rng);
        std::string a6, sq, om, tsv = "# kind\tquery\tfilters (facet=value)\n";
        for (const auto& q : qs) {
            a6 += a6kb_path(q) + "\n";
            sq += sphinx_sql(q, c.tax) + "\n";
            om += omega_path(q) + "\n";
            std::string f;
            for (const auto& [k, v] : q.filters) f += (f.empty() ? "" : " ") + k + "=" + v;
            tsv += q.kind + "\t" + (q.phrase ? "\"" + q.q + "\"" : q.q) + "\t" + f + "\n";
        }
        write_file(out / "queries" / "a6kb.paths", a6);
        write_file(out / "queries" / "sphinx.sql", sq);
        write_file(out / "queries" / "omega.paths", om);
        write_file(out / "queries" / "queries.tsv", tsv);

        size_t latest = 0, with_symbol = 0;
        for (const auto& d : c.docs) { latest += d.latest; with_symbol += !d.symbol.empty(); }
        std::map<std::string, size_t> kinds;
        for (const auto& q : qs) ++kinds[q.kind];
        nlohmann::json summary = {
            {"docs", n_docs}, {"seed", seed}, {"words", words.load()}, {"mean_words", static_cast<double>(words.load()) / static_cast<double>(n_docs)},
            {"md_bytes", md_bytes.load()}, {"sphinx_bytes", sphinx_bytes}, {"omega_bytes", omega_bytes},
            {"latest", latest}, {"with_symbol", with_symbol}, {"vocabulary", c.vocab.words.size()},
            {"function_words", c.vocab.function_words}, {"domain_words", c.vocab.domain_words}, {"zipf", zipf_s},
            {"queries", qs.size()}, {"query_kinds", kinds}, {"formats", formats},
            {"seconds", std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count()}};
        write_file(out / "synth.json", summary.dump(2) + "\n");
        std::printf("%s\n", summary.dump().c_str());
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "a6kb-synth: %s\n", e.what());
        return 1;
    }
}
