"""A floor on the scanner eval (the scorecard itself is `msv eval scanner`): development figures
only; the held-out part is reported by the scorecard, never asserted case by case."""

from __future__ import annotations

from scanner_fixtures import CORPUS

from evals.scanner import evaluate, load_labels
from evals.scanner.evaluate import TIME_SPLIT


def test_labelled_sets_are_large_enough_with_reasons() -> None:
    rows = load_labels()
    assert len(rows) >= 150
    assert all(set(r) >= {"url", "relevant", "reason"} and r["reason"] for r in rows)
    assert len({r["url"] for r in rows}) == len(rows)
    split = load_labels(TIME_SPLIT)
    assert len(split) >= 500 and {r["split"] for r in split} == {"dev", "heldout"}


def test_precision_and_recall_floor() -> None:
    score = evaluate(corpus=CORPUS)
    cold, learned = score.development
    # the digest threshold is chosen on development for recall (evals.scanner.calibrate)
    assert cold.precision_at_10 >= 0.8 and cold.recall >= 0.8 and cold.precision >= 0.35, score.lines()
    assert learned.recall >= 0.85 and learned.precision >= 0.4 and learned.top_r_hits >= 28, score.lines()
    assert [f.marks for f in score.heldout[1:]] == [10, 30, 100, learned.marks]
    assert score.lines()[2].startswith("HELD-OUT")
    assert all(0 <= f.top_r_hits <= f.relevant for f in score.heldout + score.development)
    # within development, older marks against newer pages: the held-out situation, rehearsed
    cold_new, learned_new = score.time_split
    assert 0 < cold_new.n < cold.n and learned_new.marks > 0 and learned_new.n == cold_new.n
    assert any(line.startswith("DEVELOPMENT, TIME SPLIT") for line in score.lines())
    assert all(0 < f.mean_probability < 1 for f in score.development + score.time_split)
    assert set(score.to_json()) == {"threshold", "heldout", "development", "time_split"}


def test_error_listing_names_false_alarms_misses_and_their_topics() -> None:
    from evals.scanner.ranking import errors

    def row(title: str, cold: float, relevant: bool, topics: list) -> dict:
        return {"title": title, "cold": cold, "relevant": relevant, "topics": topics,
                "contrast": 0.1, "kind": "pressmeddelanden"}

    rows = [row("Komvux byggs ut", 0.9, True, [("vuxenutbildning", ["komvux"])]),
            row("Kontroll av a-kassor", 0.5, False, [("arbetsmarknad", ["arbetslöshet"])]),
            row("Utbildning för sjöbefäl", 0.05, True, [("kompetens", ["kompetens"])]),
            row("Väder", 0.01, False, [])]
    out = errors(rows, 0.12)
    assert out[0].endswith("2 shown, 1 relevant of 2")
    listed = [line for line in out if line.startswith(("  false alarm", "  missed"))]
    assert len(listed) == 2
    assert "false alarm #2" in listed[0] and "arbetsmarknad: arbetslöshet" in listed[0]
    assert "missed      #3" in listed[1] and "Utbildning för sjöbefäl" in listed[1]
    tally = {line.split()[0]: line.split()[1:] for line in out[out.index(
        "by strongest topic: shown / relevant shown / relevant missed") + 1:]}
    assert tally == {"vuxenutbildning": ["1", "1", "0"], "arbetsmarknad": ["1", "0", "0"],
                     "kompetens": ["0", "0", "1"], "-": ["0", "0", "0"]}


def test_paired_comparison_separates_a_real_gain_from_none() -> None:
    from evals.scanner.ranking import compare

    rows = [{"relevant": i % 5 == 0, "month": (2023 + i // 40, 1 + i % 12), "dev": True, "cold": (i * 37 % 101) / 101}
            for i in range(120)]
    noisy = lambda _older, newer: [r["cold"] for r in newer]  # noqa: E731
    perfect = lambda _older, newer: [float(r["relevant"]) for r in newer]  # noqa: E731
    for diff, lo, hi in compare("same", noisy, noisy, rows, draws=100):
        assert diff == lo == hi == 0.0
    for diff, lo, hi in compare("perfect", perfect, noisy, rows, draws=100):
        assert diff > 0 and 0 < lo <= diff <= hi


def test_calibration_listing_counts_the_digest_and_bins_by_probability() -> None:
    from evals.scanner.ranking import calibration

    rows = [{"url": f"u{i}", "title": "Väder", "text": "", "relevant": i % 4 == 0, "dev": True,
             "month": (2023 + i // 40, 1 + i % 12), "cold": 0.9 if i % 4 == 0 else (0.2 if i % 8 == 1 else 0.01)}
            for i in range(160)]
    seen: list[int] = []

    def probabilities(older: list, newer: list, stream: list) -> list[float]:
        seen.append(len(stream))
        return [r["cold"] for r in newer]

    out = calibration(rows, 0.12, {"u1", "u2"}, probabilities)
    assert seen == [158, 158, 158]  # the extra marks stay out of the stream
    origins = [line for line in out if line.startswith("  origin")]
    assert len(origins) == 3
    for line in origins:  # every relevant page is shown (0.9), with the 0.2 pages beside it
        shown, rel = line.split("shown ")[1].split(",")[0], line.split("relevant ")[1].split(",")[0]
        n_rel, total = rel.split("/")
        assert n_rel == total and int(shown) > int(n_rel)
    bins = {line.split(")")[0].strip(): line for line in out if line.startswith("  p in")}
    assert set(bins) == {"p in [0.00, 0.05", "p in [0.12, 0.30", "p in [0.60, 1.00"}
    assert bins["p in [0.60, 1.00"].endswith("share relevant 1.000")
    assert bins["p in [0.12, 0.30"].endswith("share relevant 0.000")
