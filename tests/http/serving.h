// SPDX-License-Identifier: Apache-2.0
// A SearchServer on a free port of 127.0.0.1, running in a thread from
// construction to destruction (cpp-httplib's own tests do the same).
#pragma once

#include "searchd/http.h"

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

}  // namespace a6kb::test
