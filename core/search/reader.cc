// SPDX-License-Identifier: Apache-2.0
#include "core/search/reader.h"

#include "core/model/text.h"
#include "core/search/query.h"

#include <algorithm>
#include <cstdlib>

namespace a6kb {

namespace {

// The ordinal a passage key ends with (7 digits after the prefix).
size_t ordinal_of(const std::string& key, size_t prefix_size) {
    return static_cast<size_t>(std::strtoull(key.c_str() + prefix_size, nullptr, 10));
}

// Walks the record's passages in order, cutting them into parts:
// fn(ordinal, part, passage); fn returns false to stop. Every entry is
// decoded: stored passages may be deflated (passage.cc), and a part's
// budget is counted in text bytes, which only the decoded passage shows.
template <class Fn>
void each_passage(const Xapian::Database& db, const std::string& id, Fn fn) {
    const std::string prefix = passage_prefix(id);
    size_t part = 1, count = 0, bytes = 0;
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
        const std::string key = *it;
        Passage p = decode_passage(db.get_metadata(key));
        const size_t size = p.text.size() + p.label.size() + p.anchor.size();
        if (count == PASSAGES_PER_PART || (count > 0 && bytes + size > PART_BYTES)) {
            ++part;
            count = bytes = 0;
        }
        ++count;
        bytes += size;
        if (!fn(ordinal_of(key, prefix.size()), part, std::move(p))) return;
    }
}

// Highlights a query's matches in passage texts. Xapian's snippet code
// (MSet::snippet) stems the text's words and marks those that the query
// holds; given more bytes than the text has, it returns the whole text.
class Highlighter {
public:
    Highlighter(const Xapian::Database& db, const std::string& q) : stem_("english") {
        if (q.empty()) return;
        ParsedQuery pq = build_query(q, db);
        if (pq.empty) return;
        Xapian::Enquire enquire(db);
        enquire.set_query(pq.query);
        mset_ = enquire.get_mset(0, 0);
        active_ = true;
    }

    std::string operator()(const std::string& text, size_t& marks) const {
        marks = 0;
        if (!active_) return text::html_escape(text);
        std::string out = mset_.snippet(text, text.size() + 1, stem_, Xapian::MSet::SNIPPET_EXHAUSTIVE, "<mark>", "</mark>", "");
        for (size_t at = out.find("<mark>"); at != std::string::npos; at = out.find("<mark>", at + 6)) ++marks;
        return out;
    }

private:
    Xapian::Stem stem_;  // one per reader: a stemmer keeps working state (searcher.cc)
    Xapian::MSet mset_;
    bool active_ = false;
};

}  // namespace

ReaderText read_text(const Xapian::Database& db, const std::string& id, size_t part, const std::string& q) {
    ReaderText out;
    out.part = std::max<size_t>(part, 1);
    each_passage(db, id, [&](size_t ordinal, size_t in_part, Passage&& p) {
        ++out.passages;
        out.parts = in_part;
        if (in_part == out.part) out.shown.push_back({ordinal, std::move(p), {}, 0});
        else if (p.heading) out.contents.push_back({text::collapse_spaces(p.text), p.anchor, in_part, p.path.size()});
        return true;
    });
    Highlighter highlight(db, q);
    for (auto& rp : out.shown) {
        rp.html = highlight(rp.passage.text, rp.marks);
        if (rp.marks > 0) ++out.matches;
    }
    // The part's own headings, in their place among the others.
    for (const auto& rp : out.shown)
        if (rp.passage.heading)
            out.contents.push_back({text::collapse_spaces(rp.passage.text), rp.passage.anchor, out.part, rp.passage.path.size()});
    std::stable_sort(out.contents.begin(), out.contents.end(),
                     [](const ContentsEntry& a, const ContentsEntry& b) { return a.part < b.part; });
    return out;
}

std::optional<PassagePlace> find_anchor(const Xapian::Database& db, const std::string& id, const std::string& anchor) {
    std::optional<PassagePlace> found;
    each_passage(db, id, [&](size_t ordinal, size_t part, Passage&& p) {
        if (p.anchor != anchor) return true;
        found = PassagePlace{ordinal, part};
        return false;
    });
    return found;
}

}  // namespace a6kb
