#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Writes the generated catalogs of the shipped corpus from the fact lists.

    python3 scripts/corpus/from-facts.py [--facts DIR] [--out DIR] [--article6-cop-only]

Reads the CSV files of the facts folder (default: ../shared/facts next to the
repository) and scripts/corpus/decision-summaries.tsv, and writes, under
corpus/catalog/ (default):

    decisions.catalog.xml          COP, CMP and CMA decisions and resolutions
    a64-documents.catalog.xml      Article 6.4 Supervisory Body documents
    cdm-methodologies.catalog.xml  CDM methodologies
    cdm-tools.catalog.xml          CDM methodological tools

The output depends only on the inputs (no dates, no dictionary order), so a
rerun without changes rewrites identical files. The mapping rules are
documented in scripts/corpus/README.md and repeated in each file's header.
Standard library only.
"""

import argparse
import csv
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from catalog_xml import Record, clean, slug, write_catalog  # noqa: E402
import countries  # noqa: E402
import coverage  # noqa: E402
import sb_meetings  # noqa: E402
from sourcing import Tally  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"])}
MONTHS_SHORT = {m[:3]: i for m, i in MONTHS.items()}


# ---------------------------------------------------------------- helpers

def fail(msg):
    sys.exit("from-facts: " + msg)


def read_csv(facts, name):
    path = os.path.join(facts, name)
    if not os.path.exists(path):
        fail("missing fact list " + path)
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def iso_date(text):
    """'13 November 2021' -> '2021-11-13'; empty when the text is no such date."""
    m = re.fullmatch(r"(\d{1,2}) ([A-Za-z]+) (\d{4})", clean(text))
    if not m or m.group(2).lower() not in MONTHS:
        return ""
    return "%s-%02d-%02d" % (m.group(3), MONTHS[m.group(2).lower()], int(m.group(1)))


def meeting_last_day(text):
    """The last day of a meeting written '19-22 Sep 2022' or '30 Oct-2 Nov 2023'."""
    m = re.search(r"\d{1,2}(?: [A-Z][a-z]{2})?-(\d{1,2}) ([A-Z][a-z]{2}) (\d{4})", text)
    if not m or m.group(2).lower() not in MONTHS_SHORT:
        return ""
    return "%s-%02d-%02d" % (m.group(3), MONTHS_SHORT[m.group(2).lower()], int(m.group(1)))


def version_text(v):
    """A version as the catalog writes it. A bare integer ('3', from file names
    such as am-tool-03-v3.pdf) becomes '3.0', the form CDM documents print, so
    that a downloaded copy saying 'Version 03.0' gets the same record id."""
    v = clean(v)
    if re.fullmatch(r"\d+", v):
        return str(int(v)) + ".0"
    return v


def normalized_version(v):
    """The indexer's normalize_version: leading zeros dropped per part."""
    parts = re.split(r"[.-]", v)
    return ".".join(str(int(re.sub(r"\D", "", p) or "0")) for p in parts)


def first_match(rules, text):
    out = []
    for pattern, values in rules:
        if re.search(pattern, text, re.I):
            for v in values:
                if v not in out:
                    out.append(v)
    return out


# ---------------------------------------------------------------- decisions

DECISION_MECHANISMS = [
    (r"Article 6, paragraph 2\b", ["article-6.2"]),
    (r"Article 6, paragraph 4\b", ["article-6.4"]),
    (r"Article 6, paragraph 8\b", ["article-6.8"]),
    (r"Article 6 of the Paris Agreement", ["article-6.2", "article-6.4", "article-6.8"]),
    (r"clean development mechanism", ["cdm"]),
    (r"Article 6 of the Kyoto Protocol|joint implementation", ["joint-implementation"]),
    (r"mechanisms of the Kyoto Protocol|Kyoto mechanisms", ["cdm", "joint-implementation"]),
]

DECISION_TOPICS = [
    (r"non-market approaches", ["non-market-approaches"]),
    (r"capacity-building", ["capacity-building"]),
    (r"transparency framework|Article 13\b", ["reporting-transparency"]),
    (r"nationally determined contributions", ["ndc"]),
    (r"international transaction log", ["registries-tracking"]),
    (r"accreditation", ["accreditation"]),
]

