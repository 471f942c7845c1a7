// SPDX-License-Identifier: Apache-2.0
// The application: every route searchd answers, declared in routes(), and
// what answers when no route does (fallbacks()). Handlers search; pages and
// renderers only render what they are given.
#include "core/model/errors.h"
#include "core/model/log.h"
#include "core/search/searcher.h"
#include "searchd/community.h"
#include "searchd/pages.h"
#include "searchd/reply.h"
#include "searchd/server.h"
#include "searchd/transport.h"

#include <httplib.h>

#include <algorithm>
#include <memory>

namespace a6kb {
namespace {

// With --no-files, no passage links the original file.
void drop_file_links(std::vector<ShownPassage>& passages) {
    for (auto& p : passages) p.file.clear();
}
SearchResult file_links(SearchResult r, bool served) {
    if (!served) for (auto& h : r.hits) drop_file_links(h.passages);
    return r;
}
PassageResult file_links(PassageResult r, bool served) {
    if (!served) for (auto& g : r.groups) drop_file_links(g.passages);
    return r;
}

}  // namespace

void SearchServer::routes() {
    auto& s = *server_;

    s.Get("/api/v1/search", wrap(Route::search, [this](Lease& l, Req req, Res res) {
        SearchRequest r = parse_search_request(params_of(req), l->taxonomy(), l->limits());
        send_json(res, 200, to_json(file_links(l->search(r), !config_.no_files), r));
    }));
    s.Get("/api/v1/passages", wrap(Route::passages, [this](Lease& l, Req req, Res res) {
        SearchRequest r = parse_search_request(params_of(req), l->taxonomy(), l->limits());
        send_json(res, 200, to_json(file_links(l->passages(r), !config_.no_files), r));
    }));
    s.Get("/api/v1/search.csv", wrap(Route::search_csv, [this](Lease& l, Req req, Res res) { search_csv(l, req, res); }));
    s.Get(R"(/api/v1/documents/([^/]+))", wrap(Route::document, [this](Lease& l, Req req, Res res) {
        send_json(res, 200, document_json(l, req));
    }));
    s.Get("/api/v1/suggest", wrap(Route::suggest, [](Lease& l, Req req, Res res) {
        SuggestRequest r = parse_suggest_request(params_of(req), l->limits());
        send_json(res, 200, to_json(l->suggest(r.q, r.limit), r.q));
    }));
    s.Get("/feed.atom", wrap(Route::feed, [this](Lease& l, Req req, Res res) {
        SearchRequest r = parse_search_request(params_of(req), l->taxonomy(), l->limits());
        r.sort = SearchRequest::Sort::newest;
        if (!req.has_param("per_page")) r.per_page = 30;  // a feed shows 30 entries unless asked otherwise
        res.set_content(atom_feed(l->search(r), r, base_url(req)), "application/atom+xml; charset=utf-8");
    }));
    s.Get("/opensearch.xml", wrap(Route::opensearch, [this](Lease&, Req req, Res res) {
        res.set_content(opensearch_description(base_url(req)), "application/opensearchdescription+xml; charset=utf-8");
    }));
    s.Get(R"(/doc/([^/]+)/file)", wrap(Route::document_file, [this](Lease& l, Req req, Res res) { send_original(l, req, res); }));
    s.Get("/healthz", wrap(Route::healthz, [](Lease& l, Req, Res res) {
        send_json(res, 200, {{"status", "ok"}, {"documents", l->documents()}, {"revision", l->revision()}});
    }));
    s.Get("/metrics", wrap(Route::metrics, [this](Lease& l, Req, Res res) {
        res.set_content(metrics_.render(l->documents(), responses_->stats(), connections()),
                        "text/plain; version=0.0.4; charset=utf-8");
    }));

    overview_routes();
    contribution_routes();

    if (pages_) {
        auto page = [this](Route route, std::function<std::string(Lease&, Req, Res)> fn) {
            return wrap(route, [fn = std::move(fn)](Lease& l, Req req, Res res) { send_html(res, 200, fn(l, req, res)); });
        };
        s.Get("/", page(Route::home, [this](Lease& l, Req, Res) {
            HomeView v{l->facet_overview(), l->documents(), l->search(HomeView::newest_request())};
            return pages_->home(v, l->taxonomy());
        }));
        s.Get("/search", page(Route::page_search, [this](Lease& l, Req req, Res) {
            SearchRequest r = parse_search_request(params_of(req), l->taxonomy(), l->limits());
            std::string qs = query_string(r.to_params());
            const std::string feed = "/feed.atom" + (qs.empty() ? "" : "?" + qs);
            const bool files = !config_.no_files;
            if (r.paragraphs) return pages_->paragraphs(r, file_links(l->passages(r), files), l->taxonomy(), l->limits(), feed);
            return pages_->search(r, file_links(l->search(r), files), l->taxonomy(), l->limits(), feed);
        }));
        s.Get(R"(/doc/([^/]+))", page(Route::page_document, [this](Lease& l, Req req, Res) { return document_page(l, req); }));
        s.Get(R"(/doc/([^/]+)/at/([a-z0-9-]+))", wrap(Route::page_passage, [this](Lease& l, Req req, Res res) { passage_redirect(l, req, res); }));
        s.Get("/labs", page(Route::page_labs, [this](Lease& l, Req, Res) { return pages_->labs(l->labs(), l->taxonomy(), community_ != nullptr); }));
        s.Get("/arrangements", page(Route::page_arrangements, [this](Lease& l, Req, Res) {
            return pages_->arrangements(l->arrangements(), l->taxonomy());
        }));
        s.Get("/rulebook", page(Route::page_rulebook, [this](Lease& l, Req req, Res) { return rulebook_page(l, req); }));
        s.Get("/about", page(Route::page_about, [this](Lease& l, Req req, Res) {
            return pages_->about({l->facet_overview(), l->documents(), base_url(req)});
        }));

        // Static assets, only from web/static (httplib refuses paths with ".."):
        // versioned URLs are cached for a year, others for an hour.
        s.set_mount_point("/static", pages_->static_dir());
        s.set_file_request_handler([](Req req, Res res) {
            res.set_header("Cache-Control", req.has_param("v") ? "public, max-age=31536000, immutable" : "public, max-age=3600");
        });
    }
    fallbacks();
}

namespace {

void refuse_parameters(const httplib::Request& req) {
    if (!req.params.empty())
        throw user_error(ErrorCode::bad_parameter, "parameter '" + req.params.begin()->first + "': unknown parameter");
}

}  // namespace

// The overviews as JSON, each the twin of a page (docs/api.md), declared
// here beside routes(), which calls this.
void SearchServer::overview_routes() {
    auto& s = *server_;
    s.Get("/api/v1/facets", wrap(Route::facets, [](Lease& l, Req req, Res res) {
        refuse_parameters(req);
        send_json(res, 200, {{"facets", to_json(l->facet_overview())}, {"documents", l->documents()}});
    }));
    s.Get("/api/v1/labs", wrap(Route::labs, [](Lease& l, Req req, Res res) {
        refuse_parameters(req);
        send_json(res, 200, to_json(l->labs(), l->taxonomy()));
    }));
    s.Get("/api/v1/arrangements", wrap(Route::arrangements, [](Lease& l, Req req, Res res) {
        refuse_parameters(req);
        send_json(res, 200, to_json(l->arrangements(), l->taxonomy()));
    }));
    s.Get("/api/v1/rulebook", wrap(Route::rulebook, [this](Lease& l, Req req, Res res) {
        const auto [facet, id] = rulebook_filter(l, req);
        send_json(res, 200, to_json(l->rulebook(), facet, id));
    }));
}

// Contributions (--community; docs/api.md, "Contributions"), declared here
// beside routes(), which calls this. Without a community database their
// paths answer 404, whatever the method.
void SearchServer::contribution_routes() {
    auto& s = *server_;
    if (community_) {
        s.Post("/api/v1/contributions", wrap(Route::contribute, [this](Lease& l, Req req, Res res) { submit_contribution(l, req, res); }));
        s.Get("/api/v1/contributions", wrap(Route::contributions, [this](Lease& l, Req req, Res res) { list_contributions(l, req, res); }));
        s.Get(R"(/api/v1/contributions/(\d+))", wrap(Route::contributions, [this](Lease& l, Req req, Res res) { show_contribution(l, req, res); }));
        for (const std::string action : {"approve", "reject", "withdraw"})
            s.Post(R"(/api/v1/contributions/(\d+)/)" + action, wrap(Route::moderate, [this, action](Lease& l, Req req, Res res) {
                moderate_contribution(l, req, res, action);
            }));
        s.Patch(R"(/api/v1/contributions/(\d+))", wrap(Route::moderate, [this](Lease& l, Req req, Res res) { edit_contribution(l, req, res); }));
        if (pages_) {
            auto form = [this](Route route, void (SearchServer::*fn)(Lease&, Req, Res)) {
                return wrap(route, [this, fn](Lease& l, Req req, Res res) { (this->*fn)(l, req, res); });
            };
            s.Get("/contribute", form(Route::page_contribute, &SearchServer::contribute_page));
            s.Post("/contribute", form(Route::page_contribute, &SearchServer::contribute_page));
            s.Get("/moderate", form(Route::page_moderate, &SearchServer::moderate_page));
            s.Post("/moderate/login", wrap(Route::page_moderate, [this](Lease&, Req req, Res res) { moderate_login(req, res); }));
            s.Post(R"(/moderate/(\d+|logout))", form(Route::page_moderate, &SearchServer::moderate_action));
            s.Get(R"(/labs/([A-Za-z0-9.-]+)/record)", form(Route::page_lab_desk, &SearchServer::lab_desk));
            s.Post(R"(/labs/([A-Za-z0-9.-]+)/record)", form(Route::page_lab_desk, &SearchServer::lab_desk));
        }
    } else {
        auto off = [this](Req req, Res res) {
            if (is_api_path(req.path)) send_error(res, ErrorCode::not_found, "contributions are off on this server (no --community)");
            else res.status = 404;
            metrics_.observe(name_of(Route::not_found), 404, 0);
        };
        for (const char* path : {"/api/v1/contributions.*", "/contribute", "/moderate.*", "/labs/[^/]+/record"}) {
            s.Get(path, off);
            s.Post(path, off);
            s.Patch(path, off);
        }
    }
}

void SearchServer::fallbacks() {
    auto& s = *server_;
    // The API answers other methods with 405 and the methods it allows;
    // elsewhere they find nothing, as a path without a route (404).
    auto other_method = [this](Req req, Res res) {
        if (!is_api_path(req.path)) {
            res.status = 404;  // the error handler says so
            return;
        }
        res.set_header("Allow", "GET, HEAD");
        send_error(res, ErrorCode::method_not_allowed, req.method + " is not allowed on " + req.path + "; use GET");
        metrics_.observe(name_of(Route::method_not_allowed), 405, 0);
    };
    s.Post(".*", other_method);
    s.Put(".*", other_method);
    s.Delete(".*", other_method);
    s.Patch(".*", other_method);

    s.set_error_handler([this](Req req, Res res) {
        if (!res.body.empty() || res.is_chunked_content_provider_) return;  // a handler already said what went wrong
        if (res.status == 416) return;  // an unsatisfiable Range: Content-Range says why (serve_file.cc)
        if (res.status == 404) {
            if (!pages_ || is_api_path(req.path)) send_error(res, ErrorCode::not_found, "nothing at " + req.path);
            else send_html(res, 404, pages_->error(404, "There is no page at this address. Search instead:"));
            metrics_.observe(name_of(Route::not_found), 404, 0);
        } else if (res.status == 413) {
            send_error(res, ErrorCode::payload_too_large, "the request is too large");
        } else if (res.status >= 400) {
            send_error(res, res.status, std::string(code_of(ErrorCode::bad_request)), "the request could not be read");
        }
    });
    s.set_exception_handler([](Req req, Res res, std::exception_ptr) {
        log::error("internal_error", {{"path", req.path}});
        send_error(res, ErrorCode::internal_error, "internal error; it has been logged");
    });
    // Before any body is read: a declared length over the limit, or one
    // that is not a number, is answered at once (community_routes.cc).
    s.set_pre_routing_handler([this](Req req, Res res) {
        return refuse_body(req, res) ? httplib::Server::HandlerResponse::Handled : httplib::Server::HandlerResponse::Unhandled;
    });
    s.set_post_routing_handler([](Req req, Res res) {
        // The JSON API may be read by pages of other origins; health and metrics may not.
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

// Every hit up to the depth limit, searched page by page under this one
// lease (one index revision), rendered as the rows come, then sent in
// chunks after the lease is returned: a slow reader holds no searcher.
//
// A page is ten of the API's largest (1,000 hits by default). On 12,000
// synthetic records (9,288 hits), the whole file took 3.4-4.0 s in pages
// of 100, 1.3 s in pages of 1,000 and 1.7-1.9 s in one search of 10,000,
// whose hits raised the daemon's peak memory to 79 MB (36 MB with 1,000).
void SearchServer::search_csv(Lease& l, Req req, Res res) {
    SearchRequest r = parse_search_request(params_of(req), l->taxonomy(), l->limits());
    const int depth = l->limits().max_depth;
    r.per_page = std::max(1, std::min(10 * l->limits().max_per_page, depth));
    r.records_only = true;  // rows need neither snippets nor facet counts
    auto body = std::make_shared<std::string>(csv_header(l->taxonomy()));
    const std::string base = base_url(req);
    for (r.page = 1;; ++r.page) {
        SearchResult part = l->search(r);
        const long first = static_cast<long>(r.page - 1) * r.per_page;
        if (first + static_cast<long>(part.hits.size()) > depth) part.hits.resize(static_cast<size_t>(depth - first));
        append_csv_rows(*body, part, l->taxonomy(), base);
        const long seen = first + r.per_page;
        if (part.hits.size() < static_cast<size_t>(r.per_page) || seen >= std::min<long>(static_cast<long>(part.total), depth))
            break;
    }
    res.status = 200;
    res.set_header("Content-Disposition", "attachment; filename=\"a6kb-search.csv\"");
    res.set_chunked_content_provider("text/csv; charset=utf-8", [body](size_t offset, httplib::DataSink& sink) {
        constexpr size_t CHUNK = 64 * 1024;
        if (offset < body->size()) return sink.write(body->data() + offset, std::min(CHUNK, body->size() - offset));
        sink.done();
        return true;
    });
}

}  // namespace a6kb
