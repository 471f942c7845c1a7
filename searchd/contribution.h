// SPDX-License-Identifier: Apache-2.0
// What a contribution may hold, checked once for the JSON API, the
// /contribute forms, the lab desk and moderators' edits: its kind, the
// fields each kind takes, their sizes, group and topic values from the
// taxonomy, http(s) addresses only. A bad field is a UserError with code
// "bad_field" whose message names it ("field 'title': ...").
#pragma once

#include "searchd/community_store.h"

#include <nlohmann/json.hpp>

#include <array>
#include <string>
#include <string_view>

namespace a6kb {

class Taxonomy;

inline constexpr std::array<std::string_view, 6> CONTRIBUTION_KINDS = {"question", "answer",   "outcome",
                                                                       "pledge",   "resource", "challenge"};

// The honeypot: a field people never see (hidden by CSS, labelled "leave
// empty"); a submission that fills it is dropped as if accepted.
inline constexpr const char* HONEYPOT = "website";

// Sizes, in bytes of UTF-8.
struct FieldLimits {
    size_t title = 300;
    size_t text = 8000;
    size_t short_text = 200;  // by, contact, due, lab
    size_t url = 500;
    size_t list = 8;          // groups, to_groups, topics
};

// Checks `body` (an object) and returns the contribution it describes
// (status pending; groups and topics as concept ids). Throws UserError
// "bad_field" naming the first bad or unknown field. Whether an answered
// question exists is the caller's check (it needs the store).
Contribution parse_contribution(const nlohmann::json& body, const Taxonomy& taxonomy, const FieldLimits& limits = {});

// A moderator's edit: `changes` over `c`'s fields (kind and status stay),
// checked as a new submission would be.
nlohmann::json edited_fields(const Contribution& c, const nlohmann::json& changes, const Taxonomy& taxonomy);

// The contribution as the API shows it: id, kind, status, fields, dates;
// with `contact` only for moderators.
nlohmann::json contribution_json(const Contribution& c, bool with_contact);

}  // namespace a6kb
