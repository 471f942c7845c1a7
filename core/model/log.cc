// SPDX-License-Identifier: Apache-2.0
#include "core/model/log.h"

#include <atomic>
#include <cstdio>

namespace a6kb::log {
namespace {

std::atomic<Level>& current_level() {
    static std::atomic<Level> value{Level::info};
    return value;
}

bool needs_quotes(std::string_view v) {
    if (v.empty()) return true;
    for (char c : v)
        if (c == ' ' || c == '"' || c == '=' || c == '\t' || c == '\n') return true;
    return false;
}

}  // namespace

void set_level(Level level) { current_level() = level; }
Level level() { return current_level(); }

std::string format(std::string_view event, std::initializer_list<Field> fields) {
    std::string line(event);
    for (const auto& [key, value] : fields) {
        line += ' ';
        line += key;
        line += '=';
        if (!needs_quotes(value)) {
            line += value;
            continue;
        }
        line += '"';
        for (char c : value) {
            if (c == '"' || c == '\\') line += '\\';
            if (c == '\n') { line += "\\n"; continue; }
            line += c;
        }
        line += '"';
    }
    return line;
}

void write(Level lvl, std::string_view event, std::initializer_list<Field> fields) {
    if (lvl < current_level()) return;
    static constexpr const char* names[] = {"debug", "info", "warn", "error"};
    std::string line = names[static_cast<int>(lvl)];
    line += ' ';
    line += format(event, fields);
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace a6kb::log
