#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Judges a series of VmRSS samples (kB, one a line) from scripts/stress's load
campaign: does searchd's memory level off, or does it keep climbing?

A leak grows with the work done, so it climbs until the end of the run; heap
fragmentation and caches filling climb early and then stay. So the verdict
rests on the second half of the run, not on a band around its start:

- slope: the Theil-Sen slope (median of the pairwise slopes, which single
  jumps of a new revision do not move) of the medians of 10 s blocks over
  the second half, as the growth it would make over the whole run's length,
  in percent of the run's median. Must be under SLOPE_LIMIT.
- growth: the median of the last fifth against the first's (what the
  campaign judged before). Must be under GROWTH_LIMIT: a warm-up may climb,
  but not without end.

    rss_judge.py SAMPLES [--interval S]   one JSON line; exit 1 when it fails
    rss_judge.py --self-test              the rule on recorded and made series
"""
import argparse
import json
import statistics
import sys

SLOPE_LIMIT = 10.0   # percent of the median over the run's length
GROWTH_LIMIT = 25.0  # percent, last fifth's median against the first's
BLOCK_SECONDS = 10


def theil_sen(points):
    """Median of the slopes between every two points (x, y)."""
    slopes = [(b[1] - a[1]) / (b[0] - a[0])
              for i, a in enumerate(points) for b in points[i + 1:] if b[0] != a[0]]
    return statistics.median(slopes) if slopes else 0.0


def judge(samples, interval=1.0):
    """The verdict and its figures for samples taken every `interval` seconds."""
    n = len(samples)
    if n < 10:
        return {"verdict": "FAIL", "reason": f"only {n} samples", "samples": n}
    fifths = [statistics.median(samples[i * n // 5:(i + 1) * n // 5]) for i in range(5)]
    per_block = max(1, round(BLOCK_SECONDS / interval))
    blocks = [(i * interval, statistics.median(samples[i:i + per_block])) for i in range(n // 2, n, per_block)]
    seconds = n * interval
    median = statistics.median(samples)
    slope_pct = theil_sen(blocks) * seconds / median * 100 if median else 0.0
    growth_pct = (fifths[4] - fifths[0]) / fifths[0] * 100 if fifths[0] else 0.0
    reasons = []
    if slope_pct >= SLOPE_LIMIT:
        reasons.append(f"still climbing in the second half: {slope_pct:+.1f}% per {seconds:.0f} s (limit {SLOPE_LIMIT:g}%)")
    if growth_pct >= GROWTH_LIMIT:
        reasons.append(f"last fifth {growth_pct:+.1f}% over the first (limit {GROWTH_LIMIT:g}%)")
    return {"verdict": "FAIL" if reasons else "pass", "reason": "; ".join(reasons),
            "samples": n, "seconds": seconds,
            "slope_second_half_percent": round(slope_pct, 1), "growth_percent": round(growth_pct, 1),
            "median_of_each_fifth_kb": [int(f) for f in fifths],
            "first": samples[0], "last": samples[-1], "peak": max(samples)}


# Session 3's 30-minute load (docs/reliability.md, "Left open"): minute
# averages in MB, levelling off at about 51 MB after 15 minutes.
SESSION3_MINUTES = [48, 46, 46, 51, 50, 50, 48, 53, 48, 50, 50, 52, 50, 51, 50, 52, 50, 52, 51, 51,
                    51, 51, 52, 52, 53, 50, 51, 50, 52]


def made(length, start_kb, kb_per_s, jumps=True, level_after=None):
    """A series: a climb of kb_per_s (until level_after seconds, if given)
    plus the saw-tooth of revisions (6 MB up every 25 s, decaying)."""
    out = []
    for t in range(length):
        climb = kb_per_s * (min(t, level_after) if level_after is not None else t)
        tooth = (6000 * (1 - (t % 25) / 25)) if jumps else 0
        out.append(int(start_kb + climb + tooth))
    return out


def self_test():
    cases = [
        # (name, samples, interval, expected verdict)
        ("session 3, 30 min, after 10 min of warm-up (plateau)", [m * 1024 for m in SESSION3_MINUTES[10:]], 60, "pass"),
        ("flat with revision jumps", made(300, 45000, 0), 1, "pass"),
        ("warm-up that levels off in the first half", made(300, 40000, 60, level_after=120), 1, "pass"),
        ("leak of 20 kB/s (6 MB in 300 s, +13%)", made(300, 45000, 20), 1, "FAIL"),
        ("leak of 20 kB/s without jumps", made(300, 45000, 20, jumps=False), 1, "FAIL"),
        ("slow leak over 30 min (8 MB, +18%)", made(1800, 45000, 8000 / 1800), 1, "FAIL"),
        ("flat, then a leak starting half-way", made(150, 45000, 0) + [x + 30 * t for t, x in enumerate(made(150, 45000, 0))], 1, "FAIL"),
        ("the issue's run: fifths 41, 44, 44, 46, 49 MB", [m * 1024 for m in (41, 44, 44, 46, 49) for _ in range(60)], 1, "FAIL"),
        ("too few samples", [40000] * 5, 1, "FAIL"),
    ]
    bad = 0
    for name, samples, interval, want in cases:
        got = judge(samples, interval)
        ok = got["verdict"] == want
        bad += not ok
        print(f"{'ok  ' if ok else 'WRONG'} {want:4} {name}: slope {got.get('slope_second_half_percent')}%, "
              f"growth {got.get('growth_percent')}% {got['reason']}")
    print(f"{len(cases) - bad} of {len(cases)} cases judged as expected")
    return 1 if bad else 0


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("samples", nargs="?", help="VmRSS in kB, one sample a line")
    p.add_argument("--interval", type=float, default=1.0, help="seconds between samples (default 1)")
    p.add_argument("--self-test", action="store_true")
    a = p.parse_args()
    if a.self_test:
        return self_test()
    if not a.samples:
        p.error("give a samples file or --self-test")
    with open(a.samples) as f:
        samples = [int(x) for x in f if x.strip()]
    result = judge(samples, a.interval)
    print(json.dumps(result))
    return 0 if result["verdict"] == "pass" else 1


if __name__ == "__main__":
    sys.exit(main())
