"""The Python code in docs/python.md and the notebook example run as written."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import BENCH, ROOT

DOC = ROOT / "docs" / "python.md"


def blocks() -> list[str]:
    found = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    return [b for b in found if not b.lstrip().startswith("# not run")]


def test_docs_examples_run(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pandas")
    code = blocks()
    assert len(code) >= 4
    namespace: dict[str, object] = {"__name__": "docs_python_md"}
    for block in code:
        if "distributed" in block:
            pytest.importorskip("distributed")
        if "dask.dataframe" in block:
            pytest.importorskip("dask.dataframe")
        exec(compile(block, str(DOC), "exec"), namespace)
    out = capsys.readouterr().out
    assert "Article(title='Talks stall in Cairo'" in out
    assert "doc-1 Rain" in out


def test_notebook_example_runs() -> None:
    pytest.importorskip("pandas")
    r = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "notebook.py"), "40"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr
    n = 41 if BENCH.exists() else 1
    assert f"parsed {n} articles" in r.stdout
    assert "statements:" in r.stdout and "statistics:" in r.stdout
    assert ("top speakers:" in r.stdout) or ("no statements found" in r.stdout)
    assert ("casualties reported" in r.stdout) or ("no casualty counts found" in r.stdout)
