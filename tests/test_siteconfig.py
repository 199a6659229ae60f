"""site_url is read from mkdocs.yml exactly as MkDocs reads it, !ENV tag included."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import siteconfig
from generator.errors import UsageError


def test_site_url_follows_the_env_tag(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text('site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]\n', encoding="utf-8")
    monkeypatch.delenv("SITE_URL", raising=False)
    assert siteconfig.site_url(config) == "http://127.0.0.1:8000/"
    monkeypatch.setenv("SITE_URL", "https://example.org/handbook")
    assert siteconfig.site_url(config) == "https://example.org/handbook/"
    assert siteconfig.site_url(tmp_path / "missing.yml") is None


def test_unreadable_config_is_a_usage_error(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_url: [unclosed\n", encoding="utf-8")
    with pytest.raises(UsageError, match="cannot read the configuration"):
        siteconfig.site_url(config)
