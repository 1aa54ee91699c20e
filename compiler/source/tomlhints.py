"""TOML mistakes clerks make, explained in Chinese — and fixed by ``gongkai fmt`` where the fix is certain.

``tomllib`` says ``Expected newline or end of document after a statement``; a clerk who typed
``penalty = 1,234`` needs to read *数字中不能写千分位逗号，应写作 penalty = 1234*.  :func:`explain` turns a
syntax error into a message with the line number, the line itself with a caret under the place, what is
wrong in plain Chinese and, for the common cases, the corrected line.  :func:`fix_line` is the one place
that knows the corrections; :func:`fix_syntax` applies them line by line to a file that does not parse
(it is what ``gongkai fmt`` runs before its text fixes), and only where the result is unambiguous:

=============================================  =============================================
written                                        becomes
=============================================  =============================================
``penalty = 1,234`` (also ``1，234``)           ``penalty = 1234``
``date = 2025-3-31`` (also ``2025/3/31``)        ``date = 2025-03-31``
``date = 2025年3月31日`` (also in quotes)        ``date = 2025-03-31``
``organ ＝ "x"``, ``“organ” = "x"``             ``organ = "x"``, ``"organ" = "x"``
``organ = “南江县”``                             ``organ = "南江县"``
``organ = 南江县人民政府``                       ``organ = "南江县人民政府"``
``［report］``                                  ``[report]``
NBSP / 全角空格 / tab around keys and values    removed (a space)
=============================================  =============================================

Numbers with units (``year = 2018年``), a table header written twice, a key written twice and an unclosed
string are explained, not fixed: the right correction depends on what was meant.
"""

from __future__ import annotations

import datetime as _dt
import re
import tomllib
import unicodedata
from dataclasses import dataclass

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_SPACES = "\u00a0\u3000\u2002\u2003\u2009\u202f\ufeff\t"
_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+(?:\s*\.\s*[A-Za-z0-9_-]+)*$")
_THOUSANDS = re.compile(r"^([+-]?)(\d{1,3}(?:[,，]\d{3})+)(\.\d+)?$")
_FULLWIDTH_NUMBER = re.compile(r"^[+\-－＋]?[0-9０-９][0-9０-９,，.．\-－/／]*$")
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９．－＋／", "0123456789.-+/")
_INLINE_THOUSANDS = re.compile(r"(=\s*[+-]?)(\d{1,3}(?:,\d{3})+)(?=\s*(?:,\s*[^\s\d]|\}))")
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_UNIT = re.compile(r"^([+-]?\d+(?:\.\d+)?)\s*(年|条|件|个|人次|人|次|万元|元|份|项|家|天|日|%|％)$")
_QUOTES = {"“": "”", "”": "”", "「": "」", "『": "』", "‘": "’"}
_OPEN = "“”「『‘\"'"
_CLOSE = "”“」』’\"'"


@dataclass(frozen=True)
class LineFix:
    """A corrected line and why, in Chinese."""

    new: str
    why: str


def _width(text: str) -> int:
    """Columns a terminal gives ``text`` (CJK and full-width forms take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _split(line: str) -> tuple[str, str, str, str] | None:
    """``indent, key, value, comment`` of a ``key = value`` line (``＝`` accepted), or None."""
    m = re.match(r"^(\s*)([^=＝\[［#\"']?[^=＝]*?)\s*[=＝]\s*(.*)$", line)
    if not m or not m.group(2).strip():
        return None
    indent, key, rest = m.group(1), m.group(2), m.group(3)
    cut = -1
    if not rest or rest[0] not in "\"'“”「『‘[{":
        cut = rest.find("#")
    else:  # a quoted value: a comment can only follow the closing quote
        close = {"“": "”", "「": "」", "『": "』", "‘": "’"}.get(rest[0], rest[0])
        end = rest.find(close, 1)
        if end > 0 and "#" in rest[end:]:
            cut = rest.index("#", end)
    value = rest[:cut] if cut >= 0 else rest
    comment = " " * (len(value) - len(value.rstrip())) + rest[cut:] if cut >= 0 else ""
    return indent, key, value.strip(), comment


def _clean_spaces(text: str) -> str:
    for ch in _SPACES:
        text = text.replace(ch, " ")
    return text.strip()


def _date(y: str, m: str, d: str) -> str | None:
    try:
        return _dt.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def _is_date_key(key: str) -> bool:
    """``date``, ``report.date``, ``signature_date``…: the keys gongkai's schemas give the date type."""
    return key.strip().strip('"').split(".")[-1].lower().endswith("date")


