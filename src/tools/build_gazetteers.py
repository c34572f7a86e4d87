#!/usr/bin/env python3
"""Builds newsnorm's entity gazetteers (src/data/de/entity_*.tsv) from the facts in ../shared/gazetteers.

    python3 src/tools/build_gazetteers.py [--shared ../shared/gazetteers] [--out src/data/de]

Writes (and only writes) the generated files below; the hand-written entity_*.tsv files are left alone.
  entity_countries.tsv   ISO 3166 codes, German canonical name, every German/English name, nationality adjective
  entity_cities.tsv      GeoNames id, German canonical name (CLDR exonym first), country, population, aliases
  entity_media.tsv       news publishers (fundus list)
  entity_person_names.tsv  German first names and surnames (faker-js), a feature for the tagger only; with
                         --faker-names also those of faker-js's other Latin-script locales (news and
                         encyclopaedia text names people of every country); and the first names of the
                         hand-written entity_first_names.tsv that have a gender there, with that gender
  entity_vocab.tsv       with --train: words of the CC BY / CC0 NER corpora (LER, Europeana, MobIE) that are
                         common words there, or mostly inside person, place or organisation names
Sources and licences: see src/data/de/NOTICE (MIT, Unicode-3.0, CC BY 4.0). Python 3 standard library only.
"""
import argparse
import csv
import json
import os
import sys


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def read_rows(path):
    """The rows of a hand-written table, as lists of fields; comments and empty lines skipped."""
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]


def clean(name):
    return " ".join(name.replace("\t", " ").split())


def split_names(field):
    return [clean(x) for x in field.split("|") if clean(x)]


def latin_name(name):
    """One capitalised word of Latin letters, apostrophes or hyphens, three letters or more: "Kowalczyk", "O'Brien"."""
    return (len(name) >= 3 and " " not in name and name[0].isupper() and
            all(c.isalpha() and ord(c) < 0x250 or c in "'-" for c in name))


def adjective_stem(adj):
    # "Nordkoreanisch" -> "nordkoreanisch"; territory entries that are nouns ("Kaimaninseln") are dropped,
    # as are qualified ones ("Kongolesisch (Republik Kongo)") that name two countries.
    adj = clean(adj)
    if not adj or " " in adj or not adj.lower().endswith("sch"):
        return ""
    return adj.lower()


def build_countries(shared):
    rows = read_tsv(os.path.join(shared, "countries_de_joined.tsv"))
    out = []
    for r in rows:
        canonical = clean(r["name_de_cldr"])
        names = [canonical]
        for field in ("name_de_variants_cldr", "names_de_i18n_iso_countries", "name_en"):
            for n in split_names(r[field]):
                n = n.split(" (")[0]  # "Kongo (Republik)" -> "Kongo"
                if n and n not in names:
                    names.append(n)
        # The short form news uses is the better canonical name: "Sonderverwaltungsregion Hongkong" -> "Hongkong".
        short = split_names(r["name_de_variants_cldr"])
        if canonical.startswith("Sonderverwaltungsregion") and short:
            canonical = short[0]
        out.append((r["iso2"], r["iso3"], canonical, "|".join(names), adjective_stem(r["adjective_de_i18n_nationality"])))
    return out


def build_cities(shared, min_population):
    exonyms = {}
    for r in read_tsv(os.path.join(shared, "cldr48_de", "exemplar_cities.de.tsv")):
        exonyms[clean(r["name_en_from_tzid"])] = clean(r["name_de"])
    best = {}
    for r in read_tsv(os.path.join(shared, "geonames", "cities15000_with_de_names.tsv")):
        name, de = clean(r["name"]), clean(r["name_de"])
        pop = int(r["population"] or 0)
        # Every German-speaking town of 15,000 or more ("Wülfrath"), elsewhere the larger cities and exonyms.
        if pop < min_population and not (de and de != name) and r["country_code"] not in ("DE", "AT", "CH"):
            continue
        cldr = exonyms.get(name, "")
        canonical = cldr or de or name
        aliases = []
        for n in (canonical, de, name, cldr):
            if n and n not in aliases:
                aliases.append(n)
        row = (r["geonameid"], canonical, r["country_code"], pop, "|".join(aliases))
        # One row per canonical name: the most populous city wins ("Frankfurt" is the one on the Main).
        if canonical not in best or best[canonical][3] < pop:
            best[canonical] = row
    return sorted(best.values(), key=lambda r: -r[3]), exonyms


