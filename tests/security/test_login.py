"""Sign-in against a real server on 127.0.0.1: brute force meets a growing back-off per user and per
address, every attempt is audited (never the password), cookies are strict, and a session ends
with its lifetime, a password change or the user's removal, also when ``msv users`` does it from
another process."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import typer
from security_fixtures import PASSWORD, World
from security_http import CallError, anonymous, call, running_app, sign_in
from typer.testing import CliRunner

from assistant.access.audit import AuditLog
from assistant.access.login import Throttle
from assistant.access.users import UserStore

WRONG = "fel-lösenord-99"


@pytest.fixture
def tight(world: World) -> Iterator[str]:
    """An app of its own (its own back-off counters): 3 failures, then 1 s, doubling."""
    settings = world.settings.model_copy(update={"login_max_failures": 3, "login_delay_seconds": 1.0})
    with running_app(world, settings) as url:
        yield url


@pytest.fixture
def member(world: World) -> Iterator[str]:
    """A user of this test only (the others are shared with the rest of the suite)."""
    store = UserStore.from_settings(world.settings)
    name = f"tilda{time.monotonic_ns() % 100000}"
    store.add(name, PASSWORD, ["alla"])
    yield name
    if store.get(name) is not None:
        store.remove(name)


def attempt(url: str, user: str, password: str) -> httpx.Response:
    return anonymous(url).post("login", data={"username": user, "password": password})


def test_per_user_back_off_then_the_right_password_works_again(world: World, tight: str, member: str) -> None:
    assert [attempt(tight, member, WRONG).status_code for _ in range(3)] == [400, 400, 400]
    refused = attempt(tight, member, PASSWORD)  # the right password, too soon
    assert refused.status_code == 429 and "För många misslyckade inloggningar" in refused.json()["detail"]
    assert int(refused.headers["retry-after"]) >= 1
    time.sleep(1.2)
    assert attempt(tight, member, PASSWORD).status_code == 200
    entries = AuditLog.from_settings(world.settings).entries(user=member)
    assert [e["action"] for e in entries if e["action"].startswith("login")] == \
        ["login_failed"] * 3 + ["login_refused", "login"]
    assert all(e["address"] == "127.0.0.1" for e in entries if e["action"].startswith("login"))
    audit = (world.data_dir / "audit.jsonl").read_text(encoding="utf-8")
    assert PASSWORD not in audit and WRONG not in audit


def test_the_delay_grows_with_every_failure() -> None:
    now = [0.0]
    t = Throttle(max_failures=3, window=900, delay=30, clock=lambda: now[0])
    waits = []
    for _ in range(6):
        t.failed("user:x")
        waits.append(t.wait("user:x"))
    assert waits == [0, 0, 30, 60, 120, 240]
    now[0] = 100.0  # 100 s after the last failure: 140 s left
    assert t.wait("user:x", "addr:y") == 140
    now[0] = 2000.0  # the window has passed
    assert t.wait("user:x") == 0


def test_per_address_back_off_covers_many_user_names(world: World, tight: str, member: str) -> None:
    for name in ("ada", "bea", "cilla"):  # spraying names from one address
        assert attempt(tight, name, WRONG).status_code == 400
    assert attempt(tight, member, PASSWORD).status_code == 429
    # Behind a reverse proxy on this machine the client's own address counts (X-Forwarded-For).
    other = httpx.post(tight + "login", data={"username": member, "password": PASSWORD},
                       headers={"X-Forwarded-For": "10.1.2.3"}, timeout=30)
    assert other.status_code == 200


def test_cookies_are_strict(world: World, tight: str, member: str) -> None:
    plain = attempt(tight, member, PASSWORD).headers.get_list("set-cookie")
    assert plain and all("HttpOnly" in c and "SameSite=Strict" in c and "Secure" not in c for c in plain)
    behind_tls = httpx.post(tight + "login", data={"username": member, "password": PASSWORD},
                            headers={"X-Forwarded-Proto": "https"}, timeout=30).headers.get_list("set-cookie")
    assert behind_tls and all("Secure" in c and "SameSite=Strict" in c for c in behind_tls)


@pytest.mark.parametrize("change", ["passwd", "remove"])
def test_password_change_or_removal_ends_every_session(world: World, tight: str, member: str, change: str) -> None:
    from assistant.cli import users as cli_users

    first, second = sign_in(tight, member), sign_in(tight, member)
    assert "träffar" in call(first, "search", "validering", 3, "", "", "", "")[0]
    app = typer.Typer()
    cli_users.add_commands(app, lambda: world.settings)
    args = ["users", "passwd", member, "--password-stdin"] if change == "passwd" else ["users", "remove", member]
    r = CliRunner().invoke(app, args, input="ett-nytt-lösenord\n")
    assert r.exit_code == 0, r.output
    for client in (first, second):
        with pytest.raises(CallError):
            call(client, "search", "validering", 3, "", "", "", "")
        assert client.get("config").status_code == 401
    if change == "passwd":  # the new password opens a new session
        assert "träffar" in call(sign_in(tight, member, "ett-nytt-lösenord"), "search", "validering", 3, "", "", "", "")[0]
    assert AuditLog.from_settings(world.settings).entries(user="lokal")[-1]["act"] == change


def test_sessions_end_with_their_lifetime(world: World, member: str) -> None:
    settings = world.settings.model_copy(update={"session_hours": 1.5 / 3600})
    with running_app(world, settings) as url:
        client = sign_in(url, member)
        assert client.get("config").status_code == 200
        time.sleep(2.0)
        assert client.get("config").status_code == 401


def test_logout_ends_the_session(world: World, tight: str, member: str) -> None:
    client = sign_in(tight, member)
    client.get("logout")
    assert client.get("config").status_code == 401
    assert any(e["action"] == "logout" for e in AuditLog.from_settings(world.settings).entries(user=member))


def test_forged_cookie_is_nobody(world: World, tight: str) -> None:
    client = anonymous(tight)
    client.cookies.set("access-token-unsecure-x", "forged")
    assert client.get("config").status_code == 401


def test_no_login_route_tricks_in_local_mode(world: World, tmp_path: Path) -> None:
    """Without users the guard stays out of the way of Gradio's own (absent) sign-in."""
    settings = world.settings.model_copy(update={"data_dir": tmp_path, "users_file": None})
    with running_app(world, settings) as url:
        assert anonymous(url).get("config").status_code == 200
