"""Beyond the read paths: uploads (same name, hostile names, limits), removal, sign-in against
argon2 hashes, the neighbour-window guard, the audit log and the users commands."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

import gradio as gr
import numpy as np
import pytest
from security_fixtures import BY_KEY, PASSWORD, World
from typer.testing import CliRunner

from assistant.access.policy import LOCAL_USER, AccessError, User, restrict, validate_groups, visible_groups
from assistant.access.users import UserStore
from assistant.web.app import AppState, build_app, launch
from assistant.web.gate import safe_name, stage_uploads
from ingest.chunking import chunk_id
from ingest.store import Point, SearchFilter


class Upload:
    """What Gradio hands a handler: a temp path plus the name the browser sent."""

    def __init__(self, path: Path, orig_name: str) -> None:
        self.name = str(path)
        self.orig_name = orig_name


def _upload(world: World, tmp_path: Path, who: str, orig_name: str, text: str, access: list[str] | None = None):
    """What the app does with a file ``who`` uploaded: Gradio put it in its temp folder, the guard
    noted it as theirs, the handler gets its path."""
    st = AppState(world.kb, world.settings)
    src = st.gate.upload_root / tmp_path.name / "tmp-upload.txt"
    src.parent.mkdir(parents=True, exist_ok=True)
    src.write_text(text, encoding="utf-8")
    st.gate.uploads.record(who, [src])
    return st, st.upload([Upload(src, orig_name)], access, gr.Request(username=who))


def test_same_named_upload_neither_replaces_nor_reveals(world: World, tmp_path: Path) -> None:
    secret = BY_KEY["styr"]
    st, (msg, table, _) = _upload(world, tmp_path, "bob", secret.filename, "Bobs egen anteckning med samma filnamn.")
    assert "inläst" in msg
    assert world.doc_ids["styr"] not in json.dumps(table)
    # The restricted document is untouched: same labels, same text, still found by its reader only.
    anna = restrict(SearchFilter(), world.users.resolve("anna"))
    hits = world.kb.search("KF-7731", 5, anna)
    assert hits and hits[0].doc_id == world.doc_ids["styr"] and hits[0].access == ("styrgrupp",)
    bob_hits = world.kb.search("KF-7731 Kvastfenix", 10, restrict(SearchFilter(), world.users.resolve("bob")))
    assert world.doc_ids["styr"] not in {h.doc_id for h in bob_hits}
    assert all("KF-7731" not in h.text for h in bob_hits)


@pytest.mark.parametrize("name", ["../../../etc/passwd.txt", "..\\..\\evil.txt", "/abs/path/x.md", ".hidden.txt",
                                  "a/../../b.txt", "nul\x00byte.txt", "<script>alert(1)</script>.txt"])
def test_upload_names_cannot_escape(world: World, tmp_path: Path, name: str) -> None:
    safe = safe_name(name)
    assert "/" not in safe and "\\" not in safe and not safe.startswith(".") and "\x00" not in safe
    folder = tmp_path / "up"
    src = tmp_path / "src.txt"
    src.write_text("innehåll", encoding="utf-8")
    staged = stage_uploads([Upload(src, name)], folder, max_bytes=1000, max_files=5)
    for p in staged.paths:
        assert p.resolve().parent == folder.resolve()


def test_upload_limits_and_types(tmp_path: Path) -> None:
    big, ok = tmp_path / "big.txt", tmp_path / "ok.txt"
    big.write_bytes(b"x" * 2000)
    ok.write_text("liten", encoding="utf-8")
    staged = stage_uploads([Upload(big, "big.txt"), Upload(ok, "ok.txt"), Upload(ok, "corpus.jsonl"),
                            Upload(ok, "x.txt.meta.toml")], tmp_path / "up", max_bytes=1000, max_files=5)
    assert [p.name for p in staged.paths] == ["ok.txt"]
    assert len(staged.rejected) == 3
    many = stage_uploads([Upload(ok, f"{i}.txt") for i in range(6)], tmp_path / "up2", max_bytes=1000, max_files=5)
    assert many.paths == [] and "för många" in many.rejected[0]


def test_upload_cannot_label_with_foreign_groups(world: World, tmp_path: Path) -> None:
    _, (msg, _, _) = _upload(world, tmp_path, "bob", "till-styrgruppen.txt", "Text.", ["styrgrupp"])
    assert msg.startswith("Fel")


def test_outsider_cannot_remove_a_restricted_or_foreign_document(world: World) -> None:
    st = AppState(world.kb, world.settings)
    for who in ("bob", "eva"):
        msg, *_ = st.remove(world.doc_ids["styr"], gr.Request(username=who))
        assert msg == "Inget togs bort."
    public = next(d.doc_id for d in world.kb.documents() if d.source.endswith("oppen-validering.txt"))
    msg, *_ = st.remove(public, gr.Request(username="bob"))  # visible, but not bob's upload
    assert msg == "Inget togs bort."
    assert world.doc_ids["styr"] in {d.doc_id for d in world.kb.documents()}


def test_signed_out_or_removed_user_gets_nothing(world: World) -> None:
    st = AppState(world.kb, world.settings)
    for req in (gr.Request(), gr.Request(username="mallory")):
        with pytest.raises(gr.Error):
            st.search("Kvastfenix", 10, "", "", "", "", req)


def test_neighbour_window_drops_chunks_with_other_labels(world: World) -> None:
    """A document whose chunks (wrongly) carry different labels: the window must not pull the
    restricted neighbour into a visible hit."""
    kb = world.kb
    texts = [("alla", "Blanddokumentets öppna inledning om gråsparvsmodellen för validering."),
             ("styrgrupp", "Hemlig fortsättning: gråsparvskoden är GS-5150.")]
    points = []
    for i, (label, text) in enumerate(texts):
        payload = {"doc_id": "blandat", "chunk": i, "section": "", "page": None, "text": text, "title": "Blandat",
                   "access": [label], "kind": "övrigt", "agency": "", "date": "", "source": "blandat"}
        points.append(Point(chunk_id("blandat", i), np.asarray(kb.embedder.embed([text])[0]),
                            kb.searcher.bm25.encode_document(text), payload))
    kb.store.upsert(points)
    try:
        bob = restrict(SearchFilter(), world.users.resolve("bob"))
        hits = kb.search("gråsparvsmodellen inledning", 5, bob)
        assert any(h.doc_id == "blandat" for h in hits)
        assert all("GS-5150" not in h.text for h in hits)
        anna_hits = kb.search("gråsparvsmodellen inledning", 5, restrict(SearchFilter(), world.users.resolve("anna")))
        assert any("GS-5150" in h.text for h in anna_hits)
    finally:
        kb.store.delete_docs(["blandat"])


def test_audit_log_records_who_saw_what(world: World, cli_app: Any) -> None:
    r = CliRunner().invoke(cli_app, ["search", "Kvastfenix", "--json", "--user", "anna"])
    assert r.exit_code == 0
    AppState(world.kb, world.settings).search("Morkullaplanen", 5, "", "", "", "", gr.Request(username="bob"))
    entries = [json.loads(line) for line in (world.data_dir / "audit.jsonl").read_text().splitlines()]
    anna = [e for e in entries if e["user"] == "anna" and e["action"] == "search" and e["query"] == "Kvastfenix"]
    assert anna and world.doc_ids["styr"] in anna[-1]["doc_ids"] and anna[-1]["ts"]
    bob = [e for e in entries if e["user"] == "bob" and e["query"] == "Morkullaplanen"]
    assert bob and world.doc_ids["agx"] not in bob[-1]["doc_ids"]


def test_groups_model() -> None:
    assert visible_groups(User("a", ("styrgrupp",))) == ("alla", "styrgrupp")
    assert visible_groups(User("e", ("extern",))) == ("extern",)
    assert visible_groups(User("e", ("extern", "arbetsgrupp-x"))) == ("arbetsgrupp-x", "extern")
    assert restrict(SearchFilter(kinds=("rapport",)), LOCAL_USER).access is None
    with pytest.raises(AccessError, match="giltiga grupper: alla, styrgrupp, extern"):
        validate_groups(["styrgrupp", "admin"], ("alla", "styrgrupp", "extern"))
    with pytest.raises(AccessError):
        validate_groups(["extern", "alla"], ("alla", "styrgrupp", "extern"))


def test_users_file_holds_argon2_hashes_only(world: World) -> None:
    text = Path(world.users.path).read_text(encoding="utf-8")
    assert PASSWORD not in text and text.count("$argon2id$") == len(world.users.list())
    assert world.users.verify("anna", PASSWORD) is not None
    assert world.users.verify("anna", "fel-lösenord") is None
    assert world.users.verify("mallory", PASSWORD) is None


def test_users_cli(tmp_path: Path) -> None:
    import typer

    from assistant.cli import users as cli_users
    from assistant.settings import Settings

    app = typer.Typer()
    cli_users.add_commands(app, lambda: Settings(data_dir=tmp_path))
    run = CliRunner().invoke
    r = run(app, ["users", "list", "--json"])
    assert json.loads(r.stdout) == {"local_mode": True, "users": []}
    r = run(app, ["users", "add", "kim", "--groups", "styrgrupp,arbetsgrupp-validering", "--agency", "SCB",
                  "--password-stdin"], input="lösenord-123\n")
    assert r.exit_code == 0, r.output
    assert run(app, ["users", "add", "kim", "--groups", "alla", "--password-stdin"], input="lösenord-123\n").exit_code == 1
    assert run(app, ["users", "add", "x", "--groups", "hackers", "--password-stdin"], input="lösenord-123\n").exit_code == 1
    assert run(app, ["users", "passwd", "kim", "--password-stdin"], input="nytt-lösenord\n").exit_code == 0
    assert UserStore(tmp_path / "users.toml").verify("kim", "nytt-lösenord") is not None
    listed = json.loads(run(app, ["users", "list", "--json"]).stdout)
    assert listed["users"] == [{"name": "kim", "groups": ["arbetsgrupp-validering", "styrgrupp"], "agency": "SCB",
                                "admin": False}]
    assert run(app, ["users", "remove", "kim"]).exit_code == 0
    assert json.loads(run(app, ["users", "list", "--json"]).stdout) == {"local_mode": False, "users": []}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_app_requires_sign_in_and_acts_as_the_user(world: World) -> None:
    import httpx
    from gradio_client import Client

    demo = build_app(world.kb, world.settings)
    url = launch(demo, "127.0.0.1", _free_port(), block=False)
    try:
        assert url.startswith("http://127.0.0.1:")
        assert httpx.get(url + "config", timeout=10).status_code == 401
        assert httpx.post(url + "login", data={"username": "anna", "password": "fel"}, timeout=10).status_code == 400
        anna = Client(url, auth=("anna", PASSWORD), verbose=False)
        assert "4,2 miljoner kronor" in anna.predict("Kvastfenix", 5, "", "", "", "", api_name="/search")
        bob = Client(url, auth=("bob", PASSWORD), verbose=False)
        md = bob.predict("Kvastfenix", 5, "", "", "", "", api_name="/search")
        assert "4,2 miljoner kronor" not in md and "KF-7731" not in md and md.count("Kvastfenix") == 1  # the query
    finally:
        demo.close()


def test_titles_are_escaped_in_the_app(world: World, tmp_path: Path) -> None:
    st, (msg, *_) = _upload(world, tmp_path, "sara", "<img src=x onerror=alert(1)>.txt",
                            "<script>alert(2)</script> Skadlig titel om tornsvalor.")
    assert "<img" not in msg and "<script" not in msg
    md = st.search("tornsvalor", 5, "", "", "", "", gr.Request(username="sara"))
    assert "<script>" not in md and "&lt;script&gt;" in md


def test_decisions_tab_acts_as_the_reader(world: World) -> None:
    from assistant.web.records_tabs import DecisionsView

    view = DecisionsView(world.kb, settings=world.settings)
    md, picks, *_ = view.search("Kvastfenix", "", "", "", gr.Request(username="anna"))
    assert "4,2 miljoner kronor" in md
    anna_ids = [c[1] for c in picks["choices"]]
    # bob's own search shows nothing of it, and the ids anna was shown open nothing for bob
    md_bob, *_ = view.search("Kvastfenix", "", "", "", gr.Request(username="bob"))
    assert "4,2 miljoner kronor" not in md_bob and "KF-7731" not in md_bob
    view.shown = view.shown or []
    view.search("Kvastfenix", "", "", "", gr.Request(username="anna"))
    assert all(view.passage(i, request=gr.Request(username="bob")) == "" for i in anna_ids)
    assert any("4,2 miljoner kronor" in view.passage(i, request=gr.Request(username="anna")) for i in anna_ids)
