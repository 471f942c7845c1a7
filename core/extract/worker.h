// SPDX-License-Identifier: Apache-2.0
// Extraction in a child process, for the formats whose library may crash,
// hang or exhaust memory on hostile input (PDF: poppler). A crash, a time-out
// or an allocation failure in the child is a skip with a reason; the indexer
// goes on with a fresh child (omega isolates its handlers the same way).
//
// The child is the indexer binary itself started with `--extract-worker`; it
// reads requests on stdin and answers on stdout until stdin closes.
// Protocol (both ways): 8-byte little-endian length, then the bytes.
// Request: media type, then the file's content. Answer: JSON of the
// Extracted, or {"skip": reason}.
#pragma once

#include "core/extract/extract.h"

#include <string>
#include <sys/types.h>

namespace a6kb {

class ExtractWorker {
public:
    // `executable`: the program to start with --extract-worker.
    ExtractWorker(std::string executable, double timeout_s, uint64_t memory_limit);
    ~ExtractWorker();
    ExtractWorker(const ExtractWorker&) = delete;
    ExtractWorker& operator=(const ExtractWorker&) = delete;

    ExtractResult extract(std::string_view bytes, std::string_view media_type);

private:
    std::string executable_;
    double timeout_s_;
    uint64_t memory_limit_;
    pid_t pid_ = -1;
    int to_child_ = -1;
    int from_child_ = -1;

    bool start(std::string& why);
    // Ends the child; returns how it ended ("signal 11", "exit 1", ...).
    std::string stop(bool kill_it);
};

// The child's side: serves requests on fds 0 and 1 until EOF. Returns the
// exit status. `memory_limit` bytes of address space (0: no limit).
int run_extract_worker(uint64_t memory_limit);

}  // namespace a6kb
