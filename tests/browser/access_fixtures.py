"""A second app instance for the browser access tests: its own data directory with a users file
(sign-in required), a restricted steering-group document with unique marker phrases, a document
whose title is an XSS payload, and public documents. The session's Embedder is shared with the
other browser tests; the local-mode app of ``conftest.app_url`` is left untouched.

Test modules import the fixtures from here by name (as tests/security does)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from testkit import free_port

from ingest.embed import Embedder
from ingest.kb import KbConfig, KnowledgeBase
from ingest.metadata import Overrides
from ingest.search import SearchParams

PASSWORD = "rätt-häst-batteri-7"
WRONG_PASSWORD = "fel-lösenord-123"

USER_A = "anna"  # styrgrupp: reads the restricted documents
USER_B = "bertil"  # arbetsgrupp-x: must never see them
USERS = {USER_A: (("styrgrupp",), "UHR"), USER_B: (("arbetsgrupp-x",), "MYH")}

# The marker is what both users search for and ask about (so it echoes in their own queries);
# the hidden phrases, the title and the file name appear only in the restricted document.
MARKER = "Glasugglan"
SECRET_FILE = "styrgrupp-glasugglan-protokoll.txt"
SECRET_TITLE = "Styrgruppens protokoll om Näckrosbudgeten"
SECRET_HIDDEN = ("GU-5521", "7,3 miljoner kronor", "Näckrosbudgeten", "Tjäderverket")
SECRET_TEXT = (
    "Protokoll från styrgruppens sammanträde\n\n"
    "Styrgruppen beslutade att satsningen Glasugglan får 7,3 miljoner kronor ur Näckrosbudgeten. "
    "Diarienummer GU-5521.\n\n"
    "Satsningen Glasugglan genomförs av Tjäderverket och redovisas till styrgruppen varje kvartal.")

XSS_FILE = "styrgrupp-bilaga.txt"
XSS_TITLE = "<img src=x onerror=alert(1)>"
XSS_WORD = "Tranbärsfjärilen"
XSS_TEXT = (
    "Bilaga till styrgruppens protokoll\n\n"
    f"{XSS_WORD} är arbetsnamnet på styrgruppens uppföljning av validering. "
    f"Uppföljningen {XSS_WORD} redovisas i juni.")

PUBLIC = {
    "oppen-samverkan.txt":
        "Öppen information om samverkan\n\n"
        "Styrgruppen leder samverkan mellan myndigheterna och beslutar om satsningar. "
        "Beredningsgruppen förbereder styrgruppens ärenden och följer upp besluten.",
    "oppen-validering.txt":
        "Validering av reell kompetens\n\n"
        "Validering gör det möjligt för vuxna att få sina kunskaper erkända. "
        "Myndigheterna arbetar för att validering ska bli enklare i hela landet.",
}



@dataclass
class AccessApp:
    url: str
    data_dir: Path
    secret_id: str
    xss_id: str


@pytest.fixture(scope="module")
def access_app(tmp_path_factory: pytest.TempPathFactory, browser_embedder: Embedder) -> Iterator[AccessApp]:
    """The app on 127.0.0.1:<free port> over its own knowledge base, sign-in required."""
    from assistant.access.users import UserStore
    from assistant.settings import DEFAULT_GROUPS, Settings
    from assistant.web.app import build_app, launch

    root = tmp_path_factory.mktemp("browser-access")
    data, docs = root / "data", root / "docs"
    docs.mkdir()
    params = SearchParams(window=0) if hasattr(SearchParams(), "window") else SearchParams()
    kb = KnowledgeBase(KbConfig(data_dir=data, search=params), embedder=browser_embedder)
    ids: dict[str, str] = {}
    for name, text, title in ((SECRET_FILE, SECRET_TEXT, SECRET_TITLE), (XSS_FILE, XSS_TEXT, XSS_TITLE)):
        (docs / name).write_text(text, encoding="utf-8")
        results = list(kb.ingest([docs / name], Overrides(access=("styrgrupp",), agency="Tjäderverket",
                                                         kind="protokoll", title=title)))
        assert [r.status for r in results] == ["added"], results
        ids[name] = results[0].doc_id
    for name, text in PUBLIC.items():
        (docs / name).write_text(text, encoding="utf-8")
    summary = kb.ingest_all([docs / n for n in PUBLIC], Overrides(agency="MYH"))
    assert summary.added == len(PUBLIC) and not summary.failed

    settings = Settings(data_dir=data, llm_backend="none", scan_enabled=False, groups=(*DEFAULT_GROUPS, "arbetsgrupp-x"))
    users = UserStore.from_settings(settings)
    for name, (groups, agency) in USERS.items():
        users.add(name, PASSWORD, groups, agency)
    assert not users.local_mode

    demo = build_app(kb, settings)
    url = launch(demo, "127.0.0.1", free_port(), block=False)
    yield AccessApp(url, data, ids[SECRET_FILE], ids[XSS_FILE])
    demo.close()
    kb.close()
