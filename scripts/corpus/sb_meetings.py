# SPDX-License-Identifier: Apache-2.0
"""The Article 6.4 Supervisory Body's meetings (a64_sb_meetings.csv) merged
with its documents (a64_documents.csv, already records): a row naming a
document that is already a record is merged into it (one record per
document); the others become new document records or facts of a meeting; and
every meeting SB 002 to SBM 023 is a record of type `meeting` listing what the
fact lists hold for it, with the known gaps said as gaps. Rules in
scripts/corpus/README.md."""

import re

from catalog_xml import Record, clean
from coverage import read_rows
from sourcing import certainty, fail, human_date, sentence, source_name, sourced

FIRST, LAST = 2, 23
# Meetings the facts README names as thin (SB 009-010, SBM 014, SBM 016-020).
THIN = {9, 10, 14, 16, 17, 18, 19, 20}

# Rows without a symbol of their own: (meeting starts with, title starts with) ->
# ("merge", existing record ids) | ("new", id, type) | ("meeting", None).
RULES = [
    ("SBM 013", "(meeting page", ("meeting", None)),
    ("SBM 014 (per", "Methodology standard", ("merge", ["a6-4-standard-methodology-requirements", "a6-4-standard-removals"])),
    ("SBM 014", "(meeting held", ("meeting", None)),
    ("SB 010 (per", "Methodological framework", ("meeting", None)),
    ("SBM 015", "Standard: Demonstration of additionality", ("merge", ["a6-4-standard-additionality"])),
    ("SBM 015", "Revised standard and procedure", ("new", "a6-4-sbm015-revised-cdm-transition-standard-procedure", "standard",
                                                   "Revised standard and procedure for the transition of CDM activities (SBM 015)")),
    ("SBM 015", "Revised activity cycle procedure", ("new", "a6-4-sbm015-revised-activity-cycle-procedure", "procedure",
                                                     "Revised activity cycle procedure (SBM 015)")),
    ("SBM 015", "Workplans 2025", ("new", "a6-4-sbm015-workplans-2025", "information-note",
                                   "Workplans 2025 of the Supervisory Body and its expert panels (SBM 015)")),
    ("SBM 021", "(in-meeting documents", ("meeting", None)),
    ("(not stated)", "N2O abatement", ("new", "a6-4-methodology-n2o-nitric-acid-reported", "methodology",
                                       "Methodology for N2O abatement in nitric acid production (reported)")),
    ("SBM 022", "Grid-connected renewable", ("new", "a6-4-methodology-grid-renewable-electricity-reported", "methodology",
                                             "Methodology for grid-connected renewable electricity (reported)")),
    ("SBM 023", "(scheduled)", ("meeting", None)),
]

KIND_TYPES = {"meeting report": "meeting-report", "recommendation": "recommendation",
              "information note": "information-note", "standard": "standard", "procedure": "procedure",
              "tool": "tool", "other": "agenda"}


def code(n):
    return ("SB %03d" if n <= 11 else "SBM %03d") % n


def numbers_in(text):
    return [int(x) for x in re.findall(r"\bSBM? ?(\d{3})\b", text)]


def norm_version(v):
    parts = re.split(r"[.-]", clean(v))
    return ".".join(str(int(p)) for p in parts if p.isdigit()) if clean(v) else ""


def field(rec, name):
    return next((v for n, v in rec.fields if n == name), "")


def append_summary(rec, text):
    for i, (n, v) in enumerate(rec.fields):
        if n == "summary":
            rec.fields[i] = (n, v + " " + text)
            return
    rec.add("summary", text)


class Meeting:
    def __init__(self, n):
        self.n, self.docs, self.facts, self.kinds = n, [], [], set()
        self.first = self.last = self.place = ""
        self.dates_kind = ""

    def set_dates(self, dates, place, kind, src):
        m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})/(\d{4}-\d{2}-\d{2})", clean(dates))
        better = not self.first and (kind == "official" or self.dates_kind != "official")
        if m and better:
            self.first, self.last, self.dates_kind, self.dates_src = m.group(1), m.group(2), kind, src
        if clean(place) and (not self.place or kind == "official"):
            self.place, self.place_kind, self.place_src = clean(place), kind, src


def new_document(r, rule, meeting_n):
    rid, rtype, title = rule[1], rule[2], rule[3]
    rec = Record(rid)
    rec.add("title", title)
    rec.add("type", rtype)
    rec.add("mechanism", "article-6.4")
    rec.add("certainty", certainty(r["source_kind"]))
    where = ("at %s" % code(meeting_n)) if meeting_n else "at a meeting the source does not name"
    what = "this outcome" if rtype != "information-note" else "this document"
    if r["source_kind"] == "secondary":
        s = "A secondary summary (%s) reports %s %s." % (source_name(r["source"]), what, where)
    else:
        s = "Reported by %s, unverified: %s %s." % (source_name(r["source"]), what, where)
    s += " The source's words: '%s'." % clean(r["title"])
    if clean(r["date"]):
        s += " Date given: %s." % human_date(clean(r["date"]))
    s += (" The fact lists give no document symbol or version for it, and it is not confirmed from an "
          "official UNFCCC document, so no status is claimed.")
    rec.add("summary", s)
    text = "Source address: %s" % clean(r["source"])
    if clean(r["note"]):
        text += "\nFact-list note: " + sentence(clean(r["note"]))
    rec.add("text", text)
    rec.addall("keywords", ([code(meeting_n)] if meeting_n else []) + ["Supervisory Body"])
    return rec


