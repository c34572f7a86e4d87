"""Tests of the ctypes binding against the built library (NEWSNORM_LIBRARY)."""
import os
import threading
import unittest

import newsnorm

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(HERE, "..", "..", "..", "examples", "article_de_kreml.txt")


def sample():
    with open(SAMPLE, encoding="utf-8") as f:
        return f.read()


class BindingTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.engine = newsnorm.Engine()

    def test_version(self):
        self.assertRegex(newsnorm.version(), r"^\d+\.\d+\.\d+$")

    def test_sample_article_structure(self):
        text = sample()
        doc = self.engine.analyze(text, dct="2024-10-04")
        self.assertEqual(doc.title.text, "Kreml weist Berichte über Unterstützung durch nordkoreanische Soldaten in der Ukraine zurück")
        self.assertEqual(len(doc.title.repeats), 1)
        self.assertEqual([c.credit for c in doc.captions], ["朝鮮通信社/KCNA via KNS"] * 2)
        direct = [q for q in doc.quotes if q.kind == "direct"]
        self.assertEqual(len(direct), 1)
        self.assertEqual(direct[0].speaker, "Dmitri Peskow")
        self.assertEqual(direct[0].role, "Kreml-Sprecher")
        self.assertEqual(direct[0].verb, "sagte")
        self.assertEqual(doc.dct, "2024-10-04")
        self.assertEqual(doc.mode, "news")

    def test_reference_time_of_day(self):
        import datetime
        doc = self.engine.analyze("Der Zug fährt in zwei Stunden ab.", dct="2024-10-04T09:30")
        self.assertEqual(doc.dct, "2024-10-04T09:30:00")
        t = [t for t in doc.timexes if t.type == "TIME"][0]
        self.assertEqual((t.text, t.value), ("in zwei Stunden", "2024-10-04T11:30"))
        same = self.engine.analyze("Der Zug fährt in zwei Stunden ab.", dct=datetime.datetime(2024, 10, 4, 9, 30))
        self.assertEqual(same.timexes[0].value, "2024-10-04T11:30")
        # without a time of day it stays a duration
        doc = self.engine.analyze("Der Zug fährt in zwei Stunden ab.", dct=datetime.date(2024, 10, 4))
        self.assertEqual([(t.type, t.value) for t in doc.timexes], [("DURATION", "PT2H")])
        for bad in ("2024-10-04T25:00", "2024-10-04T09:3", "2024-10-04 09:30 Uhr", "2024-10-04T09:30:60"):
            with self.assertRaises(newsnorm.NewsnormError) as cm:
                self.engine.analyze("heute", dct=bad)
            self.assertEqual(cm.exception.name, "invalid_date")

    def test_offsets_are_python_string_indices(self):
        text = sample()
        doc = self.engine.analyze(text)
        for s in doc.sentences + doc.captions + doc.quotes:
            self.assertEqual(text[s.start:s.end], s.text)
            self.assertEqual(text.encode()[s.start_byte:s.end_byte].decode(), s.text)
        # the CJK credit is after multi-byte text: byte and string offsets differ
        cap = doc.captions[0]
        self.assertEqual(text[cap.credit_span.start:cap.credit_span.end], "朝鮮通信社/KCNA via KNS")
        self.assertNotEqual(cap.credit_span.start, cap.credit_span.start_byte)

    def test_errors_raise_with_the_library_message(self):
        with self.assertRaises(newsnorm.NewsnormError) as cm:
            self.engine.analyze(b"ok \xc3\x28")
        self.assertEqual(cm.exception.name, "invalid_utf8")
        self.assertIn("byte 3", str(cm.exception))
        with self.assertRaises(newsnorm.NewsnormError) as cm:
            self.engine.analyze("heute", dct="2024-13-01")
        self.assertEqual(cm.exception.name, "invalid_date")
        with self.assertRaises(newsnorm.NewsnormError):
            self.engine.analyze("heute", mode="poetic")
        with self.assertRaises(newsnorm.NewsnormError):
            self.engine.analyze("heute", stages=["astrology"])
        with self.assertRaises(newsnorm.NewsnormError) as cm:
            self.engine.analyze("a\ud800b")  # a lone surrogate cannot be UTF-8
        self.assertEqual(cm.exception.name, "invalid_utf8")

    def test_legacy_encoding(self):
        doc = self.engine.analyze("Gr\xfc\xdfe aus K\xf6ln.".encode("latin-1"), encoding="latin1")
        self.assertEqual(doc.sentences[0].text, "Grüße aus Köln.")

    def test_stages_and_tokens(self):
        doc = self.engine.analyze("Peskow sagte: „Nein.“", stages=["structure"], tokens=True)
        self.assertEqual([t.text for t in doc.tokens][:3], ["Peskow", "sagte", ":"])
        self.assertEqual(doc.timexes, [])

    def test_timeml(self):
        xml = self.engine.analyze("Er kam & ging.", dct="2024-10-04", timeml=True)
        self.assertTrue(xml.startswith("<?xml"))
        self.assertIn("&amp;", xml)

    def test_threads_share_one_engine(self):
        text = sample()
        expected = self.engine.analyze(text, dct="2024-10-04").json
        results = []

        def work():
            for _ in range(5):
                results.append(self.engine.analyze(text, dct="2024-10-04").json)

        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(len(results), 20)
        self.assertTrue(all(r == expected for r in results))

    def test_closed_engine(self):
        e = newsnorm.Engine()
        e.close()
        with self.assertRaises(newsnorm.NewsnormError):
            e.analyze("x")


if __name__ == "__main__":
    unittest.main()
