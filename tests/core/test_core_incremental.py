"""Incremental and idempotent ingest through `msv`: unchanged files are skipped, changed files
replace their chunks, `remove` by id and by path, sidecar metadata and flags, `--prune`."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.store import SearchFilter


def _write(path: Path, marker: str, paragraphs: int = 1) -> Path:
    body = "\n\n".join(
        f"Stycke {i} i dokumentet om {marker} beskriver hur myndigheterna samverkar kring kompetensförsörjning."
        for i in range(paragraphs)
    )
    path.write_text(body, encoding="utf-8")
    return path


def _found(kb, marker: str) -> bool:
    return any(marker in h.text for h in kb.search(marker, k=3))


def test_unchanged_then_changed(tmp_path: Path, cli, make_kb) -> None:
    doc = _write(tmp_path / "plan.txt", "kvorpfalt", paragraphs=12)  # several chunks
    first = cli("ingest", str(doc), "--json").json()
    assert (first["added"], first["updated"], first["unchanged"]) == (1, 0, 0)

    again = cli("ingest", str(doc), "--json")
    assert again.exit_code == 0
    assert again.json() | {"removed": 0} == {"added": 0, "updated": 0, "unchanged": 1, "chunks": 0, "failed": [],
                                             "removed": 0}

    _write(doc, "snirbelgud", paragraphs=1)
    changed = cli("ingest", str(doc), "--json").json()
    assert (changed["added"], changed["updated"], changed["unchanged"]) == (0, 1, 0)

    kb = make_kb(cli.data_dir)
    stats = kb.stats()
    assert stats["documents"] == 1
    assert stats["points"] == stats["chunks"] == changed["chunks"]
    assert changed["chunks"] < first["chunks"]  # the old, longer text's extra chunks are gone
    assert _found(kb, "snirbelgud")
    assert not _found(kb, "kvorpfalt")


@pytest.mark.parametrize("by", ["doc_id", "path", "folder"])
def test_remove(tmp_path: Path, cli, make_kb, by: str) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    gone = _write(folder / "bort.txt", "glimtrospel")
    kept = _write(tmp_path / "kvar.txt", "zwopnikel")
    assert cli("ingest", str(gone), str(kept), "--json").json()["added"] == 2
    with make_kb(cli.data_dir) as kb:
        doc_id = next(d.doc_id for d in kb.documents() if d.source.endswith("bort.txt"))

    target = {"doc_id": doc_id, "path": str(gone), "folder": str(folder)}[by]
    result = cli("remove", target, "--json")

    assert result.exit_code == 0, result.stderr
    assert [r["doc_id"] for r in result.json()["removed"]] == [doc_id]
    kb = make_kb(cli.data_dir)
    assert [d.source for d in kb.documents()] == [str(kept.resolve())]
    assert kb.stats()["points"] == kb.stats()["chunks"]
    assert not _found(kb, "glimtrospel")
    assert _found(kb, "zwopnikel")


def test_remove_unknown_says_so(cli) -> None:
    result = cli("remove", "finns-inte-123")
    assert result.exit_code == 1
    assert "finns-inte-123" in result.stderr


def test_sidecar_metadata_applied(tmp_path: Path, cli, make_kb) -> None:
    doc = _write(tmp_path / "anteckning.txt", "fnurgeldax")
    (tmp_path / "anteckning.txt.meta.toml").write_text(
        'doc_id = "gd-2025-03"\ntitle = "GD-gruppens möte i mars"\nkind = "protokoll"\n'
        'agency = "UHR"\ndate = "2025-03-12"\naccess = ["styrgrupp", "sekretariat"]\n',
        encoding="utf-8",
    )
    assert cli("ingest", str(doc), "--json").exit_code == 0

    kb = make_kb(cli.data_dir)
    (rec,) = kb.documents()
    assert (rec.doc_id, rec.title, rec.kind, rec.agency, rec.date, rec.access) == (
        "gd-2025-03", "GD-gruppens möte i mars", "protokoll", "UHR", "2025-03-12", ["sekretariat", "styrgrupp"])
    (hit,) = kb.search("fnurgeldax", k=1)
    assert (hit.doc_id, hit.title, hit.kind, hit.agency, hit.date) == (
        "gd-2025-03", "GD-gruppens möte i mars", "protokoll", "UHR", "2025-03-12")
    assert kb.search("fnurgeldax", k=1, flt=SearchFilter(access=("alla",))) == []
    assert kb.search("fnurgeldax", k=1, flt=SearchFilter(access=("sekretariat",)))


def test_flags_override_sidecar(tmp_path: Path, cli, make_kb) -> None:
    doc = _write(tmp_path / "pm.txt", "plimsvoda")
    (tmp_path / "pm.txt.meta.toml").write_text('kind = "rapport"\nagency = "MYH"\n', encoding="utf-8")

    result = cli("ingest", str(doc), "--kind", "promemoria", "--agency", "Skolverket", "--access", "styrgrupp,alla",
                 "--json")

    assert result.exit_code == 0, result.stderr
    kb = make_kb(cli.data_dir)
    (rec,) = kb.documents()
    assert (rec.kind, rec.agency, rec.access) == ("promemoria", "Skolverket", ["alla", "styrgrupp"])
    (hit,) = kb.search("plimsvoda", k=1, flt=SearchFilter(kinds=("promemoria",), agencies=("Skolverket",),
                                                             access=("styrgrupp",)))
    assert hit.source == str(doc.resolve())


@pytest.mark.parametrize(("flag", "value"), [("--kind", "dikt"), ("--access", "styr grupp!")])
def test_bad_flag_is_a_usage_error(tmp_path: Path, cli, make_kb, flag: str, value: str) -> None:
    doc = _write(tmp_path / "a.txt", "trudelvask")
    result = cli("ingest", str(doc), flag, value, "--json")
    assert result.exit_code == 1
    assert value in result.stderr
    assert make_kb(cli.data_dir).stats()["documents"] == 0


def test_prune_removes_deleted_files(tmp_path: Path, cli, make_kb) -> None:
    folder = tmp_path / "docs"
    (folder / "sub").mkdir(parents=True)
    _write(folder / "a.txt", "brimbolvex")
    b = _write(folder / "sub" / "b.txt", "quandrolix")
    outside = _write(tmp_path / "utanfor.txt", "xerbimpotal")
    assert cli("ingest", str(folder), str(outside), "--json").json()["added"] == 3

    b.unlink()
    without_prune = cli("ingest", str(folder), "--json").json()
    assert (without_prune["unchanged"], without_prune.get("removed", 0)) == (1, 0)
    pruned = cli("ingest", str(folder), "--prune", "--json")

    assert pruned.exit_code == 0
    assert pruned.json()["removed"] == 1
    kb = make_kb(cli.data_dir)
    assert sorted(Path(d.source).name for d in kb.documents()) == ["a.txt", "utanfor.txt"]
    assert not _found(kb, "quandrolix")
    assert kb.stats()["points"] == kb.stats()["chunks"]


def test_jsonl_records_keep_their_identity(tmp_path: Path, cli, make_kb, monkeypatch: pytest.MonkeyPatch) -> None:
    """Records without url are the same documents whether the file is named by a relative or an
    absolute path, and `--prune` keeps them while their file exists and drops them after."""
    import core_fixtures as g

    folder = tmp_path / "docs"
    folder.mkdir()
    records = [{k: v for k, v in r.items() if k != "url"} for r in g.jsonl_records(("jubbeltrosk", "hagglemunt"), "")]
    g.write_jsonl(folder / "poster.jsonl", records)
    monkeypatch.chdir(tmp_path)
    assert cli("ingest", "docs/poster.jsonl", "--json").json()["added"] == 2

    again = cli("ingest", str(folder.resolve()), "--prune", "--json").json()
    assert (again["unchanged"], again["removed"], again["added"]) == (2, 0, 0)

    (folder / "poster.jsonl").unlink()
    (folder / "annat.txt").write_text("Något annat om samverkan.", encoding="utf-8")
    pruned = cli("ingest", str(folder), "--prune", "--json").json()
    assert (pruned["added"], pruned["removed"]) == (1, 2)
    kb = make_kb(cli.data_dir)
    assert [Path(d.source).name for d in kb.documents()] == ["annat.txt"]
    assert kb.stats()["points"] == kb.stats()["chunks"]
