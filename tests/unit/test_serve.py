"""serve: a taken port is found before MkDocs builds the site."""

from __future__ import annotations

import socket

from eme_toolkit.serve import port_problem


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
