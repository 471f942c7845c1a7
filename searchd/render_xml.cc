// SPDX-License-Identifier: Apache-2.0
// Atom (RFC 4287) and OpenSearch 1.1 documents, written with pugixml so every
// string is escaped by the XML writer.
#include "searchd/render.h"

#include <pugixml.hpp>

#include <ctime>
#include <sstream>

namespace a6kb {
namespace {

std::string to_string(const pugi::xml_document& doc) {
    std::ostringstream out;
    doc.save(out, "  ", pugi::format_default | pugi::format_no_declaration);
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + out.str();
}

std::string atom_date(const std::string& iso) {
    if (iso.size() >= 10) return iso.substr(0, 10) + "T00:00:00Z";
    if (iso.size() == 7) return iso + "-01T00:00:00Z";
    if (iso.size() == 4) return iso + "-01-01T00:00:00Z";
    return "1970-01-01T00:00:00Z";
}

void text_child(pugi::xml_node parent, const char* name, const std::string& value) {
    parent.append_child(name).append_child(pugi::node_pcdata).set_value(value.c_str());
}

}  // namespace

std::string atom_feed(const SearchResult& r, const SearchRequest& request, const std::string& base) {
    pugi::xml_document doc;
    auto feed = doc.append_child("feed");
    feed.append_attribute("xmlns") = "http://www.w3.org/2005/Atom";
    std::string qs = query_string(request.to_params());
    std::string title = "a6kb: " + (request.q.empty() ? std::string("newest records") : request.q);
    for (const auto& [facet, values] : request.filters)
        for (const auto& v : values) title += " [" + facet + ": " + v + "]";
    text_child(feed, "title", title);
    text_child(feed, "id", base + "/feed.atom" + (qs.empty() ? "" : "?" + qs));
    std::string updated = "1970-01-01T00:00:00Z";
    for (const auto& h : r.hits) updated = std::max(updated, atom_date(h.record.date));
    text_child(feed, "updated", updated);
    auto self = feed.append_child("link");
    self.append_attribute("rel") = "self";
    self.append_attribute("href") = (base + "/feed.atom" + (qs.empty() ? "" : "?" + qs)).c_str();
    auto alt = feed.append_child("link");
    alt.append_attribute("rel") = "alternate";
    alt.append_attribute("href") = (base + "/search" + (qs.empty() ? "" : "?" + qs)).c_str();
    text_child(feed.append_child("author"), "name", "a6kb");
    for (const auto& h : r.hits) {
        auto entry = feed.append_child("entry");
        std::string t = h.record.title;
        if (!h.record.symbols.empty()) t = h.record.symbols.front() + ": " + t;
        text_child(entry, "title", t);
        text_child(entry, "id", base + "/doc/" + h.record.id);
        text_child(entry, "updated", atom_date(h.record.date));
        auto link = entry.append_child("link");
        link.append_attribute("href") = (base + "/doc/" + h.record.id).c_str();
        if (!h.record.url.empty()) {
            auto official = entry.append_child("link");
            official.append_attribute("rel") = "related";
            official.append_attribute("href") = h.record.url.c_str();
        }
        if (const std::string type = h.record.first("type"); !type.empty())
            entry.append_child("category").append_attribute("term") = type.c_str();
        auto summary = entry.append_child("summary");
        summary.append_attribute("type") = "html";
        summary.append_child(pugi::node_pcdata).set_value(h.snippet.c_str());
    }
    return to_string(doc);
}

std::string opensearch_description(const std::string& base) {
    pugi::xml_document doc;
    auto root = doc.append_child("OpenSearchDescription");
    root.append_attribute("xmlns") = "http://a9.com/-/spec/opensearch/1.1/";
    text_child(root, "ShortName", "a6kb");
    text_child(root, "Description", "Search the Article 6 knowledge base: decisions, standards, methodologies, tools, labs");
    text_child(root, "InputEncoding", "UTF-8");
    auto add = [&](const char* type, const std::string& tmpl) {
        auto url = root.append_child("Url");
        url.append_attribute("type") = type;
        url.append_attribute("template") = tmpl.c_str();
    };
    add("text/html", base + "/search?q={searchTerms}");
    add("application/json", base + "/api/v1/search?q={searchTerms}");
    add("application/atom+xml", base + "/feed.atom?q={searchTerms}");
    add("application/x-suggestions+json", base + "/api/v1/suggest?q={searchTerms}");
    return to_string(doc);
}

}  // namespace a6kb
