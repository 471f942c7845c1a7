// SPDX-License-Identifier: Apache-2.0
#include "searchd/http.h"

#include "core/errors.h"
#include "core/log.h"
#include "core/search.h"
#include "searchd/render.h"

#include <httplib.h>
#include <xapian.h>

#include <chrono>
#include <functional>

namespace a6kb {

namespace {

constexpr const char* JSON_TYPE = "application/json; charset=utf-8";

Params params_of(const httplib::Request& req) {
    Params p;
    for (const auto& [k, v] : req.params) p.emplace_back(k, v);
    return p;
}

void send_json(httplib::Response& res, int status, const nlohmann::json& body) {
    res.status = status;
    res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), JSON_TYPE);
}

void send_error(httplib::Response& res, int status, const std::string& code, const std::string& message) {
    send_json(res, status, error_json(code, message));
}

}  // namespace

// A searcher borrowed from the pool for one request, returned afterwards.
class SearchServer::Lease {
public:
    explicit Lease(SearchServer& s) : server_(s) {
        {
            std::lock_guard lk(s.pool_mutex_);
            if (!s.pool_.empty()) {
                searcher_ = std::move(s.pool_.back());
                s.pool_.pop_back();
            }
        }
        if (!searcher_) {
            std::optional<Taxonomy> tax;
            if (!s.config_.taxonomy.empty()) tax = Taxonomy::load(s.config_.taxonomy);
            searcher_ = std::make_unique<Searcher>(s.config_.db, std::move(tax), s.config_.limits);
        } else if (searcher_->refresh()) {
            s.metrics_.reloaded();
        }
    }
    ~Lease() {
        std::lock_guard lk(server_.pool_mutex_);
        server_.pool_.push_back(std::move(searcher_));
    }
    Searcher& operator*() { return *searcher_; }
    Searcher* operator->() { return searcher_.get(); }
    // After DatabaseModifiedError: reopen before the retry.
    void reopen() {
        searcher_->refresh();
        server_.metrics_.reloaded();
    }

private:
    SearchServer& server_;
    std::unique_ptr<Searcher> searcher_;
};

SearchServer::SearchServer(ServerConfig config) : config_(std::move(config)), server_(std::make_unique<httplib::Server>()) {
    {
        Lease check(*this);  // fails here, at start-up, if the index or taxonomy is unusable
    }
    server_->new_task_queue = [n = config_.threads] { return new httplib::ThreadPool(n); };
    server_->set_payload_max_length(config_.max_body_bytes);
    server_->set_read_timeout(config_.read_timeout_s, 0);
    server_->set_keep_alive_max_count(1000);
    routes();
}

SearchServer::~SearchServer() = default;

int SearchServer::bind() {
    int port = config_.port == 0 ? server_->bind_to_any_port(config_.host)
                                 : (server_->bind_to_port(config_.host, config_.port) ? config_.port : -1);
    if (port < 0)
        throw std::runtime_error("cannot listen on " + config_.host + ":" + std::to_string(config_.port) +
                                 " (in use, or not an address of this machine)");
    config_.port = port;
    return port;
}

void SearchServer::run() { server_->listen_after_bind(); }

void SearchServer::stop() { server_->stop(); }

std::string SearchServer::base_url(const httplib::Request& req) const {
    if (!config_.base_url.empty()) return config_.base_url;
    std::string host = req.get_header_value("Host");
    if (host.empty()) host = config_.host + ":" + std::to_string(config_.port);
    return "http://" + host;
}

