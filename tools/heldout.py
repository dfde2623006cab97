#!/usr/bin/env python3
"""Build a held-out gold file from the curated claims.

usage: heldout.py CLAIMS.csv DEV.jsonl OUT.jsonl

Writes, in the gold JSONL format of the shared evaluation, one line per
curated row (action "add", "confirm" or "correct") of every paper that
does not appear in DEV.jsonl.  Those papers were not used to build the
extraction rules, so scoring against them estimates how the rules do on
text they have not seen.  Titles are compared with white space folded
and case ignored, as the scorer does.  Prints the number of papers and
claims written to standard error.
"""
import csv
import json
import sys

FIELDS = ("dimension", "hardware", "metric", "dataset", "qualifier", "subject")


def fold(title):
    return " ".join(str(title).split()).lower()


def number(text):
    text = (text or "").strip()
    if not text:
        return None
    v = float(text)
    return int(v) if v.is_integer() else v


def gold_line(row):
    obj = {"paper": " ".join(row["paper"].split()), "quantity": row["quantity"]}
    if row["quantity"] == "none":
        return obj
    obj["value"] = number(row.get("value"))
    vmax = number(row.get("value_max"))
    if vmax is not None:
        obj["value_max"] = vmax
    for field in FIELDS:
        if (row.get(field) or "").strip():
            obj[field] = row[field].strip()
    obj["span"] = row.get("span") or row.get("figure") or ""
    return obj


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    claims_path, dev_path, out_path = argv
    with open(dev_path, encoding="utf-8") as f:
        dev = {fold(json.loads(line)["paper"]) for line in f if line.strip()}
    with open(claims_path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    papers, lines = set(), []
    for row in rows:
        if fold(row["paper"]) in dev:
            continue
        if (row.get("action") or "add").strip() not in ("add", "confirm", "correct"):
            continue
        if row["quantity"] != "none" and number(row.get("value")) is None:
            continue
        papers.add(fold(row["paper"]))
        lines.append(gold_line(row))
    with open(out_path, "w", encoding="utf-8") as f:
        for obj in lines:
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    print(f"heldout: {len(papers)} papers, {len(lines)} claims", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
