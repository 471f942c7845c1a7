// SPDX-License-Identifier: Apache-2.0
#include "searchd/http.h"

#include "core/errors.h"
#include "core/log.h"
#include "core/search.h"
#include "searchd/pages.h"
#include "searchd/render.h"

#include <httplib.h>
#include <xapian.h>

#include <chrono>
#include <functional>
#include <netinet/in.h>
#include <netinet/tcp.h>

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
            searcher_ = std::make_unique<Searcher>(s.config_.db, std::nullopt, s.config_.limits, s.snapshots_);
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
    std::optional<Taxonomy> tax;
    if (!config_.taxonomy.empty()) tax = Taxonomy::load(config_.taxonomy);
    snapshots_ = std::make_shared<SnapshotCache>(std::move(tax));
    {
        Lease check(*this);  // fails here, at start-up, if the index or taxonomy is unusable
    }
    server_->new_task_queue = [n = config_.threads] { return new httplib::ThreadPool(n); };
    server_->set_payload_max_length(config_.max_body_bytes);
    server_->set_read_timeout(config_.read_timeout_s, 0);
    // httplib's default also sets SO_REUSEPORT, which lets a second daemon
    // bind the same port silently; only SO_REUSEADDR here. TCP_NODELAY
    // (inherited by accepted connections): httplib writes a response's
    // headers and body separately, and Nagle's algorithm with the client's
    // delayed ACK held every keep-alive response back 40 ms.
    server_->set_socket_options([](int sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
    });
    server_->set_keep_alive_max_count(100);
    server_->set_keep_alive_timeout(2);
    if (!config_.web.empty()) pages_ = std::make_unique<Pages>(config_.web);
    routes();
    if (pages_) page_routes();
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

namespace {

// Pages may run our own script and styles only: no inline script, nothing from elsewhere.
constexpr const char* CSP =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

void send_html(httplib::Response& res, int status, std::string body) {
    res.status = status;
    res.set_header("Content-Security-Policy", CSP);
    res.set_header("Cache-Control", "no-cache");
    res.set_content(std::move(body), "text/html; charset=utf-8");
}

}  // namespace

SearchServer::Handler SearchServer::wrap(std::string route, LeaseHandler fn) {
    return [this, route = std::move(route), fn = std::move(fn)](const httplib::Request& req, httplib::Response& res) {
            auto started = std::chrono::steady_clock::now();
            bool api = !pages_ || req.path.rfind("/api/", 0) == 0 || req.path == "/feed.atom" || req.path == "/healthz" ||
                       req.path == "/metrics" || req.path == "/opensearch.xml";
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
                fail(req, res, api, status, e.code(), e.what());
            } catch (const Xapian::Error& e) {
                log::error("index_error", {{"path", req.path}, {"message", e.get_description()}});
                fail(req, res, api, 500, "index_error", "the index could not be read; try again");
            } catch (const std::exception& e) {
                log::error("internal_error", {{"path", req.path}, {"message", e.what()}});
                fail(req, res, api, 500, "internal_error", "internal error; it has been logged");
            }
            double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
            metrics_.observe(route, res.status, secs);
    };
}

void SearchServer::fail(const httplib::Request& req, httplib::Response& res, bool api, int status,
                        const std::string& code, const std::string& message) {
    if (api || !pages_) {
        send_error(res, status, code, message);
        return;
    }
    std::string q = req.has_param("q") ? req.get_param_value("q") : "";
    if (q.size() > 200) q.clear();
    send_html(res, status,
              pages_->error(status, status >= 500 ? "Something went wrong on our side; it has been logged. Please try again." : message, q));
}

void SearchServer::routes() {
    using Req = const httplib::Request&;
    using Res = httplib::Response&;
    auto& s = *server_;

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
            bool api = !pages_ || req.path.rfind("/api/", 0) == 0;
            if (api) send_error(res, 404, "not_found", "nothing at " + req.path);
            else send_html(res, 404, pages_->error(404, "There is no page at this address. Search instead:"));
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
        res.set_header("Referrer-Policy", "same-origin");
    });
    if (!config_.quiet) {
        s.set_logger([](Req req, const httplib::Response& res) {
            log::info("access", {{"method", req.method}, {"path", req.path}, {"status", std::to_string(res.status)},
                                 {"remote", req.remote_addr}});
        });
    }
}

void SearchServer::page_routes() {
    using Req = const httplib::Request&;
    using Res = httplib::Response&;
    auto& s = *server_;
    auto page = [this](std::string route, std::function<std::string(Lease&, Req, Res)> fn) {
        return wrap(std::move(route), [fn = std::move(fn)](Lease& l, Req req, Res res) {
            send_html(res, 200, fn(l, req, res));
        });
    };
    s.Get("/", page("home", [this](Lease& l, Req, Res) { return pages_->home(*l); }));
    s.Get("/search", page("page_search", [this](Lease& l, Req req, Res) {
        SearchRequest r = parse_search_request(params_of(req), l->taxonomy(), l->limits());
        std::string qs = query_string(r.to_params());
        return pages_->search(*l, r, "/feed.atom" + (qs.empty() ? "" : "?" + qs));
    }));
    s.Get(R"(/doc/([^/]+))", page("page_document", [this](Lease& l, Req req, Res) {
        std::string id = req.matches[1];
        auto v = l->document(id);
        if (!v) throw UserError("not_found", "There is no record with the id \u201c" + id + "\u201d. It may have been renamed; search for it:");
        return pages_->document(*l, *v);
    }));
    s.Get("/labs", page("page_labs", [this](Lease& l, Req, Res) { return pages_->labs(*l); }));
    s.Get("/about", page("page_about", [this](Lease& l, Req req, Res) { return pages_->about(*l, base_url(req)); }));

    // Static assets, only from web/static (httplib refuses paths with ".."):
    // versioned URLs are cached for a year, others for an hour.
    s.set_mount_point("/static", pages_->static_dir());
    s.set_file_request_handler([](Req req, Res res) {
        res.set_header("Cache-Control", req.has_param("v") ? "public, max-age=31536000, immutable" : "public, max-age=3600");
    });
}

}  // namespace a6kb