def fix_value(key: str, value: str) -> tuple[str, str] | None:
    """An unambiguous correction of a value as written, with the reason; None when there is none."""
    value = _clean_spaces(value)
    if not value:
        return None
    proper = value[0] in "\"'" and value[-1] == value[0] and len(value) >= 2
    if not proper and value[0] in _OPEN and value[-1] in _CLOSE and len(value) >= 2:  # “…”, “…", "…”
        inner = value[1:-1]
        fixed = fix_value(key, inner)
        if fixed and "日期" in fixed[1] and _is_date_key(key):  # date = “2025年3月31日”
            return fixed[0], fixed[1]
        return _quote(inner), '文字要用英文双引号 " 括起来，不能用中文引号 “ ”'
    if proper:
        inner = value[1:-1]
        m = _DATE.match(inner)
        if m and _is_date_key(key) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", inner):
            iso = _date(*m.groups())
            if iso:
                return iso, f"日期要写成 {iso} 这样的格式（年-月-日，月和日补足两位，不加引号）"
        return None
    if value[0] in "\"'":  # an unclosed string: where it should end is for the author to say
        return None
    if _FULLWIDTH_NUMBER.match(value) and re.search("[０-９]", value):  # ６４５８５, ２０２５－３－３１
        ascii_value = value.translate(_FULLWIDTH_DIGITS)
        fixed = fix_value(key, ascii_value)
        return (fixed[0] if fixed else ascii_value), "数字要用半角（英文）数字输入" + (f"；{fixed[1]}" if fixed else "")
    if value[0] == "［" and value[-1] == "］":  # ［"一是……", "二是……"］
        inner = re.sub(r'"\s*[，,]\s*"', '", "', value[1:-1])
        return f"[{inner}]", "数组要用英文方括号 [ ]，元素之间用英文逗号 , 分隔"
    m = _THOUSANDS.match(value)
    if m:
        number = m.group(1) + re.sub(r"[,，]", "", m.group(2)) + (m.group(3) or "")
        return number, "数字中不能写千分位逗号"
    m = _DATE.match(value)
    if m and (_is_date_key(key) or not _CJK.search(value)):  # 2025年3月31日 is a date only where one is meant
        iso = _date(*m.groups())
        if iso and iso != value:
            return iso, f"日期要写成 {iso} 这样的格式（年-月-日，月和日补足两位）"
    if value[0] == "{" and _INLINE_THOUSANDS.search(value):  # { "其他" = 42,385 }
        return _INLINE_THOUSANDS.sub(
            lambda m: m.group(1) + m.group(2).replace(",", ""), value
        ), "数字中不能写千分位逗号"
    if _CJK.search(value) and value[0] not in "[{" and not _UNIT.match(value):
        body = value[:-1] if value[-1] in _CLOSE else value  # 南江县人民政府" : only the opening quote is missing
        if any(ch in _OPEN or ch in _CLOSE for ch in body):
            return None  # quotes inside: where the text starts and ends is for the author to say
        return _quote(body), '文字要用英文双引号 " 括起来'
    return None