# COP decisions are kept when their title names a market mechanism (the
# DECISION_MECHANISMS patterns: Article 6 of the Paris Agreement or one of its
# paragraphs, the clean development mechanism, joint implementation / Article 6
# of the Kyoto Protocol, the Kyoto mechanisms) or a market; "Article 6 of the
# Convention" (education and public awareness) is a different article and does
# not count. Kept by name: the decision adopting the Paris Agreement, whose
# Article 6 and paragraphs 36-40 are where Article 6 starts.
COP_MARKET = r"\bmarkets?\b|carbon pricing|cooperative approaches"
COP_KEEP = {"1/CP.21"}

BODY_ORDER = {"CMA": 0, "CMP": 1, "COP": 2}
SESSION_CODE = {"CMA": "CMA", "CMP": "CMP", "COP": "COP"}


def report_year(report_symbol):
    m = re.search(r"/(\d{4})/", report_symbol)
    return m.group(1) if m else ""


def host_places(rows):
    """Year of the report -> the host city (or country) named in that year's
    resolutions of gratitude."""
    places = {}
    for r in rows:
        if r["kind"] != "Resolution":
            continue
        title = clean(r["title"])
        m = re.search(r"people of (?:the city of )?(.+)$", title)
        if not m:
            m = re.search(r"Government of (?:the )?(.+)$", title)
        if m:
            places.setdefault(report_year(r["report_symbol"]), m.group(1).strip())
    return places


def decisions_catalog(facts, summaries, all_cop):
    rows = read_csv(facts, "decisions.csv")
    places = host_places(rows)
    cop_of_year = {}
    for r in rows:
        if r["body"] == "COP":
            cop_of_year.setdefault(report_year(r["report_symbol"]), r["session"])

    kept = []
    for r in rows:
        title = clean(r["title"])
        if r["body"] == "COP" and not all_cop:
            if not (first_match(DECISION_MECHANISMS, title) or re.search(COP_MARKET, title, re.I)
                    or (r["decision"] in COP_KEEP and r["kind"] == "Decision")):
                continue
        kept.append(r)

    def key(r):
        num, rest = r["decision"].split("/")
        return (BODY_ORDER[r["body"]], int(r["session"]), r["kind"] != "Decision", int(num))

    unused = set(summaries)
    records = []
    for r in sorted(kept, key=key):
        symbol = r["decision"]
        title = clean(r["title"])
        resolution = r["kind"] == "Resolution"
        if resolution:
            rec = Record("resolution-" + slug(symbol))
            rec.add("title", "Resolution: " + title)
        else:
            rec = Record()
            rec.add("title", title)
        rec.add("symbol", symbol)
        rec.add("symbol", r["report_symbol"])
        rec.add("type", "decision")
        rec.add("status", "adopted")
        rec.add("date", iso_date(r["adopted_date"]))
        rec.addall("mechanism", first_match(DECISION_MECHANISMS, title))
        rec.addall("topic", first_match(DECISION_TOPICS, title))
        year = report_year(r["report_symbol"])
        rec.add("keywords", "%s %s" % (SESSION_CODE[r["body"]], r["session"]))
        if r["body"] != "COP" and year in cop_of_year:
            rec.add("keywords", "COP %s" % cop_of_year[year])
        if year in places:
            rec.add("keywords", places[year])
        if not resolution and symbol in summaries:
            summary, cites = summaries[symbol]
            unused.discard(symbol)
            rec.add("summary", summary)
        else:
            cites = []
        # Decisions a title names ("... referred to in decision 4/CMA.4") are cited too.
        named = re.findall(r"\b\d{1,3}/(?:CMA|CMP|CP)\.\d{1,2}\b", title)
        rec.addall("cites", [c for c in list(cites) + named if c != symbol])
        records.append(rec)
    if unused:
        fail("decision-summaries.tsv names decisions not in the catalog: " + ", ".join(sorted(unused)))
    return records


def read_summaries(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) not in (2, 3) or not cols[1].strip():
                fail("%s:%d: expected 'symbol TAB summary [TAB cites]'" % (path, n))
            if cols[0] in out:
                fail("%s:%d: %s appears twice" % (path, n, cols[0]))
            out[cols[0]] = (cols[1].strip(), cols[2].split() if len(cols) == 3 else [])
    return out


