#!/usr/bin/env python3
"""planmerge benchmarks, side by side with git in one run (targets in docs/BENCHMARKS.md).

Run through `make bench` (or ./Benchmarks/run after `swift build -c release`). Times the
release binary .build/release/planmerge and git on the same repositories, each in a fresh
copy made before the clock starts; prints the median of the timed runs (one untimed
warm-up run first) and the ratio planmerge/git. No assertions: it measures, it never fails
on a figure.

Environment:
  BENCH_SCALE    national plan size as a fraction of 200 partners / 10,000 files /
                 100,000 actions (default 1; 0.25 = 50 partners, 2,500 files)
  BENCH_RUNS     timed runs per scenario (default 5; national scenarios use min(3, runs))
  BENCH_REMOTES  partner remotes in the fetch scenario (default 50)
  BENCH_JOBS     parallel fetches, both tools (default 4)
  BENCH_KEEP=1   keep the temporary folder
  BENCH_ONLY     comma-separated: leicester,national,fetch,fetchone (default all)

Every planmerge run's peak memory (max RSS, from wait4) is recorded; the table shows the
largest of a scenario's runs. After the table, every target is printed with met/missed.
`make bench-quick` runs BENCH_SCALE=0.1 BENCH_RUNS=1 (a tenth of the national size).
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLANMERGE = os.environ.get("PLANMERGE_BIN") or os.path.join(ROOT, ".build", "release", "planmerge")
GENERATE = os.path.join(ROOT, "Benchmarks", "generate_plan.py")
TODAY = "2008-06-10"

SCALE = float(os.environ.get("BENCH_SCALE", "1"))
RUNS = max(1, int(os.environ.get("BENCH_RUNS", "5")))
REMOTES = int(os.environ.get("BENCH_REMOTES", "50"))
JOBS = int(os.environ.get("BENCH_JOBS", "4"))
ONLY = set((os.environ.get("BENCH_ONLY") or "leicester,national,fetch,fetchone").split(","))

ROWS = []  # (scenario, planmerge s, git s, target, note, planmerge max RSS KB)
FIG = {}  # named figures for the targets
RSS = {"last": 0}  # the largest max RSS (KB) of the planmerge runs of the scenario being timed


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def sh(cmd, cwd=None, quiet=True, check=True, env=None):
    """Runs a command (list, or a string for bash); returns stdout."""
    shell = isinstance(cmd, str)
    result = subprocess.run(
        ["bash", "-c", cmd] if shell else cmd, cwd=cwd, env=env or ENV, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE if quiet else None)
    if check and result.returncode != 0:
        raise SystemExit("bench: command failed (%d): %s\n%s%s" % (
            result.returncode, cmd, result.stdout[-2000:], (result.stderr or "")[-2000:]))
    return result.stdout


def timed(cmd, cwd=None, ok=(0,)):
    """Wall seconds of one command (output discarded; exit code checked). Its peak memory
    (ru_maxrss of wait4, KB: the largest of the process and the children it waited for) is
    kept in RSS["run"]."""
    shell = isinstance(cmd, str)
    out = tempfile.TemporaryFile()
    err = tempfile.TemporaryFile()
    start = time.perf_counter()
    proc = subprocess.Popen(["bash", "-c", cmd] if shell else cmd, cwd=cwd, env=ENV, stdout=out, stderr=err)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    RSS["run"] = usage.ru_maxrss
    out.seek(0)
    err.seek(0)
    stdout = out.read().decode("utf-8", "replace")
    stderr = err.read().decode("utf-8", "replace")
    if proc.returncode not in ok:
        raise SystemExit("bench: timed command failed (%d): %s\n%s%s" % (
            proc.returncode, cmd, stdout[-3000:], stderr[-3000:]))
    return seconds, stdout


def median_of(runs, prepare, command, cwd=None, ok=(0,)):
    """One warm-up, then `runs` timed runs; `prepare()` (untimed) before each, returning
    the command's argument (e.g. a fresh copy of a repository)."""
    times = []
    last = ""
    peak = 0
    for n in range(runs + 1):
        arg = prepare()
        seconds, last = timed(command(arg), cwd=cwd, ok=ok)
        peak = max(peak, RSS["run"])
        if n > 0:
            times.append(seconds)
    RSS["last"] = peak
    return statistics.median(times), times, last


