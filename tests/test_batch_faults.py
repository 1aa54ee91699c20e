"""Issue 12, item 5: batches survive faults.  Ctrl-C stops within 2 s and lists what was and was not built; a
second Ctrl-C ends at once; a worker that dies fails only its report (named, with the signal) and the others
go on in a fresh worker; running out of file descriptors is a message; ``-j`` is validated."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import tomli_w

from tests.conftest import interruptible, legacy

ROOT = Path(__file__).resolve().parent.parent


def env(**extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "PYTHONDONTWRITEBYTECODE": "1",
        "GONGKAI_ALLOW_PLUGINS": "1",
        **extra,
    }


def reports(folder: Path, good: int, bad: dict[str, str]) -> Path:
    """``good`` ordinary reports and one per ``bad`` entry whose local plugin runs the given code on import."""
    folder.mkdir()
    for i in range(good):
        (folder / f"good{i}.toml").write_text(tomli_w.dumps(legacy()), encoding="utf-8")
    for name, code in bad.items():
        sub = folder / name
        sub.mkdir()
        (sub / "plug.py").write_text(code, encoding="utf-8")
        (sub / "report.toml").write_text(tomli_w.dumps({**legacy(), "plugins": ["plug.py"]}), encoding="utf-8")
    return folder


def test_a_worker_that_dies_fails_only_its_report(tmp_path: Path) -> None:
    folder = reports(tmp_path / "r", 3, {"killed": "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)\n"})
    done = subprocess.run(
        [sys.executable, "-m", "compiler", "build", str(folder), "-j", "2"],
        env=env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 1, done.stderr
    assert "killed/report.toml" in done.stderr and "SIGKILL" in done.stderr
    assert sorted(p.name for p in folder.glob("*.pdf")) == ["good0.pdf", "good1.pdf", "good2.pdf"]
    assert "已生成 3/4 份报告" in done.stdout
    assert "Traceback" not in done.stderr


def _start(folder: Path, jobs: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "compiler", "build", str(folder), "-j", jobs],
        env=env(GONGKAI_PLUGIN_TIMEOUT="0"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group: Ctrl-C is delivered to the group, as a terminal does
        preexec_fn=interruptible,
    )


def _wait_for_first(proc: subprocess.Popen[str], folder: Path, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not list(folder.glob("*.pdf")):
        assert proc.poll() is None and time.monotonic() < deadline, "the batch never built its first report"
        time.sleep(0.1)


@pytest.mark.parametrize("jobs", ["2", "1"])
def test_ctrl_c_stops_within_two_seconds_and_says_what_was_built(tmp_path: Path, jobs: str) -> None:
    folder = reports(tmp_path / "r", 1, {f"slow{i}": "import time\ntime.sleep(600)\n" for i in range(3)})
    proc = _start(folder, jobs)
    _wait_for_first(proc, folder)
    time.sleep(0.5)  # the slow ones are under way
    sent = time.monotonic()
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    took = time.monotonic() - sent
    assert took <= 2.0, took
    assert proc.returncode == 130, err
    assert "已中断" in err and "已生成" in err and "good0.pdf" in err
    assert "未构建" in err or "未生成" in err
    assert "slow" in err and "Traceback" not in err
    assert not [p for p in folder.rglob("*") if p.name.endswith(".tmp")]


def test_a_second_ctrl_c_ends_at_once(tmp_path: Path) -> None:
    folder = reports(tmp_path / "r", 1, {f"slow{i}": "import time\ntime.sleep(600)\n" for i in range(2)})
    proc = _start(folder, "2")
    _wait_for_first(proc, folder)
    sent = time.monotonic()
    os.killpg(proc.pid, signal.SIGINT)
    time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)
    proc.communicate(timeout=30)
    assert time.monotonic() - sent <= 2.0
    # 130 from gongkai's own handler; -SIGINT when the second one lands while Python is already exiting (its
    # finalisation restores the default handler): either way it ended at once
    assert proc.returncode in (130, -signal.SIGINT)


def test_running_out_of_file_descriptors_is_a_message(tmp_path: Path) -> None:
    folder = reports(tmp_path / "r", 4, {})
    code = f"""
import resource, sys
sys.path.insert(0, {str(ROOT)!r})
from compiler.cli.commands import main
import compiler.build, compiler.cli.batch  # imported before the limit: what is left is building
resource.setrlimit(resource.RLIMIT_NOFILE, (12, 12))
sys.exit(main(["build", {str(folder)!r}, "-j", "4"]))
"""
    done = subprocess.run([sys.executable, "-c", code], env=env(), capture_output=True, text=True, timeout=120)
    output = done.stdout + done.stderr
    assert done.returncode in (1, 2), output
    assert "打开的文件过多" in output and "EMFILE" in output and "ulimit -n" in output
    assert "Traceback" not in output and "internal error" not in output and "内部错误" not in output
    assert not [p for p in folder.rglob("*") if p.name.endswith(".tmp")]


@pytest.mark.parametrize("value", ["0", "-1", "abc", "100000", "1.5"])
def test_jobs_are_validated(tmp_path: Path, value: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "compiler", "build", str(tmp_path), "-j", value],
        env=env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    said = done.stderr
    assert done.returncode == 2 and "-j" in said and ("应为" in said or "应在" in said), said
    assert "Traceback" not in done.stderr