# ---------------------------------------------------------------- Article 6.4 documents

A64_TYPES = {
    "meeting report": "meeting-report",
    "recommendation": "recommendation",
    "information note": "information-note",
    "provisional agenda": "agenda",
    "proposed agenda": "agenda",
    "concept note": "concept-note",
    "standard": "standard",
    "procedure": "procedure",
    "tool": "tool",
    "methodology": "methodology",
    "form": "form",
    "report": "report",
}

# CSV status -> (taxonomy status or None, sentence for the summary)
A64_STATUS = {
    "adopted/approved": ("adopted", "Listed as adopted."),
    "approved": ("adopted", "Listed as approved at that meeting."),
    "adopted": ("adopted", None),
    "under consideration": ("under-consideration",
                            "Listed among the documents put before that meeting for consideration; "
                            "this record does not say what the Supervisory Body decided on it."),
    "draft": ("draft", "This is a draft version, not an approved one."),
    "meeting document": (None, "A meeting document; no status is recorded for it."),
    "referenced": (None, "Known from an official UNFCCC page that refers to it; its text, version "
                         "and status are not recorded here."),
    "issued (document text excerpt)": (None, "Known from a copy of its text, which shows it was issued at "
                                             "SB 009; its approval status is not confirmed here."),
    "adopted (per summary)": (None, None),
    "adopted (per third-party newsletter)": (None, None),
    "issued (per third-party editorial)": (None, None),
}

THIRD_PARTY = {"adopted (per summary)", "adopted (per third-party newsletter)",
               "issued (per third-party editorial)"}

# Stable ids for the rows that have no symbol, by the start of their title.
A64_IDS = [
    ("Standard: Application of the requirements of Chapter V.B", "a6-4-standard-methodology-requirements"),
    ("Standard: Requirements for activities involving removals", "a6-4-standard-removals"),
    ("Article 6.4 sustainable development tool", "a6-4-sustainable-development-tool"),
    ("Standard: Demonstration of additionality", "a6-4-standard-additionality"),
    ("Standard: Setting the baseline", "a6-4-standard-baseline"),
    ("Standard: leakage", "a6-4-standard-leakage"),
    ("Methodological tool: Analysis of lock-in risk", "a6-4-draft-tool-lock-in-risk"),
    ("Methodological tool: Fraction of non-renewable biomass", "a6-4-draft-tool-fraction-non-renewable-biomass"),
    ("Procedure: Transition of CDM activities", "a6-4-procedure-cdm-transition"),
]

A64_TOPICS = [
    (r"transition of CDM", ["cdm-transition"]),
    (r"share of proceeds", ["share-of-proceeds-omge"]),
    (r"removals", ["removals-permanence"]),
    (r"accreditation|Accreditation Expert Panel", ["accreditation"]),
    (r"validation and verification", ["mrv"]),
    (r"activity cycle", ["activity-cycle"]),
    (r"programmes of activities|\bPoAs\b", ["programmes-of-activities"]),
    (r"methodolog|baseline|leakage|non-renewable biomass", ["methodologies-baselines"]),
    (r"additionality|lock-in", ["additionality"]),
    (r"sustainable development tool", ["sustainable-development-safeguards"]),
    (r"appeal|grievance|communication with stakeholders|observers|public inputs", ["stakeholder-engagement-grievances"]),
    (r"rules of procedure|terms of reference|expert panels|workplan|participation requirements|support structure",
     ["institutional-arrangements"]),
    (r"guide or manual", ["capacity-building"]),
]

A64_GROUPS = [
    (r"host Party|\bDNA\b", ["governments-dnas"]),
    (r"validation and verification|activity standard|activity cycle|accreditation standard|Standard: Article 6.4 accreditation",
     ["project-developers"]),
]

