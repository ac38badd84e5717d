"""--shard=K/N (tests/conftest.py): CI's browser jobs each run one share of the tests."""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys

import pytest
from conftest import ROOT, parse_shard, shard

IDS = [
    *(f"tests/browser/test_a.py::test_wcag[{lang}-{page}]" for lang in "xyz" for page in "abcd"),
    *(f"tests/browser/test_b.py::test_lighthouse[{n}]" for n in range(7)),
    "tests/browser/test_b.py::test_once",
]


def test_k_of_n_is_read_and_anything_else_refused() -> None:
    assert parse_shard("1/2") == (1, 2)
    assert parse_shard("3/3") == (3, 3)
    for wrong in ("0/2", "3/2", "1/0", "2", "a/b", "1/2/3", "-1/2", ""):
        with pytest.raises(argparse.ArgumentTypeError):
            parse_shard(wrong)


@pytest.mark.parametrize("n", [1, 2, 3, 5])
def test_the_shares_hold_every_test_once_and_as_many_as_each_other(n: int) -> None:
    shares = [shard(IDS, k, n) for k in range(1, n + 1)]
    assert sorted(id for share in shares for id in share) == sorted(IDS)
    sizes = [len(share) for share in shares]
    assert max(sizes) - min(sizes) <= 1, sizes


def test_each_tests_parameters_are_spread_over_the_shares() -> None:
    for k in (1, 2):
        lighthouse = [id for id in shard(IDS, k, 2) if "test_lighthouse[" in id]
        assert len(lighthouse) in (3, 4), lighthouse


def test_the_shares_do_not_depend_on_the_order_of_collection() -> None:
    shuffled = random.Random(1).sample(IDS, len(IDS))
    assert shuffled != IDS
    assert all(shard(shuffled, k, 3) == shard(IDS, k, 3) for k in (1, 2, 3))


def collected(*args: str) -> tuple[set[str], str]:
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return {line for line in result.stdout.splitlines() if "::" in line}, result.stdout


def test_pytest_runs_one_share_and_reports_the_others_deselected() -> None:
    target = "tests/unit/test_yamlfile.py"
    everything, _ = collected(target)
    first, summary = collected(target, "--shard=1/2")
    second, _ = collected(target, "--shard=2/2")
    assert first and second and not first & second
    assert first | second == everything
    assert re.search(
        rf"{len(first)}/{len(everything)} tests collected \({len(second)} deselected\)", summary
    )


def test_a_share_is_dealt_from_the_tests_that_k_selected() -> None:
    target = "tests/unit/test_shard.py"
    parametrized, _ = collected(target, "-k", "as_many_as_each_other")
    assert len(parametrized) == 4
    first, _ = collected(target, "-k", "as_many_as_each_other", "--shard=1/2")
    assert len(first) == 2
