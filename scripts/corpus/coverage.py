# SPDX-License-Identifier: Apache-2.0
"""Article 6.2 arrangements, their transfers and authorizations, capacity-building
programmes and the CDM transition figures, as catalog records (read by
from-facts.py; rules in scripts/corpus/README.md).

Every record says where each fact comes from and how sure it is: the facet
`certainty` (official, secondary, reported) and, in the text, the source of
each fact; rows from community sources say "reported by ..., unverified"; where
rows or notes give different dates, all of them are shown."""

import csv
import os
import re

from catalog_xml import Record, clean, slug
from sourcing import according, certainty, fail, human_date, sentence, sourced, thousands


def read_rows(facts, name):
    path = os.path.join(facts, name)
    if not os.path.exists(path):
        fail("missing fact list " + path)
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def country_id(resolver, name, where):
    cid = resolver.id(clean(name))
    if not cid:
        fail("%s: country '%s' is not in scripts/corpus/countries.tsv (add it as a name of its row)" % (where, name))
    return cid


def add_parties(rec, resolver, host, acquirer):
    """The Parties as the facets `country` (both), `host` and `acquirer`, and
    their other names as keywords (so "Vietnam" finds "Viet Nam")."""
    ids = [c for c in (host, acquirer) if c]
    rec.addall("country", ids)
    rec.add("host", host)
    rec.add("acquirer", acquirer)
    for cid in ids:
        c = resolver.by_id[cid]
        rec.addall("keywords", [c.label] + [a for a in c.alts if "," not in a])


# ---------------------------------------------------------------- arrangements

# CSV kind (before any parenthesis) -> (instrument concept, words for titles)
INSTRUMENTS = [
    (r"jcm partnership", "jcm-partnership", "JCM partnership"),
    (r"implementation agreement", "implementation-agreement", "implementation agreement"),
    (r"implementing arrangement", "implementing-arrangement", "implementing arrangement"),
    (r"bilateral agreement", "bilateral-agreement", "bilateral agreement"),
    (r"mou", "mou", "memorandum of understanding (MoU)"),
    (r"other", "other-instrument", None),
]


def instrument(kind):
    """'other (Joint Declaration of Intent; CCS/NET)' -> ('other-instrument',
    'joint declaration of intent', 'Joint Declaration of Intent; CCS/NET')."""
    kind = clean(kind)
    m = re.fullmatch(r"([^(]*?)\s*(?:\((.*)\))?", kind)
    base, detail = m.group(1).lower(), (m.group(2) or "")
    for pattern, concept, words in INSTRUMENTS:
        if re.fullmatch(pattern, base):
            if words is None:
                first = detail.split(";")[0].strip()
                words = first[0].lower() + first[1:] if first else "other instrument"
            return concept, words, detail
    fail("a62_arrangements.csv: unknown kind '%s' (add it to INSTRUMENTS)" % kind)


def arrangement_key(row, resolver):
    where = "a62_arrangements.csv"
    host = country_id(resolver, row["host_party"], where)
    acquirer = country_id(resolver, row["acquiring_party"], where)
    return host, acquirer, instrument(row["kind"])[0]


def arrangement_id(host, acquirer, concept):
    return "a6-2-%s-%s-%s" % (host, acquirer, concept)


def dates_sentence(rows):
    """The date signed, with its source; every date where the sources differ."""
    dated = [(clean(r["date_signed"]), r) for r in rows if clean(r["date_signed"])]
    if not dated:
        return "No source in the fact lists gives the date it was signed."
    distinct = sorted({d for d, _ in dated})
    if len(distinct) == 1:
        whose = "; ".join(according(r["source_kind"], r["source"]) for _, r in dated)
        return "Signed %s, %s." % (human_date(distinct[0]), whose)
    parts = ["%s (%s)" % (human_date(d), sourced(r["source_kind"], r["source"])) for d, r in dated]
    return ("The sources give different dates: %s. Both are shown; they may describe one "
            "instrument or two." % " and ".join(parts))


