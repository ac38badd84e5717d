"""Timings of the editors' tools: strict builds, the `mkdocs serve` edit loop, the i18n CLI."""

from __future__ import annotations

import os
import shlex
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path

from benchmarks.corpus import I18N_CLI, ROOT

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


class CommandFailed(RuntimeError):
    pass


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_rss_mib: float
    returncode: int
    output: str


def run_child(args: list[str], cwd: Path = ROOT) -> Run:
    """Run a command; wall time and the peak memory of that child alone (wait4 rusage)."""
    with tempfile.TemporaryFile(mode="w+") as log:
        start = time.perf_counter()
        proc = subprocess.Popen(args, cwd=cwd, env=ENV, stdout=log, stderr=subprocess.STDOUT)
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        except BaseException:
            proc.kill()
            proc.wait()
            raise
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        # Linux reports ru_maxrss in KiB.
        return Run(seconds, usage.ru_maxrss / 1024, proc.returncode, log.read())


def build(config: Path, site: Path) -> Run:
    """One strict build, as `make build` runs it."""
    args = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)]
    run = run_child([*args, "-d", str(site)], cwd=config.parent)
    if run.returncode != 0:
        raise CommandFailed(f"strict build of {config} failed:\n{run.output}")
    return run


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, text: str, timeout: float, poll: float = 0.01) -> float:
    """Poll url until its body contains text; the moment it did (perf_counter)."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        body = fetch(url)
        if body is not None and text in body:
            return time.perf_counter()
        time.sleep(poll)
    raise TimeoutError(f"{url} did not show {text!r} within {timeout:.0f} s")


def make_serve(port: int, languages: str = "") -> tuple[dict[str, str], list[str]]:
    """The command `make serve PORT=… LANGUAGES=…` runs, as its variables and arguments, with
    this Python's mkdocs."""
    variables = [f"PORT={port}", f"LANGUAGES={languages}"]
    recipe = subprocess.run(
        ["make", "--no-print-directory", "-n", "-o", "install", "serve", *variables],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    words = shlex.split(recipe)
    env = {}
    while "=" in words[0]:
        name, _, value = words.pop(0).partition("=")
        env[name] = value
    assert words[0].endswith("/mkdocs"), recipe
    return env, [sys.executable, "-m", "mkdocs", *words[1:]]


def edit_loop(
    config: Path, page: Path, url_path: str, edits: int, languages: str = ""
) -> list[float]:
    """Seconds from saving an edited page to `make serve` (`LANGUAGES=languages`) serving
    the rebuilt page."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/{url_path}"
    env, args = make_serve(port, languages)
    original = page.read_text(encoding="utf-8")
    with tempfile.TemporaryFile(mode="w+") as log:
        server = subprocess.Popen(
            [*args, "-f", str(config)],
            cwd=config.parent,
            env={**ENV, **env},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            first_heading = original.split("\n# ", 1)[1].split(" {", 1)[0].split("\n", 1)[0]
            wait_for(url, first_heading.split()[0], timeout=300, poll=0.2)
            times = []
            for _ in range(edits):
                marker = f"Edited {uuid.uuid4().hex}"
                page.write_text(f"{original}\n{marker}\n", encoding="utf-8")
                saved = time.perf_counter()
                times.append(wait_for(url, marker, timeout=300) - saved)
                time.sleep(1.0)  # let the watcher settle before the next save
            return times
        except TimeoutError as e:
            log.seek(0)
            raise CommandFailed(f"{e}\nmkdocs serve said:\n{log.read()[-3000:]}") from e
        finally:
            page.write_text(original, encoding="utf-8")
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def i18n_cli(config: Path, command: str) -> Run:
    """One run of the project's translation CLI on a corpus."""
    return run_child([*I18N_CLI, command, "--config", str(config)])


def median(values: list[float]) -> float:
    return statistics.median(values)
