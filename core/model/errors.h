// SPDX-License-Identifier: Apache-2.0
// The two error families of a6kb. A UserError is the caller's fault (a bad
// flag, a bad taxonomy file, a bad query parameter) and carries a stable code
// plus a message written for the person who has to fix it; frontends map it
// to a 4xx status or a non-zero exit with the message. Anything else that is
// thrown is an internal failure.
#pragma once

#include <stdexcept>
#include <string>

namespace a6kb {

class UserError : public std::runtime_error {
public:
    UserError(std::string code, const std::string& message)
        : std::runtime_error(message), code_(std::move(code)) {}
    const std::string& code() const noexcept { return code_; }

private:
    std::string code_;
};

}  // namespace a6kb
