#!/usr/bin/env python3
"""Writes the seed corpora for the fuzz targets (tests/fuzz/run_fuzz.sh calls it).

Seeds come from the project's own files: the sample article (whole and paragraph by paragraph), the golden
test cases under tests/golden, and hostile inputs written here. --news and --suites add local seeds from
text the project may only measure with (../shared/corpus/de/news.jsonl, ../shared/eval/de): they stay in
the build directory's corpus and are never committed. fuzz_data_dir writes its own seeds (one per
built-in data file).

  make_seeds.py OUT_DIR [--news FILE.jsonl] [--news-lines N] [--suites DIR]
"""
import argparse
import hashlib
import json
import os
import struct
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
MAX_TEXT = 8192  # bytes of text in a seed: libFuzzer explores short inputs far faster

HOSTILE = [
    b"",
    b'"' * 300 + "„".encode() * 100,
    b"1234567890" * 200,
    b"Anfang " * 300 + b"2022",
    b"am 25. April 2019 " * 100,
    b"25.04.2019 bis " * 100,
    "\u0308".encode() * 500,
    "朝鮮".encode() * 300,
    b"Am 3. Mai\x00\x00 sagte\x00 Scholz.",
    b"\xed\xa0\x80 lone surrogate",
    b"\xc0\xaf overlong",
    b"truncated \xe2\x82",
    b"\xf4\x90\x80\x80 above U+10FFFF",
    "„Er sagte ‚Nein‘ und ging“, berichtete die Zeitung. „Offen bleibt".encode(),
    "MOSKAU (dpa) - Der Kreml hat am Donnerstag, dem 25. April 2019, Berichte über 16.000 Container "
    "zurückgewiesen. Anfang 2022 stiegen die Preise um 3,5 Prozent auf 1,2 Milliarden Euro.".encode(),
    "Vor drei Jahren, im Frühjahr 1939, zwischen dem 1. und 3. September, etwa zwei Drittel.".encode(),
]

BAD_JSONL = [
    b"not json", b"[1, 2, 3]", b"17", b'"text"', b"null", b'{"id": "a"}', b'{"id": "a", "text": 17}',
    b'{"text": "ok"', b'{"text": "ok"} trailing', b'{"text": "\\ud800 lone"}', b'{"text": "\\u12"}',
    b'{"text": "a\xff"}', b'{"text": "ok", "deep": ' + b"[" * 80 + b"]" * 80 + b"}",
    b'{"id": 7, "text": "Gut.", "dct": "2024-02-30"}', b'{"id": -1.5e3, "text": "x", "lang": "en", "other": {"a": [true, false, null]}}',
]

# analyze header: byte 0 mode/encoding/tokens/lang/dct flags, byte 1 stages/limits, bytes 2-3 date, byte 4 limits
HEADERS = [
    bytes([0x40, 0x0F, 0xA0, 0x10, 0x00]),  # news, dct, all stages
    bytes([0x42, 0x0F, 0x40, 0x22, 0x00]),  # narrative with a date
    bytes([0x00, 0x0F, 0x00, 0x00, 0x00]),  # no anchor
    bytes([0x50, 0x03, 0x10, 0x10, 0x00]),  # tokens, structure + time
    bytes([0xC0, 0x0F, 0xFF, 0x3D, 0x00]),  # a possibly impossible date
    bytes([0x44, 0x0F, 0xA0, 0x10, 0x00]),  # ISO-8859-1 input
    bytes([0x48, 0x2F, 0xA0, 0x10, 0x00]),  # Windows-1252, small max_annotations
    bytes([0x60, 0x0F, 0xA0, 0x10, 0x00]),  # English
    bytes([0x40, 0x0F, 0xA0, 0x10, 0x90]),  # max_input_bytes 16
]


