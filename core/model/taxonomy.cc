// SPDX-License-Identifier: Apache-2.0
#include "core/model/taxonomy.h"

#include "core/model/errors.h"
#include "core/model/text.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace a6kb {
namespace {

size_t line_of(std::string_view xml, ptrdiff_t offset) {
    if (offset < 0) return 0;
    size_t end = std::min(static_cast<size_t>(offset), xml.size());
    return 1 + static_cast<size_t>(std::count(xml.begin(), xml.begin() + static_cast<ptrdiff_t>(end), '\n'));
}

}  // namespace

bool looks_like_acronym(const std::string& form) {
    if (form.find(' ') != std::string::npos || form.size() < 2 || form.size() > 12) return false;
    size_t upper = 0, lower = 0;
    for (char c : form) {
        if (std::isupper(static_cast<unsigned char>(c))) ++upper;
        else if (std::islower(static_cast<unsigned char>(c))) ++lower;
    }
    return upper >= 2 && upper >= lower;
}

namespace {

// The letters an expansion must spell: "DNAs" -> "dna", "PoA" -> "poa".
std::string acronym_letters(const std::string& form) {
    std::string f = form;
    if (f.size() > 2 && f.back() == 's' && std::isupper(static_cast<unsigned char>(f[f.size() - 2]))) f.pop_back();
    std::string out;
    for (char c : f)
        if (std::isalpha(static_cast<unsigned char>(c))) out += char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool spells(const std::vector<std::string>& words, const std::string& letters) {
    static const std::set<std::string> small = {"of", "in", "and", "the", "for", "to", "on", "by", "a", "an", "with"};
    std::string all, significant;
    for (const auto& w : words) {
        if (w.empty() || !std::isalpha(static_cast<unsigned char>(w[0]))) continue;
        all += w[0];
        if (!small.count(w)) significant += w[0];
    }
    return letters.size() >= 2 && (all == letters || significant == letters);
}

bool valid_id(std::string_view id) {
    if (id.empty()) return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) return false;
    return true;
}

// How a facet's cues tag records: classify, threshold, overlap, max-concepts.
// An empty string, or what is wrong.
std::string read_cue_rules(const pugi::xml_node& f, Facet& facet) {
    std::string classify = f.attribute("classify").as_string("none");
    if (classify != "cues" && classify != "none") return "classify must be \"cues\" or \"none\"";
    facet.classify = classify == "cues";
    facet.threshold = f.attribute("threshold").as_int(3);
    if (facet.threshold < 1) return "threshold must be a positive integer";
    std::string overlap = f.attribute("overlap").as_string("all");
    if (overlap != "all" && overlap != "longest") return "overlap must be \"all\" or \"longest\"";
    facet.longest_match = overlap == "longest";
    int max_concepts = f.attribute("max-concepts").as_int(0);
    if (max_concepts < 0) return "max-concepts must be 0 (no limit) or a positive integer";
    facet.max_concepts = static_cast<size_t>(max_concepts);
    return {};
}

}  // namespace

const Concept* Facet::find(std::string_view concept_id) const {
    for (const auto& c : concepts)
        if (c.id == concept_id) return &c;
    return nullptr;
}

Taxonomy Taxonomy::load(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw UserError("bad_taxonomy", file.string() + ": cannot read the taxonomy file");
    std::stringstream ss;
    ss << in.rdbuf();
    Taxonomy tax = parse(ss.str(), file.string());
    const auto beside = file.parent_path() / "programmes.xml";
    if (std::error_code ec; std::filesystem::is_regular_file(beside, ec)) {
        Programmes programmes = Programmes::load(beside);  // its errors name the file and line
        try {
            tax.set_programmes(std::move(programmes));
        } catch (const UserError& e) {
            throw UserError(e.code(), beside.string() + ": " + e.what());
        }
    }
    return tax;
}

