"""Editor support: VS Code's YAML extension validates roadmap files against our JSON Schema.

Two routes lead there and both must keep working: the ``# yaml-language-server``
line at the top of each roadmap (any editor using the YAML language server), and
the ``yaml.schemas`` mapping in ``.vscode/settings.json`` (files created without
the line). A renamed schema or moved folder would silently switch both off.
"""

from __future__ import annotations

import json

from tests.conftest import CONTENT, ROOT

ROADMAPS = sorted((CONTENT / "roadmaps").glob("*.yaml"))


def test_the_workspace_maps_roadmaps_to_the_schema() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    [(schema, globs)] = settings["yaml.schemas"].items()
    assert (ROOT / schema).resolve() == CONTENT / "schema" / "roadmap.schema.json"
    assert globs == ["content/roadmaps/*.yaml"]
    assert sorted(ROOT.glob(globs[0])) == ROADMAPS


def test_the_yaml_extension_is_recommended() -> None:
    extensions = json.loads((ROOT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


def test_every_roadmap_names_the_schema_on_its_first_line() -> None:
    assert ROADMAPS
    for path in ROADMAPS:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = first.split("$schema=", 1)[1]
        assert (path.parent / target).resolve() == CONTENT / "schema" / "roadmap.schema.json"


def test_the_schema_is_a_json_schema_for_roadmaps() -> None:
    schema = json.loads((CONTENT / "schema" / "roadmap.schema.json").read_text(encoding="utf-8"))
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert {"title", "slug", "start"} <= set(schema["properties"])
