// SPDX-License-Identifier: Apache-2.0
// a6kb-benchreport: merges the raw measurements of one scripts/bench run
// (a folder of JSON files: machine.json, run.json and one folder per data
// set) into results.json and a Markdown report: one table per data set with
// a6kb, Sphinx and Omega side by side and the a6kb/peer ratios, the search
// core against raw Xapian, and the project's targets, each met or missed.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// A JSON file: one object, or one object per line (a6kb-corebench), as an array.
json read_json(const fs::path& p) {
    std::ifstream in(p);
    if (!in) return nullptr;
    std::vector<json> objects;
    for (std::string line; std::getline(in, line);) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        try {
            objects.push_back(json::parse(line));
        } catch (const json::exception&) {
            in.close();
            std::ifstream again(p);
            try {
                return json::parse(again);
            } catch (const json::exception&) {
                return nullptr;
            }
        }
    }
    if (objects.empty()) return nullptr;
    if (objects.size() == 1) return objects.front();
    return objects;
}

std::optional<double> num(const json& j, const json::json_pointer& p) {
    if (j.is_null() || !j.contains(p)) return std::nullopt;
    const json& v = j.at(p);
    if (!v.is_number()) return std::nullopt;
    return v.get<double>();
}

std::string grouped(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    std::string s = buf;
    size_t dot = s.find('.');
    size_t int_end = dot == std::string::npos ? s.size() : dot;
    size_t start = s[0] == '-' ? 1 : 0;
    for (size_t i = int_end; i > start + 3; i -= 3) s.insert(i - 3, ",");
    return s;
}

// Three significant figures, thousands grouped.
std::string fmt(std::optional<double> v) {
    if (!v) return "—";
    double a = std::fabs(*v);
    int decimals = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
    return grouped(*v, decimals);
}
std::string ratio(std::optional<double> a, std::optional<double> b) {
    if (!a || !b || *b == 0) return "—";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f×", *a / *b);
    return buf;
}
std::optional<double> div(std::optional<double> a, std::optional<double> b) {
    if (!a || !b || *b == 0) return std::nullopt;
    return *a / *b;
}
std::optional<double> mb(std::optional<double> bytes) {
    if (!bytes) return std::nullopt;
    return *bytes / 1e6;
}

struct Target {
    std::string dataset, what, measured;
    std::optional<bool> met;  // nullopt: not measured in this run
};

std::string mark(std::optional<bool> met) { return !met ? "not measured" : *met ? "met" : "**missed**"; }

json core_mode(const json& lines, const std::string& mode) {
    if (lines.is_array())
        for (const auto& o : lines)
            if (o.value("mode", "") == mode) return o;
    if (lines.is_object() && lines.value("mode", "") == mode) return lines;
    return nullptr;
}

}  // namespace

