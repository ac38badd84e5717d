"""`make serve`: what the dev server does for an editor beyond a build.

- MkDocs builds the whole site before it binds its port, then fails with a traceback if the
  port is taken (another `make serve`, say); checking first costs one bind and says what to do.
- A page that cannot be read (not UTF-8, front matter never closed) fails a build. Under
  `mkdocs serve` a failed rebuild would leave every page waiting, so the page is served as it
  can be read instead, with the problem on top, and the log says so.
"""

from __future__ import annotations

import errno
import socket

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files

log = get_plugin_logger(__name__)


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


def show_unreadable(files: Files, unreadable: dict[str, str]) -> None:
    """Serve each page of `unreadable` (src_uri -> problem) as its bytes read, the problem on
    top, so that links to it and its anchors still resolve."""
    for file in files.documentation_pages():
        problem = unreadable.get(file.src_uri)
        if problem is None or file.abs_src_path is None:
            continue
        with open(file.abs_src_path, "rb") as stream:
            text = stream.read().decode("utf-8", errors="replace")
        notice = f'!!! failure "This page cannot be published"\n\n    {problem}\n\n'
        file.content_string = notice + text.removeprefix("---\n")
        log.info(f"cannot build {problem} (shown on the page until it is fixed)")
