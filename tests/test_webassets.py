"""The reader's script is its parts, joined in order in one scope, and minifies as ES5."""

from __future__ import annotations

import re

from generator import webassets


def test_every_part_in_the_web_folder_is_joined_once_and_main_comes_last() -> None:
    parts = {path.name for path in webassets.SOURCES.glob("*.js")} - {webassets.WORKER_SOURCE}
    assert sorted(webassets.SCRIPT_PARTS) == sorted(parts)
    assert len(set(webassets.SCRIPT_PARTS)) == len(webassets.SCRIPT_PARTS)
    assert webassets.SCRIPT_PARTS[-1] == "main.js"


def test_the_joined_script_is_one_strict_scope_that_minifies() -> None:
    source = webassets.script_source()
    assert source.startswith('(function () {\n  "use strict";\n')
    assert source.endswith("\n})();\n")
    published = webassets.files()[webassets.SCRIPT]
    assert 0 < len(published) < len(source) / 2
    # ES5 only (calmjs.parse would refuse the rest): no let/const, arrows or template strings
    for name in webassets.SCRIPT_PARTS:
        text = (webassets.SOURCES / name).read_text(encoding="utf-8")
        code = re.sub(
            r"/\*.*?\*/|//[^\n]*|\"(?:\\.|[^\"\\])*\"|'(?:\\.|[^'\\])*'", "", text, flags=re.S
        )
        assert not re.search(r"\b(let|const|class)\s|=>|`", code), name


def test_text_from_storage_or_files_is_never_parsed_as_markup() -> None:
    """Notes and imported fields reach the page as text: the script never writes HTML."""
    source = webassets.script_source()
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in source, sink
