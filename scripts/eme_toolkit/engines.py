"""The site built by each engine the project supports, compared file by file.

MkDocs 1.6 builds the site; ProperDocs, the maintained fork of MkDocs 1.x, must build the very
same bytes from the same sources. `python -m eme_toolkit.engines` (`make compare-engines`, the
engines job in CI) builds the site strictly with both, in the same environment and with the
same build date, and exits 1 listing each file that differs, with a short diff. A ProperDocs
process redirects every `mkdocs` import to its own modules, so both engines, the plugins and
the theme can share one environment.
"""

from __future__ import annotations

import argparse
import difflib
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ENGINES = ("mkdocs", "properdocs")
CONTEXT = 60  # characters shown on each side of a line's first difference
DIFF_LINES = 12  # the most lines of diff shown for one file


class BuildFailed(Exception):
    def __init__(self, engine: str, output: str) -> None:
        super().__init__(f"{engine} build --strict failed:\n{output}")


def build(engine: str, config: Path, site_dir: Path, epoch: str) -> None:
    """A strict build of the whole site (every language) into `site_dir`."""
    env = {
        **os.environ,
        # Sitemaps carry the build date: the same one for both engines.
        "SOURCE_DATE_EPOCH": epoch,
        "EME_BUILD_ONLY": "",
        "NO_MKDOCS_2_WARNING": "1",
        "DISABLE_MKDOCS_2_WARNING": "true",
    }
    command = [sys.executable, "-m", engine, "build", "--strict"]
    result = subprocess.run(
        [*command, "-f", str(config), "-d", str(site_dir)],
        cwd=config.parent,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise BuildFailed(engine, result.stdout + result.stderr)


def files(root: Path) -> set[str]:
    return {path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file()}


def clip(line: str, at: int) -> str:
    """The part of a line around column `at`, for lines such as a minified index's one."""
    start = max(0, at - CONTEXT)
    text = line[start : at + CONTEXT]
    return ("…" if start else "") + text + ("…" if at + CONTEXT < len(line) else "")


def text_diff(name: str, first: str, second: str, a: str, b: str) -> list[str]:
    """Where two texts first differ (line and column, with what each holds there), then their
    unified diff without context, each line cut down around its first difference."""
    lines_a, lines_b = first.splitlines(), second.splitlines()
    number = next(
        (n for n, (x, y) in enumerate(zip(lines_a, lines_b, strict=False)) if x != y),
        min(len(lines_a), len(lines_b)),
    )
    line_a = lines_a[number] if number < len(lines_a) else ""
    line_b = lines_b[number] if number < len(lines_b) else ""
    column = next(
        (i for i, (x, y) in enumerate(zip(line_a, line_b, strict=False)) if x != y),
        min(len(line_a), len(line_b)),
    )
    shown = [
        f"{name}: differs from line {number + 1}, column {column + 1}",
        f"  {a}: {clip(line_a, column)!r}",
        f"  {b}: {clip(line_b, column)!r}",
    ]
    diff = list(
        difflib.unified_diff(lines_a, lines_b, f"{a}/{name}", f"{b}/{name}", n=0, lineterm="")
    )
    for line in diff[:DIFF_LINES]:
        shown.append("    " + (clip(line, column + 1) if len(line) > 2 * CONTEXT else line))
    if len(diff) > DIFF_LINES:
        shown.append(f"    … {len(diff) - DIFF_LINES} more lines of diff")
    return shown


@dataclass
class Comparison:
    first: Path
    second: Path
    a: str = ENGINES[0]
    b: str = ENGINES[1]

    def differences(self) -> Iterator[list[str]]:
        """Each difference between the two trees: a file in one only, or its bytes."""
        in_a, in_b = files(self.first), files(self.second)
        for name in sorted(in_a - in_b):
            yield [f"{name}: only in the {self.a} build"]
        for name in sorted(in_b - in_a):
            yield [f"{name}: only in the {self.b} build"]
        for name in sorted(in_a & in_b):
            data_a = (self.first / name).read_bytes()
            data_b = (self.second / name).read_bytes()
            if data_a == data_b:
                continue
            try:
                texts = data_a.decode("utf-8"), data_b.decode("utf-8")
            except UnicodeDecodeError:
                yield [f"{name}: the bytes differ ({len(data_a)} and {len(data_b)} bytes)"]
                continue
            yield text_diff(name, *texts, self.a, self.b)


def compare_engines(config: Path, into: Path) -> tuple[int, list[list[str]]]:
    """Build the site with each engine into `into/<engine>`; the number of files of the
    MkDocs build and every difference."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH") or str(int(time.time()))
    for engine in ENGINES:
        build(engine, config, into / engine, epoch)
    comparison = Comparison(into / ENGINES[0], into / ENGINES[1])
    return len(files(comparison.first)), list(comparison.differences())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m eme_toolkit.engines",
        description="Build the site with MkDocs and with ProperDocs; fail if they differ.",
    )
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--keep", type=Path, help="build into this folder and keep the builds")
    args = parser.parse_args(argv)
    config = args.config.resolve()
    with tempfile.TemporaryDirectory(prefix="engines-") as temporary:
        into = args.keep.resolve() if args.keep else Path(temporary)
        try:
            count, differences = compare_engines(config, into)
        except BuildFailed as failed:
            print(failed, file=sys.stderr)
            return 2
    if not differences:
        print(f"{' and '.join(ENGINES)} built the same {count} files, byte for byte")
        return 0
    for lines in differences:
        print("\n".join(lines))
    print(f"{len(differences)} of {count} files differ between {' and '.join(ENGINES)}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
