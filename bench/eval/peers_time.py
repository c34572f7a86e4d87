#!/usr/bin/env python3
"""newsnorm's temporal stage beside chrono-node and dateparser: speed in one run, and WikiWarsDE accuracy.

usage: peers_time.py [--shared DIR] [--cli PATH] [--peers DIR] [--mb N] [--dateparser-kb N] [--no-accuracy]

  --shared DIR        shared material (default ../shared): corpus/de/news.jsonl, eval/de/wikiwarsde, peers/
  --cli PATH          the built CLI (default build/newsnorm)
  --peers DIR         where ../shared/peers/setup.sh installed chrono-node (default /tmp/peers)
  --mb N              megabytes of news text for the speed run (default 0 = the whole corpus, about 3.5 MB)
  --dateparser-kb N   dateparser is slow: kilobytes of the same text it gets (default 100)

Speed: every tagger reads the same German news paragraphs (from corpus/de/news.jsonl) and a reference date.
chrono-node and dateparser report their parse time without start-up (--time). newsnorm's temporal stage is
timed as the difference between `--stages structure,time` and `--stages structure` over the same documents
(best of five runs each, wall clock), so tokenising and sentence splitting are not counted for it; its
end-to-end figure (structure + time, process start-up included) is printed too.
Accuracy: WikiWarsDE scored with ../shared/tools/score_timex.py's score() (chrono's offsets are UTF-16 units,
which equal code points for this text; its values hold only the components chrono marks certain).
Nothing is written into the shared folder: the work files go to a temporary directory.
"""
import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def news_docs(shared, limit_bytes):
    docs, size = [], 0
    with open(os.path.join(shared, "corpus/de/news.jsonl"), encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            text = d["text"].replace("\n\n", "\n").strip()
            if not text:
                continue
            docs.append(text)
            size += len(text.encode("utf-8"))
            if limit_bytes and size >= limit_bytes:
                break
    return docs


def time_cli(cli, jsonl_path, stages, runs=5):
    best = None
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([cli, "--input", "jsonl", "--stages", stages, "--quiet"], stdin=open(jsonl_path, "rb"),
                       stdout=subprocess.DEVNULL, check=True)
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
    return best


def run_peer(cmd, env=None):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    parse_s = None
    for line in p.stderr.decode("utf-8", "replace").splitlines():
        if line.startswith("parse_s="):
            parse_s = float(line.split("=", 1)[1])
    return p.stdout.decode("utf-8"), parse_s, p.returncode, p.stderr.decode("utf-8", "replace")[-300:]


def load_scorer(path):
    sys.dont_write_bytecode = True
    spec = importlib.util.spec_from_file_location("score_timex", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--cli", default=os.path.join(ROOT, "build", "newsnorm"))
    ap.add_argument("--peers", default="/tmp/peers")
    ap.add_argument("--mb", type=float, default=0)
    ap.add_argument("--dateparser-kb", type=float, default=100)
    ap.add_argument("--no-accuracy", action="store_true")
    args = ap.parse_args(argv)
    chrono_js = os.path.join(args.shared, "peers/chrono/run_chrono.js")
    dateparser_py = os.path.join(args.shared, "peers/dateparser/run_dateparser.py")
    node_env = dict(os.environ, NODE_PATH=os.path.join(args.peers, "node_modules"))
    have_chrono = os.path.isdir(os.path.join(args.peers, "node_modules", "chrono-node"))
    dct = "2024-10-04"

    with tempfile.TemporaryDirectory(prefix="peers_time_") as tmp:
        docs = news_docs(args.shared, int(args.mb * 1e6))
        text = "\n\n".join(docs) + "\n"
        nbytes = len(text.encode("utf-8"))
        txt_path = os.path.join(tmp, "news.txt")
        with open(txt_path, "w", encoding="utf-8") as f:
            f.write(text)
        jsonl_path = os.path.join(tmp, "news.jsonl")
        with open(jsonl_path, "w", encoding="utf-8") as f:
            for k, d in enumerate(docs):
                f.write(json.dumps({"id": str(k), "text": d, "dct": dct}, ensure_ascii=False) + "\n")
        small = text.encode("utf-8")[: int(args.dateparser_kb * 1000)].decode("utf-8", "ignore")
        small = small[: small.rfind("\n\n")] + "\n" if "\n\n" in small else small
        small_path = os.path.join(tmp, "small.txt")
        with open(small_path, "w", encoding="utf-8") as f:
            f.write(small)

        print(f"Speed on {nbytes / 1e6:.2f} MB of German news ({len(docs)} documents), reference {dct}")
        t_struct = time_cli(args.cli, jsonl_path, "structure")
        t_time = time_cli(args.cli, jsonl_path, "structure,time")
        stage = max(t_time - t_struct, 1e-9)
        rows = [("newsnorm time stage", nbytes / 1e6 / stage, f"{stage:.3f} s (structure,time - structure)"),
                ("newsnorm end to end", nbytes / 1e6 / t_time, f"{t_time:.3f} s, process start-up included")]
        chrono_speed = None
        if have_chrono:
            out, parse_s, rc, err = run_peer(["node", chrono_js, txt_path, dct, "--docs", "--quiet", "--time"], node_env)
            if rc == 0 and parse_s:
                chrono_speed = nbytes / 1e6 / parse_s
                rows.append(("chrono-node (de)", chrono_speed, f"{parse_s:.3f} s parse time, start-up excluded"))
            else:
                rows.append(("chrono-node (de)", None, f"failed: {err.strip()}"))
        else:
            rows.append(("chrono-node (de)", None, f"not installed: bash {args.shared}/peers/setup.sh {args.peers}"))
        sbytes = len(small.encode("utf-8"))
        out, parse_s, rc, err = run_peer(["/usr/bin/python3", dateparser_py, small_path, dct, "--docs", "--quiet", "--time"])
        if rc == 0 and parse_s:
            rows.append(("dateparser (de)", sbytes / 1e6 / parse_s, f"{parse_s:.3f} s on {sbytes / 1e3:.0f} kB"))
        else:
            rows.append(("dateparser (de)", None, f"failed or not installed: {err.strip()[:120]}"))
        for name, mbs, note in rows:
            print(f"  {name:22s} {('%9.2f MB/s' % mbs) if mbs else '        n/a'}   {note}")
        if chrono_speed:
            print(f"  newsnorm time stage / chrono-node = {rows[0][1] / chrono_speed:.1f}x")

        if args.no_accuracy:
            return
        print()
        print("WikiWarsDE accuracy (score_timex.py; newsnorm in narrative mode, peers with the document date)")
        scorer = load_scorer(os.path.join(args.shared, "tools/score_timex.py"))
        gold = scorer.load(os.path.join(args.shared, "eval/de/wikiwarsde/wikiwarsde.jsonl"), ("doc_id", "id"))
        payload = "".join(json.dumps({"id": k, "text": g["text"], "dct": g["dct"][:10]}, ensure_ascii=False) + "\n"
                          for k, g in gold.items())
        p = subprocess.run([args.cli, "--input", "jsonl", "--mode", "narrative", "--stages", "time", "--quiet"],
                           input=payload.encode("utf-8"), stdout=subprocess.PIPE, check=True)
        ours = {d["id"]: d for d in map(json.loads, p.stdout.decode("utf-8").splitlines())}
        systems = [("newsnorm", ours)]
        if have_chrono:
            chrono_docs = {}
            for k, g in gold.items():
                path = os.path.join(tmp, "ww.txt")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(g["text"])
                out, _, rc, _ = run_peer(["node", chrono_js, path, g["dct"][:10]], node_env)
                tx = []
                for line in out.splitlines():
                    r = json.loads(line)
                    value = r["value"].split(" ")[0]
                    tx.append({"start": r["start"], "end": r["end"], "type": "DATE", "value": value})
                chrono_docs[k] = {"id": k, "timexes": tx}
            systems.append(("chrono-node", chrono_docs))
        for name, sysd in systems:
            res, _ = scorer.score(gold, sysd)
            print(f"  {name:12s} " + "  ".join(f"{m} F1={res[m]['F1']:.3f}" for m in ("strict", "relaxed", "value", "type")))


if __name__ == "__main__":
    main(sys.argv[1:])
