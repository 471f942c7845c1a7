#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Slow clients against a6kb-searchd (scripts/stress, campaign "slow clients").

Opens CONNECTIONS connections to 127.0.0.1:PORT that each send a request one
byte per second, a request far too long to finish within the test. When the
server answers one (408 at --request-timeout) or closes it, a new one takes
its place, so CONNECTIONS stay open or opening throughout. Meanwhile a normal
client sends REQUESTS requests (paths from a file, each on a new connection,
evenly spread over SECONDS) and each must be answered 200 within LIMIT
seconds. With --pid, the server's threads and VmRSS are read from /proc
before the slow connections, at their peak, and IDLE seconds after they are
gone.

Prints one JSON line; exits 1 when a normal request failed or was late.
Python standard library only.
"""
import argparse
import http.client
import json
import os
import selectors
import socket
import threading
import time


def proc_status(pid):
    out = {}
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                key, _, value = line.partition(":")
                if key in ("VmRSS", "Threads"):
                    out[key] = int(value.split()[0])
    except OSError:
        pass
    return out


def percentile(values, p):
    if not values:
        return 0.0
    s = sorted(values)
    k = max(0, min(len(s) - 1, int(round(p / 100.0 * len(s) + 0.5)) - 1))
    return s[k]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--paths", required=True, help="file of request paths for the normal client, one a line")
    ap.add_argument("--connections", type=int, default=500)
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--limit", type=float, default=2.0, help="seconds a normal request may take")
    ap.add_argument("--pid", type=int, help="searchd's pid, for threads and VmRSS")
    ap.add_argument("--idle", type=float, default=0, help="seconds to wait after the test before the last sample")
    args = ap.parse_args()

    with open(args.paths) as f:
        paths = [line.strip() for line in f if line.startswith("/")]
    if not paths:
        raise SystemExit("slow_clients: no paths in " + args.paths)

    # A request that never ends in time: a long query, then headers, one byte a second.
    slow_request = ("GET /api/v1/search?q=" + "slow" * 200 + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").encode()
    before = proc_status(args.pid) if args.pid else {}

    sel = selectors.DefaultSelector()
    conns = {}  # socket -> bytes sent
    stats = {"opened": 0, "answered_408": 0, "answered_503": 0, "answered_other": 0, "closed_silently": 0,
             "connect_failed": 0}
    peak = {"open": 0, "VmRSS": before.get("VmRSS", 0), "Threads": before.get("Threads", 0)}

    def open_one():
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.settimeout(5)
        try:
            s.connect(("127.0.0.1", args.port))
        except OSError:
            stats["connect_failed"] += 1
            s.close()
            return
        s.setblocking(False)
        sel.register(s, selectors.EVENT_READ)
        conns[s] = 0
        stats["opened"] += 1

    def drop(s, data):
        if data.startswith(b"HTTP/1.1 408"):
            stats["answered_408"] += 1
        elif data.startswith(b"HTTP/1.1 503"):
            stats["answered_503"] += 1
        elif data:
            stats["answered_other"] += 1
        else:
            stats["closed_silently"] += 1
        sel.unregister(s)
        del conns[s]
        s.close()

    # The normal client, in its own thread.
    normal = {"ok": 0, "failed": 0, "late": 0, "latencies_ms": [], "failures": []}

    def normal_client():
        gap = args.seconds / max(1, args.requests)
        start = time.monotonic()
        for i in range(args.requests):
            wait = start + i * gap - time.monotonic()
            if wait > 0:
                time.sleep(wait)  # the client's pace
            path = paths[i % len(paths)]
            t0 = time.monotonic()
            try:
                c = http.client.HTTPConnection("127.0.0.1", args.port, timeout=args.limit)
                c.request("GET", path)
                r = c.getresponse()
                r.read()
                c.close()
                status = r.status
            except Exception as e:  # timeout, reset
                status = "%s" % type(e).__name__
            ms = (time.monotonic() - t0) * 1000
            normal["latencies_ms"].append(ms)
            if status != 200:
                normal["failed"] += 1
                if len(normal["failures"]) < 5:
                    normal["failures"].append({"path": path, "status": status, "ms": round(ms, 1)})
            elif ms > args.limit * 1000:
                normal["late"] += 1
            else:
                normal["ok"] += 1

    for _ in range(args.connections):
        open_one()
    peak["open"] = len(conns)
    client = threading.Thread(target=normal_client)
    client.start()

    end = time.monotonic() + args.seconds
    next_tick = time.monotonic()
    while True:
        now = time.monotonic()
        if now >= next_tick:
            # One more byte on every slow connection.
            for s in list(conns):
                sent = conns[s]
                if sent < len(slow_request):
                    try:
                        s.send(slow_request[sent:sent + 1])
                        conns[s] = sent + 1
                    except OSError:
                        drop(s, b"")
            # Replace those the server ended.
            while len(conns) < args.connections and time.monotonic() < end:
                before_open = len(conns)
                open_one()
                if len(conns) == before_open:
                    break
            if args.pid:
                st = proc_status(args.pid)
                for k in ("VmRSS", "Threads"):
                    peak[k] = max(peak[k], st.get(k, 0))
            peak["open"] = max(peak["open"], len(conns))
            next_tick += 1.0
        if now >= end and not client.is_alive():
            break
        for key, _ in sel.select(timeout=max(0.0, min(next_tick, end + 30) - time.monotonic())):
            s = key.fileobj
            try:
                data = s.recv(4096)
            except OSError:
                data = b""
            drop(s, data)
    client.join()
    for s in list(conns):
        sel.unregister(s)
        s.close()
    conns.clear()

    after = {}
    if args.pid and args.idle > 0:
        time.sleep(args.idle)  # idle threads above --threads exit after 10 s
        after = proc_status(args.pid)

    lat = normal["latencies_ms"]
    result = {
        "slow_connections": args.connections,
        "slow_seconds": args.seconds,
        "slow": stats,
        "normal": {
            "requests": args.requests,
            "ok": normal["ok"],
            "failed": normal["failed"],
            "late": normal["late"],
            "limit_s": args.limit,
            "p50_ms": round(percentile(lat, 50), 2),
            "p99_ms": round(percentile(lat, 99), 2),
            "max_ms": round(max(lat) if lat else 0, 2),
            "failures": normal["failures"],
        },
        "server": {
            "threads_before": before.get("Threads", 0),
            "threads_peak": peak["Threads"],
            "threads_after_idle": after.get("Threads", 0),
            "rss_before_kb": before.get("VmRSS", 0),
            "rss_peak_kb": peak["VmRSS"],
            "rss_after_idle_kb": after.get("VmRSS", 0),
        },
        "open_peak": peak["open"],
    }
    print(json.dumps(result))
    return 0 if normal["failed"] == 0 and normal["late"] == 0 and normal["ok"] == args.requests else 1


if __name__ == "__main__":
    raise SystemExit(main())