void Taxonomy::set_programmes(Programmes programmes) {
    if (const Facet* f = facet("programme"))
        for (const auto& p : programmes.list())
            if (!f->find(p.id))
                throw UserError("bad_programmes", "programme '" + p.id +
                                                      "' has no concept of that id in the taxonomy's facet 'programme'");
    programmes_ = std::move(programmes);
}

Taxonomy Taxonomy::parse(std::string_view xml, const std::string& name) {
    pugi::xml_document doc;
    auto result = doc.load_buffer(xml.data(), xml.size());
    if (!result)
        throw UserError("bad_taxonomy", name + ":" + std::to_string(line_of(xml, result.offset)) + ": " +
                                            result.description());
    auto fail = [&](const pugi::xml_node& node, const std::string& why) {
        throw UserError("bad_taxonomy", name + ":" + std::to_string(line_of(xml, node.offset_debug())) + ": " + why);
    };
    auto root = doc.child("taxonomy");
    if (!root) fail(doc.first_child(), "the root element must be <taxonomy>");

    Taxonomy tax;
    std::set<std::string> facet_ids;
    for (auto f : root.children()) {
        if (f.type() != pugi::node_element) continue;
        if (std::string_view(f.name()) != "facet") fail(f, std::string("unexpected element <") + f.name() + "> (expected <facet>)");
        Facet facet;
        facet.id = f.attribute("id").as_string();
        facet.label = f.attribute("label").as_string();
        if (!valid_id(facet.id)) fail(f, "facet needs an id of lowercase letters, digits and hyphens");
        if (facet.label.empty()) fail(f, "facet '" + facet.id + "' needs a label");
        if (!facet_ids.insert(facet.id).second) fail(f, "facet '" + facet.id + "' is declared twice");
        if (schema::reserved_name(facet.id) || (schema::facet(facet.id) && schema::facet(facet.id)->values != schema::Values::concepts))
            fail(f, "facet id '" + facet.id + "' is a name the index keeps for a field of its own");
        std::string multi = f.attribute("multi").as_string("true");
        if (multi != "true" && multi != "false") fail(f, "multi must be \"true\" or \"false\"");
        facet.multi = multi == "true";
        if (std::string why = read_cue_rules(f, facet); !why.empty()) fail(f, why);

        std::set<std::string> concept_ids;
        for (auto c : f.children()) {
            if (c.type() != pugi::node_element) continue;
            if (std::string_view(c.name()) != "concept") fail(c, std::string("unexpected element <") + c.name() + "> in facet '" + facet.id + "'");
            Concept item;
            item.id = c.attribute("id").as_string();
            item.label = text::collapse_spaces(c.attribute("label").as_string());
            if (!valid_id(item.id)) fail(c, "concept in facet '" + facet.id + "' needs an id of lowercase letters, digits and hyphens");
            if (item.label.empty()) fail(c, "concept '" + item.id + "' needs a label");
            if (!concept_ids.insert(item.id).second) fail(c, "concept '" + item.id + "' appears twice in facet '" + facet.id + "'");
            for (auto child : c.children()) {
                if (child.type() != pugi::node_element) continue;
                std::string_view tag = child.name();
                std::string value = text::collapse_spaces(child.text().as_string());
                if (tag == "description") {
                    item.description = value;
                } else if (tag == "alt") {
                    if (value.empty()) fail(child, "empty <alt> in concept '" + item.id + "'");
                    item.alts.push_back(value);
                } else if (tag == "implied-by") {
                    std::string implied_facet = child.attribute("facet").as_string(), v = child.attribute("value").as_string();
                    if (implied_facet.empty() || v.empty()) fail(child, "<implied-by> needs facet and value attributes");
                    item.implied_by.emplace_back(implied_facet, v);
                } else if (tag == "cue") {
                    Cue cue;
                    cue.words = text::words(value);
                    cue.weight = child.attribute("weight").as_int(1);
                    if (cue.words.empty()) fail(child, "empty <cue> in concept '" + item.id + "'");
                    if (cue.weight < 1 || cue.weight > 100) fail(child, "cue weight must be between 1 and 100");
                    item.cues.push_back(std::move(cue));
                } else {
                    fail(child, "unexpected element <" + std::string(tag) + "> in concept '" + item.id + "'");
                }
            }
            facet.concepts.push_back(std::move(item));
        }
        tax.facets_.push_back(std::move(facet));
    }
    if (tax.facets_.empty()) fail(root, "the taxonomy declares no facet");
    tax.build_index();
    tax.build_fields();
    return tax;
}

