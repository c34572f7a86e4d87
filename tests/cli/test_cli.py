"""Tests of the newsnorm command-line tool (NEWSNORM_CLI), run by CTest."""
import json
import os
import subprocess
import tempfile
import unittest

CLI = os.environ.get("NEWSNORM_CLI", "build/newsnorm")
SOURCE = os.environ.get("NEWSNORM_SOURCE_DIR", ".")
SAMPLE = os.path.join(SOURCE, "examples", "article_de_kreml.txt")


def run(args, stdin=None):
    return subprocess.run([CLI] + args, input=stdin, capture_output=True, timeout=120)


class CliTest(unittest.TestCase):
    def test_sample_article_json(self):
        p = run([SAMPLE, "--dct", "2024-10-04"])
        self.assertEqual(p.returncode, 0, p.stderr)
        doc = json.loads(p.stdout)
        for key in ("id", "title", "paragraphs", "sentences", "captions", "quotes", "datelines",
                    "timexes", "numbers", "entities"):
            self.assertIn(key, doc)
        self.assertEqual(doc["title"]["text"].split()[0], "Kreml")
        self.assertEqual([c["credit"] for c in doc["captions"]], ["朝鮮通信社/KCNA via KNS"] * 2)
        speakers = [q["speaker"] for q in doc["quotes"] if q["kind"] == "direct"]
        self.assertEqual(speakers, ["Dmitri Peskow"])
        for s in doc["sentences"]:
            for k in ("start", "end", "start_byte", "end_byte", "text"):
                self.assertIn(k, s)

    def test_stdin_and_text_format(self):
        with open(SAMPLE, "rb") as f:
            p = run(["--format", "text"], stdin=f.read())
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn(b"speaker: Dmitri Peskow", p.stdout)

    def test_jsonl_keeps_ids_and_order_and_threads_agree(self):
        lines = []
        with open(SAMPLE, encoding="utf-8") as f:
            sample = f.read()
        for i in range(40):
            lines.append(json.dumps({"id": f"doc-{i}", "text": sample if i % 3 == 0 else f"Satz Nummer {i}. „Ja“, sagte er.",
                                     "dct": "2024-10-04"}, ensure_ascii=False))
        data = ("\n".join(lines) + "\n").encode()
        one = run(["--input", "jsonl", "--threads", "1"], stdin=data)
        two = run(["--input", "jsonl", "--threads", "2"], stdin=data)
        self.assertEqual(one.returncode, 0, one.stderr)
        self.assertEqual(one.stdout, two.stdout)  # byte-identical whatever the thread count
        out = [json.loads(l) for l in one.stdout.decode().splitlines()]
        self.assertEqual([d["id"] for d in out], [f"doc-{i}" for i in range(40)])

    def test_jsonl_bad_lines_become_error_objects_and_nothing_is_lost(self):
        data = "\n".join([
            '{"id": "a", "text": "Gut."}',
            'not json at all',
            '[1, 2, 3]',
            '{"id": "b"}',
            '{"id": "c", "text": "Gut.", "dct": "2024-02-30"}',
            '{"id": 7, "text": "Auch gut.", "dct": "2024-10-04T08:00:00+02:00"}',
            '{"id": "d", "text": "Unicode \\u00fcber \\ud83d\\ude00."}',
            '{"id": "e", "text": "lone \\ud800 surrogate"}',
        ]).encode() + b"\n"
        p = run(["--input", "jsonl"], stdin=data)
        self.assertEqual(p.returncode, 1)
        out = [json.loads(l) for l in p.stdout.decode().splitlines()]
        self.assertEqual(len(out), 8)
        self.assertEqual(out[0]["id"], "a")
        self.assertEqual(out[1]["line"], 2)
        self.assertIn("error", out[1])
        self.assertIn("error", out[2])
        self.assertIn("text", out[3]["error"]["message"])
        self.assertEqual(out[4]["error"]["code"], "invalid_date")
        self.assertEqual(out[5]["id"], "7")
        self.assertEqual(out[5]["dct"], "2024-10-04T08:00:00")  # the time of day is kept, the zone dropped
        self.assertIn("über", out[6]["sentences"][0]["text"])
        self.assertIn("error", out[7])

    def test_bad_input_and_options_exit_nonzero_with_a_message(self):
        p = run([], stdin=b"abc \xff def")
        self.assertEqual(p.returncode, 1)
        self.assertIn(b"invalid UTF-8 at byte 4", p.stderr)
        p = run(["--dct", "2024-13-40"], stdin=b"x")
        self.assertEqual(p.returncode, 2)
        self.assertIn(b"invalid date", p.stderr)
        p = run(["--dct", "2024-10-04T09:75"], stdin=b"x")
        self.assertEqual(p.returncode, 2)
        self.assertIn(b"invalid reference", p.stderr)
        p = run(["--stages", "time,astrology"], stdin=b"x")
        self.assertEqual(p.returncode, 2)
        p = run(["/nonexistent/file.txt"])
        self.assertEqual(p.returncode, 1)
        self.assertIn(b"cannot open", p.stderr)
        p = run(["--max-input-bytes", "3"], stdin=b"too long")
        self.assertEqual(p.returncode, 1)
        self.assertIn(b"limit", p.stderr)
        p = run(["--max-annotations", "2"], stdin=b"Ein Satz. Noch einer. Und ein dritter.")
        self.assertEqual(p.returncode, 1)
        self.assertIn(b"sentences", p.stderr)
        p = run(["--max-memory-bytes", "100"], stdin=b"Ein Satz am 3. Mai.")
        self.assertEqual(p.returncode, 1)
        self.assertIn(b"max_memory_bytes", p.stderr)
        p = run(["--max-memory-bytes", "lots"], stdin=b"x")
        self.assertEqual(p.returncode, 2)
        # A JSONL line over the limit is an error object in place; the next line is analysed.
        lines = b'{"id": "big", "text": "' + b"Satz. " * 50 + b'"}\n{"id": "small", "text": "Gut."}\n'
        p = run(["--input", "jsonl", "--max-annotations", "10"], stdin=lines)
        self.assertEqual(p.returncode, 1)
        out = [json.loads(l) for l in p.stdout.decode().splitlines()]
        self.assertEqual(out[0]["error"]["code"], "too_many_annotations")
        self.assertEqual(out[1]["id"], "small")

    def test_reference_time_of_day(self):
        p = run(["--dct", "2024-10-04T23:30", "--stages", "time"], stdin="Die Frist endet in 45 Minuten.".encode())
        self.assertEqual(p.returncode, 0, p.stderr)
        doc = json.loads(p.stdout)
        self.assertEqual(doc["dct"], "2024-10-04T23:30:00")
        self.assertEqual([(t["text"], t["type"], t["value"]) for t in doc["timexes"]],
                         [("in 45 Minuten", "TIME", "2024-10-05T00:15")])
        lines = "\n".join(json.dumps({"id": i, "text": "Vor 90 Minuten begann es.", "dct": d}) for i, d in
                          enumerate(["2024-10-04T10:00:00+02:00", "2024-10-04", "2024-10-04T10:00 Uhr"])) + "\n"
        p = run(["--input", "jsonl", "--stages", "time"], stdin=lines.encode())
        self.assertEqual(p.returncode, 1)  # the third line's time is not a time
        out = [json.loads(l) for l in p.stdout.decode().splitlines()]
        self.assertEqual([t["value"] for t in out[0]["timexes"]], ["2024-10-04T08:30"])
        self.assertEqual([t["value"] for t in out[1]["timexes"]], ["PT90M"])
        self.assertEqual(out[2]["error"]["code"], "invalid_date")

    def test_encoding_option(self):
        p = run(["--encoding", "latin1", "--format", "text"], stdin="Grüße aus Köln. Das ist gut.".encode("latin-1"))
        self.assertEqual(p.returncode, 0, p.stderr)

    def test_timeml_format(self):
        p = run(["--format", "timeml", "--dct", "2024-10-04"], stdin="Er kam <heute>.".encode())
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn(b"<TimeML>", p.stdout)
        self.assertIn(b"&lt;", p.stdout)

    def test_empty_input(self):
        p = run([], stdin=b"")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(json.loads(p.stdout)["sentences"], [])


if __name__ == "__main__":
    unittest.main()
