"""The side doors of the adversarial pass, replayed against a real server on 127.0.0.1: exports
fetched by URL by someone else, earlier outputs and server paths fed back as uploads, an open bind
without users, a secretariat member granting groups, unknown groups, brute force, sessions that
outlive a password, and the audit trail of all of it. Each door is also shown to open for the
person it is meant for, so every case can fail."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
import typer
from security_fixtures import BY_KEY, GROUPS, PASSWORD, World
from security_http import CallError, anonymous, call, file_ref, links, running_app, sign_in, upload
from testkit import free_port
from typer.testing import CliRunner

from assistant.access.audit import AuditLog
from assistant.access.users import UserStore
from assistant.settings import Settings
from assistant.web.app import build_app, launch
from assistant.web.digest_tab import build_digest_tab
from assistant.web.exposure import OpenAppError
from assistant.web.records_tabs import build_decisions_tab, build_status_tab

SECRET = BY_KEY["styr"].hidden[1]  # "4,2 miljoner kronor": only in the steering group's minutes


@pytest.fixture(scope="module")
def app_url(world: World) -> Iterator[str]:
    with running_app(world, tabs=[build_digest_tab, build_decisions_tab, build_status_tab]) as url:
        yield url


@pytest.fixture
def msv(world: World, monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201
    """``msv --data-dir DIR ARGS…`` in-process on a knowledge base of its own (sharing the model)."""
    import importlib

    from assistant.cli.common import kb_config
    from ingest.kb import KnowledgeBase

    cli = importlib.import_module("assistant.cli.main")
    monkeypatch.setattr(cli, "open_kb", lambda: KnowledgeBase(kb_config(cli.state.settings), embedder=world.kb.embedder))
    if hasattr(cli.state, "settings"):  # the callback replaces them; other suites' fixtures set them
        monkeypatch.setattr(cli.state, "settings", cli.state.settings)

    def run(data: Path, *args: str) -> Any:
        return CliRunner().invoke(cli.app, ["--data-dir", str(data), *args])
    return run


def _memo_links(url: str, who: str, topic: str) -> tuple[Any, list[str]]:
    client = sign_in(url, who)
    text, downloads = call(client, "memo", topic)
    return client, [text, *links(downloads)]


def _audit(world: World, **filters: Any) -> list[dict[str, Any]]:
    return AuditLog.from_settings(world.settings).entries(**filters)  # type: ignore[return-value]


# -- 1. exports belong to their maker --------------------------------------------------------------

def test_memo_export_is_served_to_its_maker_only(world: World, app_url: str) -> None:
    anna, (text, docx_link, md_link) = _memo_links(app_url, "anna", "Kvastfenix")
    assert SECRET in text and docx_link.endswith(".docx") and md_link.endswith(".md")
    got = anna.get(docx_link)
    assert got.status_code == 200 and "attachment" in got.headers["content-disposition"]
    assert SECRET in "\n".join(p.text for p in docx.Document(io.BytesIO(got.content)).paragraphs)
    assert SECRET in anna.get(md_link).text

    bob = sign_in(app_url, "bob")
    for client in (bob, sign_in(app_url, "eva"), anonymous(app_url)):
        for link in (docx_link, md_link):
            r = client.get(link)
            assert r.status_code == 404 and SECRET not in r.text
    # Nor by the file's place on disk, through Gradio's file route.
    on_disk = next(world.data_dir.glob(f"exports/anna/*/{Path(md_link).name}"))
    for route in ("gradio_api/file=", "gradio_api/file/"):
        r = bob.get(f"{route}{on_disk}")
        assert r.status_code in (403, 404) and SECRET not in r.text
    refused = [e for e in _audit(world, user="bob") if e["action"] == "refused" and e.get("what") == "download"]
    assert refused and refused[-1]["query"] == Path(md_link).name


def test_export_dies_with_the_readers_access(world: World, app_url: str, tmp_path: Path) -> None:
    """A reader who loses the group loses the export too (it is checked at download, not at making)."""
    users = UserStore.from_settings(world.settings)
    users.add("kalle", PASSWORD, ["styrgrupp"])
    try:
        kalle, (text, docx_link, _) = _memo_links(app_url, "kalle", "Kvastfenix")
        assert SECRET in text and kalle.get(docx_link).status_code == 200
        users.remove("kalle")
        users.add("kalle", PASSWORD, ["alla"])
        again = sign_in(app_url, "kalle")
        assert again.get(docx_link).status_code == 404
    finally:
        users.remove("kalle")


def test_decision_exports_are_the_readers_own(world: World, app_url: str) -> None:
    anna = sign_in(app_url, "anna")
    _, _, downloads = call(anna, "decisions", "Kvastfenix", "", "", "")
    csv_link, docx_link = links(downloads)
    assert anna.get(csv_link).status_code == 200
    assert sign_in(app_url, "bob").get(csv_link).status_code == 404


def test_exports_never_enter_gradios_cache(world: World, app_url: str) -> None:
    _memo_links(app_url, "anna", "Kvastfenix budget")
    from assistant.web.gate import gate_for

    cache = gate_for(world.settings).upload_root
    assert cache.stat().st_mode & 0o077 == 0
    for p in cache.rglob("*"):
        if p.is_file():
            assert SECRET.encode() not in p.read_bytes(), p
    exports = world.data_dir / "exports"
    assert all(p.stat().st_mode & 0o077 == 0 for p in [exports, *exports.rglob("*")])


@pytest.mark.parametrize("target", ["anna's export", "anna's upload", "registry", "users file", "etc"])
def test_upload_input_takes_only_the_callers_own_uploads(world: World, app_url: str, target: str) -> None:
    anna, (_, _, md_link) = _memo_links(app_url, "anna", "Kvastfenix")
    paths = {
        "anna's export": str(next(world.data_dir.glob(f"exports/anna/*/{Path(md_link).name}"))),
        "anna's upload": upload(anna, "annas-utkast.md", f"# Utkast\n\nStyrgruppens {SECRET}.".encode()),
        "registry": str(world.data_dir / "registry.sqlite"),
        "users file": str(world.data_dir / "users.toml"),
        "etc": "/etc/passwd",
    }
    before = {d.doc_id for d in world.kb.documents()}
    bob = sign_in(app_url, "bob")
    try:
        message, *_ = call(bob, "upload", [file_ref(paths[target], "stulen.md")], ["alla"])
    except CallError as e:  # Gradio itself refuses a path that was never uploaded
        message = str(e)
    assert "inläst" not in message
    assert {d.doc_id for d in world.kb.documents()} == before
    found = call(bob, "search", SECRET, 10, "", "", "", "")[0]
    assert SECRET not in found.replace(f"”{SECRET}”", "")  # beyond his own query, echoed


def test_own_upload_goes_in(world: World, app_url: str) -> None:
    bob = sign_in(app_url, "bob")
    path = upload(bob, "bobs-anteckning.md", "# Bobs anteckning\n\nOm ängsnarcissernas validering.".encode())
    message, *_ = call(bob, "upload", [file_ref(path, "bobs-anteckning.md")], ["alla"])
    assert "bobs-anteckning.md — inläst" in message
    assert "ängsnarcissernas" in call(bob, "search", "ängsnarcissernas", 5, "", "", "", "")[0]
    assert sign_in(app_url, "eva").get(f"gradio_api/file={path}").status_code == 404  # nor another's upload


# -- 2. no open app on the network -----------------------------------------------------------------

def test_open_bind_without_users_is_refused(world: World, tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, llm_backend="none", scan_enabled=False)
    demo = build_app(world.kb, settings)
    with pytest.raises(OpenAppError, match="--insecure-no-login"):
        launch(demo, "0.0.0.0", free_port(), block=False)

    from assistant.cli import assist

    app = typer.Typer()
    assist.add_commands(app, lambda: settings, lambda: pytest.fail("the store must not be opened"))  # type: ignore[arg-type,return-value]
    r = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0", "--port", str(free_port())])
    assert r.exit_code == 1 and "--insecure-no-login" in r.output and len(r.output.strip().splitlines()) == 1


def test_open_bind_with_the_flag_starts_and_says_why_it_is_dangerous(world: World, tmp_path: Path) -> None:
    from assistant.cli.assist import serve_notice

    settings = Settings(data_dir=tmp_path, llm_backend="none", scan_enabled=False)
    assert "VARNING" in serve_notice(settings, "0.0.0.0", insecure=True)
    demo = build_app(world.kb, settings)
    port = free_port()
    launch(demo, "0.0.0.0", port, block=False, allow_open=True)
    try:
        assert anonymous(f"http://127.0.0.1:{port}/").get("config").status_code == 200  # no sign-in: as asked
    finally:
        demo.close()


def test_with_users_any_bind_requires_sign_in(world: World) -> None:
    demo = build_app(world.kb, world.settings)
    port = free_port()
    launch(demo, "0.0.0.0", port, block=False)
    try:
        assert anonymous(f"http://127.0.0.1:{port}/").get("config").status_code == 401
    finally:
        demo.close()


# -- 3. roles and groups ---------------------------------------------------------------------------

def test_only_admins_manage_users_and_only_within_policy(world: World, app_url: str) -> None:
    sara = sign_in(app_url, "sara")  # secretariat, not an administrator
    with pytest.raises(CallError, match="Bara administratörer"):
        call(sara, "users_add", "mallory", "styrgrupp", "", "lösenord-123")
    adam = sign_in(app_url, "adam")  # administrator in the secretariat
    msg, *_ = call(adam, "users_add", "mallory", "styrgrupp", "", "lösenord-123")
    assert msg.startswith("Fel") and "styrgrupp" not in msg.split("grupperna")[1].split("(")[0]
    assert UserStore.from_settings(world.settings).get("mallory") is None
    msg, *_ = call(adam, "users_add", "mallory", "styrgrup", "", "lösenord-123")  # a typo
    assert "okänd åtkomstgrupp 'styrgrup'" in msg and "giltiga grupper: alla" in msg
    msg, *_ = call(adam, "users_add", "nils", "sekretariat", "MYH", "lösenord-123")
    assert msg.startswith("Tillagd: nils")
    msg, *_ = call(adam, "users_remove", "anna")  # outside what adam may grant
    assert msg.startswith("Fel") and UserStore.from_settings(world.settings).get("anna") is not None
    msg, *_ = call(adam, "users_remove", "nils")
    assert msg.startswith("Borttagen")
    acts = [(e["user"], e.get("act"), e["query"]) for e in _audit(world) if e["action"] == "users"]
    assert ("adam", "add", "nils") in acts and ("adam", "remove", "nils") in acts
    refused = [e for e in _audit(world, user="adam") if e["action"] == "refused"]
    assert {e["query"] for e in refused} >= {"mallory", "anna"}
    assert [e for e in _audit(world, user="sara") if e["action"] == "refused" and "användar" in e.get("what", "")]


def test_the_users_file_refuses_unknown_groups_and_admin_grants(world: World, tmp_path: Path) -> None:
    from assistant.cli import users as cli_users

    settings = Settings(data_dir=tmp_path, groups=GROUPS)
    app = typer.Typer()
    cli_users.add_commands(app, lambda: settings)
    r = CliRunner().invoke(app, ["users", "add", "kim", "--groups", "styrgrup", "--password-stdin"], input="lösenord-123\n")
    assert r.exit_code == 1 and "giltiga grupper: alla, gd-grupp" in r.output
    r = CliRunner().invoke(app, ["users", "add", "ada", "--groups", "sekretariat", "--admin", "--password-stdin"],
                           input="lösenord-123\n")
    assert r.exit_code == 0, r.output
    assert json.loads(CliRunner().invoke(app, ["users", "list", "--json"]).stdout)["users"][0]["admin"] is True
    store = UserStore.from_settings(settings)
    ada = store.get("ada")
    assert ada is not None and ada.is_admin
    with pytest.raises(Exception, match="msv users add --admin"):
        store.add("ole", PASSWORD, ["sekretariat"], admin=True, by=ada)  # no admin makes admins in the app
    ole = store.add("ole", PASSWORD, ["extern"], by=ada)  # extern: granted by policy (admin_grant_groups)
    with pytest.raises(Exception, match="bara administratörer"):
        store.add("pia", PASSWORD, ["alla"], by=ole)
    entries = AuditLog.from_settings(settings).entries()
    assert [(e["user"], e.get("act")) for e in entries if e["action"] == "users"] == [("lokal", "add"), ("ada", "add")]


@pytest.mark.parametrize(("access", "expect"), [("styrgrup", "okänd åtkomstgrupp 'styrgrup'"),
                                                ("alla,extern", "extern kan inte kombineras med alla")])
def test_ingest_refuses_unknown_or_contradictory_groups(tmp_path: Path, msv: Any, access: str, expect: str) -> None:
    doc = tmp_path / "dok.txt"
    doc.write_text("Text om validering.", encoding="utf-8")
    r = msv(tmp_path / "data", "ingest", str(doc), "--access", access)
    assert r.exit_code == 1 and expect in r.output and len(r.output.strip().splitlines()) == 1
    assert not (tmp_path / "data" / "registry.sqlite").exists()  # nothing was opened, nothing stored


def test_sidecar_with_an_unknown_group_fails_that_file_only(world: World, tmp_path: Path) -> None:
    from ingest.kb import KbConfig, KnowledgeBase

    good, bad = tmp_path / "bra.txt", tmp_path / "typo.txt"
    good.write_text("Ett dokument om validering.", encoding="utf-8")
    bad.write_text("Ett dokument om styrning.", encoding="utf-8")
    (tmp_path / "typo.txt.meta.toml").write_text('access = ["styrgrup"]\n', encoding="utf-8")
    with KnowledgeBase(KbConfig(data_dir=tmp_path / "data", groups=GROUPS), embedder=world.kb.embedder) as kb:
        results = {Path(r.path).name: r for r in kb.ingest([good, bad])}
    assert results["bra.txt"].status == "added"
    assert results["typo.txt.meta.toml"].status == "failed"
    assert "styrgrup" in results["typo.txt.meta.toml"].error and "giltiga grupper" in results["typo.txt.meta.toml"].error


def test_app_upload_refuses_unknown_groups(world: World, app_url: str) -> None:
    anna = sign_in(app_url, "anna")
    path = upload(anna, "annas-typo.md", "# Annas\n\nText om sjögurkor.".encode())
    try:  # Gradio refuses a value outside the list, or the handler does, naming the valid ones
        message, *_ = call(anna, "upload", [file_ref(path, "annas-typo.md")], ["styrgrup"])
        assert message.startswith("Fel")
    except CallError as e:
        assert "styrgrup" in str(e)
    assert not any(d.source.endswith("annas-typo.md") for d in world.kb.documents())


# -- 8. two files, one id ------------------------------------------------------------------------

def _sidecar_pair(folder: Path) -> tuple[Path, Path]:
    folder.mkdir()
    first, second = folder / "styrgruppen.txt", folder / "kopia.txt"
    first.write_text("Styrgruppens protokoll om Rödstjärtens budget.", encoding="utf-8")
    second.write_text("En annan text som råkar ha samma id.", encoding="utf-8")
    for f, access in ((first, "styrgrupp"), (second, "alla")):
        f.with_name(f.name + ".meta.toml").write_text(f'doc_id = "protokoll-1"\naccess = ["{access}"]\n',
                                                      encoding="utf-8")
    return first, second


def test_same_sidecar_doc_id_is_refused_naming_both_files(world: World, tmp_path: Path, msv: Any) -> None:
    first, second = _sidecar_pair(tmp_path / "docs")
    data = tmp_path / "data"
    r = msv(data, "ingest", str(first), "--json")
    assert r.exit_code == 0, r.output
    r = msv(data, "ingest", str(second), "--json")
    assert r.exit_code == 2
    (failure,) = json.loads(r.stdout)["failed"]
    assert failure["path"] == str(second) and str(first.resolve()) in failure["error"]
    assert "--replace" in failure["error"] and "protokoll-1" in failure["error"]
    # The steering group's document is untouched: its text, its access.
    from ingest.kb import KbConfig, KnowledgeBase

    with KnowledgeBase(KbConfig(data_dir=data), embedder=world.kb.embedder) as kb:
        (doc,) = kb.documents()
        assert doc.access == ["styrgrupp"] and doc.source == str(first.resolve())
    # Both in one run: the second is refused the same way.
    out = json.loads(msv(tmp_path / "data2", "ingest", str(tmp_path / "docs"), "--json").stdout)
    assert out["added"] == 1 and len(out["failed"]) == 1 and "protokoll-1" in out["failed"][0]["error"]
    # Asked for, the replacement happens.
    r = msv(data, "ingest", str(second), "--replace", "--json")
    assert r.exit_code == 0 and json.loads(r.stdout)["updated"] == 1


def test_a_moved_file_keeps_its_id(world: World, tmp_path: Path, msv: Any) -> None:
    first, _ = _sidecar_pair(tmp_path / "docs")
    data = tmp_path / "data"
    r = msv(data, "ingest", str(first), "--json")
    assert r.exit_code == 0, r.output
    moved = tmp_path / "flyttad.txt"
    first.rename(moved)
    first.with_name(first.name + ".meta.toml").rename(moved.with_name(moved.name + ".meta.toml"))
    r = msv(data, "ingest", str(moved), "--json")
    assert r.exit_code == 0, r.output


# -- the paths that held, over the real server -----------------------------------------------------

HELD = [("search", ("Kvastfenix KF-7731", 10, "", "", "", "")),
        ("ask", ("Vad beslutade styrgruppen om Kvastfenix?", [], [])),
        ("memo", ("Kvastfenix",)),
        ("documents", ()), ("doc_choices", ()), ("filter_choices", ()), ("header", ()),
        ("decisions", ("Kvastfenix", "", "", "")), ("status", ("",)), ("digest", ("30d", "", "", False))]


@pytest.mark.parametrize(("api", "args"), HELD, ids=[a for a, _ in HELD])
@pytest.mark.parametrize("who", ["bob", "eva"])
def test_paths_that_held_stay_shut(world: World, app_url: str, api: str, args: tuple[Any, ...], who: str) -> None:
    shown = json.dumps(call(sign_in(app_url, who), api, *args), ensure_ascii=False).lower()
    styr = BY_KEY["styr"]
    assert [h for h in styr.hidden if h.lower() in shown] == []
    assert world.doc_ids["styr"] not in shown and styr.agency.lower() not in shown

