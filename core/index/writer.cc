// SPDX-License-Identifier: Apache-2.0
#include "core/index/writer.h"

#include "core/model/schema.h"
#include "core/model/symbols.h"

#include <algorithm>
#include <map>

namespace a6kb {

namespace {

bool contains(const std::vector<std::string>& list, const std::string& s) {
    return std::find(list.begin(), list.end(), s) != list.end();
}

// Appends the sources of `from` that `to` does not have yet.
void add_missing(std::vector<std::string>& to, const std::vector<std::string>& from) {
    for (const auto& s : from)
        if (!contains(to, s)) to.push_back(s);
}

void set_latest(Xapian::Document& doc, bool latest) {
    const std::string latest_term(schema::LATEST.prefix);
    if (latest) doc.add_boolean_term(latest_term);
    else doc.remove_term(latest_term);
    Record stored = decode_data(doc.get_data());
    stored.latest = latest;
    doc.set_data(encode_data(stored));
}

}  // namespace

void default_family(Record& r) {
    if (r.family.empty() && !r.version.empty() && !r.symbols.empty()) r.family = r.symbols.front();
}

Xapian::TermGenerator make_term_generator() {
    Xapian::TermGenerator tg;
    tg.set_stemmer(Xapian::Stem("english"));
    tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    return tg;
}

Writer::Writer(Xapian::WritableDatabase& db, const Taxonomy& taxonomy, const Catalogs& catalogs, IndexReport& report,
               BatchLimits limits)
    : db_(db), taxonomy_(taxonomy), catalogs_(catalogs), report_(report), limits_(limits), tg_(make_term_generator()) {}

std::optional<Xapian::Document> Writer::find(const std::string& id) {
    if (pending_ids_.count(id)) flush();
    std::string q = schema::term(schema::ID, id);
    auto it = db_.postlist_begin(q);
    if (it == db_.postlist_end(q)) return std::nullopt;
    return db_.get_document(*it);
}

void Writer::write(Built b, const std::string& key) {
    auto existing = find(b.record.id);
    auto cat = catalogs_.records.find(b.record.id);
    if (!existing && (cat == catalogs_.records.end() || cat->second.key == key)) {
        // Nothing to merge: the document built on the extraction thread is
        // the one; it waits for the end of the batch, where the versions
        // of its family are settled before it is written.
        pending_ids_.insert(b.record.id);
        pending_.push_back(std::move(b));
        ++report_.records_written;
        return;
    }
    Record r = std::move(b.record);
    std::vector<std::string> keys = {key};
    if (existing) merge_existing(r, keys, *existing, key);
    if (cat != catalogs_.records.end() && cat->second.key != key) {
        apply_metadata(r, cat->second.meta, taxonomy_);
        if (!contains(keys, cat->second.key)) keys.push_back(cat->second.key);
        add_missing(r.sources, cat->second.record.sources);
    }
    default_family(r);
    if (!r.family.empty()) touched_families_.insert(r.family);
    r.latest = true;  // settled by mark_latest
    replace(r, keys);
}

// What other sources gave the record `r` takes the place of: their keys and
// sources, and the text when `r` (a catalog record) has none.
void Writer::merge_existing(Record& r, std::vector<std::string>& keys, const Xapian::Document& existing,
                            const std::string& key) {
    Record old = record_from_document(existing);
    for (const auto& k : source_keys_of(existing))
        if (k != key) keys.push_back(k);
    if (keys.size() > 1) add_missing(r.sources, old.sources);
    // A catalog record gains the text of a file with the same id, and keeps it.
    if (r.pages.empty()) load_pages(db_, old);
    if (r.pages.empty() && !old.pages.empty()) {
        r.pages = old.pages;
        r.passages = old.passages;
        r.headings = old.headings;
        r.media_type = old.media_type;
    }
    if (!old.family.empty()) touched_families_.insert(old.family);
}

void Writer::replace(const Record& r, const std::vector<std::string>& keys) {
    add_spelling(spelling_words(r, &taxonomy_));
    db_.replace_document(schema::term(schema::ID, r.id), to_document(r, keys, tg_, &taxonomy_));
    store_passages(r.id, r.passages);
    ++report_.records_written;
}

// Passage `i` of record `id` under passage_key(id, i), and no entry past the last.
void Writer::store_passages(const std::string& id, const std::vector<Passage>& passages) {
    const std::string prefix = passage_prefix(id);
    std::vector<std::string> stale;
    for (auto it = db_.metadata_keys_begin(prefix); it != db_.metadata_keys_end(prefix); ++it)
        if (*it >= passage_key(id, passages.size())) stale.push_back(*it);
    for (const auto& k : stale) db_.set_metadata(k, {});
    for (size_t i = 0; i < passages.size(); ++i) db_.set_metadata(passage_key(id, i), encode_passage(passages[i]));
}

void Writer::remove_source(const std::string& id, const std::string& key, const std::string& source) {
    auto doc = find(id);
    if (!doc) return;
    auto keys = source_keys_of(*doc);
    keys.erase(std::remove(keys.begin(), keys.end(), key), keys.end());
    Record old = record_from_document(*doc);
    if (!old.family.empty()) touched_families_.insert(old.family);
    if (keys.empty()) {
        db_.delete_document(schema::term(schema::ID, id));
        store_passages(id, {});
        ++report_.records_deleted;
        return;
    }
    bool only_catalog =
        std::all_of(keys.begin(), keys.end(), [&](const std::string& k) { return catalogs_.keys.count(k); });
    auto cat = catalogs_.records.find(id);
    if (only_catalog && cat != catalogs_.records.end()) {
        write_catalog(cat->second, /*merge=*/false);
        return;
    }
    old.sources.erase(std::remove(old.sources.begin(), old.sources.end(), source), old.sources.end());
    load_pages(db_, old);
    db_.replace_document(schema::term(schema::ID, id), to_document(old, keys, tg_, &taxonomy_));
}

void Writer::remove_dropped(const std::vector<std::string>& before, const std::vector<std::string>& now,
                            const std::string& key, const std::string& source) {
    for (const auto& id : before)
        if (!contains(now, id)) remove_source(id, key, source);
}

void Writer::write_catalog(const CatalogRecord& c, bool merge) {
    Record r = c.record;
    std::vector<std::string> keys = {c.key};
    auto existing = merge ? find(r.id) : std::nullopt;
    if (existing) {
        auto other = source_keys_of(*existing);
        other.erase(std::remove(other.begin(), other.end(), c.key), other.end());
        if (!other.empty()) {
            // A file already gave this record its text: keep it, catalog metadata on top.
            Record merged = record_from_document(*existing);
            load_pages(db_, merged);
            apply_metadata(merged, c.meta, taxonomy_);
            add_missing(merged.sources, r.sources);
            r = std::move(merged);
            keys.insert(keys.end(), other.begin(), other.end());
        }
    }
    if (!r.family.empty()) touched_families_.insert(r.family);
    replace(r, keys);
}

void Writer::begin() { db_.begin_transaction(); }

void Writer::end_file(uint64_t text_bytes) {
    batch_text_ += text_bytes;
    if (++in_batch_ >= limits_.files || batch_text_ >= limits_.text_bytes) {
        mark_latest();
        db_.commit_transaction();
        db_.begin_transaction();
        in_batch_ = 0;
        batch_text_ = 0;
    }
}

void Writer::commit() { db_.commit_transaction(); }

void Writer::cancel() {
    try {
        db_.cancel_transaction();
    } catch (const Xapian::Error&) {
    }
}

// A family's new versions are settled in memory first (flush), so only
// documents already in the index are rewritten when a newer version arrives
// (rewriting one reads back all its terms and positions).
void Writer::mark_latest() {
    flush();
    for (const auto& family : touched_families_) mark_family(family);
    touched_families_.clear();
}

void Writer::mark_family(const std::string& family) {
    const std::string latest_term(schema::LATEST.prefix);
    std::string ft = schema::term(schema::FAMILY, symbol_key(family));
    std::vector<std::pair<Xapian::docid, std::string>> versions;
    std::string best;
    for (auto it = db_.postlist_begin(ft); it != db_.postlist_end(ft); ++it) {
        versions.emplace_back(*it, db_.get_document(*it).get_value(schema::VERSION.slot));
        best = std::max(best, versions.back().second);
    }
    // Whether a document has the mark, from its own term list (a family has
    // a few documents; the XN posting list has most of the index, with this
    // batch's changes pending on it).
    for (const auto& [did, version] : versions) {
        // Opened again just before it is replaced: Xapian then rewrites only
        // what changed (the mark and the data), not the positions; only the
        // last document opened gets that.
        Xapian::Document doc = db_.get_document(did);
        auto t = doc.termlist_begin();
        t.skip_to(latest_term);
        bool has = t != doc.termlist_end() && *t == latest_term;
        bool should = version == best;
        if (has == should) continue;
        set_latest(doc, should);
        db_.replace_document(did, doc);
    }
}

// Writes the waiting documents, each already marked for whether it is the
// newest of its family among the index's versions and the batch's.
void Writer::flush() {
    std::map<std::string, std::string> best;  // family -> newest version key
    for (const auto& b : pending_)
        if (!b.record.family.empty()) {
            auto& v = best[b.record.family];
            v = std::max(v, b.doc.get_value(schema::VERSION.slot));
        }
    for (auto& [family, v] : best) {
        std::string ft = schema::term(schema::FAMILY, symbol_key(family));
        for (auto it = db_.postlist_begin(ft); it != db_.postlist_end(ft); ++it)
            v = std::max(v, db_.get_document(*it).get_value(schema::VERSION.slot));
        touched_families_.insert(family);
    }
    for (auto& b : pending_) {
        if (!b.record.family.empty() && b.doc.get_value(schema::VERSION.slot) != best[b.record.family])
            set_latest(b.doc, false);
        add_spelling(b.spelling);
        db_.replace_document(schema::term(schema::ID, b.record.id), b.doc);
        store_passages(b.record.id, b.record.passages);
    }
    pending_.clear();
    pending_ids_.clear();
}

void Writer::add_spelling(const SpellingWords& words) {
    for (const auto& [word, n] : words) db_.add_spelling(word, n);
}

}  // namespace a6kb
