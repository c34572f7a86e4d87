#!/usr/bin/env python3
"""Evaluates newsnorm's German temporal stage on the shared gold suites (Python standard library only).

usage: eval_time.py [--shared DIR] [--cli PATH] [--suite NAME ...] [--errors N] [--json]

  --shared DIR   the shared material (default ../shared); gold is read from there, never written
  --cli PATH     the built CLI (default build/newsnorm)
  --suite NAME   wikiwarsde, recognizers, duckling, chrono (default: all)
  --errors N     print up to N failing cases per suite

Suites and how they are scored
  wikiwarsde   22 narrative Wikipedia articles, TIMEX2 gold; run in narrative mode with the document's date;
               scored with ../shared/tools/score_timex.py's own score() (strict/relaxed/value/type P, R, F1).
  recognizers  Microsoft Recognizers-Text German DateTime specs. A case passes when every expected result is
               found (a system expression overlapping its span; a range needs both linked ends) with an equal
               value, and no system expression lies outside every expected span (negatives: none at all).
               A value is equal when it is the TIMEX given, or one of the resolutions given (news mode picks
               one: for a case that lists a past and a future reading, either counts). "2016-11-07 05:00:00"
               compares as 2016-11-07T05:00; a time-only TIMEX ("T07") compares with the time of day;
               durations compare in seconds (year = 365 days, month = 30 days, as the suite does).
  duckling     Duckling's German time and duration corpus (reference 2013-02-12). A case passes when the
               expressions found cover every word of the input except leading prepositions and articles
               ("am", "im", "um" ...), with an equal value at Duckling's grain. Intervals: a part of the
               day, season, weekend or week value passes when the interval's begin lies inside it;
               two linked ends compare with begin and end. Durations compare in seconds.
               Negatives pass with no time expression.
  chrono       chrono-node's German tests. A case passes when a system expression overlaps the expected
               text (when given) and its value agrees with every component the test pins (X = not pinned);
               a value finer than the pinned grain passes ("2012-08-10TEV" for "2012-08-10").
               Negatives pass with no expression.
"""
import argparse
import glob
import importlib.util
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def run_cli(cli, docs, mode=None):
    """docs: list of {"id","text","dct"?}; returns {id: document}."""
    args = [cli, "--input", "jsonl", "--stages", "time", "--quiet"]
    if mode:
        args += ["--mode", mode]
    payload = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)
    p = subprocess.run(args, input=payload.encode("utf-8"), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = {}
    for line in p.stdout.decode("utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            out[d.get("id")] = d
    return out


# ----------------------------------------------------------------------------------------------
# WikiWarsDE
def load_scorer(path):
    sys.dont_write_bytecode = True  # never write a __pycache__ into the shared folder
    spec = importlib.util.spec_from_file_location("score_timex", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def eval_wikiwars(shared, cli, errors):
    path = os.path.join(shared, "eval/de/wikiwarsde/wikiwarsde.jsonl")
    scorer = load_scorer(os.path.join(shared, "tools/score_timex.py"))
    gold = scorer.load(path, ("doc_id", "id"))
    docs = [{"id": k, "text": g["text"], "dct": g["dct"][:10]} for k, g in gold.items()]
    sys_docs = run_cli(cli, docs, mode="narrative")
    result, errs = scorer.score(gold, sys_docs)
    print(f"WikiWarsDE (narrative)  gold={result['gold']} system={result['system']}")
    for name in ("strict", "relaxed", "value", "type"):
        r = result[name]
        print(f"  {name:8s} P={r['P']:.3f} R={r['R']:.3f} F1={r['F1']:.3f}")
    for e in errs[:errors]:
        print("   ", e)
    return {"wikiwarsde": result}


# ----------------------------------------------------------------------------------------------
# value comparison helpers
SECONDS = {"S": 1, "M": 60, "H": 3600}
DATE_SECONDS = {"D": 86400, "W": 604800, "M": 2592000, "Y": 31536000, "DE": 315360000, "CE": 3153600000}


def duration_seconds(v):
    """P3D -> 259200; PT1.5H -> 5400; P1Y2DT3H4S; None when not a duration with numbers."""
    if not v or not v.startswith("P") or "X" in v:
        return None
    m = re.fullmatch(r"P((?:[\d.]+(?:DE|CE|Y|M|W|D))*)(?:T((?:[\d.]+[HMS])*))?", v)
    if not m:
        return None
    total = 0.0
    for n, u in re.findall(r"([\d.]+)(DE|CE|Y|M|W|D)", m.group(1) or ""):
        total += float(n) * DATE_SECONDS[u]
    for n, u in re.findall(r"([\d.]+)([HMS])", m.group(2) or ""):
        total += float(n) * SECONDS[u]
    return total


def duration_parts(v):
    """P3Y6M and P3.5Y -> (42, 0): months in the calendar part (a year is twelve of them), seconds in the rest;
    None when not a duration with numbers. ISO 8601 counts years in months, not in seconds."""
    if not v or not v.startswith("P") or "X" in v:
        return None
    m = re.fullmatch(r"P((?:[\d.]+(?:DE|CE|Y|M|W|D))*)(?:T((?:[\d.]+[HMS])*))?", v)
    if not m:
        return None
    months, seconds = 0.0, 0.0
    for n, u in re.findall(r"([\d.]+)(DE|CE|Y|M|W|D)", m.group(1) or ""):
        if u in ("DE", "CE", "Y", "M"):
            months += float(n) * {"DE": 120, "CE": 1200, "Y": 12, "M": 1}[u]
        else:
            seconds += float(n) * DATE_SECONDS[u]
    for n, u in re.findall(r"([\d.]+)([HMS])", m.group(2) or ""):
        seconds += float(n) * SECONDS[u]
    return (round(months, 6), round(seconds, 3))


def norm(v):
    """Brings a TIMEX or resolution string to TIMEX form: 2016-11-07 05:00:00 -> 2016-11-07T05:00.
    Midnight at the end of a day is the next day's 00:00 (ISO 8601): 2012-08-10T24:00 -> 2012-08-11T00:00."""
    v = norm_form(v)
    if v is None:
        return None
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)T24:00", v)
    if m:
        import datetime
        d = datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3))) + datetime.timedelta(days=1)
        return d.isoformat() + "T00:00"
    return "T00:00" if v == "T24:00" else v


