"""A working group named in running text ("arbetsgruppen för förbättrad havsmiljö") is the group whose
own minutes are filed under a shorter or plainer name ("arbetsgrupp-havsmiljo"), when exactly one of the
register's groups fits. Made-up names and minutes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.records.decisions import Decision
from assistant.records.meeting import body_of, known_body
from assistant.records.register import with_recipients
from assistant.records.threads import link_decisions

MET = {"styrgrupp", "arbetsgrupp-havsmiljo", "arbetsgrupp-digital-tillsyn", "arbetsgrupp-digital-service"}


@pytest.mark.parametrize(("text", "body"), [
    ("uppdrar åt arbetsgruppen för förbättrad havsmiljö att", "arbetsgrupp-havsmiljo"),  # every word of the known name
    ("arbetsgruppen för digital tillsyn", "arbetsgrupp-digital-tillsyn"),  # already the known name
    ("Arbetsgruppen för tillsyn", "arbetsgrupp-tillsyn"),  # a word of a known name is not enough
    ("arbetsgruppen för digital", "arbetsgrupp-digital"),  # a prefix of two known names: neither
    ("arbetsgruppen för budget", "arbetsgrupp-budget"),  # no known group fits
    ("beredningsgruppen", "beredningsgrupp"),
])
def test_a_named_group_is_the_one_known_group_its_words_fit(text: str, body: str) -> None:
    assert known_body(text, MET) == body


def test_a_name_read_as_its_first_word_is_the_one_known_group_it_begins() -> None:
    assert body_of("arbetsgruppen för digital tillsyn") == "arbetsgrupp-digital"
    assert known_body("arbetsgruppen för digital", {"arbetsgrupp-digital-tillsyn"}) == "arbetsgrupp-digital-tillsyn"
    assert known_body("arbetsgruppen för digital", {"arbetsgrupp-digitalisering"}) == "arbetsgrupp-digital"


BASE = Decision(id="x", body="styrgrupp", date="2026-01-14", paragraph="§ 2", text="", kind="beslut", responsible="",
                deadline="", doc_id="d1", title="", source="/tmp/a.md", section="", page=None, passage="")


def test_an_assignment_to_a_group_named_in_full_meets_that_groups_report() -> None:
    given = replace(BASE, id="a", kind="uppdrag", heading="Provtagning i kustvatten", doc_id="d-a",
                    responsible="arbetsgruppen för förbättrad havsmiljö",
                    text="Styrgruppen uppdrar åt arbetsgruppen för förbättrad havsmiljö att ta fram en plan för "
                         "provtagning i kustvatten till höstens möte.")
    other = replace(BASE, id="b", date="2026-05-06", body="arbetsgrupp-digital-tillsyn", doc_id="d-b",
                    heading="Tillsynsverktyg", text="Arbetsgruppen beslutade att pröva ett nytt tillsynsverktyg.")
    report = replace(BASE, id="c", date="2026-09-09", body="arbetsgrupp-havsmiljo", doc_id="d-c",
                     heading="Plan för provtagning", text="Arbetsgruppen beslutade att lämna planen för provtagning "
                     "i kustvatten till styrgruppen.")
    resolved = with_recipients([given, other, report])
    assert [d.recipient for d in resolved] == ["arbetsgrupp-havsmiljo", "", ""]
    assert resolved[0].responsible == "arbetsgruppen för förbättrad havsmiljö"  # the words as written stay
    links = {(lk.earlier, lk.later) for lk in link_decisions(resolved)}
    assert ("a", "c") in links and ("a", "b") not in links


def test_the_open_list_names_a_group_given_an_assignment_in_full_by_its_register_name(tmp_path, embedder) -> None:
    """The register resolves the recipient once, when it is built: an assignment read before the
    group's own minutes were filed is resolved when they are, and `msv decisions --open` lists it under
    the group (``--body``) with the group's register name and the words as written."""
    import json

    import typer
    from testkit import SharedKb
    from typer.testing import CliRunner

    from assistant.cli import records as cli_records
    from assistant.settings import Settings
    from ingest.kb import KbConfig, KnowledgeBase

    docs = tmp_path / "docs"
    docs.mkdir()
    given = docs / "2031-02-10_styrgrupp_protokoll.md"
    given.write_text("# Protokoll styrgruppen 2031-02-10\n\n## § 3 Provtagning i kustvatten\n\nStyrgruppen uppdrog åt "
                     "arbetsgruppen för förbättrad havsmiljö att ta fram en plan för provtagning i kustvatten senast "
                     "den 30 september 2031.\n", encoding="utf-8")
    own = docs / "2031-04-02_arbetsgrupp-havsmiljo_minnesanteckningar.md"
    own.write_text("# Minnesanteckningar arbetsgruppen för havsmiljö 2031-04-02\n\n## 2. Mötesformer\n\n"
                   "Gruppen beslutade att mötena hålls digitalt under våren.\n", encoding="utf-8")
    kb = KnowledgeBase(KbConfig(data_dir=tmp_path / "kb"), embedder=embedder)
    app = typer.Typer()

    @app.callback()
    def _main() -> None:
        pass

    settings = Settings(data_dir=kb.config.data_dir)
    cli_records.add_commands(app, lambda: settings, lambda: SharedKb(kb))

    def open_list(*args: str) -> list[dict]:
        r = CliRunner().invoke(app, ["decisions", "--open", "--today", "2031-05-01", "--json", *args])
        assert r.exit_code == 0, r.stdout
        return json.loads(r.stdout)["open"]

    try:
        kb.ingest_all([given])
        [before] = open_list()
        assert before["recipient"] == "arbetsgrupp-förbättrad"  # no group of that name has met yet
        kb.ingest_all([own])
        [task] = open_list("--body", "havsmiljo")
        assert (task["body"], task["recipient"]) == ("styrgrupp", "arbetsgrupp-havsmiljo")
        assert task["responsible"] == "arbetsgruppen för förbättrad havsmiljö" and task["due"] == "2031-09-30"
        assert open_list("--body", "beredningsgrupp") == []
    finally:
        kb.close()


