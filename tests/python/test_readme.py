"""The Python code in README.md runs as written."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT

README = ROOT / "README.md"


def test_readme_python_blocks_run() -> None:
    pytest.importorskip("pandas")
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert len(blocks) >= 2
    namespace: dict[str, object] = {"__name__": "readme"}
    for block in blocks:
        if "distributed" in block:
            pytest.importorskip("distributed")
        exec(compile(block, str(README), "exec"), namespace)
    assert namespace["article"].title == "Ceasefire talks stall"  # type: ignore[attr-defined]
