"""Where the CLI's articles come from: text files, folders of them, JSONL files of {"id", "text"}, or stdin.

Every input record gets a position (its place in the whole input, in order) so that shards can split the input
without reading each other's output; a record that cannot be read is still a record, with the problem that
stops it, so that it lands in the failures file instead of vanishing.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO


@dataclass(frozen=True)
class Record:
    position: int
    id: str
    text: str | None  # None when the record could not be read
    problem: dict[str, Any] | None = None


def _invalid(position: int, record_id: str, code: str, detail: str) -> Record:
    return Record(position, record_id, None, {"code": code, "detail": detail, "status": None})


def _jsonl(lines: Iterable[str], name: str, start: int) -> Iterator[Record]:
    position = start
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        fallback_id = f"{name}:{number}"
        try:
            value = json.loads(line)
        except ValueError as exc:
            yield _invalid(position, fallback_id, "invalid_input", f"line {number} is not JSON: {exc}")
        else:
            text = value.get("text") if isinstance(value, dict) else None
            raw_id = value.get("id") if isinstance(value, dict) else None
            record_id = str(raw_id) if raw_id not in (None, "") else fallback_id
            if not isinstance(text, str):
                yield _invalid(position, record_id, "invalid_input", f'line {number} has no string "text"')
            else:
                yield Record(position, record_id, text)
        position += 1


def _text_file(path: Path, record_id: str, position: int) -> Record:
    try:
        return Record(position, record_id, path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        return _invalid(position, record_id, "unreadable_input", str(exc))


def _looks_like_jsonl(text: str) -> bool:
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return False
    try:
        return all(isinstance(json.loads(line), dict) for line in lines)
    except ValueError:
        return False


def read_inputs(sources: list[str], *, pattern: str = "*.txt", stdin: TextIO | None = None) -> Iterator[Record]:
    """Every record of ``sources``, in order. ``-`` is stdin: JSONL when every line is a JSON object, else one
    article with id ``stdin``. A folder gives its files matching ``pattern`` (recursively, sorted), each with its
    path relative to the folder as id; a ``*.jsonl`` file gives one record per line; any other file is one article
    with its path as id."""
    position = 0
    for source in sources:
        if source == "-":
            text = (stdin or sys.stdin).read()
            if _looks_like_jsonl(text):
                records = list(_jsonl(text.splitlines(), "stdin", position))
                yield from records
                position += len(records)
            else:
                yield Record(position, "stdin", text)
                position += 1
            continue
        path = Path(source)
        if path.is_dir():
            for file in sorted(p for p in path.rglob(pattern) if p.is_file()):
                yield _text_file(file, file.relative_to(path).as_posix(), position)
                position += 1
        elif path.suffix == ".jsonl":
            try:
                with path.open(encoding="utf-8") as lines:
                    for record in _jsonl(lines, source, position):
                        yield record
                        position += 1
            except (OSError, UnicodeDecodeError) as exc:
                yield _invalid(position, source, "unreadable_input", str(exc))
                position += 1
        else:
            yield _text_file(path, source, position)
            position += 1
