// SPDX-License-Identifier: Apache-2.0
// The document page's reader, the stable links to its passages, the
// original file and the rulebook page, as handlers of the routes declared
// in routes.cc.
#include "core/model/errors.h"
#include "core/model/schema.h"
#include "core/search/citation.h"
#include "core/search/original_file.h"
#include "core/search/reader.h"
#include "core/search/searcher.h"
#include "searchd/pages.h"
#include "searchd/pages_reader.h"
#include "searchd/reply.h"
#include "searchd/server.h"

#include <httplib.h>

#include <fstream>
#include <memory>

namespace a6kb {

namespace {

// ?part=N: 1 when absent; a whole number from 1 otherwise.
size_t part_param(const httplib::Request& req) {
    if (!req.has_param("part")) return 1;
    const std::string v = req.get_param_value("part");
    size_t part = 0;
    bool ok = !v.empty() && v.size() <= 6;
    for (char c : v) ok = ok && c >= '0' && c <= '9';
    if (ok) part = std::stoul(v);
    if (!ok || part == 0) throw user_error(ErrorCode::bad_parameter, "parameter 'part': expected a whole number from 1, got '" + v + "'");
    return part;
}

bool record_exists(const Xapian::Database& db, const std::string& id) { return db.term_exists(schema::term(schema::ID, id)); }

UserError no_record(const std::string& id) {
    return user_error(ErrorCode::not_found,
                      "There is no record with the id \u201c" + id + "\u201d. It may have been renamed; search for it:");
}

bool from_file(const Record& r) { return !r.media_type.empty() && r.media_type != "catalog"; }

}  // namespace

std::pair<std::string, std::string> SearchServer::rulebook_filter(Lease& l, Req req) {
    for (const auto& [name, value] : req.params)
        if (name != "topic" && name != "group")
            throw user_error(ErrorCode::bad_parameter, "parameter '" + name + "': the rulebook takes topic= or group=");
    if (req.params.size() > 1) throw user_error(ErrorCode::bad_parameter, "the rulebook takes one of topic= and group=");
    if (req.params.empty()) return {};
    const auto& [facet, value] = *req.params.begin();
    const Facet* f = l->taxonomy().facet(facet);
    std::string id = f ? l->taxonomy().resolve(*f, value) : std::string();
    if (id.empty())
        throw user_error(ErrorCode::bad_parameter, "parameter '" + facet + "': '" + value + "' is not a " + facet + " of the taxonomy");
    return {facet, id};
}

std::string SearchServer::rulebook_page(Lease& l, Req req) {
    const auto [facet, id] = rulebook_filter(l, req);
    if (facet.empty()) return pages_->rulebook(l->rulebook(), l->taxonomy());
    return pages_->rulebook(l->rulebook(), l->taxonomy(), facet, id);
}

std::string SearchServer::document_page(Lease& l, Req req) {
    const std::string id = req.matches[1];
    auto v = l->document(id);
    if (!v) throw no_record(id);
    ReaderPage page;
    page.q = req.has_param("q") ? req.get_param_value("q") : "";
    if (page.q.size() > l->limits().max_query_bytes)
        throw user_error(ErrorCode::query_too_long, "parameter 'q': longer than " + std::to_string(l->limits().max_query_bytes) + " bytes");
    const size_t part = part_param(req);
    page.text = read_text(l->database(), id, part, page.q);
    if (part > std::max<size_t>(page.text.parts, 1))
        throw user_error(ErrorCode::not_found, "There is no part " + std::to_string(part) + " of this text: it has " +
                                                   std::to_string(page.text.parts) + ". Search instead:");
    page.file_link = !config_.no_files && from_file(v->record);
    page.base = config_.base_url;
    return pages_->document(*v, l->taxonomy(), &page);
}

// /api/v1/documents/{id}: the record's page as JSON, with one part of its
// text (?part=N, 1 by default), its citation and its file's address.
nlohmann::json SearchServer::document_json(Lease& l, Req req) {
    const std::string id = req.matches[1];
    auto v = l->document(id);
    if (!v) throw user_error(ErrorCode::not_found, "no record with id '" + id + "'");
    const size_t part = part_param(req);
    ReaderText text = read_text(l->database(), id, part);
    if (part > std::max<size_t>(text.parts, 1))
        throw user_error(ErrorCode::not_found, "no part " + std::to_string(part) + ": the text has " + std::to_string(text.parts));
    const bool file_link = !config_.no_files && from_file(v->record);
    nlohmann::json j = to_json(*v);
    j["citation"] = document_citation(v->record, config_.base_url + document_path(id));
    j["file"] = file_link ? nlohmann::json(file_path(id)) : nlohmann::json(nullptr);
    j["text"] = to_json(text, v->record, file_link);
    return j;
}

void SearchServer::passage_redirect(Lease& l, Req req, Res res) {
    const std::string id = req.matches[1], anchor = req.matches[2];
    auto place = find_anchor(l->database(), id, anchor);
    if (!place) {
        if (!record_exists(l->database(), id)) throw no_record(id);
        throw user_error(ErrorCode::not_found, "The text of this record has no paragraph \u201c" + anchor +
                                                   "\u201d (it may have been re-indexed differently); its page is " +
                                                   document_path(id) + ". Search instead:");
    }
    const std::string q = req.has_param("q") ? req.get_param_value("q") : "";
    res.set_redirect(reader_url(id, place->part, q, anchor), 302);
}

}  // namespace a6kb
