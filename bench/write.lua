-- write.lua: wrk script for bench/write.sh: each request is a new version
-- of one of the Land's entries (PUT with If-Match: *), the entries taken
-- in turn, the summary numbered so that every request really changes
-- the entry (and so writes a history row). IDS and TOKEN come from the
-- environment.
local ids = {}
for id in string.gmatch(os.getenv("IDS") or "", "[^,]+") do
  ids[#ids + 1] = id
end
local token = os.getenv("TOKEN")
local n = 0

request = function()
  n = n + 1
  local id = ids[(n % #ids) + 1]
  local body = string.format(
    '{"id":"%s","title":"Schreibprobe %s","kind":"project","level":"land","land":"DE-BY",' ..
    '"summary":"Fassung %d aus dem Schreibtest","status":"draft"}', id, id, n)
  return wrk.format("PUT", "/api/entries/" .. id .. "?reason=bench", {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
    ["If-Match"] = "*",
  }, body)
end

done = function(summary, latency, requests)
  local errs = summary.errors.status + summary.errors.connect + summary.errors.read +
    summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %d %.1f %.2f %.2f %d\n", summary.requests,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, errs))
end
