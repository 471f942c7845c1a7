// SPDX-License-Identifier: Apache-2.0
// The JSON of one part of a record's text (docs/api.md, "text").
#include "core/search/citation.h"
#include "searchd/render.h"

namespace a6kb {

using nlohmann::json;

namespace {

std::string api_part_path(const std::string& id, size_t part) {
    return "/api/v1/documents/" + id + "?part=" + std::to_string(part);
}

json passage_json(const ReaderPassage& rp, const Record& r, bool file_link) {
    const Passage& p = rp.passage;
    json j = {{"ordinal", rp.ordinal},
              {"anchor", p.anchor},
              {"label", p.label},
              {"number", p.number.empty() ? json(nullptr) : json(p.number)},
              {"path", p.path},
              {"heading", p.heading},
              {"page", p.page > 0 ? json(p.page) : json(nullptr)},
              {"last_page", p.last_page > 0 ? json(p.last_page) : json(nullptr)},
              {"text", p.text},
              {"citation", citation(r, p)},
              {"link", passage_path(r.id, p.anchor)}};
    j["file_link"] = file_link && p.page > 0 ? json(file_path(r.id, p.page)) : json(nullptr);
    return j;
}

}  // namespace

json to_json(const ReaderText& t, const Record& r, bool file_link) {
    json passages = json::array(), contents = json::array();
    for (const auto& rp : t.shown) passages.push_back(passage_json(rp, r, file_link));
    for (const auto& e : t.contents)
        contents.push_back({{"text", e.text}, {"anchor", e.anchor}, {"part", e.part}, {"depth", e.depth},
                            {"link", passage_path(r.id, e.anchor)}});
    return {{"part", t.part},
            {"parts", t.parts},
            {"passages_total", t.passages},
            {"previous", t.part > 1 && t.part <= t.parts ? json(api_part_path(r.id, t.part - 1)) : json(nullptr)},
            {"next", t.part < t.parts ? json(api_part_path(r.id, t.part + 1)) : json(nullptr)},
            {"contents", contents},
            {"passages", passages}};
}

}  // namespace a6kb