int main(int argc, char** argv) {
    std::string parts_dir, json_out, md_out;
    CLI::App app{"a6kb-benchreport: merge a scripts/bench run into results.json and a Markdown report"};
    app.add_option("--parts", parts_dir, "the run's parts folder")->required()->check(CLI::ExistingDirectory);
    app.add_option("--json", json_out, "results.json to write")->required();
    app.add_option("--markdown", md_out, "Markdown report to write")->required();
    CLI11_PARSE(app, argc, argv);

    const fs::path parts(parts_dir);
    json all;
    all["machine"] = read_json(parts / "machine.json");
    all["run"] = read_json(parts / "run.json");
    all["datasets"] = json::object();
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(parts))
        if (e.is_directory()) names.push_back(e.path().filename().string());
    // synth sizes ascending, then realdocs.
    std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
        auto key = [](const std::string& n) {
            if (n.rfind("synth-", 0) == 0) return std::make_pair(0, std::stol(n.substr(6)));
            return std::make_pair(1, 0L);
        };
        return key(a) < key(b);
    });
    for (const auto& n : names) {
        json ds;
        for (const auto& e : fs::directory_iterator(parts / n))
            if (e.path().extension() == ".json") ds[e.path().stem().string()] = read_json(e.path());
        all["datasets"][n] = ds;
    }

    std::ostringstream md;
    const json& m = all["machine"];
    std::vector<Target> targets;
    md << "## Results\n\n";
    if (m.is_object()) {
        md << "Run " << m.value("date", "?") << " on " << m.value("cpu", "?") << ", " << m.value("cores", 0) << " cores, "
           << fmt(num(m, "/memory_gb"_json_pointer)) << " GB, " << m.value("os", "?") << ", kernel "
           << m.value("kernel", "?") << ". Load average at start " << m.value("loadavg_at_start", "?");
        if (all["run"].is_object())
            md << ", at end " << all["run"].value("loadavg_at_end", "?") << "; the run took "
               << fmt(num(all["run"], "/seconds"_json_pointer)) << " s";
        md << ". Loads of " << fmt(num(m, "/load_seconds"_json_pointer)) << " s each; HTTP client: "
           << m.value("http_client", "?") << ".\n\n";
        if (m.contains("versions")) {
            md << "Versions:";
            bool first = true;
            for (auto& [k, v] : m["versions"].items()) {
                md << (first ? " " : ", ") << k << " " << v.get<std::string>();
                first = false;
            }
            md << ".\n\n";
        }
    }

    for (const auto& name : names) {
        const json& d = all["datasets"][name];
        auto get = [&](const std::string& part) -> const json& {
            static const json null = nullptr;
            return d.contains(part) ? d.at(part) : null;
        };
        const bool is_synth = name.rfind("synth-", 0) == 0;
        const json& synth = get("synth");
        const json& ir = get("a6kb_index_report");
        const json& ix = get("a6kb_index");
        auto docs = num(ir, "/documents"_json_pointer);
        const bool peers = d.contains("sphinx_index") || d.contains("omega_index");
        const bool sphinx = d.contains("sphinx_index");
        const bool omega = d.contains("omega_index");

        md << "### " << name;
        if (is_synth && synth.is_object())
            md << ": " << grouped(synth.value("docs", 0.0), 0) << " synthetic documents, "
               << grouped(synth.value("words", 0.0) / 1e6, 1) << " M words (mean " << grouped(synth.value("mean_words", 0.0), 0)
               << "), " << grouped(synth.value("md_bytes", 0.0) / 1e6, 0) << " MB of Markdown, "
               << synth.value("queries", 0) << " requests";
        else if (docs)
            md << ": " << fmt(num(ix, "/files"_json_pointer)) << " files (" << fmt(mb(num(ix, "/input_bytes"_json_pointer)))
               << " MB), " << fmt(docs) << " records";
        md << "\n\n";

        // Indexing.
        auto a_secs = num(ix, "/seconds"_json_pointer);
        auto a_bytes = num(ix, "/input_bytes"_json_pointer);
        auto a_files = num(ix, "/files"_json_pointer);
        auto a_dps = div(is_synth ? a_files : docs, a_secs);
        auto s_secs = num(get("sphinx_index"), "/seconds"_json_pointer);
        auto o_secs = num(get("omega_index"), "/seconds"_json_pointer);
        auto n_docs = is_synth ? num(synth, "/docs"_json_pointer) : docs;
        auto s_dps = div(n_docs, s_secs), o_dps = div(n_docs, o_secs);
        auto per_mb = [](std::optional<double> bytes, std::optional<double> secs) { return div(mb(bytes), secs); };

        md << "| measure | a6kb |";
        if (sphinx) md << " Sphinx |";
        if (omega) md << " Omega |";
        if (sphinx) md << " a6kb ÷ Sphinx |";
        if (omega) md << " a6kb ÷ Omega |";
        md << "\n|---|---|";
        if (sphinx) md << "---|";
        if (omega) md << "---|";
        if (sphinx) md << "---|";
        if (omega) md << "---|";
        md << "\n";
        auto row = [&](const std::string& label, std::optional<double> a, std::optional<double> s, std::optional<double> o,
                       bool show_ratio = true) {
            md << "| " << label << " | " << fmt(a) << " |";
            if (sphinx) md << " " << fmt(s) << " |";
            if (omega) md << " " << fmt(o) << " |";
            if (sphinx) md << " " << (show_ratio ? ratio(a, s) : "—") << " |";
            if (omega) md << " " << (show_ratio ? ratio(a, o) : "—") << " |";
            md << "\n";
        };
        row("index: documents/s", a_dps, s_dps, o_dps);
        row("index: MB/s of input", per_mb(a_bytes, a_secs), per_mb(num(get("sphinx_index"), "/input_bytes"_json_pointer), s_secs),
            per_mb(num(get("omega_index"), "/input_bytes"_json_pointer), o_secs));
        row("index: seconds", a_secs, s_secs, o_secs, false);
        row("index size, MB", mb(num(ix, "/index_bytes"_json_pointer)), mb(num(get("sphinx_index"), "/index_bytes"_json_pointer)),
            mb(num(get("omega_index"), "/index_bytes"_json_pointer)), false);
        row("no-op re-index, s", num(ix, "/noop_seconds"_json_pointer), std::nullopt, std::nullopt, false);
        auto http = [&](const std::string& prefix, int c) { return get(prefix + "_c" + std::to_string(c)); };
        auto rps = [&](const json& j) { return num(j, "/requests_per_second"_json_pointer); };
        auto p50 = [&](const json& j) { return num(j, "/latency_ms/p50"_json_pointer); };
        auto p99 = [&](const json& j) { return num(j, "/latency_ms/p99"_json_pointer); };
        for (int c : {1, 2, 8, 32}) {
            const json& a = http("a6kb_http", c);
            const json& s = http("sphinx_sql", c);
            const json& o = http("omega_http", c);
            std::string conn = std::to_string(c) + (c == 1 ? " connection" : " connections") + ", every request searched";
            row(conn + ": requests/s", rps(a), rps(s), rps(o));
            if (c == 1) row(conn + ": p50 latency, ms", p50(a), p50(s), p50(o));
            row(conn + ": p99 latency, ms", p99(a), p99(s), p99(o));
        }
        for (int c : {1, 2, 8, 32}) {
            const json& a = http("a6kb_cached_http", c);
            if (a.is_null()) continue;
            std::string conn = std::to_string(c) + (c == 1 ? " connection" : " connections");
            row(conn + ", response cache on (default): requests/s", rps(a), rps(http("sphinx_sql", c)), rps(http("omega_http", c)));
            row(conn + ", response cache on: p99 latency, ms", p99(a), p99(http("sphinx_sql", c)), p99(http("omega_http", c)));
        }
        if (peers)
            for (int c : {2, 8, 32}) {
                const json& a = http("a6kb_load", c);
                row(std::to_string(c) + " connections, a6kb-load vs a6kb-sqlload: requests/s", rps(a), rps(http("sphinx_sql", c)),
                    std::nullopt);
            }
        auto kb_to_mb = [](std::optional<double> kb) -> std::optional<double> {
            if (!kb) return std::nullopt;
            return *kb / 1024;
        };
        const json& amem = get("a6kb_cached_searchd_mem").is_null() ? get("a6kb_searchd_mem") : get("a6kb_cached_searchd_mem");
        const json& smem = get("sphinx_searchd_mem");
        row("server peak RSS (VmHWM) under load, MB", kb_to_mb(num(amem, "/after_load/vmhwm_kb"_json_pointer)),
            kb_to_mb(num(smem, "/after_load/vmhwm_kb"_json_pointer)), std::nullopt, false);
        row("server RSS after load (VmRSS), MB", kb_to_mb(num(amem, "/after_load/vmrss_kb"_json_pointer)),
            kb_to_mb(num(smem, "/after_load/vmrss_kb"_json_pointer)), std::nullopt, false);
        md << "\n";

        // Xapian's writer alone on the same documents (a6kb-writefloor).
        const json& wf = get("writefloor");
        if (wf.is_object() && wf.contains("variants")) {
            md << "| Xapian alone writing " << fmt(num(wf, "/documents"_json_pointer))
               << " of these documents, already built (a6kb-writefloor) | documents/s | CPU ms per document |\n|---|---|---|\n";
            const std::pair<const char*, const char*> labels[] = {
                {"full", "as a6kb writes them: terms, positions, values, stored text"},
                {"no-data", "without the stored text"},
                {"no-pos", "without positions"},
                {"terms-only", "terms only"},
                {"full-2", "as a6kb writes them, two databases written at once"}};
            for (const auto& [key, label] : labels) {
                const json& v = wf["variants"].value(key, json());
                md << "| " << label << " | " << fmt(num(v, "/docs_per_s"_json_pointer)) << " | "
                   << fmt(num(v, "/cpu_ms_per_doc"_json_pointer)) << " |\n";
            }
            md << "\n";
        }

        // Core in-process.
        const json& t1 = get("core_t1");
        const json& t2 = get("core_t2");
        json a1 = core_mode(t1, "a6kb"), x1 = core_mode(t1, "xapian"), a2 = core_mode(t2, "a6kb"), x2 = core_mode(t2, "xapian");
        if (!a1.is_null() || !x1.is_null()) {
            md << "| in-process, no HTTP | a6kb::Searcher | raw Xapian | a6kb ÷ Xapian |\n|---|---|---|---|\n";
            auto crow = [&](const std::string& label, std::optional<double> a, std::optional<double> x) {
                md << "| " << label << " | " << fmt(a) << " | " << fmt(x) << " | " << ratio(a, x) << " |\n";
            };
            crow("1 thread: requests/s", rps(a1), rps(x1));
            crow("1 thread: p50 latency, ms", p50(a1), p50(x1));
            crow("1 thread: p99 latency, ms", p99(a1), p99(x1));
            crow("2 threads: requests/s", rps(a2), rps(x2));
            if (a1.contains("totals_agree"))
                md << "| requests whose match totals agree | " << a1.value("totals_agree", 0) << " of "
                   << a1.value("requests_in_list", 0) << " | | |\n";
            md << "\n";
        }

        // Targets.
        auto add = [&](const std::string& what, const std::string& measured, std::optional<bool> met) {
            targets.push_back({name, what, measured, met});
        };
        if (sphinx) {
            // Met by the default configuration (the response cache on), with
            // the ratio of every request searched afresh shown beside it.
            for (int c : {2, 8, 32}) {
                auto sphinx_rps = rps(http("sphinx_sql", c));
                auto r_cached = div(rps(http("a6kb_cached_load", c)), sphinx_rps);
                if (!r_cached) r_cached = div(rps(http("a6kb_cached_http", c)), sphinx_rps);
                auto r_same = div(rps(http("a6kb_load", c)), sphinx_rps);
                auto r_wrk = div(rps(http("a6kb_http", c)), sphinx_rps);
                std::optional<bool> met;
                if (r_cached) met = *r_cached >= 5;
                else if (r_same) met = *r_same >= 5;
                std::string measured = r_cached ? fmt(r_cached) + "× with the response cache" : std::string("—");
                if (r_same) measured += "; " + fmt(r_same) + "× every request searched (a6kb-load vs a6kb-sqlload)";
                else if (r_wrk) measured += "; " + fmt(r_wrk) + "× every request searched (wrk vs a6kb-sqlload)";
                add("throughput at " + std::to_string(c) + " connections ≥ 5× Sphinx", measured, met);
            }
            auto floor1 = num(wf, "/variants/full/docs_per_s"_json_pointer);
            auto floor2 = num(wf, "/variants/full-2/docs_per_s"_json_pointer);
            add("indexing documents/s ≥ Sphinx indexer", fmt(a_dps) + " vs " + fmt(s_dps) +
                    (floor1 ? "; Xapian alone writing built documents: " + fmt(floor1) + " (two writers " + fmt(floor2) + ")"
                            : std::string()),
                a_dps && s_dps ? std::optional<bool>(*a_dps >= *s_dps) : std::nullopt);
        }
        {
            auto p = p99(http("a6kb_http", 1));
            add("p99 < 10 ms (1 connection, every request searched)", fmt(p) + " ms", p ? std::optional<bool>(*p < 10) : std::nullopt);
            auto p2 = p99(http("a6kb_http", 2));
            if (p2) add("p99 < 10 ms (2 connections, every request searched)", fmt(p2) + " ms", *p2 < 10);
            auto pc = p99(http("a6kb_cached_http", 2));
            if (pc) add("p99 < 10 ms (2 connections, response cache on)", fmt(pc) + " ms", *pc < 10);
        }
        if (!a1.is_null() && !x1.is_null()) {
            auto a = rps(a1), x = rps(x1);
            add("in-process core ≥ raw Xapian (requests/s, 1 thread)", fmt(a) + " vs " + fmt(x),
                a && x ? std::optional<bool>(*a >= *x) : std::nullopt);
        }
        if (is_synth && n_docs && *n_docs >= 9999 && *n_docs <= 10001) {
            auto noop = num(ix, "/noop_seconds"_json_pointer);
            add("no-op re-index of 10k documents < 2 s", fmt(noop) + " s", noop ? std::optional<bool>(*noop < 2) : std::nullopt);
        }
        if (is_synth && n_docs && *n_docs >= 100000) {
            auto hwm = kb_to_mb(num(amem, "/after_load/vmhwm_kb"_json_pointer));
            add("searchd RSS under load < 200 MB at 100k", fmt(hwm) + " MB (VmHWM)",
                hwm ? std::optional<bool>(*hwm < 200) : std::nullopt);
        }
        // Errors seen by the load clients.
        size_t errors = 0;
        for (auto& [k, v] : d.items())
            if (v.is_object() && v.contains("errors") && v["errors"].is_number() && k.find("warmup") == std::string::npos)
                errors += v["errors"].get<size_t>();
        if (errors) md << "Load clients counted " << errors << " failed requests in this data set (see parts/).\n\n";
    }

    md << "### Targets\n\n| data set | target | measured | |\n|---|---|---|---|\n";
    for (const auto& t : targets) md << "| " << t.dataset << " | " << t.what << " | " << t.measured << " | " << mark(t.met) << " |\n";
    json tj = json::array();
    for (const auto& t : targets)
        tj.push_back({{"dataset", t.dataset}, {"target", t.what}, {"measured", t.measured},
                      {"met", t.met ? json(*t.met) : json(nullptr)}});
    all["targets"] = tj;

    std::ofstream jo(json_out);
    jo << all.dump(2) << "\n";
    std::ofstream mo(md_out);
    mo << md.str();
    if (!jo || !mo) {
        std::fprintf(stderr, "a6kb-benchreport: cannot write the results\n");
        return 1;
    }
    return 0;
}