TYPE_WORDS = {
    "meeting-report": "Report of the meeting",
    "recommendation": "A recommendation of the Article 6.4 Supervisory Body",
    "information-note": "An information note of the Article 6.4 Supervisory Body",
    "agenda": "The agenda",
    "concept-note": "A concept note for the Article 6.4 Supervisory Body",
    "standard": "A standard of the Article 6.4 mechanism (Paris Agreement Crediting Mechanism)",
    "procedure": "A procedure of the Article 6.4 mechanism (Paris Agreement Crediting Mechanism)",
    "tool": "A tool of the Article 6.4 mechanism (Paris Agreement Crediting Mechanism)",
    "methodology": "A methodology of the Article 6.4 mechanism (Paris Agreement Crediting Mechanism)",
    "form": "A form of the Article 6.4 mechanism (Paris Agreement Crediting Mechanism)",
    "report": "A report of the Article 6.4 Supervisory Body",
}


def third_party_note(status_raw, meeting, version):
    """A sentence saying what a third-party source reports, and that it is not
    confirmed, from the meeting field of the row."""
    unconfirmed = " This is not confirmed from an official source, so no status is claimed here."
    if status_raw == "adopted (per summary)":
        m = re.search(r"(SBM \d{3}(?: \([^)]*\))?)", meeting)
        return ("A third-party summary of meeting %s reports that the Supervisory Body adopted it."
                % m.group(1)) + unconfirmed
    if status_raw == "adopted (per third-party newsletter)":
        out = ""
        drafts = re.search(r"drafts presented at (SBM \d{3})", meeting)
        if drafts:
            out += "Drafts of it were in the documents of %s. " % drafts.group(1)
        m = re.findall(r"(SBM \d{3}(?: \([^)]*\))?)", meeting)
        return out + ("A third-party newsletter reports its adoption at %s." % m[-1]) + unconfirmed
    if status_raw == "issued (per third-party editorial)":
        m = re.search(r"released (\d{1,2} \w+ \d{4})", meeting)
        return ("A third-party editorial reports that version %s was released on %s."
                % (version, m.group(1))) + unconfirmed
    fail("no note for status " + status_raw)


def a64_type(raw):
    base = raw.lower()
    base = re.sub(r"\(.*?\)", "", base)
    base = re.sub(r"\bdraft\b", "", base).strip()
    if base == "":
        base = "report"  # "draft (under consideration)": the draft annual report
    if base not in A64_TYPES:
        fail("a64_documents.csv: unknown type '%s' (add it to A64_TYPES)" % raw)
    return A64_TYPES[base]


def meeting_code(meeting):
    m = re.match(r"(SBM?) ?(\d{3})", meeting)
    if m:
        return "%s %s" % (m.group(1), m.group(2))
    return ""


