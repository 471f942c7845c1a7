// SPDX-License-Identifier: Apache-2.0
#include "core/search/query.h"

#include "core/model/schema.h"
#include "core/model/symbols.h"
#include "core/model/taxonomy.h"
#include "core/model/text.h"

#include <algorithm>
#include <cctype>

namespace a6kb {
namespace {

// Function words dropped from free-text queries (they would make an AND
// query too strict: "how do we authorize A6.4ERs").
const Xapian::SimpleStopper& stopper() {
    static const char* const words[] = {
        "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from", "has", "have", "how",
        "i", "if", "in", "into", "is", "it", "its", "of", "on", "or", "our", "should", "that", "the", "their",
        "there", "these", "this", "to", "was", "we", "what", "when", "where", "which", "who", "why", "will", "with",
        "you", "your"};
    static const Xapian::SimpleStopper s(std::begin(words), std::end(words));
    return s;
}

// A question ("how many members does the Supervisory Body have?") is
// ranked by its key terms: the function words above and the filler people
// put around a question ("where do I find", "where can I see") are dropped too.
const Xapian::SimpleStopper& question_stopper() {
    static const char* const words[] = {
        "a", "about", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "by", "can", "could", "do",
        "does", "done", "find", "for", "from", "get", "go", "goes", "going", "got", "has", "have", "how", "i", "if", "in", "into", "is", "it", "its",
        "know", "locate", "long", "look", "many", "may", "often", "me", "much", "must", "my", "need", "of", "on", "or", "our", "please", "see",
        "should", "so", "tell", "that", "the", "their", "them", "then", "there", "these", "they", "this", "to", "us", "was", "we",
        "were", "what", "whats", "when", "where", "whether", "which", "who", "whom", "why", "will", "with", "would",
        "you", "your"};
    static const Xapian::SimpleStopper s(std::begin(words), std::end(words));
    return s;
}

// Begins with a question word or ends with '?'.
bool is_question(const std::string& text) {
    static const char* const starts[] = {"how", "what", "whats", "when", "where", "which", "who", "why", "can", "could",
                                         "do", "does", "is", "are", "should", "must", "may", "will", "would"};
    if (!text.empty() && text.back() == '?') return true;
    auto words = text::words(text);
    return words.size() >= 3 && std::find(std::begin(starts), std::end(starts), words.front()) != std::end(starts);
}

struct Span {
    size_t begin, end;
    std::string symbol;
};

// Whitespace-separated tokens with their byte ranges.
std::vector<std::pair<size_t, size_t>> tokens(const std::string& s) {
    std::vector<std::pair<size_t, size_t>> out;
    size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
        size_t b = i;
        while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i]))) ++i;
        if (i > b) out.emplace_back(b, i);
    }
    return out;
}

std::vector<Span> find_query_symbols(const std::string& q, const Programmes& programmes) {
    std::vector<Span> spans;
    auto overlaps = [&](size_t b, size_t e) {
        return std::any_of(spans.begin(), spans.end(), [&](const Span& s) { return b < s.end && s.begin < e; });
    };
    // symbol:VALUE
    auto toks = tokens(q);
    for (auto [b, e] : toks) {
        std::string t = q.substr(b, e - b);
        if (t.rfind("symbol:", 0) != 0) continue;
        auto sym = canonical_symbol(t.substr(7), programmes);
        spans.push_back({b, e, sym ? sym->text : t.substr(7)});
    }
    // Symbols as written in documents, in any case.
    std::string upper = q;
    for (auto& c : upper) c = char(std::toupper(static_cast<unsigned char>(c)));
    for (const auto& s : find_symbols(upper, programmes))
        if (!overlaps(s.offset, s.offset + s.length)) spans.push_back({s.offset, s.offset + s.length, s.text});
    // Spellings with spaces or without the family letters: "AMS III D", "III.D", "tool 7".
    for (size_t n = 3; n >= 1; --n) {
        for (size_t i = 0; i + n <= toks.size(); ++i) {
            size_t b = toks[i].first, e = toks[i + n - 1].second;
            if (overlaps(b, e)) continue;
            auto sym = canonical_symbol(q.substr(b, e - b), programmes);
            if (sym) spans.push_back({b, e, sym->text});
        }
    }
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
    return spans;
}