def norm_form(v):
    if v is None:
        return None
    v = str(v).strip()
    m = re.fullmatch(r"(\d{4}-\d\d-\d\d)[ T](\d\d):(\d\d)(?::(\d\d))?", v)
    if m:
        return f"{m.group(1)}T{m.group(2)}:{m.group(3)}"
    m = re.fullmatch(r"(\d\d):(\d\d):(\d\d)", v)
    if m:
        return f"T{m.group(1)}:{m.group(2)}"
    m = re.fullmatch(r"(.*T)(\d\d)", v)
    if m and not v.endswith(("MO", "AF", "EV", "NI", "MI", "DT")):
        return f"{m.group(1)}{m.group(2)}:00"
    m = re.fullmatch(r"(.*T\d\d:\d\d):00", v)
    if m:
        return m.group(1)
    return v


PART_HOURS = {"MO": (4, 12), "MI": (11, 14), "AF": (12, 19), "EV": (16, 23), "NI": (18, 30), "DT": (6, 20)}
SEASON_MONTHS = {"SP": (3, 4, 5, 6), "SU": (6, 7, 8, 9), "FA": (9, 10, 11, 12), "WI": (12, 1, 2, 3)}


def iso_week(y, m, d):
    import datetime
    return datetime.date(y, m, d).isocalendar()[:2]


