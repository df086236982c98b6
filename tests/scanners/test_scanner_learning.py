"""Relevance without labels for English news, and learning from the readers' marks: a real feed on
127.0.0.1 through `msv scan` and `msv digest`, the real embedding model, a real scan store."""

from __future__ import annotations

import json
import random
from datetime import datetime, timezone
from pathlib import Path

from scanner_fixtures import make_app, rss_feed
from typer.testing import CliRunner

from assistant.settings import Settings
from scanners.items import Entry
from scanners.learned import MIN_EACH, train_from_store
from scanners.relevance import load_scorer
from scanners.store import ScanStore

RSS = "application/rss+xml; charset=utf-8"
ON_TOPIC = ("Adult learning and recognition of prior learning: new OECD review",
            "Adults need more opportunities to upskill and reskill throughout their working lives. "
            "The OECD review looks at how countries validate and recognise prior learning, so that "
            "skills acquired at work count towards qualifications, and how adult learning systems "
            "can respond to skills shortages in the labour market.")
OFF_TOPIC = ("OECD Economic Outlook: inflation eases as interest rates stay high",
             "Inflation is easing across OECD economies while central banks keep interest rates "
             "high. Growth in the euro area remains weak, energy prices have fallen and public debt "
             "is rising in several countries.")


def test_english_items_are_judged_by_what_they_are_about(tmp_path: Path, server) -> None:  # type: ignore[no-untyped-def]
    when = datetime.now(timezone.utc)
    items = [(t, server.url(f"/news/{i}"), text, when) for i, (t, text) in enumerate([ON_TOPIC, OFF_TOPIC])]
    server.add("/oecd.xml", rss_feed(items, "OECD news"), RSS)
    src = tmp_path / "sources.toml"
    src.write_text(f'[[source]]\nid = "oecd"\nname = "OECD"\nkind = "rss"\nurl = "{server.url("/oecd.xml")}"\n',
                   encoding="utf-8")
    runner, app = CliRunner(), make_app(tmp_path / "data")
    res = runner.invoke(app, ["scan", "--sources", str(src), "--json"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["digest", "--since", "7d", "--json"])
    assert res.exit_code == 0, res.output
    digest = json.loads(res.stdout)
    assert [i["title"] for i in digest["items"]] == [ON_TOPIC[0]]
    assert digest["left_out"] == 1 and digest["threshold"] == Settings().scan_threshold
    res = runner.invoke(app, ["digest", "--since", "7d"])
    assert "1 nyhet under relevansgränsen" in res.stdout and "--min-score 0" in res.stdout
    res = runner.invoke(app, ["digest", "--since", "7d", "--json", "--min-score", "0"])
    assert len(json.loads(res.stdout)["items"]) == 2


# Two kinds of news the watch topics say nothing about; the readers find the first one relevant.
SEA = ["sjöbefäl", "sjöfart", "fartyg", "rederier", "hamnar", "sjömän", "sjöfartsverket", "färjor"]
HOUSING = ["bostäder", "hyresrätter", "bostadsbyggande", "detaljplaner", "byggföretag", "bolån"]
FILLER = ["regeringen", "beslutade", "idag", "förslag", "miljoner", "kronor", "år", "landet", "nya"]


def _news(words: list[str], rng: random.Random) -> tuple[str, str]:
    title = f"{rng.choice(FILLER).capitalize()} {' '.join(rng.sample(words, 3))}"
    text = " ".join(rng.choice(words + FILLER) for _ in range(40)) + "."
    return title, text


def test_marks_train_a_model_that_ranks_the_next_news(tmp_path: Path) -> None:
    rng = random.Random(12)
    scorer = load_scorer()
    data = tmp_path / "data"
    data.mkdir()
    with ScanStore(data / "scan.sqlite") as store:
        ids: dict[str, list[int]] = {"sea": [], "housing": []}
        for n in range(2 * (MIN_EACH + 3)):
            kind = "sea" if n % 2 == 0 else "housing"
            title, text = _news(SEA if kind == "sea" else HOUSING, rng)
            _, item_id = store.add_entry("press", None, Entry(f"https://example.org/{n}", title, None, text))
            rel = scorer.score(title, text)
            store.set_score(item_id, rel.score, rel.topics, rel.reason)
            ids[kind].append(item_id)
        new_sea, new_housing = ids["sea"].pop(), ids["housing"].pop()
        cold_sea = store.item(new_sea).score
        for i in ids["sea"][:MIN_EACH - 1]:
            store.mark(i, True, user="styrgruppen")
        for i in ids["housing"][:MIN_EACH]:
            store.mark(i, False, user="styrgruppen")
        assert train_from_store(store, "styrgruppen") is None  # one relevant mark short
        last = ids["sea"][MIN_EACH - 1]

    runner, app = CliRunner(), make_app(data)
    res = runner.invoke(app, ["scan", "mark", str(last), "--relevant", "--group", "styrgruppen", "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["learned"] is True
    with ScanStore(data / "scan.sqlite") as store:
        sea, housing = store.item(new_sea), store.item(new_housing)
    assert sea.score is not None and housing.score is not None and cold_sea is not None
    assert sea.score > 0.5 > housing.score and sea.score > cold_sea
    assert sea.reason["learned"] == sea.score and sea.reason["cold_probability"] == cold_sea

    res = runner.invoke(app, ["scan", "--explain", str(new_sea), "--group", "styrgruppen", "--json"])
    assert res.exit_code == 0, res.output
    why = json.loads(res.stdout)
    assert why["model"] == "inlärd" and why["marks"] == {"relevant": MIN_EACH, "not_relevant": MIN_EACH,
                                                        "needed_each": MIN_EACH}
    top = [f["feature"] for f in why["features"][:5] if f["weight"] > 0]
    assert top and all(any(w[:4] in f for w in SEA) for f in top[:2]), why["features"]

    res = runner.invoke(app, ["scan", "mark", "99999", "--relevant"])
    assert res.exit_code == 2 and "99999" in res.output


def test_the_learned_model_reads_past_the_lead() -> None:
    """A press release's later paragraphs (beyond 1,500 characters) are features too."""
    from scanners.learned import item_words

    text = "Regeringen har beslutat. " * 80 + "Folkhögskolorna får fler platser."
    assert len(text) > 2000
    assert "folkhögskol" in " ".join(item_words("Beslut", text))
