#!/usr/bin/env python3
"""GermEval-2014-style evaluation of newsnorm's entity stage: outer-span precision, recall and F1 (exact span
and exact label) per label and overall.

    python3 bench/eval/eval_entities.py [--gold ../shared/eval/de/germeval2014/NER-de-dev.tsv]
                                        [--cli build/newsnorm] [--train-tool build/newsnorm_train_ner] [--folds 5]

The shipped tagger is trained on this very file, so tagging it with the CLI measures training fit, not
accuracy. The honest figure is K-fold cross-validation: the training tool trains K models, each without one
fold, tags the held-out fold with the same features and rules the library uses, and writes its tags; this
script scores them. Both tables are printed; the cross-validation one is the figure to report.
--no-cv prints only the CLI table (seconds instead of a minute); --no-cli only the cross-validation.
Python 3 standard library only; nothing is written outside a temporary directory.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

LABELS = ["PER", "LOC", "ORG", "OTH", "PERderiv", "LOCderiv", "ORGderiv", "OTHderiv",
          "PERpart", "LOCpart", "ORGpart", "OTHpart"]


def read_germeval(path):
    """Sentences as lists of (token, outer tag)."""
    sentences, cur = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n").rstrip("\r")
            if not line or (line.startswith("#") and line[1:2] == "\t"):
                if cur:
                    sentences.append(cur)
                cur = []
                continue
            parts = line.split("\t")
            if len(parts) >= 3:
                cur.append((parts[1], parts[2]))
    if cur:
        sentences.append(cur)
    return sentences


def spans(tags):
    """Outer spans (label, first, last) of an IOB2 tag list; a stray I- starts a span."""
    out, i = set(), 0
    while i < len(tags):
        t = tags[i]
        if t == "O" or len(t) < 3:
            i += 1
            continue
        label, j = t[2:], i + 1
        while j < len(tags) and tags[j] == "I-" + label:
            j += 1
        out.add((label, i, j))
        i = j
    return out


def score(gold_sents, pred_sents):
    tp, fp, fn = collections.Counter(), collections.Counter(), collections.Counter()
    for gold, pred in zip(gold_sents, pred_sents):
        g, p = spans(gold), spans(pred)
        for s in p:
            (tp if s in g else fp)[s[0]] += 1
        for s in g - p:
            fn[s[0]] += 1
    return tp, fp, fn


def prf(t, p, n):
    pr = t / (t + p) if t + p else 0.0
    re = t / (t + n) if t + n else 0.0
    return pr, re, (2 * pr * re / (pr + re) if pr + re else 0.0)


def print_table(title, tp, fp, fn):
    print(title)
    print(f"  {'label':<10} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}")
    for label in LABELS:
        pr, re, f = prf(tp[label], fp[label], fn[label])
        print(f"  {label:<10} {pr:6.3f} {re:6.3f} {f:6.3f} {tp[label] + fn[label]:6d}")
    T, P, N = sum(tp.values()), sum(fp.values()), sum(fn.values())
    pr, re, f = prf(T, P, N)
    print(f"  {'overall':<10} {pr:6.3f} {re:6.3f} {f:6.3f} {T + N:6d}")
    return f


def tag_with_cli(cli, sentences):
    """Runs the CLI over the sentences (tokens joined by spaces) and maps its entities back to tokens."""
    lines, offsets = [], []
    for k, sent in enumerate(sentences):
        text, offs, pos = [], [], 0
        for tok, _ in sent:
            offs.append((pos, pos + len(tok)))
            text.append(tok)
            pos += len(tok) + 1
        lines.append(json.dumps({"id": str(k), "text": " ".join(text)}, ensure_ascii=False))
        offsets.append(offs)
    proc = subprocess.run([cli, "--input", "jsonl", "--stages", "structure,entities", "--quiet"],
                          input="\n".join(lines) + "\n", capture_output=True, text=True, encoding="utf-8")
    if proc.returncode not in (0, 1):
        sys.exit(f"{cli} failed: {proc.stderr.strip()}")
    pred = [["O"] * len(s) for s in sentences]
    for line in proc.stdout.splitlines():
        if not line.strip():
            continue
        doc = json.loads(line)
        k = int(doc.get("id", -1))
        if not 0 <= k < len(sentences):
            continue
        offs = offsets[k]
        for e in doc.get("entities", []):
            # Code point offsets into the joined text -> the tokens the entity overlaps.
            first = next((i for i, (s, t) in enumerate(offs) if t > e["start"]), None)
            last = next((i for i in range(len(offs) - 1, -1, -1) if offs[i][0] < e["end"]), None)
            if first is None or last is None or last < first:
                continue
            if any(pred[k][i] != "O" for i in range(first, last + 1)):
                continue
            pred[k][first] = "B-" + e["type"]
            for i in range(first + 1, last + 1):
                pred[k][i] = "I-" + e["type"]
    return pred


def corpus_args(train_dir):
    """The other corpora the shipped model is pre-trained on, as the training tool's arguments (those present)."""
    if not train_dir:
        return []
    args = []
    for flag, rel in (("--europeana", "europeana"), ("--mobie", "mobie/train.conll2003"),
                      ("--ler", "ler/ler_train_strict.conll")):
        path = os.path.join(train_dir, rel)
        if os.path.exists(path):
            args += [flag, path]
    return args


def tag_with_cv(tool, gold_path, folds, tmp, extra):
    out = os.path.join(tmp, "cv.tsv")
    proc = subprocess.run([tool, "--germeval", gold_path, "--cv", str(folds), "--predict-out", out] + extra,
                          capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"{tool} failed: {proc.stderr.strip()}")
    pred, cur = [], []
    with open(out, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                pred.append(cur)
                cur = []
                continue
            cur.append(line.split("\t")[3])
    if cur:
        pred.append(cur)
    return pred


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--gold", default="../shared/eval/de/germeval2014/NER-de-dev.tsv")
    p.add_argument("--cli", default="build/newsnorm")
    p.add_argument("--train-tool", default="build/newsnorm_train_ner")
    p.add_argument("--folds", type=int, default=5)
    p.add_argument("--train-dir", default="../shared/train/de/ner",
                   help="the LER / Europeana / MobIE corpora each fold's model is pre-trained on, as the shipped one "
                        "is ('' for GermEval alone)")
    p.add_argument("--no-cv", action="store_true", help="skip cross-validation")
    p.add_argument("--no-cli", action="store_true", help="skip tagging the file with the CLI")
    a = p.parse_args()

    sentences = read_germeval(a.gold)
    gold = [[t for _, t in s] for s in sentences]
    print(f"{a.gold}: {len(sentences)} sentences, {sum(len(spans(g)) for g in gold)} outer entities")
    if not a.no_cli:
        pred = tag_with_cli(a.cli, sentences)
        print_table("\nCLI over the file (the shipped model was trained on it: training fit, not accuracy)",
                    *score(gold, pred))
    if not a.no_cv:
        with tempfile.TemporaryDirectory() as tmp:
            pred = tag_with_cv(a.train_tool, a.gold, a.folds, tmp, corpus_args(a.train_dir))
        if len(pred) != len(gold):
            sys.exit(f"cross-validation returned {len(pred)} sentences, expected {len(gold)}")
        print_table(f"\n{a.folds}-fold cross-validation (tagger + token rules; the figure to report)",
                    *score(gold, pred))


if __name__ == "__main__":
    main()