void Taxonomy::build_index() {
    cue_index_.clear();
    alias_index_.clear();
    acronyms_.clear();
    for (const auto& facet : facets_) {
        for (const auto& c : facet.concepts) {
            std::vector<std::string> forms = c.alts;
            forms.push_back(c.label);
            for (const auto& form : forms) {
                if (!looks_like_acronym(form)) continue;
                std::string letters = acronym_letters(form);
                for (const auto& other : forms) {
                    auto words = text::words(other);
                    if (words.size() < 2 || !spells(words, letters)) continue;
                    std::string acronym = text::to_lower(form);
                    bool dup = std::any_of(acronyms_.begin(), acronyms_.end(), [&](const Acronym& a) {
                        return a.acronym == acronym && a.expansion == words;
                    });
                    if (!dup) acronyms_.push_back({acronym, words});
                }
            }
        }
    }
    for (size_t i = 0; i < acronyms_.size(); ++i) alias_index_.emplace(acronyms_[i].expansion.front(), i);
    for (const auto& facet : facets_) {
        std::unordered_multimap<std::string, std::pair<size_t, size_t>> index;
        for (size_t ci = 0; ci < facet.concepts.size(); ++ci)
            for (size_t k = 0; k < facet.concepts[ci].cues.size(); ++k)
                index.emplace(facet.concepts[ci].cues[k].words.front(), std::make_pair(ci, k));
        cue_index_.push_back(std::move(index));
    }
}

void Taxonomy::build_fields() {
    fields_.clear();
    for (const auto& facet : facets_) {
        schema::FacetField f;
        if (const schema::FacetField* declared = schema::facet(facet.id)) {
            f = *declared;
        } else {
            f.id = facet.id;
            f.prefix = schema::derived_prefix(facet.id);
            f.multi = facet.multi;
            f.about = "taxonomy facet (derived prefix, no value slot)";
        }
        f.label = facet.label;
        fields_.push_back(std::move(f));
    }
    for (const auto& declared : schema::declared_facets()) {
        if (facet(declared.id)) continue;
        bool has_values = declared.values != schema::Values::concepts || facet(declared.concepts_facet());
        if (has_values) fields_.push_back(declared);
    }
}

const schema::FacetField* Taxonomy::field(std::string_view id) const {
    for (const auto& f : fields_)
        if (f.id == id) return &f;
    return nullptr;
}

std::string Taxonomy::label_of(const schema::FacetField& field, const std::string& value) const {
    return label_of(field.concepts_facet(), value);
}

std::string Taxonomy::label_of(std::string_view facet_id, const std::string& id) const {
    if (const Facet* f = facet(facet_id))
        if (const Concept* c = f->find(id)) return c->label;
    return id;
}

const Facet* Taxonomy::facet(std::string_view id) const {
    for (const auto& f : facets_)
        if (f.id == id) return &f;
    return nullptr;
}

