"""`make serve`: say plainly when the address it would serve on is taken.

MkDocs builds the whole site before it binds its port, then fails with a traceback if the port
is taken (another `make serve`, say); checking first costs one bind and says what to do.
"""

from __future__ import annotations

import errno
import socket


def port_problem(host: str, port: int) -> str | None:
    """Why `host:port` cannot be served on, in words, or None when it can."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        # As MkDocs' server binds: a port in TIME_WAIT after a restart is free to use.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                return (
                    f"port {port} on {host} is taken, perhaps by another `make serve`: stop it, "
                    f"or serve on another port: make serve PORT={port + 1}"
                )
            return f"cannot serve on {host}:{port} ({error.strerror})"
    return None
