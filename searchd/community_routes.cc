// SPDX-License-Identifier: Apache-2.0
// The contributions API (docs/api.md, "Contributions"): submitting,
// listing and moderating, and the checks every request body gets before
// it is read.
#include "core/model/errors.h"
#include "core/model/log.h"
#include "core/search/searcher.h"
#include "searchd/community.h"
#include "searchd/contribution.h"
#include "searchd/reply.h"
#include "searchd/server.h"

#include <httplib.h>

namespace a6kb {

using nlohmann::json;

namespace {

json body_json(const httplib::Request& req) {
    json body = json::parse(req.body, nullptr, false);
    if (body.is_discarded()) throw user_error(ErrorCode::bad_request, "the body is not JSON");
    return body;
}

}  // namespace

// A declared body larger than --max-body-bytes, a Content-Length that is
// not a number, or none on a POST, PUT or PATCH, is refused before a byte
// of it is read (httplib would
// otherwise read and drop the whole declared length, holding the
// connection until the request timeout); the connection then closes.
bool SearchServer::refuse_body(Req req, Res res) {
    if (!req.has_header("Content-Length")) {
        // httplib would read such a body until the connection closes, so the
        // client waits for the request timeout (curl -X POST without -d does this).
        const bool sends_body = req.method == "POST" || req.method == "PUT" || req.method == "PATCH";
        if (!sends_body || req.has_header("Transfer-Encoding")) return false;
        send_error(res, ErrorCode::length_required, req.method + " needs a Content-Length, even 0 (curl: -d '')");
        return true;
    }
    const std::string v = req.get_header_value("Content-Length");
    if (v.empty() || v.size() > 18 || v.find_first_not_of("0123456789") != std::string::npos) {
        send_error(res, ErrorCode::bad_request, "Content-Length '" + v.substr(0, 30) + "' is not a size in bytes");
        return true;
    }
    if (std::stoull(v) > config_.max_body_bytes) {
        send_error(res, ErrorCode::payload_too_large,
                   "the body is over " + std::to_string(config_.max_body_bytes) + " bytes");
        return true;
    }
    return false;
}

// The moderator a request speaks for: its Bearer token; else 401.
std::string SearchServer::api_moderator(Req req) {
    const std::string auth = req.get_header_value("Authorization");
    if (auth.rfind("Bearer ", 0) == 0)
        if (auto name = community_->store.authenticate(auth.substr(7))) return *name;
    throw user_error(ErrorCode::unauthorized, "a moderator's token is needed: Authorization: Bearer TOKEN");
}

// A submission's checks shared by the API and the form: the honeypot
// (returns 0: dropped as if accepted), the limit per address, the fields,
// and the question an answer names. Returns the new id.
int64_t SearchServer::accept_submission(Lease& l, Req req, Res res, const json& body) {
    if (auto hp = body.find(HONEYPOT); hp != body.end() && !(hp->is_string() && hp->get<std::string>().empty())) {
        log::info("honeypot", {{"remote", req.remote_addr}});
        return 0;
    }
    Contribution c = parse_contribution(body, l->taxonomy());
    if (c.kind == "answer") {
        auto q = community_->store.get(c.fields["answers"].get<int64_t>());
        if (!q || q->kind != "question" || q->status != "approved")
            throw user_error(ErrorCode::bad_field, "field 'answers': no approved question has id " +
                                                       std::to_string(c.fields["answers"].get<int64_t>()));
    }
    if (auto wait = community_->limiter.over(req.remote_addr)) {
        res.set_header("Retry-After", std::to_string(*wait));
        throw user_error(ErrorCode::rate_limited, "too many contributions from this address; try again in " +
                                                      std::to_string(*wait) + " s");
    }
    return community_->store.submit(c);
}

void SearchServer::submit_contribution(Lease& l, Req req, Res res) {
    const int64_t id = accept_submission(l, req, res, body_json(req));
    send_json(res, 202, {{"id", id == 0 ? json() : json(id)}, {"status", "pending"}});
}

void SearchServer::list_contributions(Lease&, Req req, Res res) {
    api_moderator(req);
    const std::string status = req.get_param_value("status");
    if (!status.empty() && status != "pending" && status != "approved" && status != "rejected" && status != "withdrawn")
        throw user_error(ErrorCode::bad_parameter, "parameter 'status': one of pending, approved, rejected, withdrawn");
    json out = json::array();
    for (const auto& c : community_->store.list(status)) out.push_back(contribution_json(c, true));
    send_json(res, 200, {{"contributions", out}});
}

void SearchServer::show_contribution(Lease&, Req req, Res res) {
    api_moderator(req);
    auto c = community_->store.get(id_param(req, "contribution"));
    if (!c) throw user_error(ErrorCode::not_found, "no contribution " + std::string(req.matches[1]));
    json j = contribution_json(*c, true);
    j["history"] = json::array();
    for (const auto& m : community_->store.history(c->id))
        j["history"].push_back({{"moderator", m.moderator}, {"action", m.action}, {"reason", m.reason}, {"at", m.at}});
    send_json(res, 200, j);
}

// approve, reject, withdraw: the status changes, the log says who and
// why, and the index follows (in the background, within seconds).
void SearchServer::moderate_contribution(Lease&, Req req, Res res, const std::string& action) {
    const std::string moderator = api_moderator(req);
    const int64_t id = id_param(req, "contribution");
    std::string reason;
    if (!req.body.empty()) {
        json body = body_json(req);
        if (!body.is_object() || (body.contains("reason") && !body["reason"].is_string()))
            throw user_error(ErrorCode::bad_field, "field 'reason': must be a string");
        reason = body.value("reason", "");
        if (reason.size() > 1000) throw user_error(ErrorCode::bad_field, "field 'reason': longer than 1000 bytes");
    }
    if (!community_->store.set_status(id, status_for_action(action), moderator, reason))
        throw user_error(ErrorCode::not_found, "no contribution " + std::to_string(id));
    const uint64_t update = community_->indexer.request();
    json out = {{"id", id}, {"status", status_for_action(action)}};
    // ?wait=1: answer once the index has it (scripts that search next).
    if (req.get_param_value("wait") == "1") out["indexed"] = community_->indexer.wait(update, std::chrono::seconds(30));
    send_json(res, 200, out);
}

void SearchServer::edit_contribution(Lease& l, Req req, Res res) {
    const std::string moderator = api_moderator(req);
    auto c = community_->store.get(id_param(req, "contribution"));
    if (!c) throw user_error(ErrorCode::not_found, "no contribution " + std::string(req.matches[1]));
    json fields = edited_fields(*c, body_json(req), l->taxonomy());
    community_->store.edit(c->id, fields, moderator);
    if (c->status == "approved") community_->indexer.request();
    send_json(res, 200, contribution_json(*community_->store.get(c->id), true));
}

}  // namespace a6kb
