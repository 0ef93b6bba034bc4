#!/usr/bin/env python3
"""Load run of planmerge-serve (make bench): 50 simulated officers saving concurrently on
loopback for 60 s.

A hub with 10 partners on one recommendation, 5 officers each, one action per officer;
planmerge-serve with header auth and the proxy secret on 127.0.0.1. Each officer reads
its action (the ETag), then PATCHes its notes with If-Match, again and again: officers of
one partner save on one branch at once, so most saves are stale and go through the
three-way merge. At the end: every accepted save is on its partner's branch (its version
is in the branch's history, and each officer's last accepted value is what the branch
holds), `git fsck --strict` is clean, and p50/p95 save latency and throughput are printed.

Environment: SERVE_BIN (default .build/release/planmerge-serve), PLANMERGE_BIN (default
.build/release/planmerge), LOAD_SECONDS (60), LOAD_OFFICERS (50).
"""
import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

SERVE = os.environ.get("SERVE_BIN", ".build/release/planmerge-serve")
PLANMERGE = os.environ.get("PLANMERGE_BIN", ".build/release/planmerge")
SECONDS = float(os.environ.get("LOAD_SECONDS", "60"))
OFFICERS = int(os.environ.get("LOAD_OFFICERS", "50"))
PER_PARTNER = 5
SECRET = "load-test-proxy-secret-0123456789abcdef"


def make_plan(folder):
    partners = (OFFICERS + PER_PARTNER - 1) // PER_PARTNER
    lines = [
        "planmerge: 1", "title: Load test plan", "authority: Test Council", "inspection:",
        "  name: Joint Area Review", "  published: 2008-06-03", "timescales:", "  - id: immediate",
        "    name: For immediate action", "recommendations:", "  - number: 1", "    text: Load",
        "    timescale: immediate", "    lead: p00",
        "    partners: [%s]" % ", ".join("p%02d" % p for p in range(1, partners)), "partners:",
    ]
    for p in range(partners):
        officers = ", ".join("o%02d" % (p * PER_PARTNER + i) for i in range(PER_PARTNER))
        lines += ["  - id: p%02d" % p, "    name: Partner %d" % p, "    pushers: [%s]" % officers]
    lines += ["coordinator:", "  pushers: [cora]", "policy:", "  required: [lead, due]", "  missing: error", ""]
    os.makedirs(os.path.join(folder, "sections"))
    with open(os.path.join(folder, "plan.yaml"), "w") as f:
        f.write("\n".join(lines))
    for p in range(partners):
        os.makedirs(os.path.join(folder, "sections", "p%02d" % p))
        body = ["# Recommendation 1", ""]
        for i in range(PER_PARTNER):
            body += ["## 1.%d Action of officer o%02d" % (p * PER_PARTNER + i + 1, p * PER_PARTNER + i),
                     "Due: 31.3.09", "Lead: Officer %d" % i, ""]
        with open(os.path.join(folder, "sections", "p%02d" % p, "1.md"), "w") as f:
            f.write("\n".join(body))