def fresh_copy(template, where, name):
    path = os.path.join(where, name)
    if os.path.exists(path):
        shutil.rmtree(path)
    shutil.copytree(template, path, symlinks=True)
    return path


def row(scenario, pm, git, target, note="", rss=None):
    """One line of the table; `rss` (KB) is the planmerge runs' peak memory, by default that
    of the last planmerge `median_of` (call `row` before timing git, or pass it)."""
    ROWS.append((scenario, pm, git, target, note, rss))
    log("  %-52s planmerge %8.3f s   git %8.3f s   ratio %s   max RSS %s" % (
        scenario, pm, git, ("%.2fx" % (pm / git)) if git else "-", mb(rss)))


def mb(kb):
    return "-" if kb is None else "%.0f MB" % (kb / 1024.0)


def pm_timed(runs, prepare, command, cwd=None, ok=(0,)):
    """`median_of` for a planmerge command: also returns its peak memory (KB)."""
    t, times, out = median_of(runs, prepare, command, cwd=cwd, ok=ok)
    return t, RSS["last"], out


# git's side of a consolidation: in a bare repository, for every partner head, merge it
# into the running result with `git merge-tree --write-tree` (git 2.38+: the whole merge
# in memory, no work tree, as planmerge does) and record a merge commit with
# `git commit-tree`; finally move main. One process pair per partner, as git offers no
# in-process way to merge many branches into a bare repository.
GIT_CHAIN = r"""
set -e
head=$(git rev-parse refs/heads/main)
for b in $(git for-each-ref --format='%(refname)' {refs}); do
  tree=$(git merge-tree --write-tree "$head" "$b")
  head=$(git commit-tree "$tree" -p "$head" -p "$b" -m "Merge $b")
done
git update-ref refs/heads/main "$head"
"""

# The same with `git merge --no-edit` in a work tree (what a coordinator would type).
GIT_MERGE_LOOP = r"""
set -e
for b in $(git for-each-ref --format='%(refname)' {refs}); do
  git merge -q --no-edit "$b" >/dev/null
done
"""


def pm(*args):
    return [PLANMERGE] + list(args)


