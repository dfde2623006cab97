#!/usr/bin/env python3
"""Generate a synthetic corpus for benchmarks by rewriting a real listing.

usage: gen_corpus.py SOURCE_LISTING N FORMAT OUT
  FORMAT: listing | jsonl (arXiv metadata snapshot records) | csv (curated claims)
          | csv-dense (curated claims, four a paper: a speed-up, compute,
            parameters and a result on one of a few benchmarks; with a
            listing of the same N papers this gives about five claims a
            paper, the scale of a large report)

Each generated paper takes the title and abstract of paper i mod P of the
source, makes the title unique (a counter) and rescales its figures (every
number is multiplied by a factor that depends on i), so that papers are
distinct but read like real abstracts.
"""
import json
import re
import sys

NUM = re.compile(r"\d+(?:[.,]\d+)*")


def papers(path):
    paras = [p.strip() for p in open(path, encoding="utf-8").read().split("\n\n")]
    paras = [" ".join(p.split()) for p in paras if p.strip()]
    out = []
    for i in range(1, len(paras)):
        if len(paras[i]) >= 200 and len(paras[i - 1]) < 400 and not paras[i - 1].endswith("."):
            out.append((paras[i - 1], paras[i]))
    return out


def rescale(text, k):
    factor = 1 + (k % 7) / 10.0

    def sub(m):
        s = m.group(0)
        if "," in s or len(s) == 4 and s.startswith(("19", "20")):
            return s
        try:
            v = float(s) * factor
        except ValueError:
            return s
        return ("%d" % v) if "." not in s else ("%.2f" % v)

    return NUM.sub(sub, text)


BENCHMARKS = [("FID", "COCO", 5.0), ("accuracy", "ImageNet", 60.0),
              ("perplexity", "WikiText-103", 10.0), ("BLEU", "WMT14", 20.0),
              ("accuracy", "MMLU", 40.0), ("CIDEr", "COCO Captions", 90.0)]


def dense_rows(f, title, i):
    t = '"%s"' % title.replace('"', '""')
    k = 1 + i % 97
    metric, dataset, base = BENCHMARKS[i % len(BENCHMARKS)]
    result = base + (i * 37 % 1000) / 50.0
    f.write('%s,ratio,%dx faster,time,,\n' % (t, k + 1))
    f.write('%s,compute,%d A100 GPU hours,,,\n' % (t, 10 + i * 13 % 5000))
    f.write('%s,params,%d million parameters,,,\n' % (t, 5 + i * 7 % 900))
    f.write('%s,quality,%.2f %s,,%s,%s\n' % (t, result, metric, metric, dataset))


def main(argv):
    if len(argv) != 5:
        print(__doc__, file=sys.stderr)
        return 2
    src, n, fmt, out = argv[1], int(argv[2]), argv[3], argv[4]
    base = papers(src)
    with open(out, "w", encoding="utf-8", newline="") as f:
        if fmt == "listing":
            f.write("Generated listing\n\n")
        if fmt == "csv":
            f.write("paper,quantity,figure,dimension,span\n")
        if fmt == "csv-dense":
            f.write("paper,quantity,figure,dimension,metric,dataset\n")
        for i in range(n):
            title, abstract = base[i % len(base)]
            title = "%s (variant %d)" % (title, i)
            abstract = rescale(abstract, i)
            if fmt == "listing":
                f.write(title + "\n\n" + abstract + "\n\n")
            elif fmt == "jsonl":
                rec = {"id": "%04d.%05d" % (2000 + i // 100000 % 500, i % 100000),
                       "title": title, "abstract": abstract, "update_date": "2024-01-01"}
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            elif fmt == "csv":
                k = 1 + i % 97
                t = title.replace('"', '""')
                f.write('"%s",ratio,%dx lower cost,cost,%dx lower cost\n' % (t, k + 1, k + 1))
                f.write('"%s",compute,%d A100 GPU hours,,\n' % (t, 10 + i % 1000))
            elif fmt == "csv-dense":
                dense_rows(f, title, i)
            else:
                print("unknown format " + fmt, file=sys.stderr)
                return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
