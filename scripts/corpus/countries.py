#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The country facet: scripts/corpus/countries.tsv -> the <facet id="country">
block of corpus/taxonomy.xml, and country names -> concept ids for the
generator (from-facts.py).

    python3 scripts/corpus/countries.py [--taxonomy FILE]   rewrite the block in place

The block sits between the lines '<!-- BEGIN countries' and 'END countries -->'
of the taxonomy; everything else in the file is left as it is. Each country is
a concept: id = ISO 3166-1 alpha-2 code in lowercase, label = the English short
name, <alt> = the other names of the row. Cues = the label and every
alternative name longer than two letters ("US" would match the word "us"),
weight 2; names listed as weak (also a person's name, a bird, a US state, part
of another country's name) weight 1. Threshold 4: a name once in the title, or
twice in the text, tags a record; a weak name needs four mentions or the title.
A text in which more than 15 countries reach that is a list of Parties (a
budget table, a report's list of statements) and is tagged with none.
A cue inside a longer cue ("Guinea" in "Papua New Guinea", "Ghana" in
"Republic of Ghana") does not count (the facet's overlap="longest").
Standard library only; the output depends only on the table.
"""

import argparse
import os
import re
import sys
from xml.sax.saxutils import escape, quoteattr

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
TABLE = os.path.join(HERE, "countries.tsv")
BEGIN = "<!-- BEGIN countries"
END = "END countries -->"
THRESHOLD = 4
MAX_CONCEPTS = 15  # more countries than this in one text: a list of Parties, tagged with none


class Country:
    def __init__(self, code, label, alts, weak):
        self.code, self.label, self.alts, self.weak = code, label, alts, weak

    @property
    def id(self):
        return self.code.lower()

    def names(self):
        return [self.label] + self.alts


def load(path=TABLE):
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 4 or not re.fullmatch(r"[A-Z]{2}", cols[0]) or not cols[1]:
                sys.exit("countries: %s:%d: expected 'CODE TAB label TAB alts TAB weak names'" % (path, n))
            split = lambda s: [x.strip() for x in s.split("|") if x.strip()]
            c = Country(cols[0], cols[1].strip(), split(cols[2]), split(cols[3]))
            for w in c.weak:
                if w not in c.names():
                    sys.exit("countries: %s:%d: weak name '%s' is not one of the row's names" % (path, n, w))
            out.append(c)
    return out


def fold(name):
    """How names are compared: lowercase, letters and digits only, accents kept."""
    return " ".join(re.findall(r"\w+", name.lower()))


class Resolver:
    """Country name as the fact lists write it -> concept id."""

    def __init__(self, countries):
        self.by_name = {}
        for c in countries:
            for name in c.names() + [c.code]:
                self.by_name.setdefault(fold(name), c)
        self.by_id = {c.id: c for c in countries}

    def id(self, name):
        c = self.by_name.get(fold(name))
        return c.id if c else None

    def label(self, cid):
        return self.by_id[cid].label


def block(countries):
    lines = [
        "  " + BEGIN + ": written by scripts/corpus/countries.py from scripts/corpus/countries.tsv;",
        "       edit the table and rerun the script. UNFCCC Parties that are states: ISO 3166-1",
        "       alpha-2 codes (lowercase) with English names, other names as alternative labels.",
        "       Cues: every name longer than two letters, weight 2 (weight 1 for names that are also",
        "       words or other places); threshold %d. Arrangements set host and acquirer explicitly. " % THRESHOLD
        + END,
        '  <facet id="country" label="Country (Party)" multi="true" classify="cues" threshold="%d" overlap="longest" '
        'max-concepts="%d">' % (THRESHOLD, MAX_CONCEPTS),
    ]
    for c in countries:
        lines.append("    <concept id=%s label=%s>" % (quoteattr(c.id), quoteattr(c.label)))
        for a in c.alts:
            lines.append("      <alt>%s</alt>" % escape(a))
        seen = set()
        for name in c.names():
            if len(re.sub(r"\W", "", name)) <= 2 or fold(name) in seen:
                continue
            seen.add(fold(name))
            weight = 1 if name in c.weak else 2
            lines.append('      <cue weight="%d">%s</cue>' % (weight, escape(name)))
        lines.append("    </concept>")
    lines.append("  </facet>")
    lines.append("  <!-- END country facet -->")
    return "\n".join(lines) + "\n"


def rewrite(taxonomy, countries):
    with open(taxonomy, encoding="utf-8") as f:
        text = f.read()
    start = text.find("  " + BEGIN)
    stop_marker = "  <!-- END country facet -->\n"
    stop = text.find(stop_marker)
    new = block(countries)
    if start < 0:
        at = text.rindex("</taxonomy>")
        text = text[:at] + "\n" + new + text[at:]
    else:
        if stop < 0:
            sys.exit("countries: %s has a BEGIN countries line but no END country facet line" % taxonomy)
        text = text[:start] + new + text[stop + len(stop_marker):]
    with open(taxonomy, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser(description="Write the country facet of the taxonomy from countries.tsv.")
    ap.add_argument("--taxonomy", default=os.path.join(REPO, "corpus", "taxonomy.xml"))
    args = ap.parse_args()
    countries = load()
    rewrite(args.taxonomy, countries)
    print("country facet: %d concepts" % len(countries))


if __name__ == "__main__":
    main()
