"""The JSON Schema of roadmap files, exported for editors.

VS Code's YAML extension (and others that speak the yaml-language-server
protocol) read it from the ``# yaml-language-server: $schema=`` line at the
top of each roadmap, and then validate and complete keys as people type.
The file is generated from the pydantic models, so it cannot drift: a test
fails when the committed copy is out of date.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.errors import UsageError

DEFAULT_PATH = Path("content/schema/roadmap.schema.json")


def _whole_numbers(value: Any) -> Any:
    """``168.0`` written ``168``: pydantic versions differ in how they write a float bound,
    and the committed schema must not change with the library's version."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {key: _whole_numbers(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_whole_numbers(item) for item in value]
    return value


def document() -> str:
    """The schema as deterministic, pretty JSON text."""
    from generator.model import Roadmap  # the models are heavy to import; only this needs them

    schema = _whole_numbers(Roadmap.model_json_schema())
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://study-handbook.local/roadmap.schema.json"
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def command(path: Path, *, check: bool) -> int:
    """Write the schema to ``path``, or with ``check`` report whether it is current.

    A path that cannot be read or written (a folder, a file where a folder should
    be, no permission) is a usage error: one line, exit 2.
    """
    text = document()
    current = _read(path)
    if check:
        if current != text:
            print(f"{path} is out of date; run: handbook schema")
            return 1
        print(f"{path} is up to date")
        return 0
    if current != text:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        except OSError as error:
            raise UsageError(f"cannot write {path}: {_reason(path, error)}") from None
        print(f"wrote {path}")
    else:
        print(f"{path} unchanged")
    return 0


def _read(path: Path) -> str | None:
    """The schema file's text; None if there is none (or it is not UTF-8: out of date)."""
    try:
        return path.read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError, UnicodeDecodeError):
        return None
    except OSError as error:
        raise UsageError(f"cannot read {path}: {_reason(path, error)}") from None


def _reason(path: Path, error: OSError) -> str:
    """An OSError in plain words, naming the file that stands where a folder should be."""
    if isinstance(error, FileExistsError | NotADirectoryError):
        for parent in path.parents:
            if parent.exists() and not parent.is_dir():
                return f"{parent} is a file, not a folder"
    if isinstance(error, IsADirectoryError):
        return "it is a folder"
    return (error.strerror or type(error).__name__).lower()
