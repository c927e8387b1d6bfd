#!/usr/bin/env python3
"""A full scan and an unchanged rescan of the same share, both run by a live `inzage serve`
(scheduled rescans run there): JVM start, Vert.x and the rules are paid once, at server start,
as they are in production. Usage: server_rescan.py JAR SHARE WORKDIR [ROUNDS]"""
import json, os, subprocess, sys, time, urllib.request
from datetime import datetime

jar, share, work = sys.argv[1], os.path.abspath(sys.argv[2]), os.path.abspath(sys.argv[3])
rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 3
port = 18181
data = os.path.join(work, "servedata")
subprocess.run(["rm", "-rf", data], check=True)
os.makedirs(work, exist_ok=True)
cfg = os.path.join(work, "serve.yaml")
with open(cfg, "w") as f:
    f.write(f"data: {data}\nhost: 127.0.0.1\nport: {port}\nsources:\n  - name: share\n    uri: {share}\n")
token = subprocess.run(["java", "-jar", jar, "token", "create", "--role", "admin", "--data", data],
                       check=True, capture_output=True, text=True).stdout.strip()
server = subprocess.Popen(["java", "-Xmx512m", "-jar", jar, "serve", "--config", cfg],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

def call(method, path, body=None):
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", method=method,
                                 data=None if body is None else json.dumps(body).encode(),
                                 headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.loads(r.read() or b"{}")

def run_scan():
    rid = call("POST", "/api/scans", {"source": "share"})["id"]
    while True:
        r = call("GET", f"/api/scans/{rid}")
        if r["state"] not in ("queued", "running"):
            break
        time.sleep(0.05)
    assert r["state"] == "completed", r
    secs = (datetime.fromisoformat(r["finishedAt"].replace("Z", "+00:00"))
            - datetime.fromisoformat(r["startedAt"].replace("Z", "+00:00"))).total_seconds()
    return secs, r["summary"]["items"]

try:
    for _ in range(200):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/ready", timeout=1)
            break
        except Exception:
            time.sleep(0.1)
    full, items = run_scan()
    print(f"server full scan: {full:.2f} s {items}")
    rescans = []
    for _ in range(rounds):
        s, items = run_scan()
        assert items["unchanged"] == items["seen"], items
        rescans.append(s)
    best, worst = min(rescans), max(rescans)
    print(f"server unchanged rescans: {', '.join(f'{s:.2f}' for s in rescans)} s {items}")
    print(f"server: unchanged rescan / full scan = {100 * worst / full:.1f} % (slowest of {rounds}; target <= 5 %)")
finally:
    server.terminate()
    server.wait(timeout=30)
