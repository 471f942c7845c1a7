// SPDX-License-Identifier: Apache-2.0
// The community's pages as routes: /contribute (forms work without
// JavaScript: post, then a redirect to the thanks), /moderate (a token
// login gives an HttpOnly, SameSite=Strict session cookie; every form
// carries the session's CSRF token, and a form without it is refused with
// 403), and the lab desk /labs/{lab}/record.
#include "core/model/errors.h"
#include "core/search/searcher.h"
#include "searchd/community.h"
#include "searchd/contribution.h"
#include "searchd/pages.h"
#include "searchd/reply.h"
#include "searchd/server.h"

#include <httplib.h>

#include <algorithm>

namespace a6kb {

using nlohmann::json;

namespace {

constexpr const char* COOKIE = "a6kb_session";

// A form's fields as a contribution's JSON body: lists for the fields that
// take several values, strings otherwise; the form's own fields left out.
json form_body(const httplib::Request& req) {
    json body = json::object();
    for (const auto& [k, v] : req.params) {
        if (k == "csrf" || k == "action" || k == "reason" || k == "thanks" || k == "saved") continue;
        if (k == "groups" || k == "to_groups" || k == "topics") {
            if (!body.contains(k)) body[k] = json::array();
            if (!v.empty()) body[k].push_back(v);
        } else {
            body[k] = v;
        }
    }
    return body;
}

std::string cookie(const httplib::Request& req, const std::string& name) {
    const std::string all = req.get_header_value("Cookie");
    size_t at = 0;
    while (at < all.size()) {
        size_t end = all.find(';', at);
        if (end == std::string::npos) end = all.size();
        std::string part = all.substr(at, end - at);
        part.erase(0, part.find_first_not_of(' '));
        if (part.rfind(name + "=", 0) == 0) return part.substr(name.size() + 1);
        at = end + 1;
    }
    return {};
}

void redirect(httplib::Response& res, const std::string& to) {
    res.status = 303;
    res.set_header("Location", to);
}

std::vector<std::pair<std::string, std::string>> lab_list(Searcher& s) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& lab : s.labs().labs) out.emplace_back(lab.lab.symbols.front(), lab.lab.title);
    return out;
}

bool known_kind(const std::string& k) {
    return std::find(CONTRIBUTION_KINDS.begin(), CONTRIBUTION_KINDS.end(), k) != CONTRIBUTION_KINDS.end();
}

}  // namespace

std::optional<std::pair<std::string, Session>> SearchServer::session(Req req) {
    std::string id = cookie(req, COOKIE);
    if (id.empty()) return std::nullopt;
    auto s = community_->sessions.find(id);
    // A moderator removed (a6kb-searchd moderator remove) loses their sessions at once.
    if (!s || !community_->store.has_moderator(s->moderator)) return std::nullopt;
    return std::make_pair(std::move(id), std::move(*s));
}

void SearchServer::contribute_page(Lease& l, Req req, Res res) {
    ContributeForm f;
    f.labs = lab_list(*l);
    f.kind = known_kind(req.get_param_value("kind")) ? req.get_param_value("kind") : "question";
    if (req.method != "POST") {
        const std::string thanks = req.get_param_value("thanks");
        if (!thanks.empty() && thanks.size() < 19 && thanks.find_first_not_of("0123456789") == std::string::npos)
            f.thanks = std::stoll(thanks);
        send_html(res, 200, pages_->contribute(f, l->taxonomy()));
        return;
    }
    const json body = form_body(req);
    try {
        const int64_t id = accept_submission(l, req, res, body);
        redirect(res, "/contribute?kind=" + f.kind + "&thanks=" + std::to_string(id == 0 ? 1 : id));
    } catch (const UserError& e) {
        if (e.code() != "bad_field" && e.code() != "rate_limited") throw;
        f.values = body;
        f.error = e.what();
        send_html(res, status_for(e.code()), pages_->contribute(f, l->taxonomy()));
    }
}

void SearchServer::moderate_page(Lease& l, Req req, Res res) {
    ModerationView v;
    if (auto found = session(req)) {
        const Session& s = found->second;
        v.login = false;
        v.moderator = s.moderator;
        v.csrf = s.csrf;
        v.pending = community_->store.list("pending");
        v.approved = community_->store.list("approved", 20);
        for (const auto& [symbol, title] : lab_list(*l)) v.labs.push_back(symbol);
        const std::string done = req.get_param_value("done");
        if (!done.empty()) v.notice = "Contribution " + done + ": " + req.get_param_value("action") + " done.";
    }
    send_html(res, 200, pages_->moderation(v));
}

