// SPDX-License-Identifier: Apache-2.0
// Programmes: the codes each crediting programme prints on its documents
// (UNFCCC CDM AMS-III.D, decisions 3/CMA.3, Article 6.4 A6.4-STAN-METH-001,
// Verra VM0007, Gold Standard GS-TPDDTEC, JCM JCM_TH_AM001 ...), read from
// corpus/programmes.xml: per programme, its codes' patterns as printed
// (<find>) and as people type them (<typed>), the canonical form of each,
// version statements and the label lines its title pages print above the
// title. Adding a programme is a change to that file (docs/corpus.md), not
// to code. The kinds of code (methodology, tool, decision, ...) are the
// fixed list below: they say how the indexer treats a code, the data says
// which codes are of which kind.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace a6kb {

enum class SymbolKind { methodology, tool, decision, a64, fccc, cdm };

std::string_view to_string(SymbolKind kind);
std::optional<SymbolKind> symbol_kind(std::string_view name);

struct Symbol {
    std::string text;       // canonical spelling
    SymbolKind kind;
    size_t offset = 0;      // byte offset of the match in the searched text
    size_t length = 0;      // bytes it spans there
    std::string programme;  // the programme whose pattern matched ("cdm", "vcs", ...)
    std::string type;       // the record type the code names, when the data says ("standard"); else empty
    std::string mechanism;  // a mechanism concept records with this code belong to ("cdm"), or empty
};

struct Programme {
    std::string id;                       // also a concept of the taxonomy's "programme" facet
    std::string label;
    std::vector<std::string> title_skip;  // lowercase line starts its title pages print above the title
};

class Programmes {
public:
    // Throws UserError("bad_programmes", "NAME[:LINE]: reason") on a parse
    // error, an unknown kind, a pattern that does not compile or a form
    // naming a group its pattern lacks.
    static Programmes parse(std::string_view xml, const std::string& name);
    static Programmes load(const std::filesystem::path& file);
    // corpus/programmes.xml as it was when the program was built: the
    // default wherever no file is given (parsed once, shared, immutable).
    static const Programmes& shipped();

    const std::vector<Programme>& list() const;
    const Programme* find(std::string_view id) const;
    const std::string& xml() const;  // the text parsed

    // Every code in `text`, in order of appearance, duplicates kept. Where
    // codes of two entries match at one place, the first in the file wins.
    // Case-sensitive: documents print codes in capitals.
    std::vector<Symbol> find_symbols(std::string_view text) const;
    // The code `upper` (uppercased, trimmed) spells as a whole by a <typed>
    // pattern, in file order; nullopt when none.
    std::optional<Symbol> typed(std::string_view upper) const;
    // The first version statement in `text`: the shared <version> patterns,
    // then the programme's own ("v1.8", "_ver01.0"); normalized.
    std::optional<std::string> find_version(std::string_view text, std::string_view programme) const;

    struct Impl;  // compiled patterns (programmes.cc)

private:
    std::shared_ptr<const Impl> impl_;
};

}  // namespace a6kb
