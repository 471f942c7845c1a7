// SPDX-License-Identifier: Apache-2.0
// What the index remembers about each source file: its content hash, the
// records it gave and the inputs (taxonomy, catalogs) it was indexed with,
// as user metadata `a6kb:file:<source term>` holding a JSON object. A file's
// state is written in the same transaction as its records, so after a kill
// the two agree and the next run redoes exactly what was lost.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace a6kb {

struct FileState {
    std::string path;    // absolute
    std::string source;  // relative, as shown
    std::string hash;
    std::string skip;    // non-empty: last attempt skipped, nothing indexed
    std::vector<std::string> ids;
    std::string inputs;  // fingerprint of the taxonomy and catalogs it was indexed with
};

// The content hash states are keyed on: XXH3-128, 32 hex digits.
std::string hash_hex(std::string_view bytes);

// Reads all of `p` into `out`; false, with the reason in `why`, if it cannot.
bool read_bytes(const std::filesystem::path& p, std::string& out, std::string& why);

// Every file's state, read once when a run opens the index. Read-only after
// that, so extraction threads may look states up while the writer stores
// new ones (those go to the database, not to this map).
class FileStates {
public:
    // `inputs_hash`: this run's fingerprint; `full`: nothing counts as unchanged.
    FileStates(Xapian::WritableDatabase& db, std::string inputs_hash, bool full);

    const FileState* find(const std::string& key) const;
    const std::unordered_map<std::string, FileState>& all() const { return states_; }
    const std::string& inputs_hash() const { return inputs_hash_; }

    // Whether a file with this state and this content hash needs no work:
    // same content, indexed with the same taxonomy and catalogs.
    bool unchanged(const FileState& state, const std::string& hash) const {
        return !full_ && state.hash == hash && state.inputs == inputs_hash_;
    }

    void store(const std::string& key, const FileState& state);  // in the open transaction
    void forget(const std::string& key);

private:
    Xapian::WritableDatabase& db_;
    std::string inputs_hash_;
    bool full_;
    std::unordered_map<std::string, FileState> states_;  // by source key
};

}  // namespace a6kb
