// SPDX-License-Identifier: Apache-2.0
#include "core/model/data_dir.h"

#ifndef A6KB_DATA_REL
#define A6KB_DATA_REL "../share/a6kb"
#endif

namespace a6kb {

namespace fs = std::filesystem;

fs::path shipped_data(const fs::path& relative) {
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec || exe.empty()) return {};
    fs::path candidate = (exe.parent_path() / A6KB_DATA_REL / relative).lexically_normal();
    return fs::exists(candidate, ec) ? candidate : fs::path();
}

}  // namespace a6kb