void SearchServer::routes() {
    using Req = const httplib::Request&;
    using Res = httplib::Response&;
    auto& s = *server_;

    // Every handler runs through here: timing, metrics, the error contract,
    // and one retry on a revision the indexer replaced under our feet.
    auto wrap = [this](std::string route, std::function<void(Lease&, Req, Res)> fn) {
        return [this, route = std::move(route), fn = std::move(fn)](Req req, Res res) {
            auto started = std::chrono::steady_clock::now();
            bool api = req.path.rfind("/api/", 0) == 0 || req.path == "/feed.atom" || req.path == "/healthz";
            try {
                Lease lease(*this);
                try {
                    fn(lease, req, res);
                } catch (const Xapian::DatabaseModifiedError&) {
                    lease.reopen();
                    res = httplib::Response();
                    fn(lease, req, res);
                }
            } catch (const UserError& e) {
                int status = e.code() == "query_too_long" ? 413 : e.code() == "not_found" ? 404 : 400;
                send_error(res, status, e.code(), e.what());
            } catch (const Xapian::Error& e) {
                log::error("index_error", {{"path", req.path}, {"message", e.get_description()}});
                send_error(res, 500, "index_error", "the index could not be read; try again");
            } catch (const std::exception& e) {
                log::error("internal_error", {{"path", req.path}, {"message", e.what()}});
                send_error(res, 500, "internal_error", "internal error; it has been logged");
            }
            (void)api;
            double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
            metrics_.observe(route, res.status, secs);
        };
    };

    s.Get("/api/v1/search", wrap("search", [](Lease& l, Req req, Res res) {
        SearchRequest r = parse_search_request(params_of(req), l->taxonomy(), l->limits());
        send_json(res, 200, to_json(l->search(r), r));
    }));
    s.Get(R"(/api/v1/documents/([^/]+))", wrap("document", [](Lease& l, Req req, Res res) {
        std::string id = req.matches[1];
        auto v = l->document(id);
        if (!v) throw UserError("not_found", "no record with id '" + id + "'");
        send_json(res, 200, to_json(*v));
    }));
    s.Get("/api/v1/facets", wrap("facets", [](Lease& l, Req req, Res res) {
        if (!req.params.empty()) throw UserError("bad_parameter", "parameter '" + req.params.begin()->first + "': unknown parameter");
        send_json(res, 200, {{"facets", to_json(l->facet_overview())}, {"documents", l->documents()}});
    }));
    s.Get("/api/v1/suggest", wrap("suggest", [](Lease& l, Req req, Res res) {
        std::string q;
        size_t limit = 10;
        for (const auto& [k, v] : req.params) {
            if (k == "q") q = v;
            else if (k == "limit") {
                try {
                    size_t used = 0;
                    int n = std::stoi(v, &used);
                    if (used != v.size() || n < 1 || n > 50) throw std::out_of_range(v);
                    limit = static_cast<size_t>(n);
                } catch (const std::exception&) {
                    throw UserError("bad_parameter", "parameter 'limit': must be a whole number between 1 and 50");
                }
            } else {
                throw UserError("bad_parameter", "parameter '" + k + "': unknown parameter");
            }
        }
        if (q.size() > l->limits().max_query_bytes) throw UserError("query_too_long", "parameter 'q': too long");
        send_json(res, 200, to_json(l->suggest(q, limit), q));
    }));
    s.Get("/feed.atom", wrap("feed", [this](Lease& l, Req req, Res res) {
        SearchRequest r = parse_search_request(params_of(req), l->taxonomy(), l->limits());
        r.sort = SearchRequest::Sort::newest;
        if (r.per_page == 10) r.per_page = 30;
        res.set_content(atom_feed(l->search(r), r, base_url(req)), "application/atom+xml; charset=utf-8");
    }));
    s.Get("/opensearch.xml", wrap("opensearch", [this](Lease&, Req req, Res res) {
        res.set_content(opensearch_description(base_url(req)), "application/opensearchdescription+xml; charset=utf-8");
    }));
    s.Get("/healthz", wrap("healthz", [](Lease& l, Req, Res res) {
        send_json(res, 200, {{"status", "ok"}, {"documents", l->documents()}, {"revision", l->revision()}});
    }));
    s.Get("/metrics", wrap("metrics", [this](Lease& l, Req, Res res) {
        res.set_content(metrics_.render(l->documents()), "text/plain; version=0.0.4; charset=utf-8");
    }));

    // The API answers other methods with 405 and the methods it allows.
    auto not_allowed = [this](Req req, Res res) {
        res.set_header("Allow", "GET, HEAD");
        send_error(res, 405, "method_not_allowed", req.method + " is not allowed on " + req.path + "; use GET");
        metrics_.observe("method_not_allowed", 405, 0);
    };
    for (const char* pattern : {R"(/api/.*)", "/feed.atom", "/opensearch.xml", "/healthz", "/metrics"}) {
        s.Post(pattern, not_allowed);
        s.Put(pattern, not_allowed);
        s.Delete(pattern, not_allowed);
        s.Patch(pattern, not_allowed);
    }

    s.set_error_handler([this](Req req, Res res) {
        if (!res.body.empty()) return;  // a handler already said what went wrong
        if (res.status == 404) {
            send_error(res, 404, "not_found", "nothing at " + req.path);
            metrics_.observe("not_found", 404, 0);
        } else if (res.status == 413) {
            send_error(res, 413, "payload_too_large", "the request is too large");
        } else if (res.status >= 400) {
            send_error(res, res.status, "bad_request", "the request could not be read");
        }
    });
    s.set_exception_handler([](Req req, Res res, std::exception_ptr) {
        log::error("internal_error", {{"path", req.path}});
        send_error(res, 500, "internal_error", "internal error; it has been logged");
    });
    s.set_post_routing_handler([](Req req, Res res) {
        if (req.path.rfind("/api/", 0) == 0) res.set_header("Access-Control-Allow-Origin", "*");
        res.set_header("X-Content-Type-Options", "nosniff");
    });
    if (!config_.quiet) {
        s.set_logger([](Req req, const httplib::Response& res) {
            log::info("access", {{"method", req.method}, {"path", req.path}, {"status", std::to_string(res.status)},
                                 {"remote", req.remote_addr}});
        });
    }
}

}  // namespace a6kb
