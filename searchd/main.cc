// SPDX-License-Identifier: Apache-2.0
// a6kb-searchd: flags -> ServerConfig -> SearchServer (or the moderator
// command, moderator_cli.h). SIGTERM and SIGINT
// stop accepting, let in-flight requests finish, and exit 0.
#include "core/model/errors.h"
#include "core/model/log.h"
#include "searchd/config.h"
#include "searchd/moderator_cli.h"
#include "searchd/server.h"

#include <xapian.h>

#include <algorithm>
#include <csignal>
#include <string>
#include <malloc.h>
#include <pthread.h>
#include <thread>

int main(int argc, char** argv) {
    namespace log = a6kb::log;
    if (argc > 1 && std::string(argv[1]) == "moderator") return a6kb::moderator_command(argc, argv);
    a6kb::ServerConfig config;
    if (int status = a6kb::parse_server_config(argc, argv, config); status >= 0) return status;

    // One malloc arena per core (at least two) rather than glibc's eight per
    // core: with a thread per connection, the extra arenas mostly hold freed
    // memory (see give_back_free_memory in server.cc). Process-wide, so here,
    // before any thread starts.
    ::mallopt(M_ARENA_MAX, static_cast<int>(std::max(2u, std::thread::hardware_concurrency())));

    // Signals go to one thread that asks the server to stop.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    try {
        a6kb::SearchServer server(config);
        int port = server.bind();
        std::thread waiter([&] {
            int sig = 0;
            sigwait(&signals, &sig);
            log::info("stopping", {{"signal", sig == SIGTERM ? "SIGTERM" : "SIGINT"}});
            server.stop();
        });
        log::info("listening", {{"address", "http://" + config.host + ":" + std::to_string(port) + "/"},
                                {"db", config.db}, {"threads", std::to_string(config.threads)}});
        server.run();
        pthread_kill(waiter.native_handle(), SIGTERM);  // if run() ended by itself
        waiter.join();
        log::info("stopped");
        return 0;
    } catch (const a6kb::UserError& e) {
        log::error("error", {{"code", e.code()}, {"message", e.what()}});
        return 2;
    } catch (const Xapian::DatabaseOpeningError& e) {
        log::error("index_error", {{"db", config.db}, {"message", "cannot open the index: " + e.get_msg() +
                                                                       " (build it with a6kb-indexer --db " + config.db + " corpus/)"}});
        return 1;
    } catch (const Xapian::Error& e) {
        log::error("index_error", {{"db", config.db}, {"message", e.get_description()}});
        return 1;
    } catch (const std::exception& e) {
        log::error("fatal", {{"message", e.what()}});
        return 1;
    }
}
