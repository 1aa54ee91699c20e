"""``gongkai check --format json`` output matches the schema documented in docs/check-json.md.

The schema is read from the document itself, so the documentation cannot drift from the output; a small
validator for the JSON-Schema subset it uses keeps the test free of extra dependencies.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from typing import Any

import pytest

from tests.gb2021_support import BROKEN, EXAMPLE_2024, ROOT

DOC = ROOT / "docs" / "check-json.md"
TYPES = {"object": dict, "array": list, "string": str, "integer": int, "number": (int, float), "null": type(None)}


def documented_schema() -> dict[str, Any]:
    block = re.search(r"```json schema\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert block, "docs/check-json.md has no ```json schema block"
    return json.loads(block.group(1))


def validate(value: Any, schema: dict[str, Any], where: str = "$") -> list[str]:
    errors: list[str] = []
    if "type" in schema:
        kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        ok = any(
            isinstance(value, TYPES[k]) and not (k in ("integer", "number") and isinstance(value, bool)) for k in kinds
        )
        if not ok:
            return [f"{where}: {value!r} is not {kinds}"]
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{where}: {value!r} not in {schema['enum']}")
    if "pattern" in schema and not re.search(schema["pattern"], value):
        errors.append(f"{where}: {value!r} does not match {schema['pattern']}")
    if isinstance(value, dict):
        props = schema.get("properties", {})
        errors += [f"{where}: missing {k}" for k in schema.get("required", []) if k not in value]
        if schema.get("additionalProperties") is False:
            errors += [f"{where}: unexpected {k}" for k in value if k not in props]
        for k, v in value.items():
            if k in props:
                errors += validate(v, props[k], f"{where}.{k}")
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            errors += validate(item, schema["items"], f"{where}[{i}]")
    return errors


def run_check(*args: str) -> tuple[int, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "compiler", "check", "--format", "json", *args],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    return done.returncode, json.loads(done.stdout)


def test_validator_rejects_wrong_shapes():
    schema = documented_schema()
    assert validate({"file": None, "problems": []}, schema) == []
    assert validate({"problems": []}, schema)
    assert validate({"file": None, "problems": [{"severity": "fatal"}]}, schema)
    assert validate({"file": None, "problems": [], "extra": 1}, schema)


@pytest.mark.parametrize(
    "args, code",
    [
        ((str(EXAMPLE_2024),), 0),
        ((str(BROKEN / "table3-balance.toml"),), 1),
        ((str(BROKEN / "heading-variant.toml"), "--strict"), 1),
        ((str(BROKEN / "cross-year-valid-documents.toml"),), 1),
    ],
)
def test_real_output_matches_documented_schema(args, code):
    returncode, output = run_check(*args)
    assert returncode == code
    assert validate(output, documented_schema()) == []
    if code:
        assert output["problems"], output


def test_strict_turns_warnings_into_errors():
    _, output = run_check(str(BROKEN / "heading-variant.toml"), "--strict")
    assert {p["severity"] for p in output["problems"]} == {"error"}
    assert [p["rule"] for p in output["problems"]] == ["gb2021.heading.variant"]


def test_unreadable_input_is_exit_2_with_same_shape(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("format = \n", encoding="utf-8")
    returncode, output = run_check(str(bad))
    assert returncode == 2
    assert validate(output, documented_schema()) == []
    assert output["problems"][0]["rule"] == "input.toml-syntax"