# ---------------------------------------------------------------------------------------
def leicester(tmp):
    log("== 1. Real plan: Repos/leicester (11 partners)")
    plan = os.path.join(ROOT, "Repos", "leicester")
    work = os.path.join(tmp, "leicester")
    os.makedirs(work)
    # The seed: the plan with a remote for each partner (../clones/<id>, from the hub).
    seed = os.path.join(work, "seed")
    shutil.copytree(plan, seed)
    partners = sorted(os.listdir(os.path.join(seed, "sections")))
    manifest = open(os.path.join(seed, "plan.yaml"), encoding="utf-8").read().split("\n")
    out = []
    for line in manifest:
        out.append(line)
        if line.startswith("  - id: ") and line[8:].strip() in partners:
            out.append("    remote: ../clones/%s" % line[8:].strip())
    open(os.path.join(seed, "plan.yaml"), "w", encoding="utf-8").write("\n".join(out))
    sh("git init -q -b main && git add -A && git commit -q -m 'Seed the Leicester plan'", cwd=seed)
    hub = os.path.join(work, "hub.git")
    sh(["git", "clone", "-q", "--bare", seed, hub])
    # Every partner publishes: one commit in its own clone changing one of its files.
    for pid in partners:
        clone = os.path.join(work, "clones", pid)
        sh(["git", "clone", "-q", hub, clone])
        folder = os.path.join(clone, "sections", pid)
        name = sorted(os.listdir(folder))[0]
        path = os.path.join(folder, name)
        text = open(path, encoding="utf-8").read()
        lines = text.split("\n")
        for k, line in enumerate(lines):
            if line.startswith("Lead: "):
                lines[k] = line + "; Performance Officer"
                break
        open(path, "w", encoding="utf-8").write("\n".join(lines))
        sh("git commit -q -am '%s: progress update'" % pid, cwd=clone)
    # git's scratch hub: the same bare hub with one remote per partner.
    github = os.path.join(work, "git-template.git")
    shutil.copytree(hub, github, symlinks=True)
    for pid in partners:
        sh(["git", "-C", github, "remote", "add", pid, "../clones/%s" % pid])
        sh(["git", "-C", github, "config", "remote.%s.tagopt" % pid, "--no-tags"])
    # Sanity check of the setup: planmerge accepts all 11.
    check = fresh_copy(hub, work, "check.git")
    report = sh(pm("consolidate", check, "--today", TODAY), check=False)
    accepted = report.count("accepted ")
    log("  setup: %d partners publish; a trial consolidate accepted %d" % (len(partners), accepted))

    # a. validate
    t_pm, rss, _ = pm_timed(RUNS, lambda: None, lambda _: pm("validate", plan, "--quiet"), ok=(0,))
    t_git, _, _ = median_of(RUNS, lambda: None, lambda _: ["git", "-C", seed, "grep", "-c", "-e", "^## ", "-e", "^Due:", "--", "."])
    row("Leicester validate (git: grep the files, a floor)", t_pm, t_git, "< 1 s", rss=rss)
    FIG["leicester validate"] = t_pm

    # a'. the pre-commit hook on a staged one-line change (moved here from the test suite:
    # tests never time anything). git's floor: its own whitespace check of the staged change.
    clone = os.path.join(work, "clones", partners[0])
    sh(["git", "-C", clone, "config", "planmerge.partner", partners[0]])
    sh("sed -i '0,/^Lead: /s/^Lead: .*/&, Bench Officer/' sections/%s/*.md && git add -A" % partners[0], cwd=clone)
    t_pm, rss, _ = pm_timed(RUNS, lambda: None, lambda _: pm("hook", "pre-commit"), cwd=clone)
    t_git, _, _ = median_of(RUNS, lambda: None, lambda _: ["git", "diff", "--cached", "--check"], cwd=clone)
    sh("git reset -q --hard", cwd=clone)
    row("Leicester hook pre-commit (git: diff --cached --check)", t_pm, t_git, "< 1 s", rss=rss)

    # b. consolidate: fetch 11 partner remotes and merge
    t_pm, rss, out_pm = pm_timed(RUNS, lambda: fresh_copy(hub, work, "run.git"),
                                 lambda h: pm("consolidate", h, "--today", TODAY, "--jobs", str(JOBS)))
    t_git, _, _ = median_of(RUNS, lambda: fresh_copy(github, work, "run-git.git"),
                            lambda h: "cd %s && git fetch -q --multiple --jobs=%d %s && %s" % (
                                h, JOBS, " ".join(partners), GIT_CHAIN.format(refs="refs/remotes/")))
    row("Leicester consolidate: fetch 11 remotes + merge", t_pm, t_git, "< 1 s", rss=rss)
    same_tree(os.path.join(work, "run.git"), os.path.join(work, "run-git.git"))

    # c. the merge alone (already fetched)
    def fetched():
        h = fresh_copy(hub, work, "run.git")
        sh(pm("consolidate", h, "--dry-run", "--today", TODAY))
        return h

    def fetched_git():
        h = fresh_copy(github, work, "run-git.git")
        sh("git fetch -q --multiple %s" % " ".join(partners), cwd=h)
        return h
    t_pm, rss, _ = pm_timed(RUNS, fetched, lambda h: pm("consolidate", h, "--offline", "--today", TODAY))
    t_git, _, _ = median_of(RUNS, fetched_git, lambda h: "cd %s && %s" % (h, GIT_CHAIN.format(refs="refs/remotes/")))
    row("Leicester consolidate --offline (merge only)", t_pm, t_git, "< 1 s", rss=rss)
    FIG["leicester consolidate"] = t_pm


def same_tree(a, b):
    ta = sh(["git", "-C", a, "rev-parse", "refs/heads/main^{tree}"]).strip()
    tb = sh(["git", "-C", b, "rev-parse", "refs/heads/main^{tree}"]).strip()
    log("  result trees %s (planmerge %s, git %s)" % ("identical" if ta == tb else "DIFFER", ta[:10], tb[:10]))


# ---------------------------------------------------------------------------------------
def national_shape():
    partners = max(10, int(round(200 * SCALE / 10.0)) * 10)
    return partners