Xapian::QueryParser make_parser(const Xapian::Database& db, DefaultOp op, const std::vector<schema::FacetField>& facets,
                                bool question) {
    Xapian::QueryParser qp;
    qp.set_database(db);
    qp.set_stemmer(Xapian::Stem("english"));
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.set_stopper(question ? &question_stopper() : &stopper());
    qp.set_default_op(op == DefaultOp::all_words ? Xapian::Query::OP_AND : Xapian::Query::OP_OR);
    qp.add_prefix("title", std::string(schema::TITLE.prefix));
    for (const auto& f : facets) qp.add_boolean_prefix(f.id, f.prefix);
    return qp;
}

// The index's synonyms of `key` that are words or phrases (not Z stems).
std::vector<std::string> word_synonyms(const Xapian::Database& db, const std::string& key) {
    std::vector<std::string> out;
    for (auto s = db.synonyms_begin(key); s != db.synonyms_end(key); ++s)
        if (!(*s).empty() && !std::isupper(static_cast<unsigned char>((*s)[0]))) out.push_back(*s);
    return out;
}

// A quoted phrase with its variants: "program of activities" ->
// ("program of activities" OR "programme of activities"). The QueryParser
// expands no synonym inside a phrase; each variant of one word or of a
// run of up to three words (a compound, an expansion) is a phrase of its own.
std::string phrase_with_variants(const std::string& phrase, const Xapian::Database& db) {
    const auto words = text::words(phrase);
    std::vector<std::string> alternatives;
    for (size_t i = 0; i < words.size() && alternatives.size() < 6; ++i) {
        std::string key;
        for (size_t n = 1; n <= 3 && i + n <= words.size(); ++n) {
            key += (n > 1 ? " " : "") + words[i + n - 1];
            if (n == 1 && stopper()(key)) continue;
            for (const auto& v : word_synonyms(db, key)) {
                std::string alt;
                for (size_t j = 0; j < words.size(); ++j) {
                    if (j == i) alt += (alt.empty() ? "" : " ") + v;
                    if (j < i || j >= i + n) alt += (alt.empty() ? "" : " ") + words[j];
                }
                if (std::find(alternatives.begin(), alternatives.end(), alt) == alternatives.end()) alternatives.push_back(alt);
            }
        }
    }
    if (alternatives.empty()) return '"' + phrase + '"';
    std::string out = "(\"" + phrase + "\"";
    for (const auto& a : alternatives) out += " OR \"" + a + "\"";
    return out + ")";
}

bool plain_word(const std::string& token) {
    return !token.empty() && std::all_of(token.begin(), token.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '/';
    });
}

// Unquoted words: a run of up to four plain words that is a key of the
// index's synonyms with word or phrase values (a compound: "cook stove";
// an acronym's expansion: "programme of activities") becomes (run OR value
// ...), and a single word with a spaced variant (cookstove) likewise. The
// QueryParser's own multi-word synonyms would take the run as one group and
// lose the one-word variants of its words (program -> programme).
std::string words_with_variants(const std::vector<std::string>& tokens, const Xapian::Database& db) {
    std::string out, plain;
    bool rewritten = false;
    for (size_t i = 0; i < tokens.size();) {
        size_t taken = 1;
        std::string expanded = tokens[i];
        for (size_t n = std::min<size_t>(4, tokens.size() - i); n >= 1; --n) {
            std::string key, run;
            bool ok = true;
            for (size_t j = i; j < i + n; ++j) {
                ok = ok && plain_word(tokens[j]);
                for (const auto& w : text::words(tokens[j])) key += (key.empty() ? "" : " ") + w;
                run += (j > i ? " " : "") + tokens[j];
            }
            const bool one_word = key.find(' ') == std::string::npos;  // "cook-stove" is two
            // One word: an acronym as typed (DOE, PoA) or a compound (cookstove);
            // never a function word ("does" is also the plural of DOE).
            if (!ok || (one_word && !looks_like_acronym(run) && (key.size() < 4 || stopper()(key)))) continue;
            std::string alts;
            for (const auto& v : word_synonyms(db, key))
                if (!one_word || v.find(' ') != std::string::npos)
                    alts += " OR " + (v.find(' ') != std::string::npos ? '"' + v + '"' : v);
            if (alts.empty()) continue;
            expanded = "(" + run + alts + ")";
            taken = n;
            break;
        }
        rewritten = rewritten || taken > 1 || expanded != tokens[i];
        plain += (plain.empty() ? "" : " ") + tokens[i];
        // Brackets split the words into groups, and the QueryParser keeps the
        // function words of a group made only of them: drop them here.
        if (taken > 1 || !stopper()(text::to_lower(tokens[i]))) out += (out.empty() ? "" : " ") + expanded;
        i += taken;
    }
    return rewritten ? out : plain;
}

}  // namespace

