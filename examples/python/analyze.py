#!/usr/bin/env python3
"""Analyses an article with the Python binding and prints quotes, dates, numbers and entities.
usage: analyze.py ARTICLE.txt [YYYY-MM-DD]"""
import sys

import newsnorm


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    with open(argv[1], encoding="utf-8") as f:
        text = f.read()
    engine = newsnorm.Engine()
    try:
        doc = engine.analyze(text, dct=argv[2] if len(argv) > 2 else None)
    except newsnorm.NewsnormError as e:
        sys.exit(f"newsnorm: {e}")
    if doc.title:
        print("title:", doc.title.text)
    for q in doc.quotes:
        print(f"quote ({q.kind}): {q.content.text!r}\n  speaker: {q.speaker} ({q.role}, {q.verb})")
    for t in doc.timexes:
        print(f"timex: {t.text!r} -> {t.type} {t.value} {t.mod}".rstrip())
    for n in doc.numbers:
        print(f"number: {n.text!r} -> {n.kind} {n.value} {n.unit or n.currency}".rstrip())
    for e in doc.entities:
        print(f"entity: {e.text!r} -> {e.type} {e.canonical} {e.country}".rstrip())


if __name__ == "__main__":
    main(sys.argv)
