"""`make serve` as editors use it: a taken port, a page that cannot be read, the quick mode."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT, copy_project

from benchmarks.measure import make_serve
from eme_toolkit import internals


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


def menu(html: str) -> list[str]:
    """The titles a page's menus show."""
    return re.findall(r'<span class="md-ellipsis">\s*([^<]*?)\s*</span>', html)


def save(page: Path, text: str) -> None:
    """Save as an editor does: a new modification time, even within the same clock tick."""
    page.write_text(text, encoding="utf-8")
    stat = page.stat()
    os.utime(page, ns=(stat.st_atime_ns, max(stat.st_mtime_ns, time.time_ns()) + 10**6))


def test_quick_serve_shows_each_saved_page_as_a_whole_build_would(tmp_path: Path) -> None:
    """`make serve LANGUAGES=fi` rebuilds only what a save changed, in English and Finnish."""
    project = copy_project(tmp_path)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    # Finnish in progress without its practice page, which /fi/ then shows in English; the
    # about page's menu title comes from the page itself.
    for old, new in (
        ("        fi: complete", "        fi: in progress"),
        ("About: about.md", "about.md"),
    ):
        assert old in text
        text = text.replace(old, new)
    config.write_text(text, encoding="utf-8")
    (project / "docs" / "fi" / "peer-groups.md").unlink()
    docs = project / "docs"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env, command = make_serve(port, "fi")
    assert "--dirty" in command and env == {"EME_BUILD_ONLY": "fi"}
    url = f"http://127.0.0.1:{port}/"
    log = tmp_path / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            command,
            cwd=project,
            stdout=output,
            stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        )
    try:
        wait_until(lambda: "EME" in body(url + "fi/about/"), "the first build")
        assert "Tietoa työkalupakista" in menu(body(url + "fi/"))

        # A Finnish page: its menu still lists the pages the rebuild did not read, by title.
        home = docs / "fi" / "index.md"
        save(home, home.read_text(encoding="utf-8") + "\nMuokattu ensin.\n")
        wait_until(lambda: "Muokattu ensin." in body(url + "fi/"), "the Finnish edit")
        assert "Tietoa työkalupakista" in menu(body(url + "fi/"))

        # An English page, and the English page /fi/ shows in its place.
        practice = docs / "en" / "peer-groups.md"
        save(practice, practice.read_text(encoding="utf-8") + "\nEdited in English.\n")
        wait_until(lambda: "Edited in English." in body(url + "peer-groups/"), "the edit")
        wait_until(lambda: "Edited in English." in body(url + "fi/peer-groups/"), "its copy")

        # An English section changed: its Finnish translation says it is outdated.
        outdated = "Käännös on vanhentunut"
        assert outdated not in body(url + "fi/about/")
        about = docs / "en" / "about.md"
        english = about.read_text(encoding="utf-8")
        assert "EU project" in english
        save(about, english.replace("EU project", "European Union project", 1))
        wait_until(lambda: "European Union project" in body(url + "about/"), "the English edit")
        wait_until(lambda: outdated in body(url + "fi/about/"), "the outdated notice")

        # Search keeps each language's whole index, with its own settings.
        settings = json.loads(body(url + "search/search_index.json"))
        assert settings["config"]["lang"] == ["en"] and settings["docs"] == []
        for folder, lang in (("", "en"), ("fi/", "fi")):
            index = json.loads(body(f"{url}{folder}search/search_index.full.json"))
            assert index["config"]["lang"] == [lang]
            assert {"", "about/", "peer-groups/"} <= {d["location"] for d in index["docs"]}

        # The pages that list the whole site are kept as the first build wrote them.
        assert "Sivua ei löytynyt" in body(url + "404.html")
        assert f"{url}fi/about/" in body(url + "sitemap.xml")

        # A warning in the saved page is shown, and strict mode refuses the build; the next
        # build is whole.
        finnish = docs / "fi" / "about.md"
        original = finnish.read_text(encoding="utf-8")
        save(finnish, original + "\n[Rikki](ei-ole.md)\n")
        problem = "'fi/about.md' contains a link 'ei-ole.md'"
        wait_until(lambda: problem in log.read_text(encoding="utf-8"), "the warning")
        save(finnish, original + "\nKorjattu.\n")
        wait_until(lambda: "Korjattu." in body(url + "fi/about/"), "the fixed page")
        assert "ei-ole" not in body(url + "fi/about/")
        output = log.read_text(encoding="utf-8")
        assert "Traceback" not in output and internals.DIRTY_WARNING not in output
    finally:
        server.terminate()
        server.wait(timeout=10)