def contains(ours, point):
    """Does our (coarser) TIMEX value contain the point "YYYY-MM-DD[THH:MM]"?"""
    if ours is None or point is None:
        return False
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d))?", point)
    if not m:
        mm = re.fullmatch(r"(\d{4})-(\d\d)", point)
        return bool(mm) and ours == point[:len(ours)] and len(ours) == 4
    if ours.startswith(point[:10]) and len(ours) > 10 and ours[10] == "T" and len(point) == 10:
        return False
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    h = int(m.group(4)) if m.group(4) else None
    if ours == point[:len(ours)] and len(ours) in (4, 7, 10):
        return True
    mm = re.fullmatch(r"(\d{4}-\d\d-\d\d)T(MO|MI|AF|EV|NI|DT)", ours)
    if mm:
        if mm.group(1) != point[:10] or h is None:
            # the night runs into the next day
            return False
        lo, hi = PART_HOURS[mm.group(2)]
        return lo <= h <= hi
    mm = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", ours)
    if mm:
        return (int(mm.group(1)) == y or (mm.group(2) == "WI" and int(mm.group(1)) + 1 == y)) and mo in SEASON_MONTHS[mm.group(2)]
    mm = re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", ours)
    if mm:
        return iso_week(y, mo, d) == (int(mm.group(1)), int(mm.group(2)))
    mm = re.fullmatch(r"(\d{4})-Q(\d)", ours)
    if mm:
        return int(mm.group(1)) == y and (mo - 1) // 3 + 1 == int(mm.group(2))
    mm = re.fullmatch(r"(\d{4})-H(\d)", ours)
    if mm:
        return int(mm.group(1)) == y and (mo - 1) // 6 + 1 == int(mm.group(2))
    return False


def equal_value(ours, candidates):
    """ours: our TIMEX value; candidates: TIMEX-like strings that the suite accepts."""
    o = norm(ours)
    osec = duration_seconds(ours)
    for c in candidates:
        if c is None:
            continue
        if isinstance(c, tuple):  # ("contains", point)
            if contains(ours, norm(c[1])):
                return True
            continue
        c = norm(c)
        if o == c:
            return True
        if osec is not None and duration_seconds(c) is not None and abs(osec - duration_seconds(c)) < 1:
            return True
        if duration_parts(ours) is not None and duration_parts(ours) == duration_parts(c):
            return True
        # a time-only TIMEX: compare the time of day ("T00" with ours "2016-11-07T24:00" -> T00:00)
        if c.startswith("T") and o and "T" in o and o[o.index("T"):] == c:
            return True
    return False


# ----------------------------------------------------------------------------------------------
# Recognizers-Text
def rt_expected(res):
    """-> (start, end_exclusive, kind, [candidate values], range (begins, ends) or None)"""
    start = res["Start"]
    end = res["End"] + 1 if "End" in res else start + res["Length"]
    cands, rng = [], None
    if "Resolution" in res or ("Value" in res and "values" in res.get("Value", {})):
        values = (res.get("Resolution") or res.get("Value"))["values"]
        begins, ends = [], []
        for v in values:
            tx = v.get("timex", "")
            if tx.startswith("("):
                parts = tx.strip("()").split(",")
                begins.append(parts[0]); ends.append(parts[1])
                if "start" in v:
                    begins.append(v.get("start")); ends.append(v.get("end"))
                continue
            cands.append(tx)
            if "start" in v:  # a part of the day or a period given by its bounds: our value must contain the start
                cands.append(("contains", v.get("start")))
            if "value" in v:
                cands.append(v["value"] if v.get("type") != "duration" else "PT%sS" % v["value"])
        if begins:
            rng = (begins, ends)
    elif "Value" in res:
        val = res["Value"]
        tx = val.get("Timex", "")
        cands.append(tx)
        for r in (val.get("FutureResolution") or {}, val.get("PastResolution") or {}):
            for k, x in r.items():
                if k == "duration":
                    cands.append("PT%sS" % x)
                elif k == "set":
                    cands.append(x.replace("Set: ", ""))
                elif k in ("startDate", "startDateTime") and not tx.startswith("("):
                    cands.append(("contains", x))  # a part of the day or a period: our value must contain its start
                elif k in ("endDate", "endDateTime", "startTime", "endTime", "startDate", "startDateTime"):
                    pass
                else:
                    cands.append(x)
        if tx.startswith("("):
            parts = tx.strip("()").split(",")
            begins, ends = [parts[0]], [parts[1]]
            for r in (val.get("FutureResolution") or {}, val.get("PastResolution") or {}):
                b = r.get("startDate") or r.get("startDateTime") or r.get("startTime")
                e = r.get("endDate") or r.get("endDateTime") or r.get("endTime")
                if b:
                    begins.append(b); ends.append(e)
            rng = (begins, ends)
    return start, end, cands, rng