namespace {

// One cue found in a word list: where, how long, which concept and cue.
struct CueMatch {
    size_t start = 0, end = 0;
    size_t concept_index = 0, cue = 0;
};

// Every cue occurrence in `words`; for a facet with overlap="longest", less
// those inside a longer occurrence: "Guinea" in "Papua New Guinea" counts for
// the longer name only, and "Ghana" in "Republic of Ghana" once, not twice.
// Cost: linear in the words, plus a sort of the matches.
std::vector<CueMatch> longest_matches(const Facet& facet,
                                      const std::unordered_multimap<std::string, std::pair<size_t, size_t>>& index,
                                      const std::vector<std::string>& words) {
    std::vector<CueMatch> found;
    for (size_t i = 0; i < words.size(); ++i) {
        auto [b, e] = index.equal_range(words[i]);
        for (auto it = b; it != e; ++it) {
            const Cue& cue = facet.concepts[it->second.first].cues[it->second.second];
            if (i + cue.words.size() > words.size()) continue;
            if (std::equal(cue.words.begin() + 1, cue.words.end(), words.begin() + static_cast<ptrdiff_t>(i) + 1))
                found.push_back({i, i + cue.words.size(), it->second.first, it->second.second});
        }
    }
    if (!facet.longest_match) return found;
    // By start, longer first: a match is inside a longer one when an earlier
    // match reaches at least as far (and is not the same span).
    std::sort(found.begin(), found.end(), [](const CueMatch& a, const CueMatch& b) {
        return a.start != b.start ? a.start < b.start : a.end > b.end;
    });
    std::vector<CueMatch> kept;
    const CueMatch* reach = nullptr;  // the furthest-reaching match so far
    for (const auto& m : found) {
        bool inside = reach && reach->end >= m.end && (reach->start < m.start || reach->end > m.end);
        if (!inside) kept.push_back(m);
        if (!reach || m.end > reach->end) reach = &m;
    }
    return kept;
}

}  // namespace

std::vector<std::string> Taxonomy::classify(const Facet& facet, const std::vector<std::string>& body,
                                            const std::vector<std::string>& title) const {
    size_t fi = static_cast<size_t>(&facet - facets_.data());
    if (fi >= facets_.size() || !facet.classify) return {};
    const auto& index = cue_index_[fi];
    // occurrences[item][cue]
    std::map<std::pair<size_t, size_t>, int> body_hits, title_hits;
    auto scan = [&](const std::vector<std::string>& words, std::map<std::pair<size_t, size_t>, int>& hits) {
        for (const auto& o : longest_matches(facet, index, words)) ++hits[{o.concept_index, o.cue}];
    };
    scan(body, body_hits);
    scan(title, title_hits);
    std::vector<int> score(facet.concepts.size(), 0);
    for (auto& [key, n] : body_hits)
        score[key.first] += facet.concepts[key.first].cues[key.second].weight * std::min(n, 5);
    for (auto& [key, n] : title_hits)
        score[key.first] += 3 * facet.concepts[key.first].cues[key.second].weight * std::min(n, 5);
    std::vector<size_t> order;
    for (size_t i = 0; i < score.size(); ++i)
        if (score[i] >= facet.threshold) order.push_back(i);
    if (facet.max_concepts > 0 && order.size() > facet.max_concepts) return {};
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return score[a] > score[b]; });
    if (!facet.multi && order.size() > 1) order.resize(1);
    std::vector<std::string> out;
    for (size_t i : order) out.push_back(facet.concepts[i].id);
    return out;
}

std::vector<std::string> Taxonomy::aliases_in(const std::vector<std::string>& words) const {
    std::vector<std::string> out;
    for (size_t i = 0; i < words.size(); ++i) {
        auto [b, e] = alias_index_.equal_range(words[i]);
        for (auto it = b; it != e; ++it) {
            const Acronym& a = acronyms_[it->second];
            if (i + a.expansion.size() > words.size()) continue;
            if (std::equal(a.expansion.begin() + 1, a.expansion.end(), words.begin() + static_cast<ptrdiff_t>(i) + 1))
                out.push_back(a.acronym);
        }
    }
    return out;
}

std::string Taxonomy::resolve(const Facet& facet, std::string_view name) const {
    std::string want = text::to_lower(text::collapse_spaces(name));
    for (const auto& c : facet.concepts) {
        if (c.id == want || text::to_lower(c.label) == want) return c.id;
        for (const auto& alt : c.alts)
            if (text::to_lower(alt) == want) return c.id;
    }
    return {};
}

}  // namespace a6kb
