"""Speed-up of newsparse.parse_many on several threads over one, on the bench corpus.

    python examples/bench_parse_many.py [PATH/TO/voa_news.jsonl] [--repeat N]

Prints MB/s for 1 thread and for each thread count up to the machine's cores, and the speed-up.
Use a release build (maturin develop --release). A measurement tool, not a test.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import newsparse

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "bench" / "voa_news.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=5, help="runs per thread count (best is kept)")
    args = ap.parse_args()
    with args.path.open(encoding="utf-8") as f:
        texts = [str(json.loads(line)["text"]) for line in f]
    size_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"{len(texts)} articles, {size_mb:.1f} MB, {newsparse.default_threads()} cores")
    newsparse.parse_many(texts[:50])  # warm up: lexicons load once per process
    best: dict[int, float] = {}
    for threads in range(1, newsparse.default_threads() + 1):
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            newsparse.parse_many(texts, n_threads=threads)
            times.append(time.perf_counter() - t0)
        best[threads] = min(times)
        print(
            f"n_threads={threads}: {best[threads]:.3f} s, {size_mb / best[threads]:.1f} MB/s, "
            f"speed-up {best[1] / best[threads]:.2f}x"
        )


if __name__ == "__main__":
    main()