def record_date(rows):
    """The date field: an official source's date first, else the earliest given."""
    official = sorted(clean(r["date_signed"]) for r in rows if clean(r["date_signed"]) and r["source_kind"] == "official")
    given = sorted(clean(r["date_signed"]) for r in rows if clean(r["date_signed"]))
    return (official or given or [""])[0]


def arrangement_record(key, rows, resolver):
    host, acquirer, concept = key
    _, words, detail = instrument(rows[0]["kind"])
    hl, al = resolver.label(host), resolver.label(acquirer)
    programmes = []
    for r in rows:
        if clean(r["programme"]) and clean(r["programme"]) not in programmes:
            programmes.append(clean(r["programme"]))
    rec = Record(arrangement_id(host, acquirer, concept))
    rec.add("title", "%s and %s: %s (Article 6.2)" % (hl, al, words))
    rec.add("type", "arrangement")
    rec.add("mechanism", "article-6.2")
    rec.add("instrument", concept)
    add_parties(rec, resolver, host, acquirer)
    rec.addall("certainty", [certainty(r["source_kind"]) for r in rows])
    rec.add("date", record_date(rows))
    official = [clean(r["source"]) for r in rows if r["source_kind"] == "official" and r["source"].startswith("http")]
    if official:
        rec.add("url", official[0])
    summary = ("%s under Article 6.2 of the Paris Agreement between %s, the host Party, and %s, the "
               "acquiring Party%s." % (words[0].upper() + words[1:], hl, al,
                                      (" (programme: %s)" % ", ".join(programmes)) if programmes else ""))
    summary += " " + dates_sentence(rows)
    for r in rows:
        if re.search(r"disagree", r["note"], re.I):
            summary += " The sources disagree (fact-list note): " + sentence(re.sub(r"^DISAGREEMENT:\s*", "", clean(r["note"])))
    if all(r["source_kind"] == "community" for r in rows):
        summary += " Known only from community sources: reported, not confirmed officially."
    rec.add("summary", summary)
    lines = []  # the text adds to the summary; it does not repeat it (cues would count twice)
    if detail and concept != "other-instrument":
        lines.append("The source calls it: %s." % detail)
    elif detail:
        lines.append("Kind of instrument, as the source gives it: %s." % detail)
    lines.append("Sources (%d):" % len(rows))
    for r in rows:
        line = "- %s: %s" % (sourced(r["source_kind"], r["source"]), clean(r["source"]))
        if clean(r["date_signed"]):
            line += "; date given: %s" % human_date(clean(r["date_signed"]))
        if clean(r["note"]):
            line += ". Fact-list note: " + sentence(clean(r["note"]))
        lines.append(line)
    rec.add("text", "\n".join(lines))
    rec.addall("keywords", programmes + ["cooperative approaches"])
    return rec


def arrangements(facts, resolver, tally):
    rows = read_rows(facts, "a62_arrangements.csv")
    groups = {}
    for r in rows:
        key = arrangement_key(r, resolver)
        tally.count("a62_arrangements.csv", "merged" if key in groups else "record")
        groups.setdefault(key, []).append(r)
    tally.check("a62_arrangements.csv", len(rows))
    order = sorted(groups, key=lambda k: (resolver.label(k[1]), resolver.label(k[0]), k[2]))
    return [arrangement_record(k, groups[k], resolver) for k in order], groups


PLURALS = [("implementation-agreement", "Implementation agreements signed"),
           ("bilateral-agreement", "Bilateral agreements signed"),
           ("implementing-arrangement", "Implementing arrangements signed"),
           ("jcm-partnership", "JCM partnerships"),
           ("mou", "Memoranda of understanding (MoUs) signed"),
           ("other-instrument", "Other instruments")]


