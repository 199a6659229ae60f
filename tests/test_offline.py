"""The offline zip: deterministic bytes, everything under one top folder."""

from __future__ import annotations

import zipfile
from pathlib import Path

from generator import offline


def test_offline_zip_is_deterministic_and_wrapped_in_one_folder(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text("home", encoding="utf-8")
    (site / "a" / "b.html").write_text("page", encoding="utf-8")
    first, second = tmp_path / "one.zip", tmp_path / "two.zip"
    assert offline.write_zip(site, first) == 2
    offline.write_zip(site, second)
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        assert archive.namelist() == ["study-handbook/a/b.html", "study-handbook/index.html"]
