"""Whoever holds the store owns it: a second opener gets StoreLockedError (library) or a one-line
`fel:` message and exit 1 (CLI), never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from core_fixtures import run_msv

from ingest.errors import StoreLockedError


def test_second_knowledge_base_is_refused(tmp_path: Path, make_kb) -> None:
    data = tmp_path / "data"
    first = make_kb(data)

    with pytest.raises(StoreLockedError) as info:
        make_kb(data)

    message = str(info.value)
    assert str(data) in message
    assert "används redan" in message and "--data-dir" in message
    first.close()
    assert make_kb(data).stats()["documents"] == 0  # the lock goes with its owner


def test_qdrant_local_mode_is_locked_too(tmp_path: Path, make_kb) -> None:
    make_kb(tmp_path / "a", qdrant_path=str(tmp_path / "local"))
    with pytest.raises(StoreLockedError):
        make_kb(tmp_path / "b", qdrant_path=str(tmp_path / "local"))


def test_cli_on_a_locked_store_says_so_in_one_line(tmp_path: Path, make_kb) -> None:
    data = tmp_path / "data"
    holder = make_kb(data)  # records the model, so the second process fails before loading it
    (tmp_path / "a.txt").write_text("Ett dokument om samverkan.", encoding="utf-8")

    proc = run_msv(data, "ingest", str(tmp_path / "a.txt"), "--json")

    holder.close()
    assert proc.returncode == 1
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("fel:") and "används redan" in lines[0]
    assert "Traceback" not in proc.stderr