def symbol_document(r, meeting, last_day):
    """A symbol the Article 6.4 documents do not list (A6.4-SB011-A07)."""
    title = clean(r["title"])
    cut = "[...]" in title
    title = re.sub(r"\[\.\.\.\].*$", "...", title)
    rec = Record()
    rec.add("title", title + (" (title cut short in the source)" if cut else ""))
    rec.add("symbol", clean(r["symbol"]))
    rec.add("version", clean(r["version"]))
    rtype = KIND_TYPES.get(clean(r["kind"]))
    if not rtype:
        fail("a64_sb_meetings.csv: no type for kind '%s'" % r["kind"])
    rec.add("type", rtype)
    rec.add("mechanism", "article-6.4")
    rec.add("certainty", certainty(r["source_kind"]))
    rec.add("date", last_day)
    if r["source"].startswith("https://unfccc.int/"):
        rec.add("url", clean(r["source"]))
    s = "A document of the Article 6.4 Supervisory Body listed for meeting %s" % meeting
    s += (". Its title is cut short in the source the fact lists read, so only its start is given; "
          "its status is not recorded here." if cut else "; its status is not recorded here.")
    rec.add("summary", s)
    rec.addall("keywords", [meeting, "Supervisory Body"])
    return rec


SHORT_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def first_day(words):
    """'19-22 Sep 2022' -> '2022-09-19'; '30 Oct-2 Nov 2023' -> '2023-10-30'."""
    m = re.match(r"(\d{1,2})(?: ([A-Z][a-z]{2}))?-\d{1,2} ([A-Z][a-z]{2}) (\d{4})", words)
    if not m:
        return ""
    month = SHORT_MONTHS.index(m.group(2) or m.group(3)) + 1
    return "%s-%02d-%02d" % (m.group(4), month, int(m.group(1)))


def rule_for(r):
    for meeting, title, action in RULES:
        if clean(r["meeting"]).startswith(meeting) and clean(r["title"]).startswith(title):
            return action
    fail("a64_sb_meetings.csv: no rule for the row '%s' / '%s' (add it to RULES)" % (r["meeting"], r["title"]))


def merge_note(rec, r):
    """What a merged row adds to an existing record, in words; empty when it adds nothing."""
    if clean(r["symbol"]) == "A6.4-AMM-001":
        return ("Reported by %s (news), unverified: it is the first methodology of the "
                "mechanism, '%s', adopted at SBM 019 on %s." % (
                    source_name(r["source"]), re.sub(r"\s*\(.*\)$", "", clean(r["title"])),
                    human_date(clean(r["date"]))))
    if clean(r["meeting"]).startswith("SBM 014 (per"):
        return ("A secondary summary (%s) says the Body adopted it before COP29, which endorsed it, without "
                "naming the meeting." % source_name(r["source"]))
    return ""


def sb_meetings(facts, a64_rows, a64_records, tally, last_day_of):
    """New document records and the meeting records; merges rows into a64_records."""
    by_symbol = {}
    by_id = {rec.rid: rec for rec in a64_records if rec.rid}
    meetings = {n: Meeting(n) for n in range(FIRST, LAST + 1)}
    for row, rec in zip(a64_rows, a64_records):
        sym = field(rec, "symbol")
        if sym:
            by_symbol[(sym, norm_version(field(rec, "version")))] = rec
            by_symbol.setdefault((sym, None), rec)
        for n in set(numbers_in(row["meeting"])):
            if n in meetings:
                meetings[n].docs.append(rec)
        m = re.match(r"(SBM? \d{3}), (\d.*\d{4})(?:, (\w+))?$", clean(row["meeting"]))
        if m and not numbers_in(row["status"]) and "per" not in row["status"]:
            n = numbers_in(m.group(1))[0]
            last = last_day_of(clean(row["meeting"]))
            if last and not meetings[n].last:
                meetings[n].first, meetings[n].last, meetings[n].dates_kind = first_day(m.group(2)), last, "official"
            if m.group(3) and not meetings[n].place:
                meetings[n].place, meetings[n].place_kind = m.group(3), "official"

    rows = read_rows(facts, "a64_sb_meetings.csv")
    new_docs = []
    for r in rows:
        ns = [n for n in numbers_in(r["meeting"]) if n in meetings]
        n = ns[0] if ns else None
        if n:
            meetings[n].set_dates(r["meeting_dates"], r["place"], r["source_kind"], r["source"])
            meetings[n].kinds.add(r["source_kind"])
        sym = clean(r["symbol"])
        target = by_symbol.get((sym, norm_version(r["version"]))) or by_symbol.get((sym, None)) if sym else None
        if sym and target:
            note = merge_note(target, r)
            if note:
                append_summary(target, note)
                target.add("certainty", certainty(r["source_kind"]))
            tally.count("a64_sb_meetings.csv", "merged")
            continue
        if sym:
            doc = symbol_document(r, code(n), meetings[n].last if meetings[n].dates_kind == "official" else "")
            by_symbol[(sym, None)] = doc
            new_docs.append(doc)
            meetings[n].docs.append(doc)
            tally.count("a64_sb_meetings.csv", "record")
            continue
        action = rule_for(r)
        if action[0] == "merge":
            for rid in action[1]:
                if rid not in by_id:
                    fail("a64_sb_meetings.csv: RULES merge into '%s', which a64_documents.csv does not give" % rid)
                note = merge_note(by_id[rid], r)
                if note:
                    append_summary(by_id[rid], note)
                    by_id[rid].add("certainty", certainty(r["source_kind"]))
            tally.count("a64_sb_meetings.csv", "merged")
        elif action[0] == "new":
            doc = new_document(r, action, n)
            new_docs.append(doc)
            if n:
                meetings[n].docs.append(doc)
            tally.count("a64_sb_meetings.csv", "record")
        else:
            meetings[n].facts.append(r)
            tally.count("a64_sb_meetings.csv", "merged")
    tally.check("a64_sb_meetings.csv", len(rows))
    return new_docs, [meeting_record(meetings[n]) for n in sorted(meetings)]