def read_training_words(train_dir):
    """Yields (word, class) from the NER corpora: class is PER, LOC, ORG or O (other labels count as O)."""
    files = []
    for sub in ("ler", "europeana", "mobie"):
        d = os.path.join(train_dir, sub)
        if os.path.isdir(d):
            files += [os.path.join(d, f) for f in sorted(os.listdir(d))
                      if f.endswith((".conll", ".bio", ".conll2003")) and not f.startswith(("dev", "test"))]
    mobie = {"person": "PER", "location": "LOC", "location-city": "LOC", "location-street": "LOC",
             "organization": "ORG", "organization-company": "ORG"}
    ler = {"PER": "PER", "LD": "LOC", "ST": "LOC", "STR": "LOC", "LDS": "LOC", "ORG": "ORG", "UN": "ORG",
           "INN": "ORG", "GRT": "ORG"}
    for path in files:
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                parts = line.rstrip("\n").replace("\t", " ").split()
                if len(parts) < 2 or parts[0].startswith("-DOCSTART-"):
                    continue
                word, tag = parts[0], parts[-1]
                cls = "O"
                if tag[:2] in ("B-", "I-"):
                    t = tag[2:]
                    cls = mobie.get(t) or ler.get(t) or (t.upper() if t.upper() in ("PER", "LOC", "ORG") else "O")
                yield word, cls