def overlaps(t, s, e):
    return t["start"] < e and s < t["end"]


def range_match(timexes, t, rng):
    """t has a linked partner; compare begin and end with the range's candidates."""
    r = t.get("range")
    if not r:
        return False
    by_tid = {x["tid"]: x for x in timexes}
    b, e = by_tid.get(r.get("begin")), by_tid.get(r.get("end"))
    if not b or not e:
        return False
    begins, ends = rng
    return equal_value(b["value"], begins) and (equal_value(e["value"], ends) or any(
        contains(e["value"], norm(x)) for x in ends if x))


def eval_recognizers(shared, cli, errors):
    files = sorted(glob.glob(os.path.join(shared, "eval/de/recognizers-text/DateTime/*.json")))
    cases = []
    for f in files:
        name = os.path.basename(f)[:-5]
        with open(f, encoding="utf-8-sig") as fh:
            for k, c in enumerate(json.load(fh)):
                if c.get("NotSupportedByDesign"):
                    continue
                # a case that no platform of Recognizers-Text supports is a known-wrong expectation
                ns = (c.get("NotSupported") or "").lower()
                if all(p in ns for p in ("dotnet", "javascript", "python", "java")):
                    continue
                cases.append((f"{name}#{k}", name, c))
    docs = []
    for cid, _, c in cases:
        d = {"id": cid, "text": c["Input"]}
        ref = (c.get("Context") or {}).get("ReferenceDateTime")
        if ref:
            d["dct"] = ref  # the reference time of day too
        docs.append(d)
    out = run_cli(cli, docs)
    per_file, fails = {}, []
    for cid, name, c in cases:
        timexes = (out.get(cid) or {}).get("timexes", [])
        ok, why = True, ""
        spans = []
        for res in c.get("Results", []):
            s, e, cands, rng = rt_expected(res)
            spans.append((s, e))
            hits = [t for t in timexes if overlaps(t, s, e)]
            if not hits:
                ok, why = False, f"missed {res.get('Text')!r}"
                break
            if "Extractor" in name:
                continue
            if rng and any(range_match(timexes, t, rng) for t in hits):
                continue
            if any(equal_value(t["value"], cands) for t in hits):
                continue
            want = sorted(set(str(x) for x in cands if x))[:4]
            ok, why = False, f"value {res.get('Text')!r}: want {want} got {[t['value'] for t in hits]}"
            break
        if ok:
            extra = [t for t in timexes if not any(overlaps(t, s, e) for s, e in spans)]
            if extra:
                ok, why = False, f"spurious {[(t['text'], t['value']) for t in extra]}"
        f = per_file.setdefault(name, [0, 0])
        f[0] += ok
        f[1] += 1
        if not ok:
            fails.append((cid, c["Input"], why))
    passed = sum(v[0] for v in per_file.values())
    total = sum(v[1] for v in per_file.values())
    print(f"Recognizers-Text DateTime  {passed}/{total} = {passed / max(total, 1):.3f}")
    for name, (p, n) in sorted(per_file.items()):
        print(f"  {name:34s} {p:4d}/{n:<4d} {p / max(n, 1):.3f}")
    for f in fails[:errors]:
        print("   ", f)
    return {"recognizers": {"passed": passed, "total": total, "rate": round(passed / max(total, 1), 4)}}


# ----------------------------------------------------------------------------------------------
# Duckling
LEADING = {"am", "im", "um", "an", "ab", "bis", "vom", "von", "zum", "zur", "in", "der", "die", "das", "den", "dem",
           "des", "gegen", "nach", "vor", "seit", "für", "fuer", "ca.", "zu", "innerhalb", "binnen", "ungefähr"}


