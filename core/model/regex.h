// SPDX-License-Identifier: Apache-2.0
// A compiled PCRE2 pattern (UTF-8), JIT-compiled when the platform allows.
// Immutable after construction, so one instance may be shared by all
// threads; match data is per call. Used for the symbol patterns of
// corpus/programmes.xml (core/model/programmes.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

struct pcre2_real_code_8;

namespace a6kb {

class Regex {
public:
    // Throws std::invalid_argument with PCRE2's message and offset when
    // `pattern` does not compile.
    explicit Regex(const std::string& pattern, uint32_t options = 0);
    ~Regex();
    Regex(const Regex&) = delete;
    Regex& operator=(const Regex&) = delete;

    // Calls fn(groups, offset) for each match, left to right; groups[0] is
    // the whole match, an unset group is empty. Cost: linear in `s` for the
    // patterns we write (no nested quantifiers).
    template <class Fn>
    void each(std::string_view s, Fn&& fn) const {
        size_t start = 0;
        std::vector<std::string_view> groups;
        size_t at = 0;
        while (next(s, start, groups, at)) fn(groups, at);
    }

    // Groups of a match of the whole string, or empty.
    std::vector<std::string_view> full(std::string_view s) const;

    // Capturing groups in the pattern.
    int groups() const { return groups_; }

private:
    pcre2_real_code_8* code_ = nullptr;
    int groups_ = 0;
    // The next match at or after `start`; advances `start` past it.
    bool next(std::string_view s, size_t& start, std::vector<std::string_view>& groups, size_t& at, uint32_t options = 0) const;
};

}  // namespace a6kb
