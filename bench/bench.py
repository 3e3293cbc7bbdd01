#!/usr/bin/env python3
"""postie's speed and memory figures, measured against a local `postie mock echo`.

usage: bench/bench.py [--postie target/release/postie] [--newman PATH] [--runs 5]

Reports, for a release build:
  start-up          median wall time of `postie run` on a collection with no items
  per request       (wall(1000 requests) - start-up) / 1000, without and with a typical test
                    script (parse the JSON body, 5 expects, 3 variable sets)
  peak RSS          max resident set size of a 5000-request scripted run (/usr/bin/time -f %M)
With --newman, the same figures for Newman. Nothing here is a test: CI does not run it.
"""
import argparse, json, os, statistics, subprocess, sys, tempfile, time

TEST_SCRIPT = [
    "const body = pm.response.json();",
    "pm.test('status is 200', () => pm.response.to.have.status(200));",
    "pm.test('echoes the query', () => pm.expect(body.args.i).to.be.a('string'));",
    "pm.test('has headers', () => pm.expect(body.headers).to.have.property('host'));",
    "pm.test('url', () => pm.expect(body.url).to.include('/get'));",
    "pm.test('fast', () => pm.expect(pm.response.responseTime).to.be.below(1000));",
    "pm.environment.set('last', body.args.i);",
    "pm.environment.set('count', (pm.environment.get('count') || 0) + 1);",
    "pm.variables.set('seen', true);",
]

def collection(n, scripted):
    items = []
    for i in range(n):
        item = {"name": f"r{i}", "request": {"method": "GET", "url": "{{base}}/get?i=" + str(i)}}
        if scripted:
            item["event"] = [{"listen": "test", "script": {"exec": TEST_SCRIPT}}]
        items.append(item)
    return {"info": {"name": f"bench {n}", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}, "item": items}

def write(dirname, name, data):
    path = os.path.join(dirname, name)
    with open(path, "w") as f:
        json.dump(data, f)
    return path

def timed(cmd, runs):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - t)
    return statistics.median(times)

def rss_kb(cmd):
    r = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return int(r.stderr.strip().splitlines()[-1])

def figures(label, runner, base, d, runs):
    env = ["--env-var", "base=" + base]
    quiet = ["-r", "json", "--reporter-json-export", os.path.join(d, "r.json")]
    empty = write(d, "empty.json", collection(0, False))
    plain = write(d, "plain.json", collection(1000, False))
    scripted = write(d, "scripted.json", collection(1000, True))
    big = write(d, "big.json", collection(5000, True))
    start = timed(runner + [empty] + env + quiet, runs)
    t_plain = timed(runner + [plain] + env + quiet, runs)
    t_scripted = timed(runner + [scripted] + env + quiet, runs)
    rss = rss_kb(runner + [big] + env + quiet)
    print(f"{label}:")
    print(f"  start-up (0 items)            {start * 1000:8.1f} ms")
    print(f"  per request, no script        {(t_plain - start):8.3f} ms  ({t_plain:.3f} s for 1000)")
    print(f"  per request, typical script   {(t_scripted - start):8.3f} ms  ({t_scripted:.3f} s for 1000)")
    print(f"  peak RSS, 5000 scripted       {rss / 1024:8.1f} MiB")

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--postie", default="target/release/postie")
    ap.add_argument("--newman")
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    server = subprocess.Popen([a.postie, "mock", "echo", "--port", "0"], stdout=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline().strip()
        base = line.rsplit(" ", 1)[-1]
        with tempfile.TemporaryDirectory() as d:
            figures("postie", [a.postie, "run"], base, d, a.runs)
            if a.newman:
                figures("newman", [a.newman, "run"], base, d, max(1, a.runs // 5))
    finally:
        server.terminate()

if __name__ == "__main__":
    sys.exit(main())
