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

bool Regex::next(std::string_view s, size_t& start, std::vector<std::string_view>& groups, size_t& at) const {
    if (start > s.size()) return false;
    std::unique_ptr<pcre2_match_data, decltype(&pcre2_match_data_free)> md(
        pcre2_match_data_create_from_pattern(code_, nullptr), &pcre2_match_data_free);
    int rc = pcre2_match(code_, reinterpret_cast<PCRE2_SPTR>(s.data()), s.size(), start, PCRE2_NO_UTF_CHECK, md.get(),
                         nullptr);
    if (rc <= 0) return false;
    PCRE2_SIZE* ov = pcre2_get_ovector_pointer(md.get());
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
    std::vector<std::string_view> out;
    each(s, [&](const std::vector<std::string_view>& g, size_t at) {
        if (out.empty() && at == 0 && g[0].size() == s.size()) out = g;
    });
    return out;
}

}  // namespace a6kb
