// SPDX-License-Identifier: Apache-2.0
#include "core/index/check_provisions.h"

#include "core/index/decisions.h"
#include "core/index/passages.h"
#include "core/index/provision_text.h"
#include "core/model/provision.h"
#include "core/model/symbols.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace a6kb {

namespace fs = std::filesystem;

namespace {

bool is_provision(const Record& r) { return r.first("type") == "provision"; }

// The structural problems of one provision.
void check_structure(const Record& r, const std::string& where, const std::set<std::string>& decisions,
                     const std::map<std::string, bool>& ids, std::vector<std::string>& problems) {
    auto problem = [&](const std::string& why) { problems.push_back(where + ": provision '" + r.id + "': " + why); };
    std::string why;
    auto c = parse_citation(r.citation, &why);
    if (r.citation.empty()) problem("no <citation>");
    else if (!c) problem("citation '" + r.citation + "': " + why);
    if (r.decision.empty()) problem("no decision (the decision=\"S\" attribute of <catalog> or a <decision> element)");
    else if (!decisions.count(r.decision)) problem("decision " + r.decision + " is not a record of the corpus");
    if (c && !r.decision.empty() && c->symbol != r.decision)
        problem("the citation names " + c->symbol + " but the provision belongs to " + r.decision);
    if (c) {
        std::string stem = "prov-" + slug(c->symbol) + "-" + citation_anchor(*c);
        bool ok = r.id.compare(0, stem.size(), stem) == 0 &&
                  (r.id.size() == stem.size() || r.id[stem.size()] == '-' || std::isalpha(static_cast<unsigned char>(r.id[stem.size()])));
        if (!ok) problem("its id must start with '" + stem + "' (prov-, the decision, the paragraph's anchor)");
    }
    if (r.values("group").empty()) problem("no <group> (the stakeholder groups it applies to)");
    if (r.values("topic").empty()) problem("no <topic>");
    if (r.pages.empty() || r.pages.front().empty()) problem("no <text>");
    for (const auto& target : r.refines) {
        auto it = ids.find(target);
        if (it == ids.end()) problem("refines '" + target + "', which is not a record of the corpus");
        else if (!it->second) problem("refines '" + target + "', which is not a provision");
        else if (target == r.id) problem("refines itself");
    }
}

// Decision symbol -> anchor -> paragraph text, for the decisions wanted,
// from every file under `texts` that holds their headings.
using Paragraphs = std::map<std::string, std::map<std::string, std::string>>;

void add_file(const fs::path& f, const std::set<std::string>& wanted, const ExtractLimits& limits, Paragraphs& out) {
    auto x = extract_file(f, limits);
    if (!x.doc) return;
    std::string all;
    for (const auto& p : x.doc->pages) { all += p; all += '\n'; }
    for (const auto& part : split_decisions(all)) {
        if (!wanted.count(part.symbol) || out.count(part.symbol)) continue;
        Record d;
        d.symbols = {part.symbol};
        d.set_one("type", "decision");
        d.pages = {part.text};
        auto& anchors = out[part.symbol];
        // A paragraph over the passage size limit is cut into parts with
        // the same label and anchors "annex-p24-2", ...: one paragraph here.
        std::string last_anchor, last_label;
        for (const auto& p : cut_passages(d)) {
            if (!last_anchor.empty() && p.label == last_label && p.anchor.rfind(last_anchor + "-", 0) == 0) {
                anchors[last_anchor] += "\n" + p.text;
                continue;
            }
            anchors.emplace(p.anchor, p.text);
            last_anchor = p.anchor, last_label = p.label;
        }
    }
}

Paragraphs read_texts(const std::vector<fs::path>& texts, const std::set<std::string>& wanted, const ExtractLimits& limits) {
    Paragraphs out;
    for (const auto& given : texts) {
        std::vector<fs::path> files;
        if (fs::is_directory(given)) {
            for (const auto& e : fs::recursive_directory_iterator(given, fs::directory_options::skip_permission_denied))
                if (e.is_regular_file()) files.push_back(e.path());
        } else {
            files.push_back(given);
        }
        std::sort(files.begin(), files.end());
        for (const auto& f : files) add_file(f, wanted, limits, out);
    }
    return out;
}

// The text problems of one provision against its cited paragraph.
void check_text(const Record& r, const std::string& where, const Paragraphs& texts, ProvisionCheck& out) {
    auto c = parse_citation(r.citation);
    if (!c || r.pages.empty()) return;
    auto problem = [&](const std::string& why) { out.problems.push_back(where + ": provision '" + r.id + "': " + why); };
    auto d = texts.find(c->symbol);
    if (d == texts.end()) return problem("no official text of decision " + c->symbol + " under --texts");
    auto p = d->second.find(citation_anchor(*c));
    if (p == d->second.end()) return problem("'" + r.citation + "': the official text has no such paragraph (anchor " + citation_anchor(*c) + ")");
    ++out.resolved;
    const std::string& para = p->second;
    if (!c->sub.empty() && para.find(c->sub.substr(0, c->sub.find(')') + 1)) == std::string::npos)
        problem("'" + r.citation + "': the paragraph has no sub-paragraph " + c->sub.substr(0, c->sub.find(')') + 1));
    std::string told = r.title + "\n" + r.pages.front();
    auto missing = missing_figures(told, para);
    if (!missing.empty()) {
        std::string list;
        for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
        problem("states " + list + ", which the cited paragraph does not (" + r.citation + ")");
    }
    auto run = longest_shared_run(r.pages.front(), para);
    if (run.size() > MAX_SHARED_RUN) {
        std::string words;
        for (const auto& w : run) words += (words.empty() ? "" : " ") + (w.rfind("#term:", 0) == 0 ? "[" + w.substr(6) + "]" : w);
        problem("shares " + std::to_string(run.size()) + " consecutive words with " + r.citation + ": \"" + words + "\"");
    }
}

}  // namespace

ProvisionCheck check_provisions(const std::vector<CheckedRecord>& records, const std::vector<fs::path>& texts,
                                const ExtractLimits& limits) {
    ProvisionCheck out;
    std::set<std::string> decisions, wanted;
    std::map<std::string, bool> ids;  // id -> is a provision
    for (const auto& c : records) {
        ids[c.record.id] = is_provision(c.record);
        if (!is_provision(c.record) && c.record.first("type") == "decision")
            for (const auto& s : c.record.symbols) decisions.insert(s);
    }
    for (const auto& c : records) {
        if (!is_provision(c.record)) continue;
        ++out.provisions;
        check_structure(c.record, c.where, decisions, ids, out.problems);
        if (!c.record.decision.empty()) wanted.insert(c.record.decision);
    }
    if (texts.empty() || out.provisions == 0) return out;
    Paragraphs paragraphs = read_texts(texts, wanted, limits);
    for (const auto& c : records)
        if (is_provision(c.record)) check_text(c.record, c.where, paragraphs, out);
    return out;
}

}  // namespace a6kb
