#!/usr/bin/env python3
"""Generates a national-scale planmerge plan for the benchmarks (standard library only).

Shape (defaults = the national scale of docs/BENCHMARKS.md): 200 partners, 500 recommendations; partner i
contributes to the 50 recommendations r with r = i (mod 10), 10 actions each, so
10,000 section files and 100,000 actions. Recommendation r's partners are the i = r
(mod 10); the smallest is its lead (it also writes a position statement). Partner i's
slot in recommendation r is i // 10; its actions are r.(12*slot + 1) .. r.(12*slot + 10),
so every reference is unique plan-wide and 12*slot + 11 is free for an added action.

Outputs (into OUT):
  plan/                  the plan as a folder (for `planmerge validate`)
  hub.fi                 a `git fast-import` stream: main (the whole plan, one commit)
                         and, for each partner, refs/heads/partners/<id>: one commit on
                         main changing --changed of its files (statuses, a success line,
                         one added action) -- the "everyone published" state
  incremental.fi         one more commit on partners/p001 changing one action's status
                         in one file (applied after the first consolidate)
  remotes.fi             (with --remotes N) for partners p001..pN a second commit on
                         refs/heads/main of a partner repository, for the fetch scenario
Partners have no remote in the manifest unless --remote-prefix is given: planmerge then
reads refs/heads/partners/<id> on the hub itself (PartnerFetcher.hubBranch).
"""
import argparse
import os
import random

FIRST = ["Paul", "Annette", "Sue", "Janis", "Andy", "Lorraine", "Trevor", "Gill", "Emma", "David",
         "Rosemary", "Dan", "Jane", "Helen", "Liz", "Richard", "Colin", "Barbara", "Penny", "Andrew",
         "Mel", "Jasbir", "Denise", "Peter", "Roz", "Bradley", "Brigitte", "Phil", "Janet", "Anne"]
LAST = ["Vaughan", "Hogarth", "Welford", "Warren", "Smith", "White", "Pringle", "Stacey", "Southern",
        "Thrussell", "Beard", "Gray", "Porter", "Reeve", "Rodrigo", "Whitehouse", "Sharpe", "Chantrill",
        "Hajek", "Bunyan", "Meggs", "Mann", "Steadman", "McEntee", "Iliffe", "Boyce", "Pearson",
        "Harrison", "Olphert", "Kershaw"]
BODY = ["City Council, Learning Services", "City Council, Social Care and Safeguarding",
        "Primary Care Trust", "NHS Foundation Trust", "Constabulary", "Youth Offending Service",
        "Connexions", "College of Further Education", "Council for Voluntary Service",
        "Housing Association", "Fire and Rescue Service", "Probation Trust", "Mental Health Partnership NHS Trust",
        "Sure Start Children's Centres", "Drug and Alcohol Action Team", "Children's Fund"]
PLACE = ["Leicester", "Derby", "Nottingham", "Coventry", "Wolverhampton", "Stoke", "Northampton",
         "Lincoln", "Sheffield", "Bradford", "Leeds", "Hull", "York", "Bristol", "Plymouth", "Exeter",
         "Norwich", "Ipswich", "Luton", "Reading", "Swindon", "Oxford", "Cambridge", "Peterborough",
         "Milton Keynes"]
VERB = ["Review", "Develop", "Implement", "Establish", "Improve", "Extend", "Agree", "Monitor",
        "Commission", "Publish", "Embed", "Strengthen", "Evaluate", "Deliver", "Train"]
OBJECT = ["the multi-agency referral pathway for vulnerable young people",
          "joint commissioning arrangements for specialist therapy services",
          "the performance management framework for school improvement",
          "targeted support for young people not in education, employment or training",
          "the tracking of looked after children's educational progress",
          "out-patient capacity in the Child and Adolescent Mental Health Service",
          "the dissemination of the inspection findings to children and young people",
          "data sharing protocols between health, police and the council",
          "workforce development plans across the partnership",
          "early intervention for young people at risk of offending",
          "the teenage pregnancy data set and its analysis",
          "parenting support for young parents and parents to be",
          "value for money reviews of high cost placements",
          "the transition planning for young people with learning difficulties and/or disabilities",
          "the quality assurance of initial and core assessments"]
SUCCESS = ["Reduction of {n}% in the number of young people not in education, employment or training",
           "All looked after children have a qualified social worker allocated",
           "Protocol signed by all partners and reviewed quarterly by the Board",
           "{n} practitioners trained and confident in applying the framework",
           "Quarterly performance report received by the Children's Trust Board",
           "Waiting times reduced to {n} weeks for routine referrals",
           "Targets agreed with every secondary school and monitored termly",
           "Evaluation report published and actions agreed"]
RESOURCES = ["Within existing resources", "Standards Fund", "Teenage Pregnancy Grant",
             "Area Based Grant: {n},000 pounds", "Joint commissioning budget", "Officer time"]
RISK = ["Partners do not agree priorities in time", "Recruitment of qualified staff is delayed",
        "Data quality is insufficient to measure progress", "Funding is not confirmed beyond March 2009",
        "Capacity of schools to engage", "Competing national priorities"]
