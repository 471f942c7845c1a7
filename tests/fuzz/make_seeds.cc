// SPDX-License-Identifier: Apache-2.0
// Writes the seed corpus of every fuzz target (or of those named) under
// OUT/TARGET/: a6kb-fuzz-seeds OUT [TARGET...]. scripts/fuzz runs it.
#include "targets.h"

#include <filesystem>
#include <fstream>
#include <iostream>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: a6kb-fuzz-seeds OUT [TARGET...]\n";
        return 2;
    }
    std::filesystem::path out = argv[1];
    for (const auto& t : a6kb::fuzz::targets()) {
        bool wanted = argc == 2;
        for (int i = 2; i < argc; ++i) wanted = wanted || t.name == argv[i];
        if (!wanted) continue;
        auto dir = out / std::string(t.name);
        std::filesystem::create_directories(dir);
        for (const auto& [name, bytes] : a6kb::fuzz::seeds(t.name)) {
            std::ofstream f(dir / name, std::ios::binary | std::ios::trunc);
            f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        }
    }
    return 0;
}
