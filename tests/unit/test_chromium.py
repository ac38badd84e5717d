"""chromium: one answer to where Chromium is, and how to launch it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from eme_toolkit.chromium import ARGS, find, launch_args


def fake_browser(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_text("#!/bin/sh\n", encoding="utf-8")
    path.chmod(0o755)
    return path


def test_find_honours_the_chromium_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHROMIUM", "/opt/my/chrome")
    assert find() == "/opt/my/chrome"


def test_find_returns_none_when_nothing_is_on_the_path(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("CHROMIUM", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert find() is None


def test_find_takes_the_first_known_name_on_the_path(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CHROMIUM", "")
    monkeypatch.setenv("PATH", str(tmp_path))
    fake_browser(tmp_path, "google-chrome")
    chromium_browser = fake_browser(tmp_path, "chromium-browser")
    assert find() == str(chromium_browser)


def test_launch_args_add_no_sandbox_only_for_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "geteuid", lambda: 0)
    assert launch_args() == [*ARGS, "--no-sandbox"]
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    assert launch_args() == list(ARGS)
    assert "--no-first-run" in ARGS
