"""One truth for paths: the pages are written where MkDocs reads them, from any directory;
a path that cannot be used stops the command with one line (exit 2), never a traceback."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import HANDBOOK, scratch_project


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A scratch project with its own copy of the fixture content."""
    root = scratch_project(tmp_path / "project")
    shutil.copytree(HANDBOOK, root / "content")
    return root


def _retitle(content: Path, old: str, new: str) -> None:
    roadmap = content / "roadmaps" / "solo.yaml"
    roadmap.write_text(roadmap.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def _week(site: Path) -> str:
    return (site / "fixture-solo" / "week-01" / "index.html").read_text(encoding="utf-8")


def test_a_build_from_another_directory_publishes_the_current_content(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = ["--content", str(project / "content"), "--config", str(project / "mkdocs.yml")]
    assert main(["build", "--no-offline", *args]) == 0
    assert "Week 1 · Setup" in _week(project / "site")

    _retitle(project / "content", "title: Setup", "title: Tools first")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert main(["build", "--no-offline", *args]) == 0
    assert "Week 1 · Tools first" in _week(project / "site")  # not yesterday's page
    assert not (elsewhere / "build").exists() and not (elsewhere / "site").exists()


def test_docs_elsewhere_is_where_mkdocs_reads(project: Path, tmp_path: Path) -> None:
    args = ["--content", str(project / "content"), "--config", str(project / "mkdocs.yml")]
    assert main(["build", "--no-offline", *args]) == 0  # the configured build/docs
    _retitle(project / "content", "title: Setup", "title: Tools first")
    docs = tmp_path / "other-docs"
    assert main(["build", "--no-offline", *args, "--docs", str(docs)]) == 0
    assert (docs / "fixture-solo" / "week-01.md").is_file()
    assert "Week 1 · Tools first" in _week(project / "site")


def test_relative_paths_are_relative_to_the_working_directory(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    assert main(["build", "--no-offline", "--docs", "pages", "--site-dir", "public"]) == 0
    assert (project / "pages" / "fixture-solo" / "week-01.md").is_file()
    assert "Week 1 · Setup" in _week(project / "public")


@pytest.mark.parametrize("option", ["--docs", "--site-dir"])
def test_an_output_path_that_is_a_file_is_refused(
    project: Path, option: str, capsys: pytest.CaptureFixture[str]
) -> None:
    taken = project / "taken"
    taken.write_text("not a folder\n", encoding="utf-8")
    args = ["build", "--content", str(project / "content"), "--config", str(project / "mkdocs.yml")]
    assert main([*args, option, str(taken)]) == 2
    err = capsys.readouterr().err.strip()
    assert err == f"{option} {taken}: is a file, not a folder"
    assert not (project / "build" / "docs" / "fixture-solo").exists()  # nothing rendered


def test_an_unwritable_folder_is_refused_as_any_user(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the kernel would refuse an ordinary user, simulated so the test also runs as root."""
    real_access = os.access

    def no_write(path: object, mode: int, **kwargs: object) -> bool:
        if str(path).endswith("locked") and mode & os.W_OK:
            return False
        return real_access(path, mode)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", no_write)
    locked = project / "locked"
    locked.mkdir()
    args = ["build", "--content", str(project / "content"), "--config", str(project / "mkdocs.yml")]
    assert main([*args, "--site-dir", str(locked)]) == 2
    assert capsys.readouterr().err.strip() == f"--site-dir {locked}: the folder is not writable"


def test_a_missing_configuration_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.yml"
    assert main(["render", "--content", str(HANDBOOK), "--config", str(missing)]) == 2
    assert capsys.readouterr().err.strip() == (
        f"{missing}: no such configuration file (give one with --config)"
    )


def test_a_broken_configuration_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: [unclosed\n", encoding="utf-8")
    assert main(["render", "--content", str(HANDBOOK), "--config", str(config)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{config}: cannot read the configuration")
    assert "Traceback" not in err


@pytest.mark.parametrize("command", ["serve", "build"])
def test_zensical_refuses_folders_outside_the_project(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    """Zensical reads and writes only inside the configuration's folder: another ``--docs``
    is refused in one line before anything is rendered (MkDocs takes any folder)."""
    args = [command, "--builder", "zensical", "--content", str(project / "content")]
    args += ["--config", str(project / "mkdocs.yml"), "--docs", str(tmp_path / "elsewhere")]
    assert main(args) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "Zensical reads and writes only inside" in err[0]
    assert not list((tmp_path / "elsewhere").rglob("*.md"))  # refused before rendering


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


@pytest.mark.parametrize("option", ["--docs", "--site-dir"])
@pytest.mark.parametrize("folder", ["content", "overrides", "."])
def test_a_folder_of_someone_elses_files_is_never_emptied(
    project: Path, option: str, folder: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The render deletes what it did not generate and MkDocs empties the site folder, so
    ``--site-dir content`` or ``--docs .`` by mistake would delete the roadmaps: refused,
    with every file where it was."""
    target = (project / folder).resolve()
    before = _tree(target)
    args = ["--content", str(project / "content"), "--config", str(project / "mkdocs.yml")]
    assert main(["build", "--no-offline", *args, option, str(target)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    # ours, or MkDocs' own refusal of a docs_dir above its configuration file
    assert "holds files the handbook did not write" in err[0] or "should not" in err[0]
    assert _tree(target) == before


def test_folders_the_handbook_made_are_cleaned_on_the_next_build(project: Path) -> None:
    """The claim does not get in the way of rebuilds: a stale page in the docs folder and a
    stray file in the site folder are removed, as before."""
    args = ["--content", str(project / "content"), "--config", str(project / "mkdocs.yml")]
    assert main(["build", "--no-offline", *args]) == 0
    stale = [project / "build" / "docs" / "old.md", project / "site" / "old.html"]
    for path in stale:
        path.write_text("old\n", encoding="utf-8")
    assert main(["build", "--no-offline", *args]) == 0
    assert not any(path.exists() for path in stale)


def test_a_site_built_before_folders_were_marked_is_still_ours(project: Path) -> None:
    args = ["--content", str(project / "content"), "--config", str(project / "mkdocs.yml")]
    assert main(["build", "--no-offline", *args]) == 0
    (project / "site" / ".handbook-site").unlink()
    assert main(["build", "--no-offline", *args]) == 0