def fix_line(line: str) -> LineFix | None:
    """The corrected line, when the correction is certain; None otherwise."""
    stripped = line.strip()
    reasons: list[str] = []
    if stripped and stripped[0] in "[［" and "=" not in stripped and "＝" not in stripped:
        new = _clean_spaces(stripped.replace("［", "[").replace("］", "]"))
        new = re.sub(r"\s+", "", new) if "#" not in new else new
        if new.count("[") > new.count("]") and "#" not in new:
            new += "]" * (new.count("[") - new.count("]"))
            reasons.append("表头缺少结尾的 ]")
        if "［" in stripped or "］" in stripped:
            reasons.append("表头要用英文方括号 [ ]")
        indent = line[: len(line) - len(line.lstrip())]
        return LineFix(indent + new, "；".join(reasons) or "表头中有不可见的空白字符") if new != stripped else None
    parts = _split(line)
    if parts is None:
        return None
    indent, key, value, comment = parts
    new_key = _clean_spaces(key)
    if new_key[:1] in _QUOTES and new_key[-1:] in _QUOTES.values():
        new_key = _quote(new_key[1:-1])
        reasons.append("键名的引号要用英文双引号")
    elif not _BARE_KEY.match(new_key) and not new_key.startswith(('"', "'")):
        return None  # a Chinese or misspelt key: only a person knows the intended name
    if new_key != key and not reasons:
        reasons.append("键名前后有不可见的空白字符（不换行空格、全角空格或制表符）")
    if "＝" in line[: len(line) - len(line.lstrip()) + len(key) + 3]:
        reasons.append("等号要用英文 =，不能用全角 ＝")
    fixed = fix_value(new_key, value)
    new_value = value
    if fixed:
        new_value, why = fixed
        reasons.append(why)
    elif _clean_spaces(value) != value:
        new_value = _clean_spaces(value)
        reasons.append("值前后有不可见的空白字符（不换行空格或全角空格）")
    new = f"{indent}{new_key} = {new_value}{comment}"
    if not reasons and new != line and any(ch in line for ch in _SPACES if ch != "\t"):
        reasons.append("键名或等号旁有看不见的空白字符（不换行空格或全角空格）")
    if not reasons or new == line:
        return None
    return LineFix(new, "；".join(dict.fromkeys(reasons)))


# ---------------------------------------------------------------------------------------------- explaining

_REASONS: list[tuple[str, str]] = [
    (
        r"Expected newline or end of document after a statement",
        "这一行的值后面还有多余的内容（一行只能写一个“键 = 值”）",
    ),
    (r"Expected '=' after a key in a key/value pair", "键名后面应是英文等号 ="),
    (r"Invalid value", "等号右边的值写法不对（文字要加英文双引号；数字和日期不加引号）"),
    (r"Invalid statement", "这一行既不是“键 = 值”，也不是 [表头]"),
    (r"Cannot declare .* twice", "同一个表头写了两次"),
    (r"Cannot overwrite a value", "同一个键写了两次"),
    (r"Cannot redefine namespace|Cannot mutate immutable namespace", "这个表已经用别的写法定义过"),
    (r"Duplicate inline table key", "花括号 { } 里同一个键写了两次"),
    (r"Illegal character '\\n'", '字符串缺少结尾的英文双引号（引号必须在同一行闭合；多行文字请用三个引号 """）'),
    (r"Illegal character", "字符串里有不能直接写出的控制字符"),
    (r"Unterminated string", "字符串缺少结尾的引号"),
    (r"Unclosed array", "数组缺少结尾的 ]，或元素之间没有用英文逗号 , 分隔"),
    (r"Unclosed inline table", "花括号 { } 没有闭合，或元素之间没有用英文逗号 , 分隔"),
    (r"Expected '\]' at the end of a table declaration", "表头缺少结尾的 ]"),
    (r"Expected '\]\]' at the end of an array declaration", "表头缺少结尾的 ]]"),
    (r"Invalid date or datetime", "日期写法不对（应写作 2025-03-31）"),
    (r"Invalid initial character for a key part", "键名中有不允许的字符（键名只能用英文字母、数字、_ 和 -）"),
    (r"Unescaped '\\\\' in a string", "字符串中的反斜杠 \\ 要写成 \\\\（或改用单引号 ' 括起来）"),
    (r"Found invalid character", "这里有不允许的字符"),
    (r"Expected", "这里的写法不对"),
]
_LINE_COL = re.compile(r"\s*\(at line (\d+), column (\d+)\)")