CONNECTORS = {"bis", "und", "auf", "zwischen", "ca", "oder"}


def covered(text, timexes):
    """Every word of the input lies in a timex, except leading prepositions/articles and punctuation."""
    cover = [False] * len(text)
    for t in timexes:
        for k in range(max(0, t["start"]), min(len(text), t["end"])):
            cover[k] = True
    words = [(m.start(), m.end(), m.group(0)) for m in re.finditer(r"[\w.:'-]+", text)]
    seen_content = False
    for s, e, w in words:
        if all(cover[s:e]):
            seen_content = True
            continue
        if any(cover[s:e]):
            seen_content = True
            continue
        if w.lower().rstrip(".") in LEADING | CONNECTORS:
            continue
        if w in (".", ",", "-", ":"):
            continue
        return False
    return seen_content


def duckling_point(exp, key):
    v = exp.get(key)
    return norm(v) if v else None


def eval_duckling(shared, cli, errors):
    path = os.path.join(shared, "eval/de/duckling/duckling_de.jsonl")
    with open(path, encoding="utf-8") as fh:
        cases = [c for c in map(json.loads, fh) if c.get("dimension") in ("time", "duration")]
    docs = [{"id": str(c["id"]), "text": c["input"], "dct": c["reference"]} for c in cases]
    out = run_cli(cli, docs)
    res = {}
    fails = []
    for c in cases:
        dim = c["dimension"]
        timexes = (out.get(str(c["id"])) or {}).get("timexes", [])
        if dim == "time":
            timexes = [t for t in timexes if t["type"] != "DURATION"] or timexes
        exp = c.get("expected")
        ok, why = True, ""
        if c["kind"] == "negative":
            ok = not timexes
            why = f"spurious {[t['text'] for t in timexes]}"
        elif c["kind"] == "range":
            s, e = exp["start"], exp["end"]
            ok = bool(timexes) and overlaps(timexes[0], s, e)
            why = f"span {[(t['start'], t['text']) for t in timexes]}"
        else:
            if not covered(c["input"], timexes):
                ok, why = False, f"span {[t['text'] for t in timexes]}"
            else:
                ok, why = duckling_value_ok(exp, timexes, dim)
        key = dim + ("/" + c["kind"] if c["kind"] != "positive" else "")
        r = res.setdefault(dim, [0, 0])
        r[0] += ok
        r[1] += 1
        if not ok:
            fails.append((c["id"], c["input"], why))
    passed = sum(v[0] for v in res.values())
    total = sum(v[1] for v in res.values())
    print(f"Duckling (time, duration)  {passed}/{total} = {passed / max(total, 1):.3f}")
    for name, (p, n) in sorted(res.items()):
        print(f"  {name:34s} {p:4d}/{n:<4d} {p / max(n, 1):.3f}")
    for f in fails[:errors]:
        print("   ", f)
    return {"duckling": {"passed": passed, "total": total, "rate": round(passed / max(total, 1), 4)}}


def duckling_value_ok(exp, timexes, dim):
    values = [t["value"] for t in timexes]
    if dim == "duration":
        sec = exp.get("seconds")
        for t in timexes:
            s = duration_seconds(t["value"])
            if s is not None and sec is not None and abs(s - float(sec)) < 1:
                return True, ""
        return False, f"want {exp.get('value')} ({sec}s) got {values}"
    if exp.get("type") == "value":
        want = norm(exp["value"])
        for v in values:
            if equal_value(v, [want]) or contains(v, want):
                return True, ""
        return False, f"want {want} got {values}"
    # intervals
    begin = duckling_point(exp, "begin")
    end = duckling_point(exp, "end_inclusive") or duckling_point(exp, "end")
    linked = [t for t in timexes if t.get("range")]
    if len(linked) >= 2 and begin and end:
        b, e = linked[0], linked[-1]
        if equal_value(b["value"], [begin]) and (equal_value(e["value"], [end]) or contains(e["value"], end)):
            return True, ""
    for v in values:
        if begin and (contains(v, begin) or equal_value(v, [begin])):
            return True, ""
        if not begin and end and (equal_value(v, [end]) or contains(v, end)):
            return True, ""
    return False, f"want [{begin}, {end}] got {values}"


