// SPDX-License-Identifier: Apache-2.0
// The HTTP face of a6kb: a pool of searchers behind the transport
// (transport.h), every route declared in SearchServer::routes() (routes.cc),
// each handler run through wrap(): the searcher lease, the response cache,
// metrics and the error contract (error_codes.h).
#pragma once

#include "searchd/config.h"
#include "searchd/metrics.h"
#include "searchd/response_cache.h"
#include "searchd/routes.h"

#include <nlohmann/json_fwd.hpp>

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <semaphore>
#include <string>
#include <vector>

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace a6kb {

class HttpServer;  // transport.h
class UserError;   // core/model/errors.h
class Searcher;
class SnapshotCache;
class Pages;
struct Community;
struct Session;  // community.h

class SearchServer {
public:
    // Opens the index once to check it (throws UserError or Xapian::Error).
    explicit SearchServer(ServerConfig config);
    ~SearchServer();
    SearchServer(const SearchServer&) = delete;
    SearchServer& operator=(const SearchServer&) = delete;

    // Binds the configured address; returns the port (useful with port 0).
    // Throws std::runtime_error when the address cannot be bound.
    int bind();
    // Serves until stop(); in-flight requests finish first.
    void run();
    // Stops accepting and closes idle keep-alive connections; requests being
    // read or answered finish first. Safe to call before run() has started.
    void stop();

    // What the connection layer is doing now (also in /metrics).
    ConnectionStats connections() const;

private:
    ServerConfig config_;
    std::unique_ptr<HttpServer> server_;
    std::unique_ptr<std::counting_semaphore<>> searching_;  // --threads requests searched at once
    Metrics metrics_;
    std::unique_ptr<Pages> pages_;  // null without a web folder
    std::mutex pool_mutex_;
    std::vector<std::unique_ptr<Searcher>> pool_;  // idle searchers, one per worker in use
    std::shared_ptr<SnapshotCache> snapshots_;     // what all searchers of the index share
    std::unique_ptr<ResponseCache> responses_;     // finished answers of the current revision
    std::unique_ptr<Community> community_;         // null without --community

    class Lease;
    using Req = const httplib::Request&;
    using Res = httplib::Response&;
    using Handler = std::function<void(Req, Res)>;
    using LeaseHandler = std::function<void(Lease&, Req, Res)>;

    // routes.cc: every route, then what answers when none matches.
    void routes();
    void contribution_routes();  // called by routes(), beside it in routes.cc
    void overview_routes();      // the overviews as JSON: facets, labs, arrangements, rulebook (routes.cc)
    void fallbacks();
    void search_csv(Lease& l, Req req, Res res);
    // document_routes.cc: the reader, its passage links, the original file.
    std::string document_page(Lease& l, Req req);
    std::string rulebook_page(Lease& l, Req req);  // /rulebook[?topic=ID|group=ID] (document_routes.cc)
    // The rulebook's topic= or group= (facet, concept id; empty: none); 400 for anything else.
    std::pair<std::string, std::string> rulebook_filter(Lease& l, Req req);
    nlohmann::json document_json(Lease& l, Req req);
    void passage_redirect(Lease& l, Req req, Res res);
    void send_original(Lease& l, Req req, Res res);
    void refuse_file(Req req, Res res, const UserError& e);

    // community_routes.cc: the contributions API; bodies refused before reading.
    bool refuse_body(Req req, Res res);
    std::string api_moderator(Req req);
    int64_t accept_submission(Lease& l, Req req, Res res, const nlohmann::json& body);
    void submit_contribution(Lease& l, Req req, Res res);
    void list_contributions(Lease& l, Req req, Res res);
    void show_contribution(Lease& l, Req req, Res res);
    void moderate_contribution(Lease& l, Req req, Res res, const std::string& action);
    void edit_contribution(Lease& l, Req req, Res res);
    // community_pages.cc: /contribute, /moderate, the lab desk.
    void contribute_page(Lease& l, Req req, Res res);
    void moderate_page(Lease& l, Req req, Res res);
    void moderate_login(Req req, Res res);
    void moderate_action(Lease& l, Req req, Res res);
    void lab_desk(Lease& l, Req req, Res res);
    // The session of a moderator's request (its cookie), if any, with its id:
    // read once, so a handler never looks it up again (it may expire between).
    std::optional<std::pair<std::string, Session>> session(Req req);  // its id and the session

    // Every handler runs through wrap: timing, metrics, the error contract,
    // one retry on a revision the indexer replaced under our feet.
    Handler wrap(Route route, LeaseHandler fn);
    bool answer_from_cache(Route route, Lease& lease, Req req, Res res, std::string& revision);
    void keep_in_cache(Route route, Lease& lease, Req req, Res res, const std::string& revision);
    // A failure told as JSON (the API, or no web folder) or as a page.
    void fail(Req req, Res res, int status, const std::string& code, const std::string& message);
    std::string base_url(Req req) const;
};

// A searcher borrowed from the pool for one request, returned afterwards.
class SearchServer::Lease {
public:
    // Waits while --threads requests are being searched.
    explicit Lease(SearchServer& s);
    ~Lease();
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Searcher& operator*() { return *searcher_; }
    Searcher* operator->() { return searcher_.get(); }
    // After DatabaseModifiedError: reopen before the retry.
    void reopen();

private:
    SearchServer& server_;
    std::unique_ptr<Searcher> searcher_;
};

}  // namespace a6kb