def a64_catalog(facts):
    rows = read_csv(facts, "a64_documents.csv")
    records = []
    for r in rows:
        raw_symbol = clean(r["symbol"])
        has_symbol = raw_symbol.startswith("A6.4-")
        title = clean(r["title"])
        rtype = a64_type(r["type"])
        status_raw = clean(r["status"])
        unverified_symbol = "unverified" in status_raw
        if status_raw in A64_STATUS:
            status, status_note = A64_STATUS[status_raw]
        elif unverified_symbol:
            status, status_note = None, None
        else:
            fail("a64_documents.csv: unknown status '%s' (add it to A64_STATUS)" % status_raw)
        meeting = clean(r["meeting"])
        code = meeting_code(meeting)
        version = clean(r["version"])

        # Title: make the bare "Meeting report" and descriptive stand-ins readable.
        if title == "Meeting report" and code:
            title = "Meeting report (%s)" % code
        title = re.sub(r"\s*\[symbol-title pairing\]$", "", title)
        if title.startswith("(") and has_symbol:
            title = "%s: Article 6.4 mechanism methodology" % raw_symbol

        rid = None
        if not has_symbol:
            for prefix, fixed in A64_IDS:
                if title.lower().startswith(prefix.lower()):
                    rid = fixed
                    break
            if not rid:
                rid = "a6-4-" + slug(title)
            if version:
                rid += "-v" + slug(normalized_version(version))
        rec = Record(rid)
        rec.add("title", title)
        if has_symbol:
            rec.add("symbol", raw_symbol)
        rec.add("version", version)
        rec.add("type", rtype)
        mechanisms = ["article-6.4"]
        if re.search(r"\bCDM\b", title):
            mechanisms.append("cdm")
        rec.addall("mechanism", mechanisms)
        rec.addall("group", first_match(A64_GROUPS, title))
        rec.addall("topic", first_match(A64_TOPICS, title))
        rec.add("status", status)
        if status_raw not in THIRD_PARTY and status_raw != "referenced" and code:
            rec.add("date", meeting_last_day(meeting))
        url = r["source"].split()[0] if r["source"].strip() else ""
        if re.match(r"https://unfccc\.int/", url):
            rec.add("url", url)

        # Summary in our words, from the type, meeting and status.
        parts = []
        where = ""
        if code and re.match(r"SBM? \d{3}, ", meeting):
            where = "meeting %s (%s)" % (code, meeting.split(", ", 1)[1])
        if rtype == "meeting-report":
            parts.append("Report of the Article 6.4 Supervisory Body's %s, recording what the Body "
                         "considered and agreed." % (where or "meeting"))
        elif rtype == "agenda":
            parts.append("An agenda of the Article 6.4 Supervisory Body%s."
                         % ((", in the documents of " + where) if where else ""))
        else:
            s = TYPE_WORDS[rtype]
            if version:
                s += ", version %s" % version
            if where:
                s += ", in the documents of %s" % where
            parts.append(s + ".")
        decision = re.search(r"decision (\d+/CMA\.\d+)", meeting)
        if decision and not has_symbol:
            if "noted" in meeting:
                parts.append("Adopted by the Supervisory Body before the sixth session of the CMA, which "
                             "took note of its adoption in decision %s." % decision.group(1))
            elif "referenced" in meeting:
                parts.append("Named in decision %s, which asks the Supervisory Body to take relevant "
                             "international environmental agreements into account when applying it."
                             % decision.group(1))
        if "SB agreement reported" in meeting:
            m = re.search(r"SB agreement reported (\w+ \d{4})", meeting)
            month, year = m.group(1).split()
            month = next((k.capitalize() for k in MONTHS if k.startswith(month.lower())), month)
            parts.append("The Supervisory Body's agreement on it was reported in %s %s." % (month, year))
        if rtype == "methodology" and "landfill" in r["title"]:
            parts = ["A methodology of the Article 6.4 mechanism (Paris Agreement Crediting Mechanism), "
                     "known from the in-meeting documents of SBM 021 (18-21 May 2026), where a "
                     "clarification of its applicability to landfill projects was presented. The facts "
                     "give no title, version or status for it."]
            status_note = None
        if status_raw in THIRD_PARTY:
            parts.append(third_party_note(status_raw, meeting, version))
        if not has_symbol and re.search(r"draft", r["type"] + " " + status_raw, re.I) and "SBM 021" in meeting:
            parts.append("A draft presented in the in-meeting documents of SBM 021 (18-21 May 2026); "
                         "it has no document symbol in the facts.")
        if status_note:
            parts.append(status_note)
        if unverified_symbol:
            parts.append("The pairing of the symbol A6.4-STAN-METH-001 with this standard was seen only "
                         "in a third-party code test and is unverified; the standard itself, without "
                         "a symbol, is the record 'Standard: Application of the requirements of "
                         "Chapter V.B (Methodologies) ...', whose adoption decision 5/CMA.6 notes.")
        rec.add("summary", " ".join(parts))
        if code:
            rec.add("keywords", code)
            place = re.search(r", ([A-Z][a-z]+)$", meeting)
            if place:
                rec.add("keywords", place.group(1))
        rec.add("keywords", "Supervisory Body")
        cites = re.findall(r"\b\d+/CMA\.\d+\b", meeting + " " + r["source"])
        if unverified_symbol:
            cites.append("5/CMA.6")
        rec.addall("cites", cites)
        records.append(rec)
    return records, rows


# ---------------------------------------------------------------- CDM methodologies