def partners_record(acquirer, keys, groups, resolver):
    """One acquiring Party's arrangements, by kind: the answer to "which countries
    has Singapore signed implementation agreements with"."""
    al = resolver.label(acquirer)
    rec = Record("a6-2-partners-%s" % acquirer)
    lower_first = lambda w: w if w.split()[0].isupper() else w[0].lower() + w[1:]
    kinds = [lower_first(w.split(" signed")[0]) for c, w in PLURALS if any(k[2] == c for k in keys)]
    rec.add("title", "%s: the countries it has Article 6.2 arrangements with (%s)" % (al, ", ".join(kinds)))
    rec.add("type", "arrangement")
    rec.add("mechanism", "article-6.2")
    rec.addall("country", [acquirer] + sorted({h for h, _, _ in keys}, key=resolver.label))
    rec.add("acquirer", acquirer)
    rec.addall("certainty", sorted({certainty(r["source_kind"]) for k in keys for r in groups[k]}))
    hosts = sorted({h for h, _, _ in keys}, key=resolver.label)
    summary = ("%s is the acquiring Party in %d Article 6.2 %s recorded here, with %d host %s: %s. "
               "Listed by kind below, each with its date and how sure its source is; the arrangement records give "
               "the sources." % (al, len(keys), "arrangement" if len(keys) == 1 else "arrangements", len(hosts),
                                 "country" if len(hosts) == 1 else "countries", ", ".join(resolver.label(h) for h in hosts)))
    rec.add("summary", summary)
    lines = []
    for concept, words in PLURALS:
        mine = sorted((k for k in keys if k[2] == concept), key=lambda k: (record_date(groups[k]) or "9999", resolver.label(k[0])))
        if not mine:
            continue
        items = []
        for k in mine:
            rows = groups[k]
            d = record_date(rows)
            item = resolver.label(k[0]) + (" (signed %s)" % human_date(d) if d else " (no date given)")
            if all(r["source_kind"] == "community" for r in rows):
                item += ", reported, unverified"
            elif d and all(r["source_kind"] == "community" for r in rows if clean(r["date_signed"]) == d):
                item += ", date reported, unverified"
            if any(re.search(r"disagree", r["note"], re.I) for r in rows):
                item += ", sources disagree"
            items.append(item)
        lines.append("%s with %d %s: %s." % (words, len(mine), "country" if len(mine) == 1 else "countries", "; ".join(items)))
    rec.add("text", "\n".join(lines))
    rec.addall("cites", [arrangement_id(*k) for k in sorted(keys, key=lambda k: (resolver.label(k[0]), k[2]))])
    rec.addall("keywords", [al, "cooperative approaches", "partner countries"])
    return rec


def partners(groups, resolver):
    by_acquirer = {}
    for k in groups:
        by_acquirer.setdefault(k[1], []).append(k)
    return [partners_record(a, by_acquirer[a], groups, resolver) for a in sorted(by_acquirer, key=resolver.label)]


# ---------------------------------------------------------------- transfers and authorizations

def event_topics(event):
    e = event.lower()
    if "authorization" in e:
        return ["authorization-corresponding-adjustments"]
    if "report" in e:
        return ["reporting-transparency"]
    return ["registries-tracking"]


# The event's kind in a title: short, without the acronyms and activity words
# of the fact list's event cell (they are in the summary), so these small
# records do not outrank the documents that define the terms.
EVENT_WORDS = [
    (r"^first a6\.4er issuance", "First issuance under Article 6.4"),
    (r"authorization", "Authorization"),
    (r"initial report", "Initial report"),
    (r"^first jcm", "First JCM transfer"),
    (r"^jcm", "JCM transfer"),
    (r"^first transfer", "First transfer"),
    (r"^issuance/transfer", "Issuance and transfer"),
    (r"^transfer", "Transfer"),
]


def event_title(r, hl, al):
    e = clean(r["event"]).lower()
    words = next((w for pattern, w in EVENT_WORDS if re.search(pattern, e)), None)
    if words is None:
        fail("a62_first_transfers.csv: no title words for the event '%s' (add it to EVENT_WORDS)" % r["event"])
    if words == "Authorization":
        who = "by %s for %s" % (hl, al) if al else "by " + hl
    elif words == "Initial report":
        who = "by " + hl
    else:
        who = "from %s to %s" % (hl, al) if al else "by " + hl
    return "%s %s (%s)" % (words, who, human_date(clean(r["date"])))


