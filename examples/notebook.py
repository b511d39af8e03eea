# %% [markdown]
# # newsparse in a notebook
#
# Parse the bundled articles (the seed article plus some VOA news stories when the bench corpus is
# present), turn them into tidy pandas frames, and look at who speaks and how many casualties are
# reported. Each `# %%` marks a cell (VS Code, PyCharm and Jupytext open this file as a notebook);
# `python examples/notebook.py` runs it top to bottom.

# %%
from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd

import newsparse

HERE = Path(__file__).resolve().parent if "__file__" in globals() else Path.cwd() / "examples"
BENCH = HERE.parent.parent / "shared" / "data" / "bench" / "voa_news.jsonl"
N_VOA = int(sys.argv[1]) if len(sys.argv) > 1 else 200

# %% [markdown]
# ## Load and parse
# `parse_many` converts the texts, releases the GIL and parses on every core; results keep the input
# order. `errors="skip"` would drop a bad document instead of raising.

# %%
ids = ["seed"]
texts = [(HERE / "seed_article.txt").read_text(encoding="utf-8")]
if BENCH.exists():
    with BENCH.open(encoding="utf-8") as f:
        for line in f:
            if len(ids) > N_VOA:
                break
            record = json.loads(line)
            ids.append(str(record["id"]))
            texts.append(str(record["text"]))
articles = newsparse.parse_many(texts)
print(f"parsed {len(articles)} articles; the first one:")
print(articles[0])
# In Jupyter, displaying `articles[0]` renders it with actors, quotes and statistics highlighted.

# %% [markdown]
# ## Tables
# Five frames keyed by `doc_id`: articles, actors, mentions, statements, statistics.

# %%
tables = newsparse.to_pandas(articles, ids=ids)
for name, frame in zip(tables._fields, tables):
    print(f"{name:>10}: {len(frame):5} rows, columns {', '.join(frame.columns)}")
print(tables.articles.head())

# %% [markdown]
# ## Top speakers
# Statements grouped by the resolved speaker's name (unresolved speakers fall back to the mention).

# %%
st = tables.statements
speaker = st["speaker"].fillna(st["speaker_mention"]).fillna("(unknown)")
top_speakers = speaker.value_counts().head(10)
if top_speakers.empty:
    print("no statements found")
else:
    print("top speakers:")
    print(top_speakers.to_string())

# %% [markdown]
# ## Casualty counts
# Counts of people whose event is a killing or an injury, summed per event and per article.

# %%
CASUALTY_EVENTS = {"kill", "die", "dead", "death", "injure", "wound", "hurt"}
stats = tables.statistics
lemma = stats["context_lemma"].fillna(stats["context"]).str.lower()
casualties = stats[lemma.isin(CASUALTY_EVENTS) & (stats["kind"] == "count")].assign(event=lemma)
if casualties.empty:
    print("no casualty counts found")
else:
    per_event: pd.Series[float] = casualties.groupby("event")["value"].sum()
    print("casualties reported, by event:")
    print(per_event.to_string())
    per_article = casualties.groupby("doc_id")["value"].sum().sort_values(ascending=False).head(5)
    print("articles reporting the most casualties:")
    print(per_article.to_string())
