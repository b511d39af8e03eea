"""A real distributed engine: Dask with worker *processes* parses the bench corpus like parse_many."""

from __future__ import annotations

import functools
import os
import sys
from typing import TYPE_CHECKING, Iterator

import pytest

import newsparse
from conftest import load_voa

try:
    import dask
    import dask.bag
    from distributed import Client, LocalCluster
except ImportError:  # pragma: no cover - exercised when the extra is absent
    if os.environ.get("NEWSPARSE_REQUIRE_ALL"):
        raise
    pytest.skip(
        "dask[distributed] is not installed (pip install 'dask[distributed]'; CI installs it via "
        "tests/python/requirements.txt)",
        allow_module_level=True,
    )

if TYPE_CHECKING:
    import pandas as pd

N_ARTICLES = 300


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    cluster = LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        host="127.0.0.1",
        silence_logs=40,
    )
    c = Client(cluster)
    yield c
    c.close()
    cluster.close()


def parse_frame(df: pd.DataFrame) -> pd.DataFrame:
    """map_partitions body: one partition of texts to a frame of article JSON."""
    import pandas as pd

    arts = newsparse.parse_many(df["text"].tolist(), n_threads=1)
    return pd.DataFrame({"id": df["id"].tolist(), "json": [a.to_json() for a in arts]}, index=df.index)


def test_workers_are_separate_processes(client: Client) -> None:
    pids = set(client.run(os.getpid).values())
    assert len(pids) == 2 and os.getpid() not in pids


def test_dask_bag_matches_local_parse_many(client: Client) -> None:
    records = load_voa(N_ARTICLES)
    texts = [r["text"] for r in records]
    local = newsparse.parse_many(texts)
    bag = dask.bag.from_sequence(texts, npartitions=8)
    remote = bag.map_partitions(functools.partial(newsparse.parse_many, n_threads=1)).compute()
    assert len(remote) == len(local) == N_ARTICLES
    assert all(isinstance(a, newsparse.Article) for a in remote)
    assert remote == local
    # Picklable results made the trip back from the worker processes.
    assert [a.to_dict() for a in remote[:20]] == [a.to_dict() for a in local[:20]]


def test_dask_dataframe_map_partitions(client: Client) -> None:
    # The [dask] extra must bring everything dask.dataframe needs (pandas, pyarrow): no skip here.
    import cloudpickle
    import dask.dataframe as dd
    import pandas as pd

    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    records = load_voa(N_ARTICLES)
    frame = pd.DataFrame({"id": [r["id"] for r in records], "text": [r["text"] for r in records]})
    ddf = dd.from_pandas(frame, npartitions=6)
    meta = pd.DataFrame({"id": pd.Series(dtype=object), "json": pd.Series(dtype=object)})
    out = ddf.map_partitions(parse_frame, meta=meta).compute()
    local = newsparse.parse_many(frame["text"].tolist())
    assert out["id"].tolist() == frame["id"].tolist()
    assert [newsparse.Article.from_json(j) for j in out["json"]] == local