class Officer(threading.Thread):
    def __init__(self, index, port, stop):
        super().__init__(daemon=True)
        self.index, self.port, self.stop = index, port, stop
        self.user = "o%02d" % index
        self.partner = "p%02d" % (index // PER_PARTNER)
        self.ref = "1.%d" % (index + 1)
        self.latencies, self.accepted, self.refused, self.errors = [], [], 0, []
        self.last_value = None

    def request(self, conn, method, path, body=None, headers=None):
        h = {"X-Remote-User": self.user, "X-Proxy-Secret": SECRET}
        if self.cookie:
            h["Cookie"] = self.cookie
        h.update(headers or {})
        conn.request(method, path, body=body, headers=h)
        response = conn.getresponse()
        data = response.read()
        cookie = response.getheader("Set-Cookie")
        if cookie:
            self.cookie = cookie.split(";")[0]
        return response.status, response.getheader("ETag"), data

    def run(self):
        self.cookie = None
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        _, _, data = self.request(conn, "GET", "/api/session")
        csrf = json.loads(data)["csrfToken"]
        path = "/api/partners/%s/actions/%s" % (self.partner, self.ref)
        n = 0
        while not self.stop.is_set():
            status, etag, _ = self.request(conn, "GET", path)
            if status != 200:
                self.errors.append("GET %d" % status)
                continue
            n += 1
            value = "save %d by %s" % (n, self.user)
            body = json.dumps({"notes": value})
            start = time.perf_counter()
            status, _, data = self.request(conn, "PATCH", path, body=body, headers={
                "Content-Type": "application/json", "If-Match": etag, "X-CSRF-Token": csrf})
            self.latencies.append(time.perf_counter() - start)
            if status == 200:
                self.accepted.append(json.loads(data)["version"])
                self.last_value = value
            elif status == 412:
                self.refused += 1
            else:
                self.errors.append("PATCH %d %s" % (status, data[:200]))


def git(hub, *args):
    return subprocess.run(["git", "--git-dir", hub, *args], capture_output=True, text=True)


def main():
    for binary in (SERVE, PLANMERGE):
        if not os.access(binary, os.X_OK):
            print("serve_load: %s is missing: run 'swift build -c release'" % binary, file=sys.stderr)
            return 2
    work = tempfile.mkdtemp(prefix="serve-load-")
    server = None
    try:
        make_plan(os.path.join(work, "plan"))
        hub = os.path.join(work, "hub.git")
        env = dict(os.environ, GIT_AUTHOR_NAME="Setup", GIT_AUTHOR_EMAIL="setup@example.org",
                   GIT_COMMITTER_NAME="Setup", GIT_COMMITTER_EMAIL="setup@example.org")
        subprocess.run([PLANMERGE, "init", hub, "--from", os.path.join(work, "plan"), "--with-sections"],
                       check=True, env=env, stdout=subprocess.DEVNULL)
        with open(os.path.join(work, "secret"), "w") as f:
            f.write(SECRET)
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
        s.close()
        server = subprocess.Popen(
            [SERVE, "--repo", hub, "--listen", "127.0.0.1:%d" % port, "--auth", "header:X-Remote-User",
             "--proxy-secret-file", os.path.join(work, "secret"), "--today", "2008-10-01"],
            stderr=subprocess.DEVNULL)
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port), 0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        stop = threading.Event()
        officers = [Officer(i, port, stop) for i in range(OFFICERS)]
        started = time.perf_counter()
        for o in officers:
            o.start()
        time.sleep(SECONDS)
        stop.set()
        for o in officers:
            o.join(120)
        elapsed = time.perf_counter() - started

        latencies = sorted(l for o in officers for l in o.latencies)
        accepted = sum(len(o.accepted) for o in officers)
        refused = sum(o.refused for o in officers)
        errors = [e for o in officers for e in o.errors]
        lost = 0
        for o in officers:
            branch = "refs/heads/partners/%s" % o.partner
            history = set(git(hub, "rev-list", branch).stdout.split())
            lost += sum(1 for v in o.accepted if v not in history)
            text = git(hub, "show", "%s:sections/%s/1.md" % (branch, o.partner)).stdout
            section = text.split("## %s " % o.ref)[1].split("\n## ")[0] if ("## %s " % o.ref) in text else ""
            if o.last_value and o.last_value not in section:
                lost += 1
                print("serve_load: %s's last accepted value is not on %s" % (o.user, branch))
        fsck = git(hub, "fsck", "--strict")
        p50 = statistics.median(latencies) if latencies else 0
        p95 = latencies[int(len(latencies) * 0.95) - 1] if latencies else 0
        print("serve_load: %d officers, %.1f s, %d saves: %d accepted, %d refused as same-field (412), %d errors"
              % (OFFICERS, elapsed, len(latencies), accepted, refused, len(errors)))
        print("serve_load: save latency p50 %.1f ms, p95 %.1f ms; throughput %.1f accepted saves/s"
              % (p50 * 1000, p95 * 1000, accepted / elapsed))
        print("serve_load: lost updates %d; git fsck --strict %s" % (lost, "clean" if fsck.returncode == 0 else "FAILED: " + fsck.stderr[:500]))
        for e in errors[:5]:
            print("serve_load: error: " + e)
        return 0 if lost == 0 and not errors and fsck.returncode == 0 else 1
    finally:
        if server:
            server.terminate()
            server.wait(10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
