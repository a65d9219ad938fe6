#!/usr/bin/env python3
"""Checks the development set: every article of manifest.tsv is present in
articles/ with the recorded SHA-256, and gold.tsv annotates exactly the
articles of the manifest with the same publication dates.

    python3 tests/devset/verify.py

Exits 1 when something is missing or differs (and says what)."""

import csv
import hashlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def rows(name):
    with open(HERE / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def main():
    problems = []
    manifest = rows("manifest.tsv")
    gold = rows("gold.tsv")
    published = {r["file"]: r["event_date"] for r in gold if r["status"] == "published"}
    missing = 0
    for m in manifest:
        path = HERE / "articles" / m["file"]
        if not path.exists():
            missing += 1
        elif hashlib.sha256(path.read_bytes()).hexdigest() != m["sha256"]:
            problems.append(f"{m['file']}: text differs from the manifest's sha256")
        if published.get(m["file"]) != m["published"]:
            problems.append(f"{m['file']}: gold publication date {published.get(m['file'])} != manifest {m['published']}")
    files = {m["file"] for m in manifest}
    for r in gold:
        if r["file"] not in files:
            problems.append(f"gold row for {r['file']}, which is not in the manifest")
    langs = {}
    for m in manifest:
        langs[m["lang"]] = langs.get(m["lang"], 0) + 1
    print(f"{len(manifest)} articles ({', '.join(f'{n} {l}' for l, n in sorted(langs.items()))}), "
          f"{sum(1 for r in gold if r['status'] != 'published')} gold reports, {missing} texts missing")
    for p in problems:
        print(p)
    return 1 if problems or missing else 0


if __name__ == "__main__":
    sys.exit(main())
