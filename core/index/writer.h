// SPDX-License-Identifier: Apache-2.0
// The writer: the one thread that changes the index during a run. It
// replaces records by id, keeps what other sources contributed to the same
// id (a catalog entry and the PDF it describes), removes a source's
// contribution, marks the newest version of each family, and commits in
// batches inside Xapian transactions (a reader never sees half a batch; a
// killed run leaves the last commit).
//
// Not thread-safe: one Writer, used from one thread, per open database.
#pragma once

#include "core/index/indexer.h"
#include "core/index/inputs.h"
#include "core/model/record.h"

#include <xapian.h>

#include <optional>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

namespace a6kb {

// A record with its Xapian document and spelling words, built on an
// extraction thread as if nothing else in the index shared its id (the
// common case); the writer rebuilds the document when something does.
struct Built {
    Record record;
    Xapian::Document doc;
    SpellingWords spelling;
};

// The family a versioned record belongs to when no catalog names one.
void default_family(Record& r);

// The term generator every record's text goes through (English, STEM_SOME).
Xapian::TermGenerator make_term_generator();

// A batch ends after `files` files or `text_bytes` of extracted text,
// whichever comes first (docs/architecture.md, "Batches").
struct BatchLimits {
    size_t files = 500;
    uint64_t text_bytes = 4ull << 20;
};

class Writer {
public:
    // Counts what it writes and deletes in `report`.
    Writer(Xapian::WritableDatabase& db, const Taxonomy& taxonomy, const Catalogs& catalogs, IndexReport& report,
           BatchLimits limits);

    // Writes `b.record` as the contribution of source `key`, keeping what
    // other sources contributed to the same id, with explicit catalog
    // metadata on top.
    void write(Built b, const std::string& key);

    // Removes the contribution of `key` (a vanished or changed file) to `id`.
    void remove_source(const std::string& id, const std::string& key, const std::string& source);

    // Removes the contribution of `key` to each of `before` not in `now`:
    // the records a changed file no longer yields.
    void remove_dropped(const std::vector<std::string>& before, const std::vector<std::string>& now,
                        const std::string& key, const std::string& source);

    // Writes a stand-alone catalog record; `merge`: on top of the text a file
    // with the same id already gave it.
    void write_catalog(const CatalogRecord& c, bool merge);

    // Transactions. `begin` opens the first batch; `end_file` counts a file
    // and its text and commits the batch at its limits; `commit` ends the
    // last batch; `cancel` drops what was not committed (a Xapian error
    // there is ignored: the last commit stays either way).
    void begin();
    void end_file(uint64_t text_bytes);
    void commit();
    void cancel();

    // Writes the batch's new documents, then marks the newest version of
    // each touched family (XN term, "latest" in the data).
    void mark_latest();

private:
    std::optional<Xapian::Document> find(const std::string& id);
    void merge_existing(Record& r, std::vector<std::string>& keys, const Xapian::Document& existing,
                        const std::string& key);
    void replace(const Record& r, const std::vector<std::string>& keys);
    void store_passages(const std::string& id, const std::vector<Passage>& passages);
    void mark_family(const std::string& family);
    void flush();
    void add_spelling(const SpellingWords& words);

    Xapian::WritableDatabase& db_;
    const Taxonomy& taxonomy_;
    const Catalogs& catalogs_;
    IndexReport& report_;
    BatchLimits limits_;
    Xapian::TermGenerator tg_;
    std::set<std::string> touched_families_;
    std::vector<Built> pending_;  // new documents of this batch, written by flush()
    std::unordered_set<std::string> pending_ids_;
    size_t in_batch_ = 0;         // files in the open batch
    uint64_t batch_text_ = 0;     // and their text
};

}  // namespace a6kb
