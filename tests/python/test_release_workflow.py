"""The release workflow (.github/workflows/release.yml) builds what the docs promise: manylinux2014
wheels for Linux x86_64 and aarch64, macOS and Windows wheels and the sdist, each wheel tested before
anything is published. It cannot run here; this checks its content."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import ROOT

yaml = pytest.importorskip("yaml")
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
PYPROJECT = ROOT / "pyproject.toml"


def load() -> dict[str, Any]:
    if not WORKFLOW.exists():
        pytest.skip("not run from a checkout")
    data: dict[str, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return data


def targets(job: dict[str, Any]) -> list[str]:
    return [p["target"] for p in job["strategy"]["matrix"]["platform"]]


def step_names(job: dict[str, Any]) -> list[str]:
    return [s.get("name", s.get("uses", "")) for s in job["steps"]]


def test_platforms_and_the_sdist() -> None:
    jobs = load()["jobs"]
    assert targets(jobs["linux"]) == ["x86_64", "aarch64"]
    assert set(targets(jobs["macos"])) == {"x86_64", "aarch64"}
    assert targets(jobs["windows"]) == ["x64"]
    sdist = next(s for s in jobs["sdist"]["steps"] if s.get("name") == "Build sdist")
    assert sdist["with"]["command"] == "sdist"
    assert set(jobs["release"]["needs"]) == {"linux", "macos", "windows", "sdist"}


def test_linux_wheels_are_manylinux2014() -> None:
    build = next(s for s in load()["jobs"]["linux"]["steps"] if s.get("name") == "Build wheels")
    assert str(build["with"]["manylinux"]) == "2014"
    assert "--release" in build["with"]["args"]


def test_every_wheel_is_tested_before_upload() -> None:
    jobs = load()["jobs"]
    for name in ("linux", "macos", "windows"):
        steps = step_names(jobs[name])
        test = next(i for i, s in enumerate(steps) if s.startswith("pytest"))
        assert steps.index("Build wheels") < test < steps.index("Upload wheels"), name
        run = jobs[name]["steps"][test]["run"]
        assert "NEWSPARSE_TEST_WHEEL=1 pytest" in run and "--find-links dist" in run, name


def test_publishing_only_on_tags_without_a_stored_token() -> None:
    release = load()["jobs"]["release"]
    assert release["if"] == "${{ startsWith(github.ref, 'refs/tags/') }}"
    assert release["permissions"]["id-token"] == "write"
    assert "secrets." not in WORKFLOW.read_text(encoding="utf-8")


def test_wheels_are_stripped() -> None:
    text = PYPROJECT.read_text(encoding="utf-8")
    section = text[text.index("[tool.maturin]") :]
    section = section[: section.index("\n[", 1)]
    assert "strip = true" in section
