"""`make serve` (mkdocs serve with our plugin) on a port that is taken says so and what to do."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

from conftest import ROOT


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
