// SPDX-License-Identifier: Apache-2.0
#include "core/model/regex.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <memory>
#include <stdexcept>

namespace a6kb {

Regex::Regex(const std::string& pattern, uint32_t options) {
    int err = 0;
    PCRE2_SIZE at = 0;
    code_ = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.c_str()), PCRE2_ZERO_TERMINATED, options | PCRE2_UTF,
                          &err, &at, nullptr);
    if (!code_) {
        PCRE2_UCHAR message[256];
        pcre2_get_error_message(err, message, sizeof message);
        throw std::invalid_argument(std::string(reinterpret_cast<const char*>(message)) + " at offset " +
                                    std::to_string(at) + " of " + pattern);
    }
    pcre2_jit_compile(code_, PCRE2_JIT_COMPLETE);
    uint32_t n = 0;
    pcre2_pattern_info(code_, PCRE2_INFO_CAPTURECOUNT, &n);
    groups_ = static_cast<int>(n);
}

Regex::~Regex() { pcre2_code_free(code_); }

namespace {

using MatchData = std::unique_ptr<pcre2_match_data, decltype(&pcre2_match_data_free)>;
constexpr uint32_t SHARED_PAIRS = 64;  // room for the groups of every pattern we write

}  // namespace

bool Regex::next(std::string_view s, size_t& start, std::vector<std::string_view>& groups, size_t& at, uint32_t options) const {
    if (start > s.size()) return false;
    // One match block per thread for all patterns (matching runs once per
    // symbol in every document's text); a pattern with more groups gets its own.
    static thread_local MatchData shared(pcre2_match_data_create(SHARED_PAIRS, nullptr), &pcre2_match_data_free);
    MatchData own(nullptr, &pcre2_match_data_free);
    if (static_cast<uint32_t>(groups_) + 1 > SHARED_PAIRS) own.reset(pcre2_match_data_create_from_pattern(code_, nullptr));
    pcre2_match_data* md = own ? own.get() : shared.get();
    int rc = pcre2_match(code_, reinterpret_cast<PCRE2_SPTR>(s.data()), s.size(), start, PCRE2_NO_UTF_CHECK | options, md,
                         nullptr);
    if (rc <= 0) return false;
    PCRE2_SIZE* ov = pcre2_get_ovector_pointer(md);
    groups.clear();
    for (int i = 0; i < rc; ++i) {
        if (ov[2 * i] == PCRE2_UNSET) groups.emplace_back();
        else groups.push_back(s.substr(ov[2 * i], ov[2 * i + 1] - ov[2 * i]));
    }
    at = static_cast<size_t>(ov[0]);
    start = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
    return true;
}

std::vector<std::string_view> Regex::full(std::string_view s) const {
    // One match, anchored at both ends: no scan of the rest of the string.
    std::vector<std::string_view> out;
    size_t start = 0, at = 0;
    if (!next(s, start, out, at, PCRE2_ANCHORED | PCRE2_ENDANCHORED)) out.clear();
    return out;
}

}  // namespace a6kb
