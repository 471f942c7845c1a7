// SPDX-License-Identifier: Apache-2.0
// Spelling variants (corpus/variants.txt, beside the taxonomy): groups of
// forms that mean the same word, British and American spellings
// ("programme | program"), roots that differ in a few letters ("organis* |
// organiz*": organisation, organized...) and compounds written as one word,
// two or with a hyphen ("cookstove | cook stove | cook-stove").
// The indexer turns them into Xapian synonyms (core/index/synonyms.h); the
// query side reads those back from the index. Format: docs/corpus.md.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace a6kb {

struct VariantGroup {
    // Each form as text::words(): {"cook", "stove"}; a root group's forms
    // are single words without the '*'.
    std::vector<std::vector<std::string>> forms;
    bool roots = false;
    size_t line = 0;
};

class Variants {
public:
    // Throws UserError("bad_variants", "FILE:LINE: reason"): a group of one
    // form, a root beside a whole word, a root with a space, an empty form.
    static Variants parse(std::string_view text, const std::string& name);
    // An absent file is no variants (an empty list), not an error.
    static Variants load(const std::filesystem::path& file);

    const std::vector<VariantGroup>& groups() const { return groups_; }
    bool empty() const { return groups_.empty(); }

private:
    std::vector<VariantGroup> groups_;
};

// The endings a root takes in variants.txt: "organis*" stands for organise,
// organised, organises, organising, organisation, organisations, organiser...
// Not every word that starts with the root: "organism" is no variant.
const std::vector<std::string>& root_endings();

}  // namespace a6kb
