"""serve: a taken port is found before MkDocs builds the site; what a quick rebuild does."""

from __future__ import annotations

import os
import socket
import time
from pathlib import Path
from types import SimpleNamespace

from eme_toolkit.serve import CLOCK_TICK, QuickRebuilds, port_problem


def test_a_free_port_has_no_problem() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert port_problem("127.0.0.1", port) is None


def test_a_listening_port_is_taken_and_the_next_one_suggested() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        problem = port_problem("127.0.0.1", port)
    assert problem is not None
    assert problem.startswith(f"port {port} on 127.0.0.1 is taken")
    assert problem.endswith(f"make serve PORT={port + 1}")


def quick_site(tmp_path: Path) -> SimpleNamespace:
    """What QuickRebuilds reads of a config: a docs folder, a built site, mkdocs.yml."""
    (tmp_path / "docs" / "fi").mkdir(parents=True)
    for path in ("docs/fi/index.md", "docs/fi/strings.yml", "mkdocs.yml"):
        (tmp_path / path).write_text("x\n", encoding="utf-8")
        os.utime(tmp_path / path, (time.time() - 60, time.time() - 60))
    (tmp_path / "site").mkdir()
    return SimpleNamespace(
        docs_dir=str(tmp_path / "docs"),
        site_dir=str(tmp_path / "site"),
        config_file_path=str(tmp_path / "mkdocs.yml"),
    )


def save(path: Path) -> None:
    """Modified now, to the nanosecond (the file system's own clock may be coarser); the
    build it starts begins later, as MkDocs waits for more saves first."""
    now = time.time_ns()
    os.utime(path, ns=(now, now))
    time.sleep(CLOCK_TICK)


def test_quick_rebuilds_are_partial_only_when_only_pages_changed(tmp_path: Path) -> None:
    config = quick_site(tmp_path)
    built = tmp_path / "site" / "fi" / "index.html"
    quick = QuickRebuilds()

    def build() -> bool:
        quick.start(config)  # type: ignore[arg-type]
        partial = quick.partial
        built.parent.mkdir(exist_ok=True)
        built.write_text("built\n", encoding="utf-8")
        quick.finish()
        return partial

    assert not build()  # the first build is whole
    save(tmp_path / "docs" / "fi" / "index.md")  # after the build started
    quick.start(config)  # type: ignore[arg-type]
    assert quick.partial and built.is_file()  # MkDocs rebuilds the saved page alone
    quick.finish()
    # An editor's swap file, an image (which MkDocs copies again itself): still partial.
    for other in (".index.md.swp", "photo.png"):
        (tmp_path / "docs" / "fi" / other).write_bytes(b"x")
        assert build(), other
    for changed in ("docs/fi/strings.yml", "mkdocs.yml"):
        save(tmp_path / changed)
        quick.start(config)  # type: ignore[arg-type]
        assert not quick.partial, changed
        assert not any((tmp_path / "site").iterdir())  # emptied: every page is built again
        quick.finish()
    assert build()
    (tmp_path / "docs" / "fi" / "new.md").write_text("# New\n", encoding="utf-8")
    assert not build()  # a new page: the other pages' menus list it
    (tmp_path / "docs" / "fi" / "new.md").unlink()
    assert not build()  # a page removed
    quick.start(config)  # type: ignore[arg-type]
    assert quick.partial
    quick.fail()
    assert not build()  # after a failed build
    assert build()
