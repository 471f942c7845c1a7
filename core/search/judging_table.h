// SPDX-License-Identifier: Apache-2.0
// What judging a hit reads besides its word positions (core/search/
// passages.h), for every document, held in memory per index revision as the
// facet table is (facet_table.h): the passage starts (value slot
// schema::PASSAGES, kept encoded), the title's length (schema::TITLE_WORDS),
// where the body ends (schema::BODY_END) and whether it is a provision.
//
// Why in memory: the re-ranking window judges 30 or more hits per search.
// Read from the index, those values cost four value-stream walks of the
// postlist table per search (56 block reads per request on the 10k bench
// corpus, about a fifth of all the reads of a search); from memory, none.
//
// Cost: one walk of each of the three value slots and one posting list per
// revision; memory 16 bytes per document id plus the encoded starts (2 bytes
// a passage or so: about 1 MB for the 10k bench corpus).
#pragma once

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace a6kb {

// What judging reads of one document besides its positions.
struct JudgingValues {
    std::string starts;        // schema::PASSAGES, encoded (core/model/passage.h); empty: no passages
    unsigned title_words = 0;  // schema::TITLE_WORDS (0: unknown)
    unsigned body_end = 0;     // schema::BODY_END (0: unknown)
    // Read from the document itself (tests, single documents).
    static JudgingValues of(const Xapian::Document& doc);
};

class JudgingTable {
public:
    static std::shared_ptr<const JudgingTable> build(const Xapian::Database& db);
    // A document the table does not know (added after it was built) has no values.
    JudgingValues values(Xapian::docid did) const;
    // Whether the document's type is "provision" (the rulebook's records).
    bool is_provision(Xapian::docid did) const { return did < rows_.size() && rows_[did].provision; }

private:
    struct Row {
        uint32_t offset = 0;  // into starts_
        uint32_t length = 0;
        uint32_t title_words = 0;
        uint32_t body_end : 31 = 0;
        uint32_t provision : 1 = 0;
    };
    std::vector<Row> rows_;  // by document id
    std::string starts_;     // every document's encoded starts, one after another
};

}  // namespace a6kb