def doc_line(rec):
    sym = field(rec, "symbol")
    status = field(rec, "status")
    version = field(rec, "version")
    out = "- " + (sym + " " if sym else "") + field(rec, "title")
    if version:
        out += ", version " + version
    return out + (" (%s)" % status.replace("-", " ") if status else " (no status recorded)")


def date_range(first, last):
    """'19 to 22 September 2022', '30 October to 2 November 2023'."""
    a, b = human_date(first).split(" "), human_date(last).split(" ")
    if a[1:] == b[1:]:
        return "%s to %s" % (a[0], " ".join(b))
    if a[2] == b[2]:
        return "%s %s to %s" % (a[0], a[1], " ".join(b))
    return "%s to %s" % (" ".join(a), " ".join(b))


def meeting_words(m, city_only=False):
    parts = []
    if m.first and m.last:
        parts.append(date_range(m.first, m.last))
    elif m.last:
        parts.append("ending %s" % human_date(m.last))
    if m.place:
        parts.append("in " + (m.place.split(",")[0] if city_only else m.place))
    return ", ".join(parts)


def meeting_record(m):
    c = code(m.n)
    rec = Record("a6-4-sb-meeting-%03d" % m.n)
    # The city only: the country of the venue is not what the meeting is about
    # (it would tag every Bonn meeting "Germany"); keywords keep the country.
    when = meeting_words(m, city_only=True)
    official_dates = m.dates_kind == "official"
    rec.add("title", "Supervisory Body meeting %s%s" % (c, (" (" + when + ")") if when and official_dates else ""))
    rec.add("type", "meeting")
    rec.add("mechanism", "article-6.4")
    if official_dates:
        rec.add("date", m.last)
    scheduled = any(clean(f["title"]) == "(scheduled)" for f in m.facts)
    rec.add("status", "planned" if scheduled else ("held" if official_dates or m.docs else None))
    rec.addall("certainty", sorted({certainty(k) for k in m.kinds} | ({"official"} if official_dates else set())))
    lines = []
    s = "The %s meeting of the Article 6.4 Supervisory Body" % c
    if when:
        s += ", " + when + ("" if official_dates else " (%s)" % sourced(m.dates_kind or "community", getattr(m, "dates_src", "") or getattr(m, "place_src", "")))
    s += "."
    if m.docs:
        s += " The fact lists hold %d document%s of it, listed below." % (len(m.docs), "" if len(m.docs) == 1 else "s")
    else:
        s += " The fact lists hold no document of it."
    if (m.n in THIN or not m.docs) and not scheduled:
        s += (" This is a gap in our facts, not a meeting without output: what it adopted is not known "
              "here, and nothing is guessed.")
    if scheduled:
        s += " It is a scheduled meeting, reported by a community wiki (unverified)."
    rec.add("summary", s)
    if m.docs:
        lines.append("Documents:")
        lines.extend(doc_line(d) for d in m.docs)
    for f in m.facts:
        if clean(f["title"]) == "(scheduled)":
            continue
        fact = re.sub(r"^\((.*)\)$", r"\1", clean(f["title"]))
        lines.append("Also recorded (%s): %s.%s" % (sourced(f["source_kind"], f["source"]), sentence(fact).rstrip("."),
                                                    (" " + sentence(clean(f["note"]))) if clean(f["note"]) else ""))
    rec.add("text", "\n".join(lines))
    rec.addall("cites", [field(d, "symbol") or d.rid for d in m.docs])
    alt = ("SBM %03d" if m.n <= 11 else "SB %03d") % m.n
    rec.addall("keywords", [c, alt, "Supervisory Body", "Supervisory Body meeting"] + ([m.place] if m.place else []))
    return rec