# ----------------------------------------------------------------------------------------------
# chrono
def pinned_match(ours, want):
    """want: YYYY[-MM[-DD[THH:MM[:SS]]]] with X for unpinned digits; ours may be finer."""
    if ours is None or want is None:
        return False
    o = norm(ours) if ours.endswith("T24:00") else ours
    if re.fullmatch(r"XXXX-WXX-\d", want):
        return o == want or (len(o) >= 10 and re.fullmatch(r"\d{4}-\d\d-\d\d.*", o) is not None and
                             __import__("datetime").date(int(o[:4]), int(o[5:7]), int(o[8:10])).isoweekday() == int(want[-1]))
    if want.startswith("BC"):
        return o.startswith(want)
    if len(o) < len(want):
        return False
    for a, b in zip(o, want):
        if b == "X":
            continue
        if a != b:
            return False
    # ours may go finer only at a component boundary
    return len(o) == len(want) or o[len(want)] in "-T"


def eval_chrono(shared, cli, errors):
    path = os.path.join(shared, "eval/de/chrono/chrono_de.jsonl")
    with open(path, encoding="utf-8") as fh:
        cases = [json.loads(line) for line in fh if line.strip()]
    docs = []
    for c in cases:
        d = {"id": str(c["id"]), "text": c["input"]}
        if c.get("reference"):
            d["dct"] = c["reference"]
        docs.append(d)
    out = run_cli(cli, docs)
    passed, fails = 0, []
    for c in cases:
        timexes = (out.get(str(c["id"])) or {}).get("timexes", [])
        exp = c.get("expected")
        if c["kind"] == "negative" or exp is None:
            ok = not timexes
            why = f"spurious {[t['text'] for t in timexes]}"
        else:
            hits = timexes
            if exp.get("text") and exp.get("index") is not None:
                s, e = exp["index"], exp["index"] + len(exp["text"])
                hits = [t for t in timexes if overlaps(t, s, e)]
            want = exp.get("date")
            ok = bool(hits) and (want is None or any(pinned_match(t["value"], want) for t in hits))
            if ok and exp.get("end_date"):
                ends = [t for t in timexes if t.get("range") and t["range"].get("end") == t["tid"]]
                ok = any(pinned_match(t["value"], exp["end_date"]) for t in ends)
            why = f"want {want}..{exp.get('end_date')} got {[(t['text'], t['value']) for t in timexes]}"
        passed += ok
        if not ok:
            fails.append((c["id"], c["input"], why))
    print(f"chrono  {passed}/{len(cases)} = {passed / max(len(cases), 1):.3f}")
    for f in fails[:errors]:
        print("   ", f)
    return {"chrono": {"passed": passed, "total": len(cases), "rate": round(passed / max(len(cases), 1), 4)}}


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--cli", default=os.path.join(ROOT, "build", "newsnorm"))
    ap.add_argument("--suite", action="append", choices=["wikiwarsde", "recognizers", "duckling", "chrono"])
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--json", action="store_true", help="also print all figures as one JSON line")
    args = ap.parse_args(argv)
    if not os.path.exists(args.cli):
        sys.exit(f"no CLI at {args.cli}: build the newsnorm_cli target or pass --cli")
    suites = args.suite or ["wikiwarsde", "recognizers", "duckling", "chrono"]
    fns = {"wikiwarsde": eval_wikiwars, "recognizers": eval_recognizers, "duckling": eval_duckling,
           "chrono": eval_chrono}
    figures = {}
    for s in suites:
        figures.update(fns[s](args.shared, args.cli, args.errors))
        print()
    if args.json:
        print(json.dumps(figures))


if __name__ == "__main__":
    main(sys.argv[1:])
