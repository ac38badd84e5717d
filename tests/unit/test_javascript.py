"""The search worker's JavaScript unit tests (tests/unit/js/*.test.mjs), run by Node's own
test runner here, so that every pytest run runs them: the worker's files with Material's own
worker and lunr, in Node, without a browser."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

from conftest import ROOT

from eme_toolkit.internals import MATERIAL

JS_TESTS = ROOT / "tests" / "unit" / "js"


def test_the_search_workers_javascript_unit_tests_pass() -> None:
    node = shutil.which("node")
    assert node, "Node.js is needed (it installs axe-core and Lighthouse: npm ci)"
    # The files by name: Node 20 searches a folder for tests, newer versions take globs.
    files = sorted(str(path) for path in JS_TESTS.glob("*.test.mjs"))
    assert files, f"no *.test.mjs in {JS_TESTS}"
    result = subprocess.run(
        [node, "--test", "--test-reporter=tap", *files],
        cwd=ROOT,
        env={**os.environ, "MATERIAL_TEMPLATES": str(MATERIAL)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    passed = re.search(r"^# pass (\d+)$", result.stdout, re.MULTILINE)
    assert passed and int(passed.group(1)) >= len(files), output
    assert re.search(r"^# fail 0$", result.stdout, re.MULTILINE), output