def national(tmp):
    partners = national_shape()
    runs = min(3, RUNS)
    log("== 2. National scale: %d partners, %d section files, %d actions (BENCH_SCALE=%g)" % (
        partners, partners * 50, partners * 500, SCALE))
    work = os.path.join(tmp, "national")
    start = time.perf_counter()
    sh([sys.executable, GENERATE, work, "--partners", str(partners)], quiet=False)
    template = os.path.join(work, "hub.git")
    sh(["git", "init", "-q", "--bare", "-b", "main", template])
    sh("git -C %s fast-import --quiet < %s" % (template, os.path.join(work, "hub.fi")))
    sh(["git", "-C", template, "gc", "-q"])
    log("  generated and imported in %.1f s" % (time.perf_counter() - start))

    plan = os.path.join(work, "plan")
    t_pm, rss, out = pm_timed(runs, lambda: None, lambda _: pm("validate", plan, "--quiet"))
    log("  " + out.strip())
    t_git, _, _ = median_of(runs, lambda: None, lambda _: ["grep", "-rc", "-e", "^## ", "-e", "^Due:", plan])
    row("National validate of the folder, no planmerge cache (git: grep -r, a floor)", t_pm, t_git, "< 1 s", rss=rss)
    FIG["national validate"] = t_pm
    FIG["peak"] = max(FIG.get("peak", 0), rss)

    # validate main of the hub: the first run fills the planmerge cache under the hub's git
    # directory (the warm-up), the timed runs read it.
    cached = os.path.join(work, "cached.git")
    if os.path.exists(cached):
        shutil.rmtree(cached)
    shutil.copytree(template, cached, symlinks=True)
    t_pm, rss, _ = pm_timed(runs, lambda: None, lambda _: pm("validate", "--rev", "main", "--repo", cached, "--quiet"))
    row("National validate --rev main of the hub, planmerge cache warm (git: grep -r)", t_pm, t_git, "< 0.2 s", rss=rss)
    FIG["national validate cached"] = t_pm
    FIG["peak"] = max(FIG.get("peak", 0), rss)

    # The pre-commit hook on one staged file of the national plan (a partner's clone).
    clone = os.path.join(work, "clone")
    sh(["git", "clone", "-q", template, clone])
    sh(["git", "-C", clone, "config", "planmerge.partner", "p001"])
    first = sorted(os.listdir(os.path.join(clone, "sections", "p001")))[0]
    sh("sed -i '0,/^Lead: /s/^Lead: .*/&, Bench Officer/' sections/p001/%s && git add -A" % first, cwd=clone)
    t_pm, rss, _ = pm_timed(runs, lambda: None, lambda _: pm("hook", "pre-commit"), cwd=clone)
    t_git, _, _ = median_of(runs, lambda: None, lambda _: ["git", "diff", "--cached", "--check"], cwd=clone)
    row("National hook pre-commit, one staged file (git: diff --cached --check)", t_pm, t_git, "< 0.1 s", rss=rss)
    FIG["national pre-commit"] = t_pm
    shutil.rmtree(clone)

    # Full: every partner changed 5 files since the base.
    t_pm, rss, out = pm_timed(runs, lambda: fresh_copy(template, work, "pm.git"),
                              lambda h: pm("consolidate", h, "--offline", "--today", TODAY))
    accepted = out.count("  accepted ")
    FIG["national full"] = t_pm
    FIG["peak"] = max(FIG.get("peak", 0), rss)
    t_git, _, _ = median_of(runs, lambda: fresh_copy(template, work, "git.git"),
                            lambda h: "cd %s && %s" % (h, GIT_CHAIN.format(refs="refs/heads/partners/")))
    row("National consolidate, %d partners changed (git: merge-tree chain)" % partners, t_pm, t_git, "<= 1x git",
        "%d accepted" % accepted, rss=rss)
    FIG["national full git"] = t_git
    same_tree(os.path.join(work, "pm.git"), os.path.join(work, "git.git"))

    # git merge in a work tree, for reference (clone and checkout untimed).
    wt_template = os.path.join(work, "git-worktree")
    sh(["git", "clone", "-q", "--no-local", template, wt_template])
    sh("git -C %s fetch -q origin 'refs/heads/partners/*:refs/heads/partners/*'" % wt_template)
    t_loop, _, _ = median_of(1, lambda: fresh_copy(wt_template, work, "git-wt"),
                             lambda h: "cd %s && %s" % (h, GIT_MERGE_LOOP.format(refs="refs/heads/partners/")))
    row("  (reference: git merge --no-edit loop in a work tree)", t_pm, t_loop, "-", "1 run", rss=rss)

    # Nothing changed since the last consolidate: the fixed cost.
    done_pm = os.path.join(work, "pm-done.git")
    if os.path.exists(done_pm):
        shutil.rmtree(done_pm)
    os.rename(os.path.join(work, "pm.git"), done_pm)
    done_git = os.path.join(work, "git-done.git")
    if os.path.exists(done_git):
        shutil.rmtree(done_git)
    os.rename(os.path.join(work, "git.git"), done_git)
    t_pm, rss, out = pm_timed(runs, lambda: fresh_copy(done_pm, work, "pm.git"),
                              lambda h: pm("consolidate", h, "--offline", "--today", TODAY))
    t_git, _, _ = median_of(runs, lambda: fresh_copy(done_git, work, "git.git"),
                            lambda h: "cd %s && %s" % (h, GIT_CHAIN.format(refs="refs/heads/partners/p001")))
    row("National consolidate, nothing changed (git: p001 up to date)", t_pm, t_git, "-", rss=rss)

    # Incremental: one partner changed one file since the last consolidate.
    for repo in (done_pm, done_git):
        sh("git -C %s fast-import --quiet < %s" % (repo, os.path.join(work, "incremental.fi")))
    t_pm, rss, out = pm_timed(runs, lambda: fresh_copy(done_pm, work, "pm.git"),
                              lambda h: pm("consolidate", h, "--offline", "--today", TODAY))
    t_git, _, _ = median_of(runs, lambda: fresh_copy(done_git, work, "git.git"),
                            lambda h: "cd %s && %s" % (h, GIT_CHAIN.format(refs="refs/heads/partners/p001")))
    row("National consolidate --offline, 1 partner changed 1 file", t_pm, t_git, "< 5% of full, < 0.25 s",
        "accepted: %d" % out.count("  accepted "), rss=rss)
    FIG["national one file"] = t_pm
    FIG["peak"] = max(FIG.get("peak", 0), rss)
    same_tree(os.path.join(work, "pm.git"), os.path.join(work, "git.git"))


