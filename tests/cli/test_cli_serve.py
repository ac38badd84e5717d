"""`make serve` (mkdocs serve with our plugin) on a port that is taken says so and what to do."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT, copy_project


def test_a_taken_port_is_named_with_the_fix() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        address = f"127.0.0.1:{port}"
        serve = ["serve", "--strict", "--dev-addr", address, "-f", str(ROOT / "mkdocs.yml")]
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", *serve],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr
    assert (
        f"port {port} on 127.0.0.1 is taken, perhaps by another `make serve`: stop it, or "
        f"serve on another port: make serve PORT={port + 1}"
    ) in result.stderr, result.stderr


def wait_until(check: Callable[[], bool], what: str, seconds: float = 60) -> None:
    """Poll `check` until it holds; fail naming `what` after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    pytest.fail(f"waited {seconds:.0f} s for {what}")


def body(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def test_a_page_saved_in_latin1_is_shown_with_its_problem_and_the_server_goes_on(
    tmp_path: Path,
) -> None:
    project = copy_project(tmp_path)
    page = project / "docs" / "fi" / "about.md"
    text = page.read_text(encoding="utf-8")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/"
    log = tmp_path / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--strict", "-a", f"127.0.0.1:{port}"],
            cwd=project,
            stdout=output,
            stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
    try:
        wait_until(lambda: "EME" in body(url + "fi/about/"), "the first build")
        page.write_bytes(text.encode("latin-1", errors="replace"))
        problem = "docs/fi/about.md:1: the file is not UTF-8 text: save it as UTF-8"
        wait_until(lambda: problem in body(url + "fi/about/"), "the page to show its problem")
        assert f"cannot build {problem}" in log.read_text(encoding="utf-8")
        assert "Traceback" not in log.read_text(encoding="utf-8")
        assert "EME" in body(url + "fi/")  # the rest of the site is served as it was
        page.write_text(text, encoding="utf-8")
        wait_until(lambda: "cannot be published" not in body(url + "fi/about/"), "the fix")
    finally:
        server.terminate()
        server.wait(timeout=10)
