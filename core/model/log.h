// SPDX-License-Identifier: Apache-2.0
// One-line structured logging on stderr: `LEVEL event key=value key="a b"`.
// Values with spaces or quotes are quoted, so a line can be grepped and parsed.
// Thread-safe: a line is written with one call.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace a6kb::log {

enum class Level { debug = 0, info = 1, warn = 2, error = 3, quiet = 4 };

void set_level(Level level);
Level level();

using Field = std::pair<std::string_view, std::string>;

// Formats `event k=v ...` without the level; used by tests and by `write`.
std::string format(std::string_view event, std::initializer_list<Field> fields);
void write(Level level, std::string_view event, std::initializer_list<Field> fields);

inline void debug(std::string_view e, std::initializer_list<Field> f = {}) { write(Level::debug, e, f); }
inline void info(std::string_view e, std::initializer_list<Field> f = {}) { write(Level::info, e, f); }
inline void warn(std::string_view e, std::initializer_list<Field> f = {}) { write(Level::warn, e, f); }
inline void error(std::string_view e, std::initializer_list<Field> f = {}) { write(Level::error, e, f); }

}  // namespace a6kb::log
