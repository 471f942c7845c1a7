// SPDX-License-Identifier: Apache-2.0
// `a6kb-searchd moderator add|list|remove [NAME] --community FILE`: the
// moderators of a community database. `add` prints the new token once, as
// the last line of its output; only its hash is stored.
#include "searchd/moderator_cli.h"

#include "core/model/errors.h"
#include "searchd/community_store.h"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace a6kb {

namespace {

constexpr const char* USAGE =
    "usage: a6kb-searchd moderator add NAME --community FILE\n"
    "       a6kb-searchd moderator list --community FILE\n"
    "       a6kb-searchd moderator remove NAME --community FILE\n"
    "(--community may also come from A6KB_COMMUNITY)\n";

int usage(const std::string& why) {
    std::fprintf(stderr, "moderator: %s\n%s", why.c_str(), USAGE);
    return 2;
}

// A name people can read in the log: 1-64 letters, digits, '.', '_', '-', '@'.
bool good_name(const std::string& n) {
    if (n.empty() || n.size() > 64) return false;
    for (unsigned char c : n)
        if (!std::isalnum(c) && c != '.' && c != '_' && c != '-' && c != '@') return false;
    return true;
}

}  // namespace

int moderator_command(int argc, char** argv) {
    std::vector<std::string> words;
    std::string file = std::getenv("A6KB_COMMUNITY") ? std::getenv("A6KB_COMMUNITY") : "";
    for (int i = 2; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--help" || a == "-h") {
            std::printf("%s", USAGE);
            return 0;
        }
        if (a == "--community") {
            if (++i == argc) return usage("--community needs a file");
            file = argv[i];
        } else if (a.rfind("--community=", 0) == 0) {
            file = a.substr(12);
        } else if (a.rfind("--", 0) == 0) {
            return usage("unknown option " + a);
        } else {
            words.push_back(a);
        }
    }
    if (file.empty()) return usage("--community FILE is required");
    if (words.empty()) return usage("say add, list or remove");
    const std::string action = words[0];
    const bool needs_name = action == "add" || action == "remove";
    if (action != "list" && !needs_name) return usage("unknown action '" + action + "'");
    if (words.size() != (needs_name ? 2u : 1u)) return usage(needs_name ? action + " takes one NAME" : "list takes no NAME");
    if (needs_name && !good_name(words[1])) return usage("NAME: 1-64 letters, digits, '.', '_', '-' or '@'");
    try {
        CommunityStore store(file);
        if (action == "list") {
            for (const auto& m : store.moderators()) std::printf("%s\t%s\n", m.name.c_str(), m.created_at.c_str());
            return 0;
        }
        if (action == "remove") {
            if (store.remove_moderator(words[1])) return 0;
            std::fprintf(stderr, "moderator: there is no moderator named '%s'\n", words[1].c_str());
            return 1;
        }
        const std::string token = store.add_moderator(words[1]);
        std::printf("moderator %s added to %s; their token, shown only this once:\n%s\n", words[1].c_str(), file.c_str(),
                    token.c_str());
        return 0;
    } catch (const UserError& e) {
        std::fprintf(stderr, "moderator: %s\n", e.what());
        return e.code() == "moderator_exists" ? 1 : 2;
    }
}

}  // namespace a6kb
