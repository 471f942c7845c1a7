// SPDX-License-Identifier: Apache-2.0
#include "core/search/judging_table.h"

#include "core/model/schema.h"

namespace a6kb {
namespace {

// A decimal value (0 when empty, not a number or absurdly large).
unsigned decimal(const std::string& v) {
    unsigned n = 0;
    for (char c : v) {
        if (c < '0' || c > '9' || n > 100000000) return 0;
        n = n * 10 + static_cast<unsigned>(c - '0');
    }
    return n;
}

// Calls f(docid, value) for every document with a value in `slot`, in docid order.
template <class F>
void each_value(const Xapian::Database& db, Xapian::valueno slot, F f) {
    for (auto v = db.valuestream_begin(slot); v != db.valuestream_end(slot); ++v) f(v.get_docid(), *v);
}

}  // namespace

JudgingValues JudgingValues::of(const Xapian::Document& doc) {
    return {doc.get_value(schema::PASSAGES.slot), decimal(doc.get_value(schema::TITLE_WORDS.slot)),
            decimal(doc.get_value(schema::BODY_END.slot))};
}

std::shared_ptr<const JudgingTable> JudgingTable::build(const Xapian::Database& db) {
    auto t = std::make_shared<JudgingTable>();
    t->rows_.resize(static_cast<size_t>(db.get_lastdocid()) + 1);
    each_value(db, schema::PASSAGES.slot, [&](Xapian::docid did, const std::string& v) {
        if (t->starts_.size() + v.size() > UINT32_MAX) return;  // 4 GB of starts: the rest are judged as one span
        t->rows_[did].offset = static_cast<uint32_t>(t->starts_.size());
        t->rows_[did].length = static_cast<uint32_t>(v.size());
        t->starts_ += v;
    });
    each_value(db, schema::TITLE_WORDS.slot, [&](Xapian::docid did, const std::string& v) { t->rows_[did].title_words = decimal(v); });
    each_value(db, schema::BODY_END.slot,
               [&](Xapian::docid did, const std::string& v) { t->rows_[did].body_end = decimal(v) & 0x7FFFFFFFu; });
    const std::string provision = schema::facet("type")->prefix + "provision";
    for (auto p = db.postlist_begin(provision); p != db.postlist_end(provision); ++p)
        if (*p < t->rows_.size()) t->rows_[*p].provision = 1;
    t->starts_.shrink_to_fit();
    return t;
}

JudgingValues JudgingTable::values(Xapian::docid did) const {
    if (did >= rows_.size()) return {};
    const Row& r = rows_[did];
    return {starts_.substr(r.offset, r.length), r.title_words, r.body_end};
}

}  // namespace a6kb