TIMESCALES = [("immediate", "For immediate action", "2008-09-09"),
              ("six-months", "For action over the next six months", "2008-12-03"),
              ("longer-term", "For action in the longer term", None)]
DUE = {"immediate": ["July 2008", "End August 2008", "31.8.08", "August 2008", "1 September 2008"],
       "six-months": ["October 2008", "End November 2008", "30.11.08", "Sept. to Nov 2008", "November 2008"],
       "longer-term": ["March 2009", "April 2008 - March 2009", "31.3.09", "Jul 09", "July 2009"]}
STATUS = ["not started", "on track", "at risk", "done"]


def partner_id(i):
    return "p%03d" % (i + 1)


class Shape:
    def __init__(self, partners, recs, per_partner, actions):
        assert partners % 10 == 0 and recs % 10 == 0
        self.P, self.R, self.actions = partners, recs, actions
        # partner i contributes to recommendation r (1-based) iff r = i (mod 10)
        self.recs_of = {i: [r for r in range(1, recs + 1) if (r - i) % 10 == 0][:per_partner] for i in range(partners)}
        self.partners_of = {r: [] for r in range(1, recs + 1)}
        for i in range(partners):
            for r in self.recs_of[i]:
                self.partners_of[r].append(i)

    def timescale(self, r):
        return TIMESCALES[(r - 1) * 3 // self.R][0]

    def lead(self, r):
        return min(self.partners_of[r]) if self.partners_of[r] else 0


def officers(i):
    rnd = random.Random(i * 7919)
    return ["%s %s" % (rnd.choice(FIRST), rnd.choice(LAST)) for _ in range(3)]


def manifest(shape, remote_prefix):
    out = ["# National-scale benchmark plan generated by Benchmarks/generate_plan.py", "planmerge: 1",
           "title: National Joint Area Review Action Plan (benchmark)", "authority: Benchmark City Council",
           "inspection:", "  name: Joint Area Review of Children and Young People's Services",
           "  published: 2008-06-03", "deadline:", "  working-days: 70", "  first-day: publication",
           "committees:", "  - name: Cabinet", "    date: 2008-09-01", "timescales:"]
    for tid, name, end in TIMESCALES:
        out += ["  - id: %s" % tid, "    name: %s" % name] + (["    end: %s" % end] if end else [])
    out.append("recommendations:")
    for r in range(1, shape.R + 1):
        rnd = random.Random(r)
        others = [partner_id(i) for i in shape.partners_of[r] if i != shape.lead(r)]
        out += ["  - number: %d" % r,
                "    text: %s %s" % (rnd.choice(VERB), rnd.choice(OBJECT)),
                "    timescale: %s" % shape.timescale(r),
                "    lead: %s" % partner_id(shape.lead(r))]
        if others:
            out.append("    partners: [%s]" % ", ".join(others))
    out.append("partners:")
    for i in range(shape.P):
        pid = partner_id(i)
        out += ["  - id: %s" % pid,
                "    name: %s %s" % (PLACE[i % len(PLACE)], BODY[(i // len(PLACE)) % len(BODY)] if i >= 0 else "")]
        if remote_prefix is not None and i < remote_prefix[1]:
            out.append("    remote: %s%s" % (remote_prefix[0], pid))
        out.append("    officers: [%s]" % ", ".join(officers(i)))
    out += ["coordinator:", "  name: Performance and Policy Team", "  pushers: [coordinator]",
            "policy:", "  required: [lead, due, success, resources, risk]", "  missing: warning", ""]
    return "\n".join(out)


def action_refs(shape, i, r):
    slot = i // 10
    return ["%d.%d" % (r, 12 * slot + j) for j in range(1, shape.actions + 1)]


def section(shape, i, r, status=None, extra_success=None, added=False):
    """A section file in canonical form. `status`: {action index: status};
    `extra_success`: action index given one more success line; `added`: one more action."""
    rnd = random.Random(i * 100003 + r)
    offs = officers(i)
    ts = shape.timescale(r)
    lines = ["# Recommendation %d" % r, ""]
    if i == shape.lead(r):
        lines += ["### Position statement",
                  "%s partners agreed the approach at the Children's Trust Board in May 2008; "
                  "this section sets out the lead partner's actions." % PLACE[i % len(PLACE)], ""]
    refs = action_refs(shape, i, r)
    if added:
        refs = refs + ["%d.%d" % (r, 12 * (i // 10) + 11)]
    for k, ref in enumerate(refs):
        n = rnd.randint(5, 40)
        lines.append("## %s %s %s" % (ref, rnd.choice(VERB), rnd.choice(OBJECT)))
        lines.append("Due: %s" % rnd.choice(DUE[ts]))
        lines.append("Lead: %s" % "; ".join(offs[: rnd.randint(1, 2)]))
        if status and k in status:
            lines.append("Status: %s" % status[k])
        lines.append("Success: %s" % rnd.choice(SUCCESS).format(n=n))
        if rnd.random() < 0.4:
            lines.append("Success: %s" % rnd.choice(SUCCESS).format(n=n + 5))
        if extra_success == k:
            lines.append("Success: Interim review reported to the Board in %s" % DUE[ts][r % len(DUE[ts])])
        if rnd.random() < 0.2:
            lines.append("Milestone: %s | %s" % (rnd.choice(DUE[ts]), "Draft agreed by partners"))
        lines.append("Resources: %s" % rnd.choice(RESOURCES).format(n=n))
        lines.append("Risk: %s" % rnd.choice(RISK))
        if k > 0 and rnd.random() < 0.1:
            lines.append("See also: %s, recommendation %d" % (refs[k - 1], r))
        lines.append("")
    return "\n".join(lines)


def data(text):
    b = text.encode("utf-8")
    return b"data %d\n" % len(b) + b + b"\n"


class Stream:
    def __init__(self, path):
        self.f = open(path, "wb")
        self.t = 1214870400  # 2008-07-01

    def commit(self, ref, mark, parent, message, files, author="Benchmark <bench@example.org>"):
        self.t += 60
        w = self.f.write
        w(b"commit %s\n" % ref.encode())
        if mark:
            w(b"mark :%d\n" % mark)
        w(b"committer %s %d +0000\n" % (author.encode(), self.t))
        w(data(message))
        if parent:
            w(b"from %s\n" % parent.encode())
        for path, text in files:
            w(b"M 100644 inline %s\n" % path.encode())
            w(data(text))
        w(b"\n")

    def close(self):
        self.f.write(b"done\n")
        self.f.close()


def partner_changes(shape, i, changed):
    """The files partner i changes for its publication: statuses, a success line, one added action."""
    recs = shape.recs_of[i]
    step = max(1, len(recs) // max(1, changed))
    out = []
    for n, r in enumerate(recs[::step][:changed]):
        out.append(("sections/%s/%d.md" % (partner_id(i), r),
                    section(shape, i, r, status={0: "on track", 3: "at risk"}, extra_success=1, added=(n == 0))))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--partners", type=int, default=200)
    ap.add_argument("--recommendations", type=int, default=500)
    ap.add_argument("--per-partner", type=int, default=50, help="recommendations each partner contributes to")
    ap.add_argument("--actions", type=int, default=10, help="actions per section file")
    ap.add_argument("--changed", type=int, default=5, help="files each partner changes")
    ap.add_argument("--remotes", type=int, default=0, help="partners p001..pN get a remote in the manifest")
    ap.add_argument("--remote-prefix", default="../remotes/", help="remote path prefix (relative to the hub)")
    ap.add_argument("--no-folder", action="store_true", help="do not write plan/")
    ap.add_argument("--all-remotes", action="store_true",
                    help="every partner gets a remote in the manifest (remotes.fi still covers --remotes)")
    args = ap.parse_args()
    shape = Shape(args.partners, args.recommendations, args.per_partner, args.actions)
    os.makedirs(args.out, exist_ok=True)
    text = manifest(shape, (args.remote_prefix, shape.P if args.all_remotes else args.remotes) if args.remotes else None)
    files = [("plan.yaml", text)]
    for i in range(shape.P):
        for r in shape.recs_of[i]:
            files.append(("sections/%s/%d.md" % (partner_id(i), r), section(shape, i, r)))
    if not args.no_folder:
        for path, body in files:
            full = os.path.join(args.out, "plan", path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "w", encoding="utf-8") as f:
                f.write(body)

    s = Stream(os.path.join(args.out, "hub.fi"))
    s.commit("refs/heads/main", 1, None, "Seed the plan\n", files)
    for i in range(shape.P):
        s.commit("refs/heads/partners/%s" % partner_id(i), None, ":1", "%s: update progress\n" % partner_id(i),
                 partner_changes(shape, i, args.changed), author="Officer %s <%s@example.org>" % (partner_id(i), partner_id(i)))
    s.close()

    s = Stream(os.path.join(args.out, "incremental.fi"))
    r = shape.recs_of[0][-1]
    s.commit("refs/heads/partners/p001", None, "refs/heads/partners/p001^0", "p001: one status\n",
             [("sections/p001/%d.md" % r, section(shape, 0, r, status={2: "done"}))],
             author="Officer p001 <p001@example.org>")
    s.close()

    if args.remotes:
        s = Stream(os.path.join(args.out, "remotes.fi"))
        for i in range(args.remotes):
            s.commit("refs/heads/remote/%s" % partner_id(i), None, "refs/heads/main^0",
                     "%s: update progress\n" % partner_id(i), partner_changes(shape, i, args.changed),
                     author="Officer %s <%s@example.org>" % (partner_id(i), partner_id(i)))
        s.close()
    nfiles = len(files) - 1
    print("generated %d partners, %d recommendations, %d section files, %d actions in %s"
          % (shape.P, shape.R, nfiles, nfiles * args.actions, args.out))


if __name__ == "__main__":
    main()