def stated_scopes(row):
    """The scopes the most recent stated version gives (a methodology's scope
    changed over its versions for AMS-III.D); falls back to the list as given."""
    best = None
    for part in row["stated_scope_version_and_source"].split("||"):
        m = re.match(r"\s*v(\d+(?:\.\d+)*)(?:\s*\(draft\))?\s*:\s*([\d &]+?)\s*<-", part)
        if not m:
            continue
        key = tuple(int(x) for x in m.group(1).split("."))
        if best is None or key > best[0]:
            best = (key, m.group(2), m.group(1))
    if best:
        return re.findall(r"\d+", best[1]), best[2]
    return re.findall(r"\d+", row["sectoral_scopes_stated"]), None


SCALE_WORDS = {
    "large-scale": "Large-scale",
    "small-scale": "Small-scale",
    "afforestation/reforestation (large-scale)": "Large-scale afforestation and reforestation (A/R)",
}


def methodologies_catalog(facts):
    rows = read_csv(facts, "cdm_methodologies.csv")
    scope_names = {r["scope_number"]: clean(r["scope_name"]) for r in read_csv(facts, "cdm_sectoral_scopes.csv")}
    records = []
    for r in rows:
        code = clean(r["code"])
        title = clean(r["title"])
        known_title = not title.startswith("(")
        scale = clean(r["scale_category"])
        rec = Record()
        if known_title:
            rec.add("title", title)
        else:
            kind = "afforestation and reforestation methodology" if code.startswith("AR-") else "methodology"
            rec.add("title", "%s: %s CDM %s" % (code, scale, kind))
        rec.add("symbol", code)
        version = clean(r["latest_version_in_index"])
        rec.add("version", version)
        rec.add("type", "methodology")
        rec.add("mechanism", "cdm")
        scopes, scope_version = stated_scopes(r)
        rec.addall("scope", scopes)
        url = clean(r["db_url"])
        if url.startswith("https://") or url.startswith("http://"):
            rec.add("url", url)

        words = SCALE_WORDS.get(scale)
        if not words:
            fail("cdm_methodologies.csv: unknown scale category '%s'" % scale)
        if code.startswith("ACM") or code.startswith("AR-ACM"):
            words += " consolidated"
        if code.startswith("AR-") and "afforestation" not in words.lower():
            words += " afforestation and reforestation (A/R)"
        parts = ["%s CDM methodology %s." % (words, code)]
        if scopes:
            named = "; ".join(("%s %s" % (sc, scope_names[sc])) if sc in scope_names else sc for sc in scopes)
            label = "Sectoral scope" if len(scopes) == 1 else "Sectoral scopes"
            if scope_version:
                parts.append("%s stated in version %s: %s." % (label, scope_version, named))
            else:
                parts.append("%s stated: %s." % (label, named))
        count = clean(r["project_count_cadtrust"])
        if count:
            n = int(count)
            if n == 0:
                parts.append("No registered CDM project uses it (registry export, August 2023).")
            elif n == 1:
                parts.append("Used by 1 registered CDM project (registry export, August 2023).")
            else:
                parts.append("Used by %d registered CDM projects (registry export, August 2023)." % n)
        if not known_title:
            parts.append("It is not in the 2025 snapshot of the approved-methodology index, and the "
                         "facts give neither its title nor its latest version.")
        rec.add("summary", " ".join(parts))
        records.append(rec)
    return records


# ---------------------------------------------------------------- CDM tools

TOOL_TOPICS = [
    (r"additionality|common practice|investment analysis|first-of-its-kind|positive lists", ["additionality"]),
    (r"baseline", ["methodologies-baselines"]),
    (r"leakage", ["methodologies-baselines"]),
]


