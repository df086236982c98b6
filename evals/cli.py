"""`msv eval …`: the quality measurements as ``msv`` commands. The product does not import this
module; it arrives through the entry point group ``msv.commands`` (see pyproject.toml), which
``assistant.cli.main`` loads at run time."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.console import Console

from assistant.cli.common import emit, err, fail, search_params
from ingest.errors import MsvError

REGERINGEN = Path("../shared/corpus/regeringen.jsonl.gz")
QUESTIONS = Path(__file__).resolve().parent / "questions"


def _existing(path: Path | None) -> Path | None:
    """An optional question file: None when not given (an empty string) or not there."""
    return path if path is not None and str(path) not in ("", ".") and path.is_file() else None


def add_commands(app: typer.Typer, get_settings: Callable[[], Any], open_kb: Callable[[], Any]) -> None:
    """Add the ``eval`` group to ``app`` (the ``msv.commands`` entry point)."""
    del open_kb  # the evaluations build knowledge bases of their own
    eval_app = typer.Typer(no_args_is_help=True, help="Mät kvalitet (träffsäkerhet, svar).")
    app.add_typer(eval_app, name="eval")

    @eval_app.command("retrieval")
    def retrieval_cmd(
        file: Annotated[Path, typer.Argument(help="Utvecklingsdelens frågor (JSONL).")] = QUESTIONS / "retrieval.jsonl",
        heldout: Annotated[Path | None, typer.Option(
            help="Utvärderingsdelens frågor (JSONL), skrivna blint; tom sträng = ingen.")] = QUESTIONS / "retrieval_heldout.jsonl",
        regeringen: Annotated[Path, typer.Option(help="Regeringens korpus (JSONL.gz).")] = REGERINGEN,
        sample: Annotated[int, typer.Option(help="Antal regeringsdokument utöver frågornas (0 = alla).")] = 2000,
        baseline: Annotated[bool, typer.Option(help="Mät också en naiv llama-index-baslinje.")] = True,
        as_json: Annotated[bool, typer.Option("--json", help="Skriv som JSON.")] = False,
    ) -> None:
        """Träffsäkerhet: hit@1, hit@5, MRR@10 och tecken per träff, mot en naiv baslinje."""
        from evals.retrieval import format_report, run_retrieval_eval

        settings = get_settings()
        try:
            report = run_retrieval_eval(file, heldout_file=_existing(heldout), corpus_dir=settings.corpus_dir,
                                        regeringen=regeringen,
                                        sample=sample, baseline=baseline, embed_model=settings.embed_model,
                                        chunk_chars=settings.chunk_chars, params=search_params(settings),
                                        embed_precision=settings.embed_precision,
                                        log=err.print)
        except (MsvError, OSError) as e:
            fail(str(e), 1)
        if as_json:
            emit(report)
        else:
            Console().print(format_report(report), highlight=False)

    @eval_app.command("answers")
    def answers_cmd(
        files: Annotated[Optional[list[Path]], typer.Argument(
            help="Utvecklingsdelens frågor (JSONL); standard: answers.jsonl och answers_dev2–17.jsonl.")] = None,
        heldout: Annotated[Path | None, typer.Option(
            help="Utvärderingsdelens frågor (JSONL), skrivna blint; tom sträng = ingen.")] = QUESTIONS / "answers_heldout.jsonl",
        regeringen: Annotated[Path, typer.Option(help="Regeringens korpus (JSONL.gz).")] = REGERINGEN,
        sample: Annotated[int, typer.Option(help="Antal regeringsdokument utöver frågornas (0 = alla).")] = 2000,
        as_json: Annotated[bool, typer.Option("--json", help="Skriv som JSON.")] = False,
    ) -> None:
        """Svarskvalitet: faktatäckning, citeringsprecision, korrekt och felaktig vägran."""
        from evals.answers import format_report, run_answer_eval

        settings = get_settings()
        try:
            names = ("answers", "answers_dev2", "answers_dev3", "answers_dev4", "answers_dev5", "answers_dev6", "answers_dev7",
                     "answers_dev8", "answers_dev9", "answers_dev10", "answers_dev11", "answers_dev12",
                     "answers_dev13", "answers_dev14", "answers_dev15", "answers_dev16", "answers_dev17",
                     "answers_dev18")
            dev = files or [QUESTIONS / f"{name}.jsonl" for name in names if (QUESTIONS / f"{name}.jsonl").is_file()]
            report = run_answer_eval(dev, heldout_file=_existing(heldout), corpus_dir=settings.corpus_dir, regeringen=regeringen,
                                     sample=sample,
                                     embed_model=settings.embed_model, chunk_chars=settings.chunk_chars, log=err.print)
        except (MsvError, OSError, ValueError) as e:
            fail(str(e))
        if as_json:
            emit(report)
        else:
            Console().print(format_report(report), highlight=False)

    @eval_app.command("scanner")
    def scanner_cmd(as_json: Annotated[bool, typer.Option("--json", help="Skriv som JSON.")] = False) -> None:
        """Omvärldsbevakningens relevans på de märkta regeringssidorna, så som appen kör den: utan
        markeringar (kallstart) och inlärd med en inlärningskurva; den frusna utvärderingsdelen först."""
        from evals.scanner.evaluate import evaluate

        score = evaluate()
        if as_json:
            emit(score.to_json())
        else:
            Console().print("\n".join(score.lines()), highlight=False)

    @eval_app.command("decisions")
    def decisions_cmd(
        file: Annotated[Path | None, typer.Argument(help="Facit (JSONL); standard: evals/decisions/gold.jsonl.")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Skriv som JSON.")] = False,
        questions: Annotated[bool, typer.Option(
            help="Ställ också arbetsgruppernas frågor till beslutsregistret (läser in protokollen med inbäddningsmodellen).")] = True,
    ) -> None:
        """Beslutsextraktionens precision och täckning (och organ/datum) mot det märkta facit,
        beslutskedjornas precision och täckning och arbetsgruppernas frågor: den blint skrivna
        utvärderingsdelen först (bara siffror)."""
        from datetime import date as Date

        from evals.decisions.evaluate import GOLD, evaluate_decisions
        from evals.decisions.questions_eval import DEV_QUESTIONS, evaluate_questions, minutes_in
        from evals.decisions.samples import DATA, all_meetings
        from evals.decisions.threads_eval import DEV_SETS, GOLD_THREADS, HELDOUT, evaluate_threads

        threads: dict[str, object] = {}
        if (HELDOUT / "gold_threads.jsonl").is_file():  # figures only: its cases are never printed
            threads["heldout"] = evaluate_threads(HELDOUT / "gold_threads.jsonl", HELDOUT)
        threads["development"] = evaluate_threads(GOLD_THREADS)
        dev = {name: folder for name, (folder, _) in DEV_SETS.items() if (folder / "gold_threads.jsonl").is_file()}
        for name, folder in dev.items():  # development sets in the held-out format, printed apart
            threads[name] = evaluate_threads(folder / "gold_threads.jsonl", folder)
        held = None
        if (HELDOUT / "gold_decisions.jsonl").is_file():  # the held-out minutes' extraction, figures only
            held = evaluate_decisions(HELDOUT / "gold_decisions.jsonl", HELDOUT)
        extracted = {name: evaluate_decisions(folder / "gold_decisions.jsonl", folder) for name, folder in dev.items()
                     if (folder / "gold_decisions.jsonl").is_file()}
        score = evaluate_decisions(file or GOLD)
        asked: dict[str, Any] = {}
        if questions and (HELDOUT / "questions.jsonl").is_file():  # figures only
            asked["heldout"] = evaluate_questions(HELDOUT / "questions.jsonl", minutes_in(HELDOUT))
        for name, folder in dev.items():
            day = DEV_SETS[name][1]
            if questions and (folder / "questions.jsonl").is_file():
                asked[name] = evaluate_questions(folder / "questions.jsonl", minutes_in(folder), show=True,
                                                 today=Date.fromisoformat(day) if day else None)
        if questions and DEV_QUESTIONS.is_file():
            asked["development"] = evaluate_questions(DEV_QUESTIONS, [DATA / m.file for m in all_meetings()], show=True)
        if as_json:
            out = {**score.as_dict(), "threads": {k: v.as_dict() for k, v in threads.items()}}  # type: ignore[attr-defined]
            if held is not None:
                out["heldout"] = {k: v for k, v in held.as_dict().items() if not isinstance(v, list)}
            out.update({name: e.as_dict() for name, e in extracted.items()})
            out["questions"] = {k: {f: x for f, x in v.as_dict().items() if f != "failures" or k != "heldout"}
                                for k, v in asked.items()}
            emit(out)
        else:
            lines = [ln for label, t in threads.items() for ln in t.lines(label)]  # type: ignore[attr-defined]
            for label, q in asked.items():
                lines += [""] + q.lines(f"{label} questions")
                lines += [f"    {f}" for f in q.failures] if label != "heldout" else []
            if held is not None:
                lines += ["", "heldout extraction:"] + [f"  {ln}" for ln in held.lines()]
            for name, e in extracted.items():
                lines += ["", f"{name} extraction:"] + [f"  {ln}" for ln in e.lines()]
            Console().print("\n".join(lines + ["", "development extraction:"] + score.lines()), highlight=False)

    @eval_app.command("status")
    def status_cmd(as_json: Annotated[bool, typer.Option("--json", help="Skriv som JSON.")] = False) -> None:
        """Hur exakt lägesbedömningarnas status tolkas, mot det märkta facit."""
        from evals.decisions.evaluate import evaluate_status

        score = evaluate_status()
        if as_json:
            emit(score.as_dict())
        else:
            Console().print("\n".join(score.lines()), highlight=False)
