// SPDX-License-Identifier: Apache-2.0
// A SearchServer on a free port of 127.0.0.1, running in a thread from
// construction to destruction (cpp-httplib's own tests do the same).
#pragma once

#include "searchd/server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <memory>
#include <thread>

namespace a6kb::test {

class Serving {
public:
    explicit Serving(ServerConfig config) : server_(std::make_unique<SearchServer>(std::move(config))) {
        port_ = server_->bind();
        thread_ = std::thread([this] { server_->run(); });
    }
    ~Serving() {
        server_->stop();
        thread_.join();
    }
    Serving(const Serving&) = delete;
    Serving& operator=(const Serving&) = delete;
    int port() const { return port_; }

private:
    std::unique_ptr<SearchServer> server_;
    std::thread thread_;
    int port_ = 0;
};

// A plain TCP connection to 127.0.0.1:port, for tests that speak raw
// HTTP (or none); -1 if it cannot be made. The caller closes it.
inline int connect_loopback(int port) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return -1;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

}  // namespace a6kb::test