std::string with_variants(const std::string& q, const Xapian::Database& db) {
    std::string out;
    std::vector<std::string> tokens;
    auto flush = [&] {
        if (!tokens.empty()) out += (out.empty() ? "" : " ") + words_with_variants(tokens, db);
        tokens.clear();
    };
    size_t i = 0;
    while (i < q.size()) {
        if (q[i] == '"') {
            size_t close = q.find('"', i + 1);
            flush();
            if (close == std::string::npos) return out + " " + q.substr(i);  // unbalanced: left to the parser
            out += (out.empty() ? "" : " ") + phrase_with_variants(q.substr(i + 1, close - i - 1), db);
            i = close + 1;
        } else if (std::isspace(static_cast<unsigned char>(q[i]))) {
            ++i;
        } else {
            size_t e = i;
            while (e < q.size() && q[e] != '"' && !std::isspace(static_cast<unsigned char>(q[e]))) ++e;
            tokens.push_back(q.substr(i, e - i));
            i = e;
        }
    }
    flush();
    return out;
}

namespace {

constexpr unsigned FULL_FLAGS = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                                Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_PURE_NOT |
                                Xapian::QueryParser::FLAG_AUTO_SYNONYMS;  // runs of words: with_variants

// The records of each version typed after a symbol, above the symbol's weight.
void add_version_parts(const std::vector<VersionAsked>& versions, std::vector<Xapian::Query>& parts) {
    for (const auto& v : versions) {
        if (v.ids.empty()) continue;
        std::vector<Xapian::Query> records;
        for (const auto& id : v.ids) records.emplace_back(schema::term(schema::ID, id));
        parts.emplace_back(Xapian::Query::OP_AND, Xapian::Query((new Xapian::FixedWeightPostingSource(VERSION_WEIGHT))->release()),
                           Xapian::Query(Xapian::Query::OP_OR, records.begin(), records.end()));
    }
}

}  // namespace

