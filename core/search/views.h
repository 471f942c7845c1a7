// SPDX-License-Identifier: Apache-2.0
// What the searcher returns besides a result list: a record's page (its
// versions, citations, similar records), the implementation labs overview
// and completions. Searcher methods; their code is in views.cc.
#pragma once

#include "core/model/record.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace a6kb {

struct RecordRef {
    std::string id;
    std::string title;
    std::string symbol;
    std::string version;
    std::string date;
    std::string type;
    bool latest = true;
};

// A provision as the rulebook lists it (core/model/provision.h).
struct ProvisionEntry {
    Record record;              // with its text (record.pages)
    std::string anchor;         // of the cited paragraph: "annex-p67"
    std::string decision_id;    // the decision's record id, when the index holds it
    // "/doc/3-cma-3/at/annex-p67" when the decision's official text is
    // indexed and holds that paragraph; empty: "official text not indexed".
    std::string paragraph_url;
};

struct DocumentView {
    Record record;  // without page texts
    size_t pages = 0;
    std::vector<RecordRef> versions;                                 // newest first
    std::vector<std::pair<std::string, std::optional<RecordRef>>> cites;  // symbol, the record if indexed
    std::vector<RecordRef> cited_by;                                 // provisions left out: they are listed below
    std::vector<RecordRef> similar;
    // A decision's provisions, in paragraph order.
    std::vector<ProvisionEntry> provisions;
    // A provision's own: where its paragraph is, its decision, what it
    // refines and what refines it (newest first).
    std::optional<ProvisionEntry> provision;
    std::optional<RecordRef> decision;
    std::vector<RecordRef> refines, refined_by;
};

// The rulebook (/rulebook): every provision, by decision date and
// paragraph order; the page groups them by topic or stakeholder group.
struct RulebookView {
    std::vector<ProvisionEntry> provisions;
};

// The implementation labs: each lab (a lab-session record with a symbol) and
// the records that cite it, by kind; and who asked whom across all lab questions.
struct LabView {
    Record lab;
    std::vector<Record> roundtables;  // lab-session parts
    std::vector<Record> questions;    // lab-question
    std::vector<Record> plans;        // expected outcomes and other planning notes (concept-note)
    std::vector<Record> outcomes;     // lab-outcome
    std::vector<Record> pledges;      // pledge
};

struct LabsOverview {
    std::vector<LabView> labs;                  // newest first
    std::vector<std::string> groups;            // group concept ids, taxonomy order
    std::vector<std::vector<size_t>> asked;     // asked[asker][addressed]: lab questions
};

// Article 6.2 arrangements: host Parties (rows) by acquiring Parties
// (columns), each cell the number of arrangement records between the two.
struct ArrangementsOverview {
    std::vector<std::string> hosts;            // country ids with an arrangement as host, by label
    std::vector<std::string> acquirers;        // country ids with one as acquirer, by label
    std::vector<std::vector<size_t>> count;    // count[host][acquirer]
    size_t arrangements = 0;                   // records of type arrangement with both roles
    size_t transfers = 0;                      // records of type transfer
};

struct Suggestion {
    std::string text;   // what to put in the search box
    std::string kind;   // symbol | concept | title
    std::string id;     // record id, or facet:concept for concepts
    std::string label;  // for display
};

}  // namespace a6kb
