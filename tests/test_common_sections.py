"""[preamble] and [signature]: unnumbered sections shared by every format."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import legacy

from compiler.model.document import Heading, Paragraph, Signature
from plugins.common.signature import chinese_date


def test_preamble_comes_before_the_first_part_with_references_resolved(blocks):
    made = blocks(legacy(preamble={"text": "特向社会公布{report.year}年度报告。"}))
    first_heading = next(i for i, b in enumerate(made) if isinstance(b, Heading))
    preamble = [b for b in made[:first_heading] if isinstance(b, Paragraph)]
    assert [p.text for p in preamble] == ["特向社会公布2018年度报告。"]


def test_signature_defaults_to_the_report_organ_and_date(blocks):
    [sig] = [b for b in blocks(legacy()) if isinstance(b, Signature)]
    assert (sig.organ, sig.date) == ("测试县人民政府", "2019年2月14日")


def test_signature_values_override_the_defaults(blocks):
    data = legacy(signature={"organ": "测试县政务服务管理局", "date": dt.date(2019, 3, 1)})
    [sig] = [b for b in blocks(data) if isinstance(b, Signature)]
    assert (sig.organ, sig.date) == ("测试县政务服务管理局", "2019年3月1日")


def test_no_signature_table_signs_with_the_report_organ_and_date(blocks):
    [sig] = [b for b in blocks(legacy(signature=None)) if isinstance(b, Signature)]
    assert sig.organ and sig.date


def test_omitted_signature_prints_nothing_and_is_warned(blocks, check):
    assert not [b for b in blocks(legacy(signature={"omit": True})) if isinstance(b, Signature)]
    assert "common.no-signature" in {p.rule for p in check(legacy(signature={"omit": True}))}


def test_signature_is_the_last_block(blocks):
    assert isinstance(blocks(legacy())[-1], Signature)


def test_chinese_date_has_no_leading_zeros():
    assert chinese_date(dt.date(2019, 2, 4)) == "2019年2月4日"
    assert chinese_date("2020-10-01") == "2020年10月1日"
    assert chinese_date(dt.datetime(2019, 12, 31, 8, 0)) == "2019年12月31日"


@pytest.mark.parametrize(
    ("printed", "date"),
    [
        ("二○一○年四月十日", (2010, 4, 10)),
        ("二○一一年元月二十日", (2011, 1, 20)),  # 平潭县环境保护局 2010: January printed 元月
        ("二〇一四年一月十日", (2014, 1, 10)),
        ("2012年5月11日", (2012, 5, 11)),
    ],
)
def test_printed_dates_are_read(printed, date):
    import datetime as dt

    from plugins.common.signature import parse_printed_date

    assert parse_printed_date(printed) == dt.date(*date)
    assert parse_printed_date(printed.replace("日", "")) is None


def test_report_year_is_a_whole_number_or_none():
    from plugins.common.report import report_year

    assert report_year({"report": {"year": 2023}}) == 2023
    # a mistyped or absent year is the schema's finding; the checks that need the year read None and stay silent
    assert report_year({"report": {"year": "2023"}}) is None
    assert report_year({"report": {"year": True}}) is None
    assert report_year({"report": {}}) is None
    assert report_year({}) is None