@pytest.mark.parametrize(("text", "known", "body"), [
    # the file name spells the group by its compound's initials, each part split again (miljö|övervakning|dagarna)
    ("Arbetsgruppen för miljöövervakningsdagarna – minnesanteckningar", {"arbetsgrupp-mod"}, "arbetsgrupp-mod"),
    # … or by the compound's first part (kvalitets|uppföljning)
    ("uppdrog åt arbetsgruppen för kvalitetsuppföljning att", {"arbetsgrupp-kvalitet", "styrgrupp"},
     "arbetsgrupp-kvalitet"),
    # a compound's last part is not its short form, and a word that is no compound has none here
    ("arbetsgruppen för kvalitetsuppföljning", {"arbetsgrupp-uppfoljning"}, "arbetsgrupp-kvalitetsuppföljning"),
    ("arbetsgruppen för digitalisering", {"arbetsgrupp-d"}, "arbetsgrupp-digitalisering"),
    # two groups fit: neither
    ("arbetsgruppen för kvalitetsuppföljning", {"arbetsgrupp-kvalitet", "arbetsgrupp-ku"}, "arbetsgrupp-kvalitetsuppföljning"),
])
def test_a_group_filed_under_a_short_form_of_its_name(text: str, known: set[str], body: str) -> None:
    assert known_body(text, known) == body


def test_minutes_filed_under_a_groups_initials_are_that_groups() -> None:
    """The header names the group in full, the file name by its initials: the file name's group, so the
    group's minutes are one body however each is headed."""
    from assistant.records.meeting import meeting_body
    from ingest.documents import Block

    title = "Arbetsgruppen för miljöövervakningsdagarna – minnesanteckningar"
    assert meeting_body(title, [Block(title)], "/x/2031-03-02_arbetsgrupp-mod_minnesanteckningar.docx") == "arbetsgrupp-mod"
    assert meeting_body("MOD-gruppen, anteckningar", [], "/x/2031-09-02_arbetsgrupp-mod_minnesanteckningar.md") == "arbetsgrupp-mod"