def parse_error(exc: tomllib.TOMLDecodeError) -> tuple[str, int | None, int | None]:
    """``tomllib``'s reason (English), line and column (1-based) of a syntax error."""
    message = str(exc)
    m = _LINE_COL.search(message)
    if not m:
        return message, None, None
    return _LINE_COL.sub("", message).strip(), int(m.group(1)), int(m.group(2))


def syntax_errors(
    text: str, first: tomllib.TOMLDecodeError, limit: int = 20
) -> list[tuple[str, int | None, int | None]]:
    """Every syntax error a clerk can fix in one sitting: ``first`` (tomllib stops there), then the ones after it.

    tomllib reports one error.  To find the next, the offending line is left out and the text parsed again —
    but only when that line is a one-line ``key = value`` (not a header, not the start of a multi-line array,
    table or string), so that leaving it out cannot make the lines after it look wrong."""
    errors = [parse_error(first)]
    lines = text.splitlines(keepends=True)
    while len(errors) < limit:
        _, number, _ = errors[-1]
        if not number or not 0 < number <= len(lines):
            break
        parts = _split(lines[number - 1].rstrip("\r\n"))
        value = parts[2] if parts else ""
        open_array = value[:1] == "[" and not value.split("#")[0].rstrip().endswith("]")
        if not parts or not value or open_array or value.startswith(('"""', "'''")):
            break
        lines[number - 1] = "\n"
        try:
            tomllib.loads("".join(lines))
        except tomllib.TOMLDecodeError as exc:
            errors.append(parse_error(exc))
            continue
        break
    return errors


def _reason(reason: str) -> str:
    for pattern, chinese in _REASONS:
        if re.search(pattern, reason):
            return chinese
    return "写法不符合 TOML 语法"