ParsedQuery build_query(const std::string& q, const Xapian::Database& db, DefaultOp op, Spelling spelling,
                        const std::vector<schema::FacetField>* facets, const Programmes* programmes) {
    if (!facets) facets = &schema::declared_facets();
    if (!programmes) programmes = &Programmes::shipped();
    const unsigned spell = spelling == Spelling::suggest ? unsigned(Xapian::QueryParser::FLAG_SPELLING_CORRECTION) : 0u;
    ParsedQuery out;
    auto spans = find_query_symbols(q, *programmes);
    for (auto& s : spans) {
        std::string version;
        if (size_t n = version_after(q, s.end, version)) {
            s.end += n;
            out.versions.push_back(find_version(db, s.symbol, version));
        }
    }
    std::string rest;
    size_t at = 0;
    for (const auto& s : spans) {
        rest += q.substr(at, s.begin - at);
        rest += ' ';
        at = s.end;
        if (std::find(out.symbols.begin(), out.symbols.end(), s.symbol) == out.symbols.end())
            out.symbols.push_back(s.symbol);
    }
    rest += q.substr(std::min(at, q.size()));
    out.text = text::collapse_spaces(rest);

    Xapian::Query text_query;
    if (!out.text.empty()) {
        // A question's key terms rank its hits; they need not all be there
        // ("how long is a crediting period": the entry never says "long").
        const bool question = is_question(out.text);
        Xapian::QueryParser qp = make_parser(db, question ? DefaultOp::any_word : op, *facets, question);
        try {
            text_query = qp.parse_query(with_variants(out.text, db), FULL_FLAGS | spell);
            std::string corrected = qp.get_corrected_query_string();
            if (!corrected.empty()) {
                std::string whole;
                for (const auto& s : out.symbols) whole += s + " ";
                out.corrected = whole + corrected;
            }
        } catch (const Xapian::QueryParserError&) {
            // Plain words: drop the syntax characters the parser choked on.
            std::string plain;
            for (char c : out.text) plain += (c == '"' || c == '(' || c == ')' || c == '+' || c == '-') ? ' ' : c;
            out.degraded = true;
            try {
                text_query = qp.parse_query(plain, spell);
            } catch (const Xapian::QueryParserError&) {
                std::vector<Xapian::Query> words;
                Xapian::Stem stem("english");
                for (const auto& w : text::words(plain)) words.emplace_back("Z" + stem(w));
                text_query = Xapian::Query(Xapian::Query::OP_OR, words.begin(), words.end());
            }
        }
        // Index terms back to the words typed, for "why this hit".
        Xapian::Stem stem("english");
        for (const auto& w : text::words(out.text)) {
            out.display["Z" + stem(w)] = w;
            out.display[w] = w;
            out.display["ZS" + stem(w)] = w;
            out.display["S" + w] = w;
        }
    }

    std::vector<Xapian::Query> parts;
    for (const auto& s : out.symbols) {
        std::string term = schema::term(schema::SYMBOL, symbol_key(s));
        out.display[term] = s;
        parts.emplace_back(Xapian::Query::OP_AND,
                           Xapian::Query((new Xapian::FixedWeightPostingSource(SYMBOL_WEIGHT))->release()),
                           Xapian::Query(term));
    }
    add_version_parts(out.versions, parts);
    if (!text_query.empty()) parts.push_back(text_query);
    out.empty = parts.empty();
    out.query = out.empty ? match_all()
                          : (parts.size() == 1 ? parts.front() : Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end()));
    return out;
}

Xapian::Query match_all() { return Xapian::Query(std::string()); }

bool asks_for_figure(const std::string& q) {
    static const std::vector<std::vector<std::string>> asks = {
        {"how", "much"}, {"how", "many"}, {"how", "long"}, {"how", "often"}, {"what", "percentage"},
        {"what", "percent"}, {"what", "share"}, {"what", "fraction"}, {"by", "when"}, {"deadline"}, {"deadlines"},
        {"due"}, {"when", "must"}, {"what", "date"}, {"which", "date"}, {"how", "soon"}, {"time", "limit"}};
    const auto words = text::words(q);
    for (size_t i = 0; i < words.size(); ++i)
        for (const auto& a : asks)
            if (i + a.size() <= words.size() && std::equal(a.begin(), a.end(), words.begin() + static_cast<long>(i))) return true;
    return false;
}

bool seeks_answer(const std::string& q) {
    if (asks_for_figure(q)) return true;
    // "what is X", "where do I find X": a definition or a place, which the
    // glossary and the documents give; "when is a first transfer" asks what
    // event it is, not for a date.
    const auto words = text::words(q);
    auto starts = [&](std::initializer_list<const char*> w) {
        size_t i = 0;
        for (const char* x : w)
            if (i >= words.size() || words[i++] != x) return false;
        return true;
    };
    if (starts({"what", "is"}) || starts({"what", "are"}) || starts({"whats"}) || starts({"where"}) || starts({"define"}))
        return false;
    if (is_question(q)) return true;
    size_t content = 0;
    for (const auto& w : text::words(q)) content += stopper()(w) ? 0 : 1;
    return content > 4;
}

}  // namespace a6kb
