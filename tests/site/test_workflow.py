"""The GitHub Actions workflows are schema-valid, pass zizmor, and pin every action."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT

WORKFLOW_DIR = ROOT / ".github" / "workflows"
WORKFLOWS = sorted(WORKFLOW_DIR.glob("*.yml"))
# The linters come from the dev extra of the same environment that runs pytest.
BIN = Path(sys.executable).parent

# A tag or branch can be moved to other code; only a full commit SHA fixes what runs. The
# trailing version comment keeps the pin readable and lets Dependabot update it.
USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>\S+)(?P<comment>.*)$")
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
VERSION_COMMENT = re.compile(r"^\s+#\s*v\d+(\.\d+)*\s*$")


def run_tool(name: str, *args: str) -> subprocess.CompletedProcess[str]:
    exe = BIN / name
    assert exe.is_file(), f"{exe} missing: run `make install`"
    return subprocess.run([str(exe), *args], cwd=ROOT, capture_output=True, text=True, check=False)


def load(path: Path) -> dict[str, Any]:
    # BaseLoader keeps every scalar a string, so `on:` stays a key rather than turning into True.
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert isinstance(data, dict), f"{path.name}: not a mapping"
    return data


def all_uses(node: Any) -> list[str]:
    """Every `uses:` value anywhere in a parsed workflow."""
    if isinstance(node, dict):
        found = [node["uses"]] if isinstance(node.get("uses"), str) else []
        return found + [ref for value in node.values() for ref in all_uses(value)]
    if isinstance(node, list):
        return [ref for item in node for ref in all_uses(item)]
    return []


def test_workflows_exist() -> None:
    assert WORKFLOW_DIR / "pages.yml" in WORKFLOWS


def test_workflows_match_schema() -> None:
    result = run_tool(
        "check-jsonschema",
        "--builtin-schema",
        "vendor.github-workflows",
        *(str(path) for path in WORKFLOWS),
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_has_no_findings() -> None:
    result = run_tool("zizmor", "--offline", "--format", "json", str(WORKFLOW_DIR))
    assert result.returncode == 0, result.stdout + result.stderr
    findings = json.loads(result.stdout)
    assert findings == [], json.dumps(findings, indent=2)


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_actions_pinned_to_commit_with_version_comment(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    matches = [(n, m) for n, line in enumerate(lines, 1) if (m := USES_LINE.match(line))]
    assert matches, f"{path.name} uses no actions"
    # The line scan is what sees the comments; comparing with the parsed YAML makes sure it
    # did not miss a `uses:` written in some other form (quoted, flow style, ...).
    assert sorted(m["ref"] for _, m in matches) == sorted(all_uses(load(path)))
    for n, m in matches:
        if m["ref"].startswith("./"):
            continue  # a local action is pinned by this repository's own commit
        where = f"{path.name}:{n}: {m['ref']}"
        assert PINNED.match(m["ref"]), f"{where} is not pinned to a full commit SHA"
        assert VERSION_COMMENT.match(m["comment"]), f"{where} lacks a `# vX.Y.Z` comment"


def test_pages_permissions() -> None:
    workflow = load(WORKFLOW_DIR / "pages.yml")
    # Read-only by default, so a job added later cannot write anything unless it says so.
    assert workflow["permissions"] == {"contents": "read"}
    deploy_jobs = [
        job
        for job in workflow["jobs"].values()
        if any(ref.startswith("actions/deploy-pages@") for ref in all_uses(job))
    ]
    assert len(deploy_jobs) == 1, "expected exactly one job running actions/deploy-pages"
    deploy = deploy_jobs[0]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"


PUBLISHING = ("actions/configure-pages@", "actions/upload-pages-artifact@", "actions/deploy-pages@")


def publishing_and_test_jobs(workflow: dict[str, Any]) -> tuple[set[str], set[str]]:
    """The jobs that publish to GitHub Pages, and the others: the test jobs."""
    jobs = workflow["jobs"]
    publishing = {
        name for name, job in jobs.items() if any(r.startswith(PUBLISHING) for r in all_uses(job))
    }
    return publishing, set(jobs) - publishing


def needs(job: dict[str, Any]) -> set[str]:
    value = job.get("needs", [])
    return {value} if isinstance(value, str) else set(value)


def runs(job: dict[str, Any]) -> list[str]:
    return [step.get("run", "") for step in job["steps"]]


def test_pull_requests_check_translations_without_deploying() -> None:
    workflow = load(WORKFLOW_DIR / "pages.yml")
    test_job = workflow["jobs"]["test"]
    assert "make check FORMAT=github" in runs(test_job), runs(test_job)
    # The same check covers po/: a translation tool's push is checked like an edit by hand, so
    # the step must fail the job, whatever came before it.
    check_step = next(s for s in test_job["steps"] if s.get("run") == "make check FORMAT=github")
    assert "po/" in check_step.get("name", "") or "tools" in check_step.get("name", "")
    assert not check_step.get("continue-on-error") and "if" not in check_step
    assert any(
        '>> "$GITHUB_STEP_SUMMARY"' in run and "FORMAT=markdown" in run for run in runs(test_job)
    )
    publishing, tests = publishing_and_test_jobs(workflow)
    assert publishing == {"build-pages", "deploy"} and "test" in tests
    for name in tests:
        assert "if" not in workflow["jobs"][name], f"{name} must run for every pull request"
    for name in publishing:
        job = workflow["jobs"][name]
        # Publishing jobs run for main only, never for a pull request: kept from one by their
        # condition, or by needing a publishing job that is.
        assert "github.event_name != 'pull_request'" in job.get("if", "") or (
            needs(job) and needs(job) <= publishing
        ), name
    assert "github.event_name != 'pull_request'" in workflow["jobs"]["build-pages"]["if"]
    assert all(int(job["timeout-minutes"]) <= 30 for job in workflow["jobs"].values())


def test_the_pages_build_waits_for_every_test_job() -> None:
    workflow = load(WORKFLOW_DIR / "pages.yml")
    _, tests = publishing_and_test_jobs(workflow)
    assert needs(workflow["jobs"]["build-pages"]) == tests
    assert needs(workflow["jobs"]["deploy"]) == {"build-pages"}


def recipe(target: str) -> str:
    """The commands of a Makefile target."""
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    found = re.search(rf"^{re.escape(target)}:.*\n((?:\t.*\n)+)", text, re.MULTILINE)
    assert found, f"no target {target} in the Makefile"
    return found.group(1)


def test_ci_runs_every_test_in_parallel_jobs_the_browser_tests_in_shares() -> None:
    jobs = load(WORKFLOW_DIR / "pages.yml")["jobs"]
    # make test-fast runs every test but the browser tests; the shares, the browser tests.
    assert "make test-fast" in runs(jobs["test"])
    assert '-m "not browser"' in recipe("test-fast")
    assert "-m browser" in recipe("test-browser") and "--shard=$(SHARD)" in recipe("test-browser")
    sharded = [job for job in jobs.values() if 'make test-browser SHARD="$SHARD"' in runs(job)]
    assert len(sharded) == 1
    shards = sharded[0]["strategy"]["matrix"]["shard"]
    count = len(shards)
    assert count >= 2 and shards == [f"{k}/{count}" for k in range(1, count + 1)], shards
    step = next(s for s in sharded[0]["steps"] if s.get("run", "").startswith("make test-browser"))
    assert step["env"]["SHARD"] == "${{ matrix.shard }}"
    assert "make compare-engines" in runs(jobs["engines"])


def test_configure_pages_is_at_v6() -> None:
    refs = all_uses(load(WORKFLOW_DIR / "pages.yml"))
    assert "actions/configure-pages@45bfe0192ca1faeb007ade9deae92b16b8254a0d" in refs


def test_dependabot_keeps_actions_python_and_npm_fresh() -> None:
    path = ROOT / ".github" / "dependabot.yml"
    result = run_tool("check-jsonschema", "--builtin-schema", "vendor.dependabot", str(path))
    assert result.returncode == 0, result.stdout + result.stderr
    ecosystems = {update["package-ecosystem"] for update in load(path)["updates"]}
    assert ecosystems == {"github-actions", "pip", "npm"}
