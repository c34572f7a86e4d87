#!/usr/bin/env python3
"""Evaluates newsnorm's German numbers stage on the shared gold suites (Python standard library only).

usage: eval_numbers.py [--shared DIR] [--cli PATH] [--stages LIST] [--suite NAME ...] [--errors N] [--json]

  --shared DIR   the shared material (default ../shared); gold is read from there, never written
  --cli PATH     the built CLI (default build/newsnorm)
  --stages LIST  the stages to run (default time,numbers: years and dates go to the temporal stage first)
  --suite NAME   number, unit, duckling (default: all)
  --errors N     print up to N failing cases per suite, with what was expected, found, and why

Suites and how a case is scored (per-case pass rates)
  number    Recognizers-Text Specs/Number/German: NumberModel, NumberRangeModel, OrdinalModel*, PercentModel.
  unit      Recognizers-Text Specs/NumberWithUnit/German: AgeModel, CurrencyModel, DimensionModel,
            TemperatureModel.
            A case passes when every expected result is found and nothing else of the file's kind is:
            a found number matches an expected one with the same span (Start, End inclusive, in code
            points) and an equal value (numbers compare as decimals; "0,666666666666667" equals
            "0.666667" to six places; "100%" is 100); a range that newsnorm reads as one number
            ("zwischen 4.050 m² und 10.800 m²", low and high) matches the expected numbers inside its
            span whose value is its low or high end. Which kinds a file looks at:
              NumberModel       cardinal and fraction (a money, percent or quantity may match, is never extra)
              NumberRangeModel  numbers with a comparator mod or a range; "(,5)" is LESS_THAN 5, "[5,)"
                                AT_LEAST, "(5,)" MORE_THAN, "(,5]" AT_MOST or UP_TO; the expected span
                                includes the comparator words, newsnorm's does not: the found span must
                                start inside the expected one and end with it or after it ("100 $")
              Ordinal*          ordinal. The cases that expect "ordinal.relative" ("letzten", "nächste",
                                "vorletzte") are skipped: that is the suite's extended-types option, which
                                OrdinalModelSuppressExtendedTypes turns off with the same inputs; newsnorm
                                is scored in that configuration.
              PercentModel      percent ("Prozentpunkte" compare by value)
              AgeModel          quantity with a *_of_age unit
              CurrencyModel     money; the ISO code is checked when the suite's unit names one currency
              DimensionModel    quantity and money ("Pfund" is GBP in news, a weight in the suite: the value
                                and span are compared); a bare "Grad" (unit "°") is angle or temperature
                                and is never counted as extra in the Dimension or Temperature file
              TemperatureModel  quantity with unit °C, °F, K or °
  duckling  Duckling's German Numeral and Ordinal corpus: a positive case passes when one number of the
            dimension spans the whole input with an equal value; a negative when no number of that
            dimension is found.

Spec conflicts: a case whose gold reads the article "ein/eine/einer/einen" as the number 1 without a
quantity reading contradicts issue 4 ("einer der", "eine Frage" are not numbers); such cases are scored
(and fail) like any other, and a second rate without them is printed beside the raw one.
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys
from decimal import Decimal, InvalidOperation

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

ARTICLES = {"ein", "eine", "einer", "einen", "eines", "einem"}
AGE_UNITS = {"years_of_age", "months_of_age", "weeks_of_age", "days_of_age"}
TEMPERATURE_UNITS = {"°C", "°F", "K"}
ANGLE_OR_TEMPERATURE = {"°"}
CURRENCY_NAMES = {
    "dollar": "USD", "euro": "EUR", "united states dollar": "USD", "cambodian riel": "KHR",
    "finnish markka": "FIM", "pound": "GBP", "british pound": "GBP", "canadian dollar": "CAD",
    "indian rupee": "INR", "rupee": "INR", "mexican peso": "MXN", "australian dollar": "AUD",
    "new zealand dollar": "NZD",
}


def run_cli(cli, docs, stages):
    args = [cli, "--input", "jsonl", "--stages", stages, "--quiet"]
    payload = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)
    p = subprocess.run(args, input=payload.encode("utf-8"), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode != 0 and not p.stdout:
        sys.exit(f"{cli} failed: {p.stderr.decode('utf-8', 'replace')[:500]}")
    out = {}
    for line in p.stdout.decode("utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            out[d.get("id")] = d
    return out


def dec(s):
    """'0,666666666666667', '100%', '2000,352', '1.5' -> Decimal, or None."""
    if s is None:
        return None
    s = str(s).strip().rstrip("%").replace(" ", "")
    if "," in s:
        s = s.replace(".", "").replace(",", ".")
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def same_value(a, b):
    if a is None or b is None:
        return False
    return abs(a - b) <= max(Decimal("0.000001"), abs(b) * Decimal("1e-9"))


def show(n):
    keys = ("kind", "value", "fraction", "unit", "currency", "mod", "low", "high")
    return f"[{n['start']},{n['end']}) {n['text']!r} " + " ".join(f"{k}={n[k]}" for k in keys if n.get(k))


# ----------------------------------------------------------------------------------------------
# Recognizers-Text
def file_rules(name):
    """(may match a gold result, counts as extra when unmatched) for one spec file."""
    kind = lambda *ks: (lambda n: n["kind"] in ks)
    if name == "NumberModel":
        return (lambda n: n["kind"] != "ordinal"), kind("cardinal", "fraction")
    if name == "NumberRangeModel":
        f = lambda n: bool(n.get("low")) or n.get("mod") in ("MORE_THAN", "LESS_THAN", "AT_LEAST", "AT_MOST", "UP_TO")
        return f, f
    if name.startswith("OrdinalModel"):
        return kind("ordinal"), kind("ordinal")
    if name == "PercentModel":
        return kind("percent"), kind("percent")
    if name == "AgeModel":
        f = lambda n: n.get("unit") in AGE_UNITS
        return f, f
    if name == "CurrencyModel":
        return kind("money"), kind("money")
    if name == "DimensionModel":
        m = lambda n: (n["kind"] == "quantity" and n.get("unit") not in AGE_UNITS) or n["kind"] == "money"
        x = lambda n: (n["kind"] == "quantity" and n.get("unit") not in AGE_UNITS | TEMPERATURE_UNITS | ANGLE_OR_TEMPERATURE)
        return m, x
    if name == "TemperatureModel":
        m = lambda n: n["kind"] == "quantity" and n.get("unit") in TEMPERATURE_UNITS | ANGLE_OR_TEMPERATURE
        x = lambda n: n["kind"] == "quantity" and n.get("unit") in TEMPERATURE_UNITS
        return m, x
    return (lambda n: True), (lambda n: True)


INTERVAL = re.compile(r"^([\[(])([^,]*),([^\])]*)([\])])$")


def matches(name, g, n):
    """Does found number n match expected result g?"""
    res = g.get("Resolution") or {}
    gs, ge = g["Start"], g["End"] + 1
    if name == "NumberRangeModel":
        m = INTERVAL.match(str(res.get("value", "")).replace(" ", ""))
        if not m or not (gs <= n["start"] < ge <= n["end"]):
            return False
        lo, hi = dec(m.group(2)) if m.group(2) else None, dec(m.group(3)) if m.group(3) else None
        if lo is not None and hi is not None:
            return same_value(dec(n.get("low")), lo) and same_value(dec(n.get("high")), hi)
        v = dec(n.get("value"))
        if hi is not None:
            want = ("LESS_THAN",) if m.group(4) == ")" else ("AT_MOST", "UP_TO")
            return n.get("mod") in want and same_value(v, hi)
        want = ("MORE_THAN",) if m.group(1) == "(" else ("AT_LEAST",)
        return n.get("mod") in want and same_value(v, lo)
    gv = dec(res.get("value"))
    if n.get("low") and n.get("high"):  # one range read for two expected numbers
        return n["start"] <= gs and ge <= n["end"] and (same_value(dec(n["low"]), gv) or same_value(dec(n["high"]), gv))
    if (n["start"], n["end"]) != (gs, ge) or not same_value(dec(n.get("value")), gv):
        return False
    if name == "CurrencyModel":
        iso = res.get("isoCurrency") or CURRENCY_NAMES.get(str(res.get("unit", "")).lower())
        return iso is None or n.get("currency") == iso
    return True


def why_missed(g, nums):
    """A short reason for an expected result that no found number matched."""
    gs, ge = g["Start"], g["End"] + 1
    gv = dec((g.get("Resolution") or {}).get("value"))
    over = [n for n in nums if n["start"] < ge and gs < n["end"]]
    if not over:
        return "not found" if gv is not None or g["Text"].strip() else "not found (no value expected)"
    n = over[0]
    if n.get("low"):
        return f"read as part of the range {n['low']}..{n['high']}"
    if same_value(dec(n.get("value")), gv):
        return f"other span [{n['start']},{n['end']})"
    return f"other value {n.get('value')}"


def spec_conflict(case):
    return any(r["Text"].strip().lower() in ARTICLES for r in case["Results"])


def eval_recognizers(shared, cli, stages, sub, errors):
    files = sorted(glob.glob(os.path.join(shared, "eval/de/recognizers-text", sub, "*.json")))
    docs, cases = [], []
    for path in files:
        name = os.path.splitext(os.path.basename(path))[0]
        with open(path, encoding="utf-8-sig") as f:
            for k, case in enumerate(json.load(f)):
                cid = f"{name}#{k}"
                cases.append((name, cid, case))
                docs.append({"id": cid, "text": case["Input"]})
    found = run_cli(cli, docs, stages)
    per_file, failures, skipped = {}, [], []
    for name, cid, case in cases:
        if name.startswith("OrdinalModel") and any(r.get("TypeName") == "ordinal.relative" for r in case["Results"]):
            skipped.append(cid)
            continue
        may_match, extra = file_rules(name)
        nums = [n for n in found.get(cid, {}).get("numbers", []) if may_match(n)]
        used, missed = set(), []
        for g in case["Results"]:
            hit = next((k for k, n in enumerate(nums) if matches(name, g, n) and (k not in used or n.get("low"))), None)
            if hit is None:
                missed.append(g)
            else:
                used.add(hit)
        extras = [n for k, n in enumerate(nums) if k not in used and extra(n)]
        ok = not missed and not extras
        conflict = spec_conflict(case)
        s = per_file.setdefault(name, [0, 0, 0, 0])  # passed, total, passed w/o conflicts, total w/o conflicts
        s[0] += ok
        s[1] += 1
        if not conflict:
            s[2] += ok
            s[3] += 1
        if not ok:
            failures.append((cid, case, missed, extras, nums, conflict))
    return per_file, failures, skipped


def print_recognizers(title, per_file, failures, skipped, errors):
    tot = [sum(v[i] for v in per_file.values()) for i in range(4)]
    print(f"{title}: {tot[0]}/{tot[1]} = {100.0 * tot[0] / max(tot[1], 1):.1f}% of cases pass"
          f"  (without spec conflicts {tot[2]}/{tot[3]} = {100.0 * tot[2] / max(tot[3], 1):.1f}%)")
    for name, (p, t, pc, tc) in sorted(per_file.items()):
        print(f"  {name:36s} {p:3d}/{t:3d} = {100.0 * p / max(t, 1):5.1f}%   without conflicts {pc}/{tc}")
    if skipped:
        print(f"  skipped {len(skipped)} ordinal.relative cases (extended-types option, see --help)")
    for cid, case, missed, extras, nums, conflict in failures[:errors]:
        print(f"  FAIL {cid}{' (spec conflict: article read as 1)' if conflict else ''}: {case['Input'][:160]!r}")
        for g in missed:
            res = g.get("Resolution") or {}
            print(f"     missed  {g['Text']!r} [{g['Start']},{g['End'] + 1}) value={res.get('value')} unit={res.get('unit', '')}"
                  f"  -> {why_missed(g, nums)}")
        for n in extras:
            print(f"     extra   {show(n)}")
        if missed:
            for n in nums:
                print(f"     found   {show(n)}")
    return tot


# ----------------------------------------------------------------------------------------------
# Duckling
def eval_duckling(shared, cli, stages, errors):
    path = os.path.join(shared, "eval/de/duckling/duckling_de.jsonl")
    cases = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d.get("dimension") in ("number", "ordinal"):
                cases.append(d)
    found = run_cli(cli, [{"id": c["id"], "text": c["input"]} for c in cases], stages)
    per_dim, failures = {}, []
    for c in cases:
        ordinal = c["dimension"] == "ordinal"
        nums = [n for n in found.get(c["id"], {}).get("numbers", []) if (n["kind"] == "ordinal") == ordinal]
        if c["kind"] == "negative":
            ok = not nums
        else:
            want = Decimal(str(c["expected"]["value"]))
            whole = len(c["input"].rstrip())
            ok = len(nums) == 1 and nums[0]["start"] == 0 and nums[0]["end"] == whole and same_value(dec(nums[0].get("value")), want)
        s = per_dim.setdefault(c["dimension"], [0, 0])
        s[0] += ok
        s[1] += 1
        if not ok:
            failures.append((c, nums))
    p = sum(v[0] for v in per_dim.values())
    t = sum(v[1] for v in per_dim.values())
    print(f"Duckling number+ordinal: {p}/{t} = {100.0 * p / max(t, 1):.1f}% of cases pass")
    for dim, (pp, tt) in sorted(per_dim.items()):
        print(f"  {dim:36s} {pp:3d}/{tt:3d} = {100.0 * pp / max(tt, 1):5.1f}%")
    for c, nums in failures[:errors]:
        exp = c["expected"]["value"] if c["expected"] else "none"
        print(f"  FAIL {c['id']} {c['dimension']} {c['input']!r} expected {exp}")
        for n in nums:
            print(f"     found   {show(n)}")
        if not nums:
            print("     found   nothing")
    return p, t


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--cli", default=os.path.join(ROOT, "build", "newsnorm"))
    ap.add_argument("--stages", default="time,numbers")
    ap.add_argument("--suite", action="append", choices=["number", "unit", "duckling"])
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--json", action="store_true", help="also print the rates as one JSON line")
    a = ap.parse_args()
    suites = a.suite or ["number", "unit", "duckling"]
    summary = {}
    if "number" in suites:
        tot = print_recognizers("Recognizers-Text Number", *eval_recognizers(a.shared, a.cli, a.stages, "Number", a.errors), a.errors)
        summary["number"] = tot
    if "unit" in suites:
        tot = print_recognizers("Recognizers-Text NumberWithUnit", *eval_recognizers(a.shared, a.cli, a.stages, "NumberWithUnit", a.errors), a.errors)
        summary["unit"] = tot
    if "duckling" in suites:
        summary["duckling"] = eval_duckling(a.shared, a.cli, a.stages, a.errors)
    if a.json:
        print(json.dumps({k: {"passed": v[0], "cases": v[1]} for k, v in summary.items()}))


if __name__ == "__main__":
    main()
