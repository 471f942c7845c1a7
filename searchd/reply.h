// SPDX-License-Identifier: Apache-2.0
// Writing an answer into an httplib::Response: JSON, an error, a page.
// For searchd's own .cc files (it includes httplib.h).
#pragma once

#include "searchd/error_codes.h"
#include "searchd/render.h"
#include "searchd/transport.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <string>

namespace a6kb {

// Pages may run our own script and styles only: no inline script, nothing from elsewhere.
inline constexpr const char* CSP =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

// The number in the path (req.matches[1]): a record's id of at most 18
// digits; anything else is no such `what` (404), never an overflow.
inline int64_t id_param(const httplib::Request& req, const std::string& what) {
    const std::string s = req.matches.size() > 1 ? std::string(req.matches[1]) : std::string();
    if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != std::string::npos)
        throw user_error(ErrorCode::not_found, "no " + what + " " + s);
    return std::stoll(s);
}

inline void send_json(httplib::Response& res, int status, const nlohmann::json& body) {
    res.status = status;
    res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), JSON_TYPE);
}

inline void send_error(httplib::Response& res, int status, const std::string& code, const std::string& message) {
    send_json(res, status, error_json(code, message));
}

inline void send_error(httplib::Response& res, ErrorCode e, const std::string& message) {
    send_error(res, status_of(e), std::string(code_of(e)), message);
}

inline void send_html(httplib::Response& res, int status, std::string body) {
    res.status = status;
    res.set_header("Content-Security-Policy", CSP);
    res.set_header("Cache-Control", "no-cache");
    res.set_content(std::move(body), "text/html; charset=utf-8");
}

inline Params params_of(const httplib::Request& req) {
    Params p;
    for (const auto& [k, v] : req.params) p.emplace_back(k, v);
    return p;
}

}  // namespace a6kb