def _header_name(line: str) -> str | None:
    m = re.match(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$", line)
    return re.sub(r"\s*\.\s*", ".", m.group(1)).replace('"', "") if m else None


def _advice(lines: list[str], number: int, reason: str) -> str:
    """What to do, beyond the corrected line: for the mistakes whose fix depends on what was meant."""
    line = lines[number - 1] if 0 < number <= len(lines) else ""
    if re.search(r"Cannot declare .* twice", reason):
        name = _header_name(line) or ""
        first = next((i for i, text in enumerate(lines[: number - 1], 1) if _header_name(text) == name), None)
        where = f"第 {first} 行已经有 [{name}]；" if first else ""
        return (
            f"{where}同一个表只能有一个表头：把第 {number} 行下面的内容移到前面的 [{name}] 下，"
            f"再删去第 {number} 行。要写多项（如多个附件），表头要用两层方括号 [[{name}]]"
        )
    if "Cannot overwrite a value" in reason:
        parts = _split(line)
        key = parts[1].strip() if parts else ""
        start = max((i for i, text in enumerate(lines[: number - 1]) if _header_name(text)), default=-1) + 1
        first = next(
            (i + 1 for i in range(start, number - 1) if (p := _split(lines[i])) and p[1].strip() == key),
            None,
        )
        where = f"（第 {first} 行已经写过）" if first else ""
        return f"键“{key}”在同一个表里写了两次{where}：删去多余的一行，或把两处内容合并"
    parts = _split(line)
    if parts and not _clean_spaces(parts[2]):
        return '等号右边不能空着：没有的数写 0，没有的文字写 ""（一对英文双引号），或删去这一行'
    if parts:
        key, value = parts[1].strip(), _clean_spaces(parts[2])
        m = _UNIT.match(value)
        if m:
            return f"数字后面不要写单位：应写作 {key} = {m.group(1)}（单位由报告格式决定）"
        if _CJK.search(key) and not key.startswith(('"', "“")):
            return (
                f"键名“{key}”不能用中文：键名都是英文（如 organ、year、total），请对照 gongkai init 生成的框架；"
                "中文只写在等号右边，并用英文双引号括起来"
            )
    elif line.strip() and "=" not in line and "＝" not in line and not line.strip().startswith(("[", "［", "#")):
        return (
            '每一行应是“键 = 值”（如 organ = "南江县人民政府"）或 [表头]；'
            "若是上一行文字的续行，请把文字写在同一对引号里"
        )
    return ""


def explain(text: str, reason: str, line: int | None, column: int | None) -> str:
    """The Chinese message for a syntax error: what, where (the line and a caret), and how to fix it."""
    lines = text.splitlines()
    head = f"TOML 语法错误（第 {line} 行第 {column} 列）：" if line and column else "TOML 语法错误："
    head += _reason(reason)
    if not line or not 0 < line <= len(lines):
        return head
    source = lines[line - 1]
    shown = source.replace("\t", " ")
    gutter = f"{line:>5} | "
    caret = " " * (len(gutter) - 2) + "| " + " " * _width(shown[: max(0, (column or 1) - 1)]) + "^"
    parts = [head, gutter + shown, caret]
    at = source[column - 1] if column and 0 < column <= len(source) else ""
    if at and at != " " and unicodedata.category(at) in ("Zs", "Cf", "Cc"):
        name = {"\u00a0": "不换行空格", "\u3000": "全角空格", "\t": "制表符", "\ufeff": "零宽不换行空格"}.get(
            at, "空白字符"
        )
        parts.append(f"      第 {column} 列是看不见的字符 U+{ord(at):04X}（{name}），请删去或改为普通空格")
    fix = fix_line(source)
    if fix:
        parts.append(f"      {fix.why}：应写作  {fix.new.strip()}")
        parts.append("      （运行 gongkai fmt 可自动修改）")
    advice = _advice(lines, line, reason)
    if advice:
        parts.append("      " + advice)
    return "\n".join(parts)


# ---------------------------------------------------------------------------------------------- fixing


@dataclass(frozen=True)
class SyntaxFix:
    line: int
    old: str
    new: str
    why: str


def fix_syntax(text: str, limit: int = 500) -> tuple[str, list[SyntaxFix]]:
    """Apply :func:`fix_line` where the file fails to parse, one error at a time, and to quoted dates.

    Returns the text with every certain fix applied and the fixes made.  It may still not parse: the errors
    left are the ones only the author can fix (``2018年``, a header written twice…), and the lines after them
    are corrected too (such a line is left out of the parse while the rest is examined).  Line numbers do not
    change: every fix replaces one line by one line."""
    lines = text.splitlines(keepends=True)
    fixes: list[SyntaxFix] = []

    def replace(number: int, new: str, why: str) -> None:
        old = lines[number - 1]
        ending = old[len(old.rstrip("\r\n")) :]
        lines[number - 1] = new + ending
        fixes.append(SyntaxFix(number, old.rstrip("\r\n"), new, why))

    for number, line in enumerate(list(lines), 1):  # dates in quotes parse, so no error leads to them
        parts = _split(line.rstrip("\r\n"))
        if parts and parts[2] and parts[2][0] in "\"'“" and _is_date_key(parts[1]):
            fixed = fix_line(line.rstrip("\r\n"))
            if fixed and "日期" in fixed.why:
                replace(number, fixed.new, fixed.why)
    left: set[int] = set()  # lines only the author can fix: blanked in the probe so later errors are found
    for _ in range(limit):
        probe = "".join("\n" if i + 1 in left else line for i, line in enumerate(lines))
        try:
            tomllib.loads(probe)
        except tomllib.TOMLDecodeError as exc:
            _, number, _ = parse_error(exc)
            if not number or not 0 < number <= len(lines) or number in left:
                break
            fixed = fix_line(lines[number - 1].rstrip("\r\n"))
            if fixed is None:
                left.add(number)
            else:
                replace(number, fixed.new, fixed.why)
            continue
        break
    return "".join(lines), fixes
