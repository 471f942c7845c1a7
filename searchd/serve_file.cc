// SPDX-License-Identifier: Apache-2.0
// GET /doc/{id}/file: the file a record was indexed from, looked up by the
// record's id (core/search/original_file.h), never by a path from the request.
//
// Ranges: httplib 0.11 parses the Range header into req.ranges and applies
// them to whatever the handler answers, but without clamping a range that
// runs past the end (it would promise bytes the file does not have). So the
// ranges are checked here first: those that fit are left to httplib (206,
// Content-Range, multipart/byteranges for several); a single range running
// past the end is answered here, cut at the end, through a chunked provider
// (to which httplib applies no range); a range starting past the end, or
// several that do not all fit, is 416 (httplib would label anything else
// sent for several ranges multipart/byteranges; clients then ask again
// without a range).
#include "core/search/original_file.h"
#include "searchd/reply.h"
#include "searchd/server.h"

#include <httplib.h>

#include <fstream>
#include <memory>

namespace a6kb {

namespace {

enum class Fit { fits, runs_past_end, unsatisfiable };

// A range as httplib reads it (get_range_offset_and_length), against the size.
Fit fit_of(const httplib::Range& r, size_t size) {
    const auto n = static_cast<ssize_t>(size);
    if (size == 0) return Fit::unsatisfiable;
    if (r.first == -1 && r.second == -1) return Fit::fits;
    if (r.first == -1) return r.second > 0 ? Fit::fits : Fit::unsatisfiable;  // the last N bytes
    if (r.first >= n) return Fit::unsatisfiable;
    return r.second == -1 || r.second < n ? Fit::fits : Fit::runs_past_end;
}

// Content-Disposition: inline, with the name as ASCII and as UTF-8 (RFC 6266).
std::string disposition(const std::string& name) {
    std::string ascii, encoded;
    static const char* hex = "0123456789ABCDEF";
    for (unsigned char c : name) {
        ascii += c >= 0x20 && c < 0x7F && c != '"' && c != '\\' ? static_cast<char>(c) : '_';
        if (std::isalnum(c) || c == '.' || c == '-' || c == '_') encoded += static_cast<char>(c);
        else (encoded += '%', encoded += hex[c >> 4]) += hex[c & 15];
    }
    return "inline; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

// Text is served as text/plain, so browsers show it rather than download it;
// everything but a PDF (which browsers' viewers refuse in a sandbox) gets a
// sandboxing policy, so an indexed HTML or XML file runs no script here.
void content_headers(httplib::Response& res, const OriginalFile& f, std::string& type) {
    type = f.media_type.rfind("text/", 0) == 0 && f.media_type != "text/html" ? "text/plain; charset=utf-8" : f.media_type;
    if (type.empty()) type = "application/octet-stream";
    res.set_header("Content-Disposition", disposition(f.name));
    res.set_header("Accept-Ranges", "bytes");
    res.set_header("Cache-Control", "no-cache");
    if (f.media_type != "application/pdf") res.set_header("Content-Security-Policy", "sandbox; default-src 'none'");
}

// Writes bytes [from, from + length) of the file, in blocks, as httplib asks.
struct FileReader {
    std::shared_ptr<std::ifstream> in;
    bool write(size_t offset, size_t length, httplib::DataSink& sink) const {
        char block[1 << 16];
        in->clear();
        in->seekg(static_cast<std::streamoff>(offset));
        in->read(block, static_cast<std::streamsize>(std::min(length, sizeof block)));
        const auto got = static_cast<size_t>(in->gcount());
        return got > 0 && sink.write(block, got);  // nothing read: the file shrank; give up the connection
    }
};

UserError not_served(const std::string& id, const OriginalFile& f) {
    using S = OriginalFile::Status;
    const std::string page = " Its page: /doc/" + id;
    switch (f.status) {
    case S::no_record: return user_error(ErrorCode::not_found, "There is no record with the id \u201c" + id + "\u201d.");
    case S::no_file:
        return user_error(ErrorCode::not_found, "This record comes from a catalog, not from a file: there is no original "
                                                "file to serve; its page links the official document." + page);
    case S::gone:
        return user_error(ErrorCode::not_found, "The file this record was indexed from (" + f.source +
                                                ") is no longer there; it may have been moved or deleted since." + page);
    case S::changed:
        return user_error(ErrorCode::not_found, "The file this record was indexed from (" + f.source +
                                                ") has changed since; it is served again once re-indexed." + page);
    case S::found: break;
    }
    return user_error(ErrorCode::internal_error, "unexpected file status");
}

}  // namespace

// A refusal. httplib would apply the request's ranges to the error page
// too (a 404 cut to 100 bytes, or a 416 for a far range): then the page
// goes out through a chunked provider, which it leaves whole.
void SearchServer::refuse_file(Req req, Res res, const UserError& e) {
    if (req.ranges.empty()) throw e;
    fail(req, res, status_for(e.code()), e.code(), e.what());
    auto body = std::make_shared<std::string>(std::move(res.body));
    res.body.clear();
    res.set_chunked_content_provider(res.get_header_value("Content-Type"), [body](size_t offset, httplib::DataSink& sink) {
        if (offset < body->size()) return sink.write(body->data() + offset, body->size() - offset);
        sink.done();
        return true;
    });
}

void SearchServer::send_original(Lease& l, Req req, Res res) {
    const std::string id = req.matches[1];
    if (config_.no_files)
        return refuse_file(req, res, user_error(ErrorCode::not_found, "This server does not serve original files (it runs with "
                                                                      "--no-files); the record's page links the official document: /doc/" + id));
    OriginalFile f = original_file(l->database(), id);
    if (f.status != OriginalFile::Status::found) return refuse_file(req, res, not_served(id, f));
    auto in = std::make_shared<std::ifstream>(f.path, std::ios::binary);
    if (!*in) return refuse_file(req, res, not_served(id, {OriginalFile::Status::gone, f.path, f.source, f.name, f.media_type, 0}));
    std::string type;
    content_headers(res, f, type);
    const size_t size = f.size;
    FileReader reader{in};
    bool all_fit = true;
    for (const auto& r : req.ranges) all_fit = all_fit && fit_of(r, size) == Fit::fits;
    if (req.ranges.empty() || all_fit) {
        res.status = req.ranges.empty() ? 200 : 206;
        if (size == 0) return res.set_content("", type);
        return res.set_content_provider(size, type, [reader](size_t offset, size_t length, httplib::DataSink& sink) {
            return reader.write(offset, length, sink);
        });
    }
    if (req.ranges.size() > 1 || fit_of(req.ranges[0], size) == Fit::unsatisfiable) {
        res.status = 416;
        res.set_header("Content-Range", "bytes */" + std::to_string(size));
        return;
    }
    const auto from = static_cast<size_t>(req.ranges[0].first);
    res.status = 206;
    res.set_header("Content-Range", "bytes " + std::to_string(from) + "-" + std::to_string(size - 1) + "/" + std::to_string(size));
    res.set_chunked_content_provider(type, [reader, from, size](size_t offset, httplib::DataSink& sink) {
        if (from + offset >= size) {
            sink.done();
            return true;
        }
        return reader.write(from + offset, size - from - offset, sink);
    });
}

}  // namespace a6kb