def build_vocab(train_dir, min_count):
    import collections
    counts = collections.defaultdict(collections.Counter)
    for word, cls in read_training_words(train_dir):
        if not any(ch.isalpha() for ch in word) or len(word) > 40 or word.startswith("#"):
            continue
        counts[word.lower()][cls] += 1
    rows = []
    for w, c in counts.items():
        total = sum(c.values())
        if total < min_count:
            continue
        cls, n = c.most_common(1)[0]
        if n / total < 0.8:
            continue
        rows.append((w, "common" if cls == "O" else cls.lower()))
    return sorted(rows)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.normpath(os.path.join(here, "..", ".."))
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--shared", default=os.path.normpath(os.path.join(root, "..", "shared", "gazetteers")))
    p.add_argument("--out", default=os.path.join(root, "src", "data", "de"))
    p.add_argument("--min-population", type=int, default=30000)
    p.add_argument("--train", help="../shared/train/de/ner: also write entity_vocab.tsv from the NER corpora")
    p.add_argument("--min-count", type=int, default=3)
    p.add_argument("--faker-names", help="JSON from src/tools/extract_faker_names.mjs: names of more locales")
    a = p.parse_args()

    countries = build_countries(a.shared)
    with open(os.path.join(a.out, "entity_countries.tsv"), "w", encoding="utf-8") as f:
        f.write("# Generated by src/tools/build_gazetteers.py from i18n-iso-countries (MIT), i18n-nationality (MIT), CLDR (Unicode-3.0).\n")
        f.write("# Columns: ISO 3166-1 alpha-2, alpha-3, German canonical name, all names (German and English, |-separated),\n")
        f.write("# nationality adjective stem (inflections -e -en -er -es -em are generated when loading).\n")
        for row in countries:
            f.write("\t".join(row) + "\n")

    cities, exonyms = build_cities(a.shared, a.min_population)
    # "Kiew" is CLDR's name for what GeoNames calls "Kyiv" (German "Kyjiw"): tie the exonym to the id.
    tz_aliases = {"Kiev": "Kyiv"}
    extra = {}
    for en, de in exonyms.items():
        target = tz_aliases.get(en)
        if target:
            extra[target] = de
    with open(os.path.join(a.out, "entity_cities.tsv"), "w", encoding="utf-8") as f:
        f.write("# Generated by src/tools/build_gazetteers.py from GeoNames cities15000 (CC BY 4.0, via libgeonames)\n")
        f.write("# and CLDR exemplar cities (Unicode-3.0). Columns: GeoNames id, German canonical name, ISO country code,\n")
        f.write("# population, names (|-separated: German exonyms, English name).\n")
        for gid, canonical, cc, pop, aliases in cities:
            names = aliases.split("|")
            for n in list(names):
                if n in extra and extra[n] not in names:
                    names.insert(0, extra[n])
                    canonical = extra[n]
            f.write(f"{gid}\t{canonical}\t{cc}\t{pop}\t{'|'.join(names)}\n")

    pubs = read_tsv(os.path.join(a.shared, "news_publishers", "fundus_supported_publishers.tsv"))
    with open(os.path.join(a.out, "entity_media.tsv"), "w", encoding="utf-8") as f:
        f.write("# Generated by src/tools/build_gazetteers.py from the fundus publisher list (MIT).\n")
        f.write("# Columns: publisher name, ISO country code of the publisher.\n")
        seen = set()
        for r in pubs:
            name = clean(r["name"])
            if name and name not in seen:
                seen.add(name)
                f.write(f"{name}\t{r['country'][:2].upper()}\n")

    person = json.load(open(os.path.join(a.shared, "faker_de", "person_de.json"), encoding="utf-8"))
    with open(os.path.join(a.out, "entity_person_names.tsv"), "w", encoding="utf-8") as f:
        f.write("# Generated by src/tools/build_gazetteers.py from faker-js de person names (MIT).\n")
        f.write("# Columns: name, kind (first or last), for first names the gender the locales list them under (f, m;\n")
        f.write("# empty when both or neither). A feature for the tagger and the quote stage's pronouns, never an entity.\n")
        firsts = {clean(n) for group in person["first_name"].values() for n in group}
        lasts = {clean(n) for group in person["last_name"].values() for n in group}
        # Each locale that lists a first name says f, m or "?" (both, or a list without genders). A name's
        # gender: what the German lists (de, de_AT, de_CH) say when they have it and no other locale gives the
        # other one ("Alexis": f in de, m in fr: none); else what at least two other locales agree on ("Ivica"
        # is female in sk, ungendered in hr: none; "Gabi" only in ro: none).
        says = {}
        def listen(loc, names, female, male):
            for n in names:
                g = "f" if n in female and n not in male else "m" if n in male and n not in female else "?"
                says.setdefault(n, {})[loc] = g
        groups = person["first_name"]
        listen("de", {clean(n) for g in groups.values() for n in g},
               {clean(n) for n in groups.get("female", [])}, {clean(n) for n in groups.get("male", [])})
        if a.faker_names:
            more = json.load(open(a.faker_names, encoding="utf-8"))
            for loc in sorted(more):
                names = {n for n in map(clean, more[loc]["first"]) if latin_name(n)}
                firsts |= names
                lasts |= {n for n in map(clean, more[loc]["last"]) if latin_name(n)}
                listen(loc, names, set(map(clean, more[loc].get("female", []))), set(map(clean, more[loc].get("male", []))))
        def gender(n):
            by = says.get(n, {})
            german = {g for loc, g in by.items() if loc in ("de", "de_AT", "de_CH")}
            other = {g for loc, g in by.items() if loc not in ("de", "de_AT", "de_CH")}
            # Unless another locale gives the other gender ("Alexis": f in de, m in fr), or more other locales
            # list it for either than for that gender ("Lee": f in de, for either in en; "Jan" stays m).
            if german:
                if len(german) != 1 or "?" in german or other - german - {"?"}:
                    return ""
                g = german.pop()
                either = sum(1 for loc, x in by.items() if x == "?" and loc not in ("de", "de_AT", "de_CH"))
                agree = sum(1 for loc, x in by.items() if x == g and loc not in ("de", "de_AT", "de_CH"))
                return g if either <= agree else ""
            other = set(by.values())
            return other.pop() if len(by) >= 2 and len(other) == 1 and "?" not in other else ""
        # The hand-written first names German news needs and faker-js lacks ("Jürgen", "Ulrike": its German
        # list is of names given to children today), with the gender German gives them, which wins over the
        # locales' ("Gabriele": m in it and fr_CH).
        handwritten = {}
        for row in read_rows(os.path.join(a.out, "entity_first_names.tsv")):
            if len(row) >= 2 and row[1] in ("f", "m"):
                handwritten[clean(row[0])] = row[1]
        firsts |= set(handwritten)
        firsts, lasts = sorted(firsts), sorted(lasts)
        for n in firsts:
            g = handwritten.get(n) or gender(n)
            f.write(f"{n}\tfirst\t{g}\n" if g else f"{n}\tfirst\n")
        for n in lasts:
            f.write(f"{n}\tlast\n")
    if a.train:
        vocab = build_vocab(a.train, a.min_count)
        with open(os.path.join(a.out, "entity_vocab.tsv"), "w", encoding="utf-8") as f:
            f.write("# Generated by src/tools/build_gazetteers.py --train from the LER (CC BY 4.0), Europeana newspapers\n")
            f.write("# (CC0) and MobIE (CC BY 4.0) NER corpora. Columns: lower-case word, what it mostly is there:\n")
            f.write("# common (outside names), per, loc, org. A feature for the tagger, never an entity by itself.\n")
            for w, cls in vocab:
                f.write(f"{w}\t{cls}\n")
        print(f"{len(vocab)} vocabulary words", file=sys.stderr)
    print(f"{len(countries)} countries, {len(cities)} cities, {len(pubs)} publishers, "
          f"{len(firsts)} first names, {len(lasts)} surnames", file=sys.stderr)


if __name__ == "__main__":
    main()
