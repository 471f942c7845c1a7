// SPDX-License-Identifier: Apache-2.0
#include "core/index/synonyms.h"

#include <algorithm>

namespace a6kb {

namespace {

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

// Every form of a group as a synonym of every other, unstemmed and stemmed.
void add_group(Xapian::WritableDatabase& db, const std::vector<std::vector<std::string>>& forms, const Xapian::Stem& stem) {
    for (const auto& a : forms) {
        const std::string key = joined(a);
        for (const auto& b : forms) {
            if (a == b) continue;
            const std::string value = joined(b);
            db.add_synonym(key, value);
            if (b.size() != 1) continue;
            db.add_synonym(key, "Z" + stem(value));
        }
    }
}

// A root group: each ending of root_endings() on every root, paired.
void add_roots(Xapian::WritableDatabase& db, const VariantGroup& g, const Xapian::Stem& stem) {
    for (const auto& ending : root_endings()) {
        std::vector<std::vector<std::string>> words;
        for (const auto& form : g.forms) words.push_back({form.front() + ending});
        add_group(db, words, stem);
    }
}

// The one-word variants of `word` ("programme" -> program; "organisation"
// -> organization), from word groups and roots.
std::vector<std::string> word_variants(const Variants& variants, const std::string& word) {
    std::vector<std::string> out;
    const auto& endings = root_endings();
    for (const auto& g : variants.groups()) {
        for (const auto& form : g.forms) {
            const std::string& f = form.front();
            if (g.roots && word.rfind(f, 0) == 0 &&
                std::find(endings.begin(), endings.end(), word.substr(f.size())) != endings.end()) {
                for (const auto& other : g.forms)
                    if (other != form) out.push_back(other.front() + word.substr(f.size()));
            } else if (!g.roots && form.size() == 1 && f == word) {
                for (const auto& other : g.forms)
                    if (other != form && other.size() == 1) out.push_back(other.front());
            }
        }
    }
    return out;
}

// An acronym for its expansion in every spelling: "programme of activities"
// and "program of activities" -> "poa".
void add_acronym(Xapian::WritableDatabase& db, const Taxonomy::Acronym& a, const Variants& variants) {
    db.add_synonym(joined(a.expansion), a.acronym);
    db.add_synonym(a.acronym, joined(a.expansion));  // the other way: core/search/query.cc makes it a phrase
    for (size_t i = 0; i < a.expansion.size(); ++i) {
        for (const auto& v : word_variants(variants, a.expansion[i])) {
            auto words = a.expansion;
            words[i] = v;
            db.add_synonym(joined(words), a.acronym);
        }
    }
}

}  // namespace

void write_synonyms(Xapian::WritableDatabase& db, const Taxonomy& taxonomy, const Variants& variants) {
    std::vector<std::string> old;
    for (auto it = db.synonym_keys_begin(); it != db.synonym_keys_end(); ++it) old.push_back(*it);
    for (const auto& k : old) db.clear_synonyms(k);
    for (const auto& a : taxonomy.acronyms()) add_acronym(db, a, variants);
    const Xapian::Stem stem("english");
    for (const auto& g : variants.groups()) {
        if (g.roots) add_roots(db, g, stem);
        else add_group(db, g.forms, stem);
    }
}

}  // namespace a6kb
