// SPDX-License-Identifier: Apache-2.0
// The taxonomy (corpus/taxonomy.xml): facets, their concepts, labels,
// alternative labels and acronyms, and the cues that tag a document with a
// concept. Adding a facet or a concept is a change to that file, not to code.
// Format: docs/corpus.md.
#pragma once

#include "core/model/programmes.h"
#include "core/model/schema.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace a6kb {

struct Cue {
    std::vector<std::string> words;  // the phrase as text::words()
    int weight = 1;
};

struct Concept {
    std::string id;
    std::string label;
    std::string description;
    std::vector<std::string> alts;   // alternative labels and acronyms, as written
    std::vector<Cue> cues;
    // Records whose `facet` is `value` get this concept too ("methodologies
    // are for project developers"): pairs (facet id, concept id).
    std::vector<std::pair<std::string, std::string>> implied_by;
};

struct Facet {
    std::string id;
    std::string label;
    bool multi = true;
    bool classify = false;   // tag documents from cues
    int threshold = 3;
    // overlap="longest": a cue inside a longer cue does not count ("Guinea" in
    // "Papua New Guinea", "Ghana" in "Republic of Ghana"): names. The default ("all") lets
    // subjects nest ("non-renewable biomass" is clean cooking and a baseline term).
    bool longest_match = false;
    // max-concepts="N": a text in which more than N concepts reach the
    // threshold is a list of them (a budget table, a report's list of
    // Parties), not about them: cues give it none. 0: no limit.
    size_t max_concepts = 0;
    std::vector<Concept> concepts;

    const Concept* find(std::string_view concept_id) const;
};

// "DNA", "DNAs", "PoA", "A6.4ER": one token, mostly capitals.
bool looks_like_acronym(const std::string& form);

class Taxonomy {
public:
    // Throws UserError("bad_taxonomy", "FILE:LINE: reason") on any problem.
    // The programmes (symbol patterns) are programmes.xml beside `file` when
    // there is one (UserError "bad_programmes" when it does not parse), else
    // the shipped ones.
    static Taxonomy load(const std::filesystem::path& file);
    static Taxonomy parse(std::string_view xml, const std::string& name);

    const std::vector<Facet>& facets() const { return facets_; }
    const Facet* facet(std::string_view id) const;

    // The facets of an index built with this taxonomy, the one list that
    // indexing, search and rendering walk: each taxonomy facet in taxonomy
    // order (its schema entry, or a derived one: prefix
    // schema::derived_prefix, no value slot, multi as declared here), then
    // the schema's other entries whose values exist (year from the date;
    // asked_by, whose values are group concepts). Labels are the taxonomy's.
    const std::vector<schema::FacetField>& fields() const { return fields_; }
    const schema::FacetField* field(std::string_view id) const;
    // The label of a value of `field`: its concept's label, else the value.
    std::string label_of(const schema::FacetField& field, const std::string& value) const;
    // The label of concept `id` of taxonomy facet `facet`, else `id`.
    std::string label_of(std::string_view facet, const std::string& id) const;

    // Concepts of `facet` whose cues score at least the facet's threshold in
    // the given words (text::words() of body and title; title hits count
    // triple), best first; a single-valued facet returns at most one.
    // Cost: linear in the number of words.
    std::vector<std::string> classify(const Facet& facet, const std::vector<std::string>& body_words,
                                      const std::vector<std::string>& title_words) const;

    // A concept id of `facet` whose id, label or alternative label equals
    // `name` (case-insensitive), or empty.
    std::string resolve(const Facet& facet, std::string_view name) const;

    // Acronyms and their expansions among a concept's labels: "DNA" and
    // "Designated National Authority" (the initials of the expansion's words,
    // with or without the small words, spell the acronym; a plural "s" on the
    // acronym is ignored). Lowercase words. Only these pairs are synonyms: the
    // other alternative labels of a concept are related, not equal.
    struct Acronym {
        std::string acronym;                 // "dna"
        std::vector<std::string> expansion;  // {"designated", "national", "authority"}
    };
    const std::vector<Acronym>& acronyms() const { return acronyms_; }

    // The acronyms whose expansion occurs in `words`, once per occurrence, so
    // a record that says "designated national authority" is found by "DNA".
    std::vector<std::string> aliases_in(const std::vector<std::string>& words) const;

    // The symbol patterns records of this taxonomy are read with
    // (core/model/programmes.h); the shipped ones unless set. Setting them
    // checks that each programme is a concept of the "programme" facet, when
    // the taxonomy has that facet (UserError "bad_programmes" otherwise).
    const Programmes& programmes() const { return programmes_; }
    void set_programmes(Programmes programmes);

private:
    std::vector<Facet> facets_;
    Programmes programmes_ = Programmes::shipped();
    std::vector<schema::FacetField> fields_;
    // Per facet: first cue word -> (concept index, cue index).
    std::vector<std::unordered_multimap<std::string, std::pair<size_t, size_t>>> cue_index_;
    std::vector<Acronym> acronyms_;
    std::unordered_multimap<std::string, size_t> alias_index_;  // first word of an expansion -> acronyms_ index
    void build_index();
    void build_fields();
};

}  // namespace a6kb
