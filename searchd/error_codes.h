// SPDX-License-Identifier: Apache-2.0
// Every error searchd answers, in one table: the code of its JSON body
// ({"error": {"code", "message"}}, docs/api.md) and its HTTP status.
//
// The core throws UserError with a code of its own (core/model/errors.h);
// status_for() maps such a code to a status here, and only here: a code not
// in the table is the caller's fault all the same, 400.
#pragma once

#include "core/model/errors.h"

#include <array>
#include <string>
#include <string_view>

namespace a6kb {

enum class ErrorCode {
    bad_parameter,       // a query parameter the parser refused (it names it)
    query_too_long,      // q over --max-query-bytes
    not_found,           // no route, or no record with that id
    method_not_allowed,  // the API answers GET and HEAD only
    payload_too_large,   // a request body over --max-body-bytes
    bad_request,         // a request that could not be read
    request_timeout,     // not received within --request-timeout (transport.cc)
    overloaded,          // beyond --max-connections (transport.cc)
    index_error,         // Xapian failed
    internal_error,      // anything else
    bad_field,           // a contribution's field (the message names it)
    unauthorized,        // no valid moderator token or session
    forbidden,           // a moderator's form without its CSRF token
    rate_limited,        // too many contributions from one address (Retry-After)
    community_db,        // the community database failed
    length_required,     // a POST, PUT or PATCH without Content-Length (nor chunked)
};

struct ErrorInfo {
    ErrorCode error;
    std::string_view code;
    int status;
};

inline constexpr std::array<ErrorInfo, 16> ERRORS = {{
    {ErrorCode::bad_parameter, "bad_parameter", 400},
    {ErrorCode::query_too_long, "query_too_long", 413},
    {ErrorCode::not_found, "not_found", 404},
    {ErrorCode::method_not_allowed, "method_not_allowed", 405},
    {ErrorCode::payload_too_large, "payload_too_large", 413},
    {ErrorCode::bad_request, "bad_request", 400},
    {ErrorCode::request_timeout, "request_timeout", 408},
    {ErrorCode::overloaded, "overloaded", 503},
    {ErrorCode::index_error, "index_error", 500},
    {ErrorCode::internal_error, "internal_error", 500},
    {ErrorCode::bad_field, "bad_field", 400},
    {ErrorCode::unauthorized, "unauthorized", 401},
    {ErrorCode::forbidden, "forbidden", 403},
    {ErrorCode::rate_limited, "rate_limited", 429},
    {ErrorCode::community_db, "community_db", 500},
    {ErrorCode::length_required, "length_required", 411},
}};

constexpr const ErrorInfo& info(ErrorCode e) { return ERRORS[static_cast<size_t>(e)]; }
static_assert([] {
    for (size_t i = 0; i < ERRORS.size(); ++i)
        if (static_cast<size_t>(ERRORS[i].error) != i) return false;
    return true;
}(), "ERRORS is in the order of ErrorCode");

constexpr std::string_view code_of(ErrorCode e) { return info(e).code; }
constexpr int status_of(ErrorCode e) { return info(e).status; }

// The status for a UserError's code: its entry in ERRORS, else 400.
constexpr int status_for(std::string_view code) {
    for (const auto& e : ERRORS)
        if (e.code == code) return e.status;
    return 400;
}

// A UserError with searchd's own code, to throw from a handler.
inline UserError user_error(ErrorCode e, const std::string& message) { return UserError(std::string(code_of(e)), message); }

}  // namespace a6kb