# ---------------------------------------------------------------------------------------
def remotes_source(work, options):
    """Generates a plan whose partners have remotes (`options` for generate_plan.py) and
    imports main, the partner branches and the remotes' new commits into work/source.git."""
    sh([sys.executable, GENERATE, work, "--remote-prefix", "../remotes/", "--no-folder"] + options, quiet=False)
    source = os.path.join(work, "source.git")
    sh(["git", "init", "-q", "--bare", "-b", "main", source])
    sh("git -C %s fast-import --quiet < %s && git -C %s fast-import --quiet < %s" % (
        source, os.path.join(work, "hub.fi"), source, os.path.join(work, "remotes.fi")))
    sh(["git", "-C", source, "gc", "-q"])
    return source


def fetch(tmp):
    # A plan of as many partners as remotes (50: 2,500 files): the fetch is the subject, and
    # a smaller merge phase makes "dry-run minus --offline dry-run" less noisy.
    partners = max(10, int((REMOTES + 9) / 10) * 10)
    runs = RUNS
    log("== 3. Fetch: %d partner remotes (local bare repositories), plan of %d partners, --jobs %d"
        % (REMOTES, partners, JOBS))
    work = os.path.join(tmp, "fetch")
    source = remotes_source(work, ["--partners", str(partners), "--remotes", str(REMOTES)])
    ids = ["p%03d" % (i + 1) for i in range(REMOTES)]
    # Each partner's repository: the plan's history and its one new commit on main
    # (a local clone: hard links, cheap to set up).
    for pid in ids:
        remote = os.path.join(work, "remotes", pid)
        sh(["git", "clone", "-q", "--bare", "--local", "--single-branch", "--branch", "remote/" + pid, source, remote])
        sh(["git", "-C", remote, "branch", "-m", "remote/" + pid, "main"])
    # The hubs: main only (its objects only: the partners' commits must really be fetched).
    hub = os.path.join(work, "hub-template.git")
    sh(["git", "clone", "-q", "--bare", "--no-local", "--single-branch", "--branch", "main", source, hub])
    github = os.path.join(work, "git-template.git")
    shutil.copytree(hub, github, symlinks=True)
    for pid in ids:
        sh(["git", "-C", github, "remote", "add", "--no-tags", pid, "../remotes/%s" % pid])

    t_pm, rss, out = pm_timed(runs, lambda: fresh_copy(hub, work, "run.git"),
                              lambda h: pm("consolidate", h, "--dry-run", "--jobs", str(JOBS), "--today", TODAY), ok=(0, 1))
    t_pm_offline, rss2, _ = pm_timed(runs, lambda: os.path.join(work, "run.git"),
                                     lambda h: pm("consolidate", h, "--dry-run", "--offline", "--today", TODAY), ok=(0, 1))
    fetched = int(sh("git -C %s for-each-ref refs/planmerge/partners | wc -l" % os.path.join(work, "run.git")).strip())
    t_git, _, _ = median_of(runs, lambda: fresh_copy(github, work, "run-git.git"),
                            lambda h: "cd %s && git fetch -q --multiple --jobs=%d %s" % (h, JOBS, " ".join(ids)))
    git_fetched = int(sh("git -C %s for-each-ref refs/remotes | wc -l" % os.path.join(work, "run-git.git")).strip())
    log("  planmerge fetched %d partner heads, git %d" % (fetched, git_fetched))
    row("Fetch %d remotes: consolidate --dry-run (fetch + merge)" % REMOTES, t_pm, t_git, "-", rss=rss)
    row("Fetch %d remotes: fetch phase (dry-run minus --offline)" % REMOTES, max(0.0, t_pm - t_pm_offline), t_git,
        "<= 1x git", "--offline dry-run %.3f s" % t_pm_offline, rss=max(rss, rss2))


