-- SPDX-License-Identifier: Apache-2.0
-- wrk script for scripts/bench: cycles through a file of request paths (one
-- per line, starting with "/"), each thread starting at a different offset,
-- and prints one JSON line at the end (requests, errors, latency percentiles).
--   wrk -t2 -c8 -d10s -s bench/paths.lua http://127.0.0.1:PORT -- paths.txt
local paths = {}
local next_index = 1
local threads = {}

function setup(thread)
  thread:set("offset", #threads * 7919)
  table.insert(threads, thread)
end

function init(args)
  local file = args[1] or error("paths.lua: give the paths file after --")
  for line in io.lines(file) do
    if line:sub(1, 1) == "/" then paths[#paths + 1] = line end
  end
  if #paths == 0 then error("paths.lua: no request paths in " .. file) end
  next_index = (tonumber(offset) or 0) % #paths + 1
end

function request()
  local p = paths[next_index]
  next_index = next_index % #paths + 1
  return wrk.format("GET", p)
end

function done(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format(
    '{"client":"wrk","requests":%d,"seconds":%.3f,"requests_per_second":%.2f,"errors":%d,' ..
    '"error_kinds":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latency_ms":{"p50":%.3f,"p90":%.3f,"p99":%.3f,"max":%.3f,"mean":%.3f}}\n',
    summary.requests, seconds, summary.requests / seconds, errors,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, latency.mean / 1000))
end
