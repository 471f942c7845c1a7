// SPDX-License-Identifier: Apache-2.0
// searchd's configuration: defaults, then an optional config file (INI/TOML
// `key = value`), then A6KB_* environment variables, then flags; validated
// once. A bad value exits with the reason and the usage.
#pragma once

#include "core/search/searcher.h"

#include <string>
#include <vector>

namespace a6kb {

struct ServerConfig {
    std::string db;                     // index folder or stub database file
    std::string host = "127.0.0.1";
    int port = 8080;                    // 0: any free port
    unsigned threads = 0;               // requests handled at once, and threads kept ready; 0: 8 x cores, at least 32
    size_t cache_mb = 64;               // finished responses kept per index revision; 0: none
    unsigned max_connections = 1024;    // open connections at once (a thread each); more are answered 503
    std::string web;                    // folder of templates and static assets; empty: no pages
    std::string taxonomy;               // empty: the one stored in the index
    std::string base_url;               // public address for feeds and OpenSearch; empty: from the Host header
    size_t max_body_bytes = 64 * 1024;
    int read_timeout_s = 10;            // longest wait for the next byte of a request
    int request_timeout_s = 10;         // longest time from a request's first byte to its last
    bool quiet = false;                 // no access log
    bool no_files = false;              // /doc/{id}/file answers 404: originals are not served
    SearchLimits limits;
    std::string community;              // community database; empty: contributions off (their routes answer 404)
    unsigned submit_per_hour = 20;      // contributions per address per hour; 0: no limit
};

// Parses argv into `out`. Returns -1 to go on, or an exit status (0 after
// --help, 2 on a bad value) after printing the message.
int parse_server_config(int argc, char** argv, ServerConfig& out);

}  // namespace a6kb