# ---------------------------------------------------------------------------------------
def fetch_one(tmp):
    """The national plan, every partner with its own remote (a local bare repository); one
    of them has a new commit changing one file, the others hold what main already has. The
    hub's planmerge cache is warm (a validate of main ran before, as an earlier consolidate
    would have left it). planmerge: a whole consolidate (fetch all, merge, commit); git: a
    `git fetch --multiple` of the same remotes."""
    partners = national_shape()
    runs = min(3, RUNS)
    log("== 4. National, %d partner remotes of which one changed one file, --jobs %d" % (partners, JOBS))
    work = os.path.join(tmp, "fetchone")
    source = remotes_source(work, ["--partners", str(partners), "--remotes", "1", "--changed", "1", "--all-remotes"])
    ids = ["p%03d" % (i + 1) for i in range(partners)]
    for pid in ids:
        remote = os.path.join(work, "remotes", pid)
        branch = "remote/p001" if pid == "p001" else "main"
        sh(["git", "clone", "-q", "--bare", "--local", "--single-branch", "--branch", branch, source, remote])
        if branch != "main":
            sh(["git", "-C", remote, "branch", "-m", branch, "main"])
    hub = os.path.join(work, "hub-template.git")
    sh(["git", "clone", "-q", "--bare", "--no-local", "--single-branch", "--branch", "main", source, hub])
    sh(pm("validate", "--rev", "main", "--repo", hub, "--quiet"))
    github = os.path.join(work, "git-template.git")
    shutil.copytree(hub, github, symlinks=True)
    shutil.rmtree(os.path.join(github, "planmerge"), ignore_errors=True)
    for pid in ids:
        sh(["git", "-C", github, "remote", "add", "--no-tags", pid, "../remotes/%s" % pid])
    t_pm, rss, out = pm_timed(runs, lambda: fresh_copy(hub, work, "run.git"),
                              lambda h: pm("consolidate", h, "--jobs", str(JOBS), "--today", TODAY))
    t_git, _, _ = median_of(runs, lambda: fresh_copy(github, work, "run-git.git"),
                            lambda h: "cd %s && git fetch -q --multiple --jobs=%d %s" % (h, JOBS, " ".join(ids)))
    row("National consolidate: fetch %d remotes (1 changed 1 file) + merge (git: fetch)" % partners, t_pm, t_git,
        "<= 1x git fetch", "accepted: %d" % out.count("  accepted "), rss=rss)
    FIG["fetch one"] = t_pm
    FIG["fetch one git"] = t_git
    FIG["peak"] = max(FIG.get("peak", 0), rss)