void SearchServer::moderate_login(Req req, Res res) {
    auto name = community_->store.authenticate(req.get_param_value("token"));
    if (!name) {
        ModerationView v;
        v.error = "That token is not a moderator's. Check it, or ask for a new one.";
        send_html(res, 401, pages_->moderation(v));
        return;
    }
    const std::string id = community_->sessions.open(*name);
    res.set_header("Set-Cookie", std::string(COOKIE) + "=" + id + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=43200");
    redirect(res, "/moderate");
}

namespace {

// The title and text a moderator typed over a contribution, when they differ.
std::optional<json> typed_changes(const httplib::Request& req, const Contribution& c) {
    json changes = json::object();
    for (const char* f : {"title", "text"})
        if (req.has_param(f) && req.get_param_value(f) != c.fields.value(f, "")) changes[f] = req.get_param_value(f);
    if (changes.empty()) return std::nullopt;
    return changes;
}

}  // namespace

void SearchServer::moderate_action(Lease& l, Req req, Res res) {
    auto found = session(req);
    if (!found) throw user_error(ErrorCode::unauthorized, "log in at /moderate first");
    const auto& [sid, s] = *found;
    if (req.get_param_value("csrf") != s.csrf)
        throw user_error(ErrorCode::forbidden, "this form is out of date or did not come from this site; reload /moderate");
    if (req.matches[1] == "logout") {
        community_->sessions.close(sid);
        res.set_header("Set-Cookie", std::string(COOKIE) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
        redirect(res, "/moderate");
        return;
    }
    const int64_t id = id_param(req, "contribution");
    auto c = community_->store.get(id);
    if (!c) throw user_error(ErrorCode::not_found, "no contribution " + std::to_string(id));
    const std::string action = req.get_param_value("action");
    if (action != "edit" && status_for_action(action).empty())
        throw user_error(ErrorCode::bad_parameter, "action: one of approve, reject, withdraw, edit");
    if (action == "edit" || action == "approve")
        if (auto changes = typed_changes(req, *c))
            community_->store.edit(id, edited_fields(*c, *changes, l->taxonomy()), s.moderator);
    if (action != "edit") community_->store.set_status(id, status_for_action(action), s.moderator, req.get_param_value("reason"));
    if (action != "edit" || c->status == "approved") community_->indexer.request();
    redirect(res, "/moderate?done=" + std::to_string(id) + "&action=" + action);
}

void SearchServer::lab_desk(Lease& l, Req req, Res res) {
    const std::string want = req.matches[1];
    DeskView v;
    for (const auto& [symbol, title] : lab_list(*l))
        if (strcasecmp(symbol.c_str(), want.c_str()) == 0) v.lab = symbol, v.lab_title = title;
    if (v.lab.empty()) throw user_error(ErrorCode::not_found, "there is no lab " + want + " in the index");
    auto found = session(req);
    if (!found) {
        ModerationView login;
        login.error = "The lab desk is for moderators: log in first, then come back to /labs/" + v.lab + "/record.";
        send_html(res, 401, pages_->moderation(login));
        return;
    }
    const Session& s = found->second;
    v.moderator = s.moderator;
    v.csrf = s.csrf;
    if (req.method == "POST") {
        if (req.get_param_value("csrf") != s.csrf)
            throw user_error(ErrorCode::forbidden, "this form is out of date or did not come from this site; reload the desk");
        json body = form_body(req);
        body["lab"] = v.lab;
        try {
            const std::string kind = body.value("kind", "");
            if (kind != "question" && kind != "outcome" && kind != "pledge")
                throw user_error(ErrorCode::bad_field, "field 'kind': the desk records questions, outcomes and pledges");
            Contribution c = parse_contribution(body, l->taxonomy());
            c.status = "approved";  // a moderator's own entry: approved in one go
            const int64_t id = community_->store.submit(c, s.moderator);
            community_->indexer.request();
            redirect(res, "/labs/" + v.lab + "/record?saved=" + std::to_string(id));
            return;
        } catch (const UserError& e) {
            if (e.code() != "bad_field") throw;
            v.error = e.what();
            send_html(res, 400, pages_->desk(v, l->taxonomy()));
            return;
        }
    }
    const std::string saved = req.get_param_value("saved");
    if (!saved.empty() && saved.size() < 19 && saved.find_first_not_of("0123456789") == std::string::npos)
        v.saved = std::stoll(saved);
    send_html(res, 200, pages_->desk(v, l->taxonomy()));
}

}  // namespace a6kb