def transfer_record(r, n, resolver, groups):
    where = "a62_first_transfers.csv"
    host = country_id(resolver, r["host_party"], where)
    acquirer = country_id(resolver, r["acquiring_party"], where) if clean(r["acquiring_party"]) else ""
    hl = resolver.label(host)
    al = resolver.label(acquirer) if acquirer else ""
    date = clean(r["date"])
    rec = Record("a6-2-event-%s-%s-%s-%d" % (date, host, acquirer or "none", n))
    rec.add("title", event_title(r, hl, al))
    rec.add("type", "transfer")
    rec.add("mechanism", "article-6.4" if "6.4" in r["event"] else "article-6.2")
    rec.addall("topic", event_topics(r["event"]))
    add_parties(rec, resolver, host, acquirer)
    rec.add("certainty", certainty(r["source_kind"]))
    rec.add("date", date)
    volume = clean(r["volume_tco2e"])
    s = "%s, %s." % (event_title(r, hl, al).rsplit(" (", 1)[0], human_date(date))
    s += " Host Party %s%s." % (hl, (", acquiring Party " + al) if al else "; no acquiring Party named")
    s += (" Volume: %s tCO2e." % thousands(volume)) if volume else " No volume is given."
    s += " Source: %s." % sourced(r["source_kind"], r["source"])
    linked = [arrangement_id(h, a, c) for (h, a, c) in sorted(groups) if h == host and a == acquirer]
    if not linked and acquirer:
        s += " The fact lists hold no arrangement between %s and %s." % (hl, al)
    rec.add("summary", s)
    text = "Event, as the fact list gives it: %s. Activity: %s." % (clean(r["event"]), clean(r["activity"]))
    text += "\nSource address: %s" % clean(r["source"])
    if clean(r["note"]):
        text += "\nFact-list note: " + sentence(clean(r["note"]))
    rec.add("text", text)
    rec.addall("cites", linked)
    rec.addall("keywords", ["cooperative approaches"])
    return rec


def transfers(facts, resolver, groups, tally):
    rows = read_rows(facts, "a62_first_transfers.csv")
    out = []
    for n, r in enumerate(rows, 1):
        out.append(transfer_record(r, n, resolver, groups))
        tally.count("a62_first_transfers.csv", "record")
    tally.check("a62_first_transfers.csv", len(rows))
    out.sort(key=lambda rec: dict(rec.fields)["date"])
    return out


# ---------------------------------------------------------------- capacity-building

def read_cb_summaries(path):
    """name TAB groups (comma) TAB topics (comma) TAB summary: ours, per row of
    capacity_building.csv."""
    out = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 4 or not cols[3].strip():
                fail("%s:%d: expected 'name TAB groups TAB topics TAB summary'" % (path, n))
            split = lambda s: [x.strip() for x in s.split(",") if x.strip()]
            out[cols[0].strip()] = (split(cols[1]), split(cols[2]), cols[3].strip())
    return out


def countries_named(text, resolver):
    """Countries a region cell names ('13 governments (incl. Bangladesh, Bhutan, ...)')."""
    found = []
    for part in re.split(r"[,;()]| and ", text):
        cid = resolver.id(clean(re.sub(r"^(incl\.|including)\s+", "", part.strip())))
        if cid and cid not in found:
            found.append(cid)
    return found


def capacity_record(r, summaries, resolver):
    name = clean(r["name"])
    if name not in summaries:
        fail("capacity_building.csv: '%s' has no summary in scripts/corpus/coverage-summaries.tsv" % name)
    groups, topics, summary = summaries.pop(name)
    rec = Record("cb-" + slug(name)[:60].strip("-"))
    rec.add("title", name)
    rec.add("type", "capacity-building")
    rec.add("mechanism", "article-6.2" if "6.2" in name else None)
    rec.addall("group", groups)
    rec.addall("topic", ["capacity-building"] + topics)
    region = clean(r["countries_or_region"])
    rec.addall("country", countries_named(region, resolver))
    rec.add("certainty", certainty(r["source_kind"]))
    rec.add("date", clean(r["start_year"]))
    url = clean(r["url"])
    if url.startswith("https://") or url.startswith("http://"):
        rec.add("url", url)
    rec.add("summary", summary)
    lines = ["Provider: %s." % clean(r["provider"]),
             "Kind: %s. Audience: %s." % (clean(r["kind"]), clean(r["audience"]))]
    if region:
        lines.append("Where: %s." % region)
    if clean(r["start_year"]):
        lines.append("Started: %s." % clean(r["start_year"]))
    lines.append("Source: %s, %s." % (sourced(r["source_kind"], r["source"]), clean(r["source"])))
    if clean(r["note"]):
        lines.append("Fact-list note: " + sentence(clean(r["note"])))
    rec.add("text", "\n".join(lines))
    rec.addall("keywords", [clean(r["provider"]), clean(r["kind"])])
    return rec