def tools_catalog(facts):
    index = read_csv(facts, "cdm_tools_index.csv")
    documents = read_csv(facts, "cdm_documents.csv")
    # Versions the tool documents themselves state ('03.0'), by code and
    # normalized number, preferred over the index's file-name form ('3').
    stated = {}
    for d in documents:
        code = clean(d["symbol_or_reference"])
        if re.fullmatch(r"(AR-)?TOOL\d{2}", code):
            stated[(code, normalized_version(version_text(d["version"])))] = d

    records, seen = [], set()

    def add_tool(code, title, version, note=None):
        title = re.sub(r"^(A/R )?Methodological [Tt]ool: ", "", clean(title)).rstrip(";").strip()
        v = version_text(version)
        key = (code, normalized_version(v))
        if key in seen:
            return
        seen.add(key)
        if key in stated:
            v = clean(stated[key]["version"])
        rec = Record()
        rec.add("title", title)
        rec.add("symbol", code)
        rec.add("version", v)
        rec.add("type", "tool")
        rec.add("mechanism", "cdm")
        rec.addall("topic", first_match(TOOL_TOPICS, title))
        ar = (code or "").startswith("AR-") or "A/R" in title
        what = "a methodological tool of the CDM for afforestation and reforestation (A/R) project activities" \
            if ar else "a methodological tool of the CDM"
        s = "%s%s is %s." % (code, (" (version %s)" % v) if v else "", what)
        s += " CDM methodologies refer to such tools so that a common calculation or test is defined once."
        if note:
            s += " " + note
        rec.add("summary", s)
        records.append(rec)

    for t in index:
        add_tool(clean(t["tool"]), t["title"], t["version"])
    for d in documents:
        code = clean(d["symbol_or_reference"])
        if re.fullmatch(r"(AR-)?TOOL\d{2}", code):
            add_tool(code, d["title"], d["version"],
                     note="This version is known from a copy of the tool document, not from the tool index.")
    return records


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description="Write corpus/catalog/*.catalog.xml from the fact lists.")
    ap.add_argument("--facts", default=os.path.join(REPO, "..", "shared", "facts"),
                    help="folder of the fact CSV files (default: ../shared/facts next to the repository)")
    ap.add_argument("--out", default=os.path.join(REPO, "corpus", "catalog"),
                    help="folder to write the catalogs to (default: corpus/catalog)")
    ap.add_argument("--summaries", default=os.path.join(HERE, "decision-summaries.tsv"),
                    help="hand-written decision summaries (default: scripts/corpus/decision-summaries.tsv)")
    ap.add_argument("--article6-cop-only", dest="all_cop", action="store_false",
                    help="keep only the COP decisions whose title concerns Article 6 or the CDM "
                         "(default: every COP decision, as context for the Article 6 ones)")
    ap.add_argument("--cb-summaries", dest="cb_summaries", default=os.path.join(HERE, "coverage-summaries.tsv"),
                    help="our descriptions of the capacity-building programmes (default: scripts/corpus/coverage-summaries.tsv)")
    args = ap.parse_args()
    facts = os.path.normpath(args.facts)
    out = os.path.normpath(args.out)

    summaries = read_summaries(args.summaries)
    counts = {}
    counts["decisions"] = write_catalog(
        os.path.join(out, "decisions.catalog.xml"),
        """
Decisions and resolutions of the COP, the CMP and the CMA, 2014-2024 (facts: decisions.csv).
Kept: every CMA and CMP decision and resolution; COP decisions only when the title names
Article 6 of the Paris Agreement or one of its paragraphs, the clean development mechanism,
joint implementation (Article 6 of the Kyoto Protocol), the Kyoto mechanisms or a market,
plus 1/CP.21 (adoption of the Paris Agreement). Article 6 of the Convention is another
article and does not count.%s
Fields: the decision symbol and the report symbol; resolutions get the id
resolution-N-body-S and a title starting "Resolution: ", since their numbers collide
with decisions; status adopted; date = the adoption date given; mechanism and topic only
from title words; keywords = the session, the COP of the same year, and the host city
(or country) named in that year's resolutions of gratitude. Summaries are our own
(scripts/corpus/decision-summaries.tsv).
""" % (" Generated with every COP decision kept (the default), as context; only the ones above are tagged with a mechanism." if args.all_cop else ""),
        decisions_catalog(facts, summaries, args.all_cop))
    tally = Tally()
    a64_records, a64_rows = a64_catalog(facts)
    sb_docs, meetings = sb_meetings.sb_meetings(facts, a64_rows, a64_records, tally, meeting_last_day)
    counts["a64-documents"] = write_catalog(
        os.path.join(out, "a64-documents.catalog.xml"),
        """
Documents of the Article 6.4 Supervisory Body (facts: a64_documents.csv), one record a row.
Type: the CSV type without "draft" and parentheses (meeting report, recommendation,
information note, agenda, concept note, standard, procedure, tool, methodology, form,
report). Status: adopted/approved and approved -> adopted; under consideration ->
under-consideration; draft -> draft; reports from third-party sources, documents only
referred to, and unverified symbols get no status and say so in the summary.
Date: the last day of the meeting the document belongs to (a meeting date, not
necessarily the day the document was approved), only for official meeting listings.
Url: the official unfccc.int page the row was read from (the meeting page).
Rows without a symbol get a fixed id (a6-4-...).
Then the documents of a64_sb_meetings.csv that are not already here (a new symbol, or a
secondary or community report of an outcome: no status, said so); rows naming a document
already here are merged into it (one record per document).
""",
        a64_records + sb_docs)
    counts["cdm-methodologies"] = write_catalog(
        os.path.join(out, "cdm-methodologies.catalog.xml"),
        """
CDM methodologies (facts: cdm_methodologies.csv and cdm_sectoral_scopes.csv), one record
a row: code, title, the latest version in the approved-methodology index, the database
address. Sectoral scopes only where a methodology document states them (those of the
most recent version that states one); never guessed. The summary gives the scale
category and, from the CDM registry export of August 2023, how many registered CDM
projects use the methodology. No status: the facts give none.
""",
        methodologies_catalog(facts))
    counts["cdm-tools"] = write_catalog(
        os.path.join(out, "cdm-tools.catalog.xml"),
        """
CDM methodological tools (facts: cdm_tools_index.csv, cdm_documents.csv): every row of the
tool index, plus TOOLnn versions from cdm_documents.csv the index does not list.
Tool versions filed as annexes of Executive Board reports (no TOOL code) are left out.
A bare integer version from the index (file names such as am-tool-03-v3.pdf) is written
N.0; where a tool document states the same version (03.0), its form is used.
""",
        tools_catalog(facts))
    resolver = countries.Resolver(countries.load())
    arrangement_records, groups = coverage.arrangements(facts, resolver, tally)
    counts["a62-arrangements"] = write_catalog(
        os.path.join(out, "a62-arrangements.catalog.xml"),
        """
Article 6.2 arrangements (facts: a62_arrangements.csv): one record per host Party, acquiring
Party and kind of instrument; rows of the same three are merged, every source listed with its
kind and every date it gives. Then one record per acquiring Party listing its arrangements by
kind (a6-2-partners-XX). Then the transfers, authorizations and reports of
a62_first_transfers.csv, one record a row, citing the arrangements of the same two Parties.
Facets: type arrangement or transfer, country (both Parties), host, acquirer, instrument,
certainty (official, secondary, reported). Community rows say "reported by ..., unverified".
""",
        arrangement_records + coverage.partners(groups, resolver) + coverage.transfers(facts, resolver, groups, tally))
    counts["capacity-building"] = write_catalog(
        os.path.join(out, "capacity-building.catalog.xml"),
        """
Article 6 capacity-building programmes and resources (facts: capacity_building.csv), one
record a row: provider, kind, audience as stakeholder groups, countries where the row names
them (regions stay words), start year as the date. Summaries, groups and topics are ours
(scripts/corpus/coverage-summaries.tsv).
""",
        coverage.capacity_building(facts, args.cb_summaries, resolver, tally))
    counts["sb-meetings"] = write_catalog(
        os.path.join(out, "sb-meetings.catalog.xml"),
        """
Meetings of the Article 6.4 Supervisory Body, SB 002 to SBM 023 (facts: a64_sb_meetings.csv
and a64_documents.csv), one record a meeting, citing the documents the fact lists give for
it. Dates and place from official listings; others are shown as reported. Meetings the
facts say little or nothing about say so: gaps, not guesses.
""",
        meetings)
    counts["cdm-transition"] = write_catalog(
        os.path.join(out, "cdm-transition.catalog.xml"),
        """
CDM activities requesting transition to the Article 6.4 mechanism (facts: cdm_transition.csv):
one record per date, the figure as of that date with its source; the records of the series
cite each other.
""",
        coverage.cdm_transition(facts, tally))
    for name, n in counts.items():
        print("%s: %d records" % (name, n))
    for line in tally.lines():
        print(line)


if __name__ == "__main__":
    main()
