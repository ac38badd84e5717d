"""Where the browser tests, the benchmark, make and CI find Chromium: one answer for all.

A system Chromium or Chrome ($CHROMIUM first); without one, Playwright's own build, which
`make browser` downloads once (`python -m playwright install chromium`). Run as
`python -m eme_toolkit.chromium`, it prints the browser's path, or exits 1 when there is none.
"""

from __future__ import annotations

import os
import shutil
import sys

NAMES = ("chromium", "chromium-browser", "google-chrome")
# The machine running the tests may have no network: keep Chromium from reaching out.
ARGS = (
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def find() -> str | None:
    """The system browser's path; None lets Playwright use its own build."""
    if os.environ.get("CHROMIUM"):
        return os.environ["CHROMIUM"]
    return next((path for name in NAMES if (path := shutil.which(name))), None)


def launch_args() -> list[str]:
    """ARGS, and no sandbox when running as root (CI containers), where Chromium needs it."""
    root = hasattr(os, "geteuid") and os.geteuid() == 0
    return [*ARGS, "--no-sandbox"] if root else [*ARGS]


if __name__ == "__main__":
    path = find()
    if path is None:
        sys.exit(1)
    print(path)
