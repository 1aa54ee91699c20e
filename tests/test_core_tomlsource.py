"""Reading TOML with key-path → line maps, and the errors for files that cannot be read."""

from __future__ import annotations

from pathlib import Path

import pytest

from compiler.model.problems import ReportError
from compiler.source.tomlsource import key_lines, load

TEXT = """\
format = "legacy"
[report]
organ = "南江县人民政府"
note = \"\"\"
fake = 1
[not.a.table]
\"\"\"
[[overview.items]]
heading = "一"
[[overview.items.items]]
text = "内"
[[overview.items]]
heading = "二"
[active.categories]
"概况类" = 664
'其他' = 1
"""


def test_key_lines_cover_tables_arrays_and_quoted_keys():
    lines = key_lines(TEXT)
    assert lines["report.organ"] == 3
    assert lines["overview.items[0].heading"] == 9
    assert lines["overview.items[0].items[0].text"] == 11
    assert lines["overview.items[1].heading"] == 13
    assert lines["active.categories.概况类"] == 15
    assert lines["active.categories.其他"] == 16
    # the contents of a multi-line string are not keys
    assert "fake" not in lines and "report.fake" not in lines and "not.a.table" not in lines


def test_ref_falls_back_to_nearest_ancestor(tmp_path: Path):
    path = tmp_path / "r.toml"
    path.write_text(TEXT, encoding="utf-8")
    source = load(path)
    assert source.ref("overview.items[1].text").line == 12  # no such key: the item's header line
    assert source.raw == TEXT.encode("utf-8")


@pytest.mark.parametrize(
    ("content", "rule", "line"),
    [
        (b'format = "legacy"\n[report\n', "input.toml-syntax", 2),
        (b"", "input.empty", None),
        (b"\x00\x01\x02binary", "input.binary", None),
        ('format = "旧格式"\n'.encode("gbk"), "input.encoding", 1),
    ],
)
def test_unreadable_inputs_are_report_errors(tmp_path: Path, content: bytes, rule: str, line: int | None):
    path = tmp_path / "bad.toml"
    path.write_bytes(content)
    with pytest.raises(ReportError) as info:
        load(path)
    problem = info.value.problems[0]
    assert problem.rule == rule
    assert problem.source is not None and problem.source.file == path
    if line is not None:
        assert problem.source.line == line


def test_gbk_file_names_the_fix(tmp_path: Path):
    path = tmp_path / "gbk.toml"
    path.write_bytes('title = "南江县"\n'.encode("gbk"))
    with pytest.raises(ReportError) as info:
        load(path)
    assert "GB18030" in info.value.problems[0].message


def test_missing_file_and_directory(tmp_path: Path):
    with pytest.raises(ReportError) as info:
        load(tmp_path / "nope.toml")
    assert info.value.problems[0].rule == "input.missing-file"
    with pytest.raises(ReportError) as info:
        load(tmp_path)
    assert info.value.problems[0].rule == "input.is-directory"


def test_bom_is_accepted(tmp_path: Path):
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + b'format = "legacy"\r\n')
    assert load(path).data == {"format": "legacy"}
