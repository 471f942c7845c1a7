# SPDX-License-Identifier: Apache-2.0
"""Shared by the coverage catalogs (coverage.py, sb_meetings.py): how a fact's
source is named on a record, dates in words, and the row counter that proves
every row of a fact list became a record or was merged into one."""

import re
from urllib.parse import urlparse

MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]

# source_kind of the fact lists -> concept of the taxonomy's `certainty` facet
CERTAINTY = {"official": "official", "secondary": "secondary", "community": "reported"}


def fail(msg):
    raise SystemExit("from-facts: " + msg)


def source_name(src):
    """A readable name for a row's source: the site's host, or the wiki's repository."""
    src = src.strip()
    if src.startswith("github:"):
        return "a community wiki (%s)" % src[len("github:"):].split("@")[0]
    host = urlparse(src).netloc.lower()
    return host[4:] if host.startswith("www.") else (host or src)


def sourced(kind, src):
    """How sure a fact is, in words: 'an official page (fdfa.admin.ch)',
    'unepccc.org (secondary source)', 'reported by looppng.com, unverified'."""
    name = source_name(src)
    if kind == "official":
        return "an official page (%s)" % name
    if kind == "secondary":
        return "%s (secondary source)" % name
    if kind == "community":
        return "reported by %s, unverified" % name
    fail("unknown source_kind '%s' (official, secondary or community)" % kind)


def according(kind, src):
    """The same, after a fact: 'according to an official page (fdfa.admin.ch)',
    'as reported by looppng.com (unverified)'."""
    if kind == "community":
        return "as reported by %s (unverified)" % source_name(src)
    return "according to " + sourced(kind, src)


def certainty(kind):
    if kind not in CERTAINTY:
        fail("unknown source_kind '%s' (official, secondary or community)" % kind)
    return CERTAINTY[kind]


def human_date(d):
    """'2020-11-23' -> '23 November 2020', '2023-12' -> 'December 2023', '2021' -> '2021'."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", d.strip())
    if not m:
        fail("not a date: '%s'" % d)
    year, month, day = m.groups()
    if not month:
        return year
    if not day:
        return "%s %s" % (MONTH_NAMES[int(month) - 1], year)
    return "%d %s %s" % (int(day), MONTH_NAMES[int(month) - 1], year)


def thousands(n):
    return "{:,}".format(int(n))


def sentence(text):
    """A fact-list note as a sentence of its own."""
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


class Tally:
    """Per fact list: how many rows became a record of their own, and how many
    were merged into a record made from another row (or another list)."""

    def __init__(self):
        self.rows = {}

    def count(self, name, how):
        entry = self.rows.setdefault(name, {"record": 0, "merged": 0})
        entry[how] += 1

    def check(self, name, total):
        got = self.rows.get(name, {"record": 0, "merged": 0})
        if got["record"] + got["merged"] != total:
            fail("%s: %d rows, but %d became records and %d were merged"
                 % (name, total, got["record"], got["merged"]))

    def lines(self):
        return ["%s: %d rows -> %d records, %d merged into another record"
                % (name, v["record"] + v["merged"], v["record"], v["merged"])
                for name, v in sorted(self.rows.items())]
