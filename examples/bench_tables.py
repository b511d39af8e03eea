"""What the tables cost next to the parse: parse_many, to_pandas and to_polars on the bench corpus.

    python examples/bench_tables.py [PATH/TO/voa_news.jsonl] [--repeat N]

Prints the CPU seconds (process time, best of N interleaved rounds) of parsing the corpus on one
thread and of building the five pandas and polars frames from the articles, and their ratio to the
parse. CPU time rather than wall time, so that other processes on a busy machine weigh less. A
measurement tool, not a test.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any, Callable

import newsparse

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "bench" / "voa_news.jsonl"


def cpu(f: Callable[[], Any]) -> tuple[float, Any]:
    t0 = time.process_time()
    out = f()
    return time.process_time() - t0, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=5, help="rounds (the best time of each step is kept)")
    args = ap.parse_args()
    with args.path.open(encoding="utf-8") as f:
        records = [json.loads(line) for line in f]
    texts = [str(r["text"]) for r in records]
    ids = [str(r.get("id", i)) for i, r in enumerate(records)]
    size_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"{len(texts)} articles, {size_mb:.1f} MB")
    newsparse.parse_many(texts[:50], n_threads=1)  # warm up: lexicons load once per process
    steps: dict[str, Callable[[Any], Any]] = {}
    try:
        import pandas  # noqa: F401

        steps["to_pandas"] = lambda arts: newsparse.to_pandas(arts, ids=ids)
    except ImportError:
        pass
    try:
        import polars  # noqa: F401

        steps["to_polars"] = lambda arts: newsparse.to_polars(arts, ids=ids)
    except ImportError:
        pass
    best = {name: float("inf") for name in ["parse_many(n_threads=1)", *steps]}
    rows: dict[str, int] = {}
    for _ in range(args.repeat):
        t, articles = cpu(lambda: newsparse.parse_many(texts, n_threads=1))
        best["parse_many(n_threads=1)"] = min(best["parse_many(n_threads=1)"], t)
        for name, step in steps.items():
            t, tables = cpu(lambda: step(articles))
            best[name] = min(best[name], t)
            rows = {table: len(frame) for table, frame in zip(tables._fields, tables)}
            del tables
        del articles
    print("rows: " + ", ".join(f"{k} {v}" for k, v in rows.items()))
    parse = best["parse_many(n_threads=1)"]
    for name, t in best.items():
        print(f"{name}: {t:.3f} CPU-s ({t / parse:.2f}x the parse)")


if __name__ == "__main__":
    main()