def capacity_building(facts, summaries_path, resolver, tally):
    rows = read_rows(facts, "capacity_building.csv")
    summaries = read_cb_summaries(summaries_path)
    out = []
    for r in rows:
        out.append(capacity_record(r, summaries, resolver))
        tally.count("capacity_building.csv", "record")
    if summaries:
        fail("coverage-summaries.tsv names programmes not in capacity_building.csv: " + ", ".join(sorted(summaries)))
    tally.check("capacity_building.csv", len(rows))
    return out


# ---------------------------------------------------------------- CDM transition

def transition_title(r):
    d = human_date(clean(r["date_as_of"]))
    measure = clean(r["measure"])
    if measure == "transition requests correctly submitted":
        what = "%s projects and %s PoAs" % (thousands(r["project_activities"]), thousands(r["poas"]))
        return "CDM transition requests as of %s: %s" % (d, what)
    if measure == "host Party approvals secured by deadline":
        return "CDM transition approvals by host Parties as of %s: %s" % (d, thousands(r["project_activities"]))
    if measure == "approved-transition activities using A6.4 methodologies":
        return "CDM transition with Article 6.4 methodologies as of %s: %s" % (d, thousands(r["project_activities"]))
    fail("cdm_transition.csv: no title rule for the measure '%s'" % measure)


def cdm_transition(facts, tally):
    rows = read_rows(facts, "cdm_transition.csv")
    ids = ["cdm-transition-%s" % clean(r["date_as_of"]) for r in rows]
    if len(set(ids)) != len(ids):
        fail("cdm_transition.csv: two rows of the same date")
    latest = {}
    for r in rows:
        m = clean(r["measure"])
        latest[m] = max(latest.get(m, ""), clean(r["date_as_of"]))
    out = []
    for r, rid in zip(rows, ids):
        rec = Record(rid)
        rec.add("title", transition_title(r))
        rec.add("type", "statistic")
        newer = latest[clean(r["measure"])]
        if newer != clean(r["date_as_of"]):
            rec.add("status", "superseded")
        rec.addall("mechanism", ["article-6.4", "cdm"])
        rec.add("topic", "cdm-transition")
        rec.add("certainty", certainty(r["source_kind"]))
        rec.add("date", clean(r["date_as_of"]))
        counts = [("project activities", r["project_activities"]), ("programmes of activities (PoAs)", r["poas"]),
                  ("component project activities (CPAs)", r["cpas"])]
        given = ["%s %s" % (thousands(v), k) for k, v in counts if clean(v)]
        missing = [k for k, v in counts if not clean(v)]
        s = "As of %s, measure '%s': %s." % (human_date(clean(r["date_as_of"])), clean(r["measure"]), ", ".join(given))
        if missing:
            s += " Not given for this date: %s." % ", ".join(missing)
        s += " Source: %s." % sourced(r["source_kind"], r["source"])
        if newer != clean(r["date_as_of"]):
            s += " Superseded by the figure as of %s." % human_date(newer)
        rec.add("summary", s)
        series = ["- " + transition_title(o) for o in rows if o is not r]
        text = "Source address: %s" % clean(r["source"])
        if clean(r["note"]):
            text += "\nFact-list note: " + sentence(clean(r["note"]))
        text += "\nThe other figures of this series:\n" + "\n".join(series)
        rec.add("text", text)
        rec.addall("cites", [o for o in ids if o != rid])
        rec.addall("keywords", ["CDM transition", "transition requests", "as of " + clean(r["date_as_of"])])
        out.append(rec)
        tally.count("cdm_transition.csv", "record")
    tally.check("cdm_transition.csv", len(rows))
    return out
