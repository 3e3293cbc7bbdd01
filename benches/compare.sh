#!/usr/bin/env bash
# Measures `postie compare` against one `postie run`: a 100-request collection (each request with
# a test script) run once, then compared across 4 variants (--matrix), against a local
# `postie mock echo`. Two cases: `/get` answers at once (the run is all CPU: the worst case for
# concurrency, bounded by the number of cores), and `/delay/0.02` answers after 20 ms (a nearby
# API; the run mostly waits). Release build; prints the median and the fastest wall time of
# `ROUNDS` rounds of each, the ratios, and the peak memory (max RSS).
#
#   benches/compare.sh [ROUNDS]      (default 5 rounds)
#
# Not a test: timing depends on the machine (and on whatever else it runs). Needs bash, python3,
# and GNU time (/usr/bin/time) for memory (skipped when absent).
set -euo pipefail

rounds=${1:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
cargo build --release --quiet
bin="$root/target/release/postie"
work=$(mktemp -d)
mock_pid=""
cleanup() {
  if [ -n "$mock_pid" ]; then kill "$mock_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$bin" mock echo --port "$port" >/dev/null 2>&1 &
mock_pid=$!
for _ in $(seq 50); do
  if python3 -c "import socket; socket.create_connection(('127.0.0.1',$port),0.2)" 2>/dev/null; then break; fi
  sleep 0.1
done

python3 - "$work" "$port" <<'PY'
import json, sys
work, port = sys.argv[1], sys.argv[2]
for case, path in [("instant", "/get?i={i}&region={{{{region}}}}"),
                   ("delay", "/delay/0.02?i={i}&region={{{{region}}}}")]:
    items = []
    for i in range(100):
        items.append({
            "name": f"request {i}",
            "request": {"method": "GET", "url": "{{baseUrl}}" + path.format(i=i)},
            "event": [{"listen": "test", "script": {"exec": [
                "pm.test('status is 200', () => pm.response.to.have.status(200));",
                "pm.test('answers JSON', () => pm.response.to.be.json);",
                "pm.environment.set('last', pm.response.json());",
            ]}}],
        })
    json.dump({"info": {"name": "bench", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
               "item": items}, open(f"{work}/{case}.json", "w"))
json.dump({"name": "bench", "values": [{"key": "baseUrl", "value": f"http://127.0.0.1:{port}"},
                                         {"key": "region", "value": "a"}]},
          open(f"{work}/env.json", "w"))
PY

# Wall time of one run of the command, in milliseconds.
once_ms() {
  local t0 t1
  t0=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  t1=$(date +%s%N)
  echo $(( (t1 - t0) / 1000000 ))
}

# "median fastest" of a list of numbers.
stats() {
  printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)], a[1]}'
}

# Peak resident memory in MiB.
max_rss_mib() {
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.1f", $1/1024}'
  else
    echo "n/a"
  fi
}

echo "cores: $(nproc), load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a), rounds: ${rounds}"
for case in instant delay; do
  run_cmd=("$bin" run "$work/$case.json" -e "$work/env.json")
  compare_cmd=("$bin" compare "$work/$case.json" -e "$work/env.json" --matrix region=a,b,c,d)
  "${run_cmd[@]}" >/dev/null 2>&1 || true # warm-up
  # Interleaved, so both see the same background load.
  run_times=()
  cmp_times=()
  for _ in $(seq "$rounds"); do
    run_times+=("$(once_ms "${run_cmd[@]}")")
    cmp_times+=("$(once_ms "${compare_cmd[@]}")")
  done
  read -r run_med run_min <<<"$(stats "${run_times[@]}")"
  read -r cmp_med cmp_min <<<"$(stats "${cmp_times[@]}")"
  run_mem=$(max_rss_mib "${run_cmd[@]}")
  cmp_mem=$(max_rss_mib "${compare_cmd[@]}")
  ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }
  echo "[$case] postie run, 100 requests:       median ${run_med} ms, fastest ${run_min} ms, max RSS ${run_mem} MiB"
  echo "[$case] postie compare, 4 variants:     median ${cmp_med} ms, fastest ${cmp_min} ms, max RSS ${cmp_mem} MiB"
  echo "[$case] compare / run:                  median $(ratio "$cmp_med" "$run_med")x, fastest $(ratio "$cmp_min" "$run_min")x"
done
