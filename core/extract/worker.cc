// SPDX-License-Identifier: Apache-2.0
#include "core/extract/worker.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace a6kb {
namespace {

using Clock = std::chrono::steady_clock;

// Sockets rather than pipes, so that writing to a child that died is an
// error (MSG_NOSIGNAL), not a SIGPIPE that kills the indexer.
bool write_all(int fd, const void* data, size_t n) {
    const char* p = static_cast<const char*>(data);
    while (n > 0) {
        ssize_t w = ::send(fd, p, n, MSG_NOSIGNAL);
        if (w < 0 && errno == ENOTSOCK) w = ::write(fd, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return false;
        p += w;
        n -= static_cast<size_t>(w);
    }
    return true;
}

bool write_frame(int fd, std::string_view bytes) {
    uint64_t n = bytes.size();
    unsigned char len[8];
    for (int i = 0; i < 8; ++i) len[i] = static_cast<unsigned char>(n >> (8 * i));
    return write_all(fd, len, 8) && write_all(fd, bytes.data(), bytes.size());
}

// Reads exactly n bytes before `deadline` (none: no deadline). Returns 1 on
// success, 0 on EOF, -1 on error, -2 on time-out.
int read_exact(int fd, char* out, size_t n, const Clock::time_point* deadline) {
    while (n > 0) {
        if (deadline) {
            auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*deadline - Clock::now()).count();
            if (left <= 0) return -2;
            pollfd p{fd, POLLIN, 0};
            int r = ::poll(&p, 1, static_cast<int>(std::min<long long>(left + 1, 1 << 30)));
            if (r < 0 && errno == EINTR) continue;
            if (r == 0) return -2;
            if (r < 0) return -1;
        }
        ssize_t got = ::read(fd, out, n);
        if (got < 0 && errno == EINTR) continue;
        if (got == 0) return 0;
        if (got < 0) return -1;
        out += got;
        n -= static_cast<size_t>(got);
    }
    return 1;
}

int read_frame(int fd, std::string& out, const Clock::time_point* deadline, uint64_t max_size) {
    unsigned char len[8];
    int r = read_exact(fd, reinterpret_cast<char*>(len), 8, deadline);
    if (r <= 0) return r;
    uint64_t n = 0;
    for (int i = 0; i < 8; ++i) n |= static_cast<uint64_t>(len[i]) << (8 * i);
    if (n > max_size) return -1;
    out.resize(n);
    return n == 0 ? 1 : read_exact(fd, out.data(), n, deadline);
}

nlohmann::json to_json(const Extracted& e) {
    return {{"title", e.title}, {"pages", e.pages}, {"headings", e.headings}, {"summary", e.summary},
            {"date", e.date}, {"lang", e.lang}, {"meta", e.meta}, {"repaired", e.repaired_bytes}};
}

Extracted from_json(const nlohmann::json& j) {
    Extracted e;
    e.title = j.value("title", "");
    e.pages = j.value("pages", std::vector<std::string>{});
    e.headings = j.value("headings", std::vector<std::string>{});
    e.summary = j.value("summary", "");
    e.date = j.value("date", "");
    e.lang = j.value("lang", "");
    e.meta = j.value("meta", std::map<std::string, std::vector<std::string>>{});
    e.repaired_bytes = j.value("repaired", size_t{0});
    return e;
}

constexpr uint64_t MAX_FRAME = 4ull << 30;

}  // namespace

ExtractWorker::ExtractWorker(std::string executable, double timeout_s, uint64_t memory_limit)
    : executable_(std::move(executable)), timeout_s_(timeout_s), memory_limit_(memory_limit) {}

ExtractWorker::~ExtractWorker() { stop(true); }

bool ExtractWorker::start(std::string& why) {
    int in[2], out[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, in) != 0) {
        why = std::string("cannot start the extraction process: ") + std::strerror(errno);
        return false;
    }
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, out) != 0) {
        ::close(in[0]);
        ::close(in[1]);
        why = std::string("cannot start the extraction process: ") + std::strerror(errno);
        return false;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[0], 0);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    std::string limit = std::to_string(memory_limit_);
    std::vector<char*> argv = {executable_.data(), const_cast<char*>("--extract-worker"), limit.data(), nullptr};
    int rc = ::posix_spawn(&pid_, executable_.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(in[0]);
    ::close(out[1]);
    if (rc != 0) {
        ::close(in[1]);
        ::close(out[0]);
        pid_ = -1;
        why = "cannot start the extraction process " + executable_ + ": " + std::strerror(rc);
        return false;
    }
    to_child_ = in[1];
    from_child_ = out[0];
    return true;
}

std::string ExtractWorker::stop(bool kill_it) {
    if (to_child_ >= 0) ::close(to_child_);
    if (from_child_ >= 0) ::close(from_child_);
    to_child_ = from_child_ = -1;
    if (pid_ <= 0) return {};
    if (kill_it) ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    if (WIFSIGNALED(status)) return "signal " + std::to_string(WTERMSIG(status));
    return "exit " + std::to_string(WEXITSTATUS(status));
}

ExtractResult ExtractWorker::extract(std::string_view bytes, std::string_view media_type) {
    std::string why;
    if (pid_ <= 0 && !start(why)) return ExtractResult::skipped(why);
    auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(timeout_s_));
    std::string answer;
    int r = -1;
    if (write_frame(to_child_, media_type) && write_frame(to_child_, bytes))
        r = read_frame(from_child_, answer, timeout_s_ > 0 ? &deadline : nullptr, MAX_FRAME);
    if (r != 1) {
        bool timed_out = r == -2;
        std::string how = stop(/*kill_it=*/true);
        if (timed_out)
            return ExtractResult::skipped("extraction took longer than " + std::to_string(static_cast<int>(timeout_s_)) +
                                          " s and was stopped (a malformed or pathological file)");
        return ExtractResult::skipped("the " + std::string(media_type) + " library failed on this file (" + how +
                                      "); the file is probably damaged");
    }
    auto j = nlohmann::json::parse(answer, nullptr, false);
    if (!j.is_object()) return ExtractResult::skipped("the extraction process answered garbage");
    if (j.contains("skip")) return ExtractResult::skipped(j["skip"].get<std::string>());
    Extracted e = from_json(j);
    e.media_type = std::string(media_type);
    return ExtractResult::ok(std::move(e));
}

int run_extract_worker(uint64_t memory_limit) {
    std::signal(SIGPIPE, SIG_IGN);
    if (memory_limit > 0) {
        rlimit rl{memory_limit, memory_limit};
        ::setrlimit(RLIMIT_AS, &rl);
    }
    ExtractLimits limits;
    for (;;) {
        std::string media_type, bytes;
        if (read_frame(0, media_type, nullptr, 4096) != 1) return 0;
        if (read_frame(0, bytes, nullptr, MAX_FRAME) != 1) return 0;
        ExtractResult r = extract_bytes(bytes, media_type, limits);
        std::string answer;
        try {
            answer = r.doc ? to_json(*r.doc).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                           : nlohmann::json{{"skip", r.skip}}.dump();
        } catch (const std::bad_alloc&) {
            answer = nlohmann::json{{"skip", "out of memory while extracting"}}.dump();
        }
        if (!write_frame(1, answer)) return 1;
    }
}

}  // namespace a6kb
