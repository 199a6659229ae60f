"""Escaping: untrusted text renders literally through the site's Markdown."""

from __future__ import annotations

import pytest

from generator.escape import markdown as md_escape
from generator.escape import plain
from tests.conftest import site_markdown


def to_html(source: str) -> str:
    return site_markdown(source)


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
        ("*stars* and _under_", "<p>*stars* and _under_</p>"),
        ("[x](y)", "<p>[x](y)</p>"),
        ("# not a heading", "<p># not a heading</p>"),
        ("1. not a list", "<p>1. not a list</p>"),
        ("> not a quote", "<p>&gt; not a quote</p>"),
        ("a & b &amp; c", "<p>a &amp; b &amp;amp; c</p>"),
        ("{: .class }", "<p>{: .class }</p>"),
        ("run `ls -la`", "<p>run <code>ls -la</code></p>"),
        ("`<b>`", "<p><code>&lt;b&gt;</code></p>"),
    ],
)
def test_text_renders_literally(text: str, html: str) -> None:
    assert to_html(md_escape(text)) == html


def test_pipes_stay_inside_table_cells() -> None:
    html = to_html(f"| a |\n| --- |\n| {md_escape('x | y')} |\n")
    assert "<td>x | y</td>" in html


def test_line_breaks_collapse_to_spaces() -> None:
    assert md_escape("one\ntwo   three") == "one two three"


def test_plain_drops_code_backticks() -> None:
    assert plain("Use `curl`  now") == "Use curl now"