def sample_texts():
    texts = []
    with open(os.path.join(ROOT, "examples", "article_de_kreml.txt"), "rb") as f:
        sample = f.read()
    texts.append(sample)
    texts.extend(p for p in sample.split(b"\n\n") if p.strip())
    golden = os.path.join(ROOT, "tests", "golden")
    for name in sorted(os.listdir(golden)) if os.path.isdir(golden) else []:
        if not name.endswith(".tsv"):
            continue
        with open(os.path.join(golden, name), "rb") as f:
            for line in f:
                if line.strip() and not line.startswith(b"#"):
                    texts.append(line.split(b"\t")[0].rstrip(b"\r\n"))
    return texts


def local_texts(args):
    texts = []
    if args.news and os.path.exists(args.news):
        with open(args.news, encoding="utf-8") as f:
            for i, line in enumerate(f):
                if i >= args.news_lines:
                    break
                try:
                    texts.append(json.loads(line)["text"].encode())
                except (ValueError, KeyError):
                    pass
    if args.suites and os.path.isdir(args.suites):
        for folder, _, files in os.walk(args.suites):
            for name in sorted(files):
                if name.endswith(".jsonl"):
                    with open(os.path.join(folder, name), encoding="utf-8") as f:
                        for line in f:
                            try:
                                rec = json.loads(line)
                            except ValueError:
                                continue
                            text = rec.get("input") or rec.get("text")
                            if isinstance(text, str):
                                texts.append(text.encode())
    return texts


def write(out_dir, data):
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)


def cut(text):
    if len(text) <= MAX_TEXT:
        return text
    text = text[:MAX_TEXT]
    while text and (text[-1] & 0xC0) == 0x80:  # do not end inside a UTF-8 sequence
        text = text[:-1]
    return text[:-1] if text and text[-1] >= 0xC0 else text


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--news", help="JSONL of real news: local seeds only, never committed")
    ap.add_argument("--news-lines", type=int, default=300)
    ap.add_argument("--suites", help="folder of evaluation JSONL (input/text fields): local seeds only")
    args = ap.parse_args()

    own = [cut(t) for t in sample_texts()] + HOSTILE
    local = [cut(t) for t in local_texts(args)]
    counts = {}
    for i, text in enumerate(own + local):
        write(os.path.join(args.out, "fuzz_analyze"), HEADERS[i % len(HEADERS)] + text)
        if i < len(own):
            write(os.path.join(args.out, "fuzz_analyze"), text)  # no header: NULL options
        try:
            s = text.decode("utf-8")
            line = {"id": f"d{i}", "text": s}
            if i % 2:
                line["dct"] = "2024-10-04" if i % 3 else "2024-10-04T09:00:00+02:00"
            if i % 7 == 0:
                line["lang"] = "en"
            write(os.path.join(args.out, "fuzz_jsonl"), json.dumps(line, ensure_ascii=i % 2 == 0).encode())
            for charset, selector in (("latin-1", 0), ("cp1252", 1)):
                try:
                    write(os.path.join(args.out, "fuzz_encoding"), bytes([selector]) + s.encode(charset))
                except UnicodeEncodeError:
                    pass
        except UnicodeDecodeError:
            write(os.path.join(args.out, "fuzz_encoding"), bytes([i % 2]) + text)
    for line in BAD_JSONL:
        write(os.path.join(args.out, "fuzz_jsonl"), line)
    write(os.path.join(args.out, "fuzz_encoding"), b"\x01a\x81b\x8d\x8f\x90\x9d")
    write(os.path.join(args.out, "fuzz_encoding"), b"\x00" + bytes(range(256)))
    for target in ("fuzz_analyze", "fuzz_jsonl", "fuzz_encoding"):
        d = os.path.join(args.out, target)
        counts[target] = len(os.listdir(d)) if os.path.isdir(d) else 0
    print("seeds: " + ", ".join(f"{k} {v}" for k, v in counts.items()) +
          (f" (with {len(local)} local texts, not for committing)" if local else ""))


if __name__ == "__main__":
    sys.exit(main())
