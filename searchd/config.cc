// SPDX-License-Identifier: Apache-2.0
#include "searchd/config.h"

#include "core/model/data_dir.h"

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <filesystem>
#include <thread>

namespace a6kb {

int parse_server_config(int argc, char** argv, ServerConfig& c) {
    CLI::App app{"a6kb-searchd: serve an a6kb index as a JSON API, web pages and feeds."};
    app.set_config("--config", "", "read options from this file (key = value lines)");
    std::string listen = c.host + ":" + std::to_string(c.port);
    app.add_option("--db", c.db, "index folder (from a6kb-indexer) or a Xapian stub database file")
        ->required()->envname("A6KB_DB");
    app.add_option("--listen", listen, "address:port to listen on (port 0: any free port)")
        ->envname("A6KB_LISTEN")->capture_default_str();
    app.add_option("--threads", c.threads, "requests handled at once (one index handle each) and worker threads kept "
                                           "ready (default: 8 per core, at least 32)")
        ->envname("A6KB_THREADS")->check(CLI::Range(1u, 1024u));
    app.add_option("--max-connections", c.max_connections, "connections open at once, each with a thread while it is "
                                                           "open; more are answered 503 and closed")
        ->envname("A6KB_MAX_CONNECTIONS")->check(CLI::Range(1u, 65536u))->capture_default_str();
    app.add_option("--request-timeout", c.request_timeout_s, "seconds a client may take to send a whole request, "
                                                             "from its first byte; slower ones get 408 and are closed")
        ->envname("A6KB_REQUEST_TIMEOUT")->check(CLI::Range(1, 3600))->capture_default_str();
    app.add_option("--cache-mb", c.cache_mb, "megabytes of finished responses kept for repeated requests, emptied "
                                             "whenever the index changes (0: no cache)")
        ->envname("A6KB_CACHE_MB")->check(CLI::Range(0ul, 65536ul))->capture_default_str();
    auto* web_opt = app.add_option("--web", c.web, "folder with the web pages' templates and assets (default: the shipped web/ beside the program, DATADIR/a6kb/web; "
                                     "give an empty value for the API alone)")->envname("A6KB_WEB");
    app.add_option("--taxonomy", c.taxonomy, "taxonomy file (default: the one stored in the index)")
        ->envname("A6KB_TAXONOMY")->check(CLI::ExistingFile);
    app.add_option("--base-url", c.base_url, "public address used in feeds and OpenSearch (default: from the request)")
        ->envname("A6KB_BASE_URL");
    app.add_option("--max-query", c.limits.max_query_bytes, "longest query accepted, in bytes")
        ->envname("A6KB_MAX_QUERY")->check(CLI::Range(16ul, 100000ul))->capture_default_str();
    app.add_option("--time-limit", c.limits.time_limit_s, "seconds one match may take before counts become estimates")
        ->envname("A6KB_TIME_LIMIT")->check(CLI::Range(0.0, 600.0))->capture_default_str();
    app.add_flag("--quiet", c.quiet, "no access log")->envname("A6KB_QUIET");
    app.add_flag("--no-files", c.no_files, "do not serve the original files records were indexed from (/doc/ID/file "
                                           "answers 404 and pages do not link them)")->envname("A6KB_NO_FILES");
    app.add_option("--community", c.community, "community database (SQLite; created if missing): turns on "
                                               "contributions, /contribute and /moderate (docs/community.md)")
        ->envname("A6KB_COMMUNITY");
    app.add_option("--submit-limit", c.submit_per_hour, "contributions one address may send per hour (0: no limit)")
        ->envname("A6KB_SUBMIT_LIMIT")->check(CLI::Range(0u, 1000000u))->capture_default_str();
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int status = app.exit(e);
        return status == 0 ? 0 : 2;
    }
    const bool web_given = web_opt->count() > 0 || std::getenv("A6KB_WEB") != nullptr;
    auto colon = listen.rfind(':');
    if (colon == std::string::npos || colon == 0) {
        std::fprintf(stderr, "--listen: '%s' is not address:port\n%s", listen.c_str(), app.help().c_str());
        return 2;
    }
    c.host = listen.substr(0, colon);
    if (c.host.size() > 2 && c.host.front() == '[' && c.host.back() == ']') c.host = c.host.substr(1, c.host.size() - 2);
    try {
        size_t used = 0;
        c.port = std::stoi(listen.substr(colon + 1), &used);
        if (used != listen.size() - colon - 1 || c.port < 0 || c.port > 65535) throw std::out_of_range("port");
    } catch (const std::exception&) {
        std::fprintf(stderr, "--listen: '%s' has no valid port (0-65535)\n", listen.c_str());
        return 2;
    }
    if (c.web.empty() && !web_given) {
        // The shipped pages next to the executable (installed, or the build tree's links).
        std::error_code ec;
        if (auto web = shipped_data("web"); !web.empty() && std::filesystem::is_directory(web, ec)) c.web = web.string();
    }
    // Threads kept ready for connections (more start on demand, up to
    // --max-connections) and the number of requests searched at once.
    if (c.threads == 0) c.threads = std::max(32u, 8 * std::thread::hardware_concurrency());
    return -1;
}

}  // namespace a6kb