def targets():
    """Every target: (what, figure, met?) -- None when its scenario did not run."""
    out = []

    def add(what, keys, test, show):
        if all(k in FIG for k in keys):
            vals = [FIG[k] for k in keys]
            out.append((what, show(*vals), "met" if test(*vals) else "MISSED"))
        else:
            out.append((what, "not run", "-"))
    add("national one-file consolidate --offline < 5% of the full consolidate",
        ["national one file", "national full"], lambda a, b: a < 0.05 * b, lambda a, b: "%.1f%%" % (100 * a / b))
    add("national one-file consolidate --offline < 0.25 s", ["national one file"], lambda a: a < 0.25,
        lambda a: "%.3f s" % a)
    add("national consolidate with fetch of all remotes, 1 changed: <= git fetch",
        ["fetch one", "fetch one git"], lambda a, b: a <= b, lambda a, b: "%.2fx" % (a / b))
    add("national full consolidate <= 1.0x git's merge-tree chain", ["national full", "national full git"],
        lambda a, b: a <= b, lambda a, b: "%.2fx" % (a / b))
    add("national validate, no planmerge cache < 1 s", ["national validate"], lambda a: a < 1.0,
        lambda a: "%.3f s" % a)
    add("national validate, planmerge cache warm < 0.2 s", ["national validate cached"], lambda a: a < 0.2,
        lambda a: "%.3f s" % a)
    add("Leicester validate + consolidate --offline < 50 ms", ["leicester validate", "leicester consolidate"],
        lambda a, b: a + b < 0.05, lambda a, b: "%.0f ms" % (1000 * (a + b)))
    add("national pre-commit on one file < 100 ms", ["national pre-commit"], lambda a: a < 0.1,
        lambda a: "%.0f ms" % (1000 * a))
    add("peak memory at national scale < 500 MB", ["peak"], lambda a: a < 500 * 1024, lambda a: mb(a))
    return out


# ---------------------------------------------------------------------------------------
def machine():
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = sh("free -h | awk '/^Mem:/ {print $2}'").strip()
    return "%s cores (nproc), %s RAM, CPU %s; %s; %s" % (
        sh(["nproc"]).strip(), mem, cpu, sh(["git", "--version"]).strip(),
        sh([PLANMERGE, "--version"], check=False).strip() or "planmerge")


def table():
    print()
    print("| scenario | planmerge s | git s | ratio | planmerge max RSS | target | note |")
    print("|---|---:|---:|---:|---:|---|---|")
    for scenario, p, g, target, note, rss in ROWS:
        print("| %s | %.3f | %.3f | %s | %s | %s | %s |" % (
            scenario, p, g, ("%.2fx" % (p / g)) if g else "-", mb(rss), target, note))
    print()
    print("| target (scale %g) | figure | met? |" % SCALE)
    print("|---|---:|---|")
    for what, figure, met in targets():
        print("| %s | %s | %s |" % (what, figure, met))


def main():
    global ENV
    if not os.access(PLANMERGE, os.X_OK):
        raise SystemExit("bench: %s not found: run `swift build -c release` first (make bench does)" % PLANMERGE)
    tmp = tempfile.mkdtemp(prefix="planmerge-bench-")
    home = os.path.join(tmp, "home")
    os.makedirs(home)
    with open(os.path.join(home, ".gitconfig"), "w") as f:
        f.write("[user]\n\tname = Bench Coordinator\n\temail = coordinator@example.org\n"
                "[init]\n\tdefaultBranch = main\n[gc]\n\tauto = 0\n[maintenance]\n\tauto = false\n")
    ENV = dict(os.environ, HOME=home, GIT_CONFIG_NOSYSTEM="1", LC_ALL="C", TZ="UTC")
    for key in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        ENV.pop(key, None)
    log("planmerge benchmarks in %s" % tmp)
    log("machine: " + machine())
    start = time.perf_counter()
    try:
        if "leicester" in ONLY:
            leicester(tmp)
        if "national" in ONLY:
            national(tmp)
        if "fetch" in ONLY:
            fetch(tmp)
        if "fetchone" in ONLY:
            fetch_one(tmp)
    finally:
        if os.environ.get("BENCH_KEEP") != "1":
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            log("kept %s" % tmp)
    table()
    print("\nmachine: %s; BENCH_SCALE=%g, BENCH_RUNS=%d (median; national: median of %d); total %.0f s"
          % (machine(), SCALE, RUNS, min(3, RUNS), time.perf_counter() - start))


ENV = dict(os.environ)
if __name__ == "__main__":
    main()
