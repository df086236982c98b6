"""`msv scan mark ITEM --relevant|--not-relevant` and `msv scan --explain ITEM`: the readers'
marks that the relevance model learns from, and what weighed most for one item."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.console import Console

from scanners.errors import ScanError
from scanners.learned import MIN_EACH, explanation, mark_and_learn
from scanners.store import ScanStore

from .common import emit, err, fail

BAD_INPUT = 2


def _store(settings: Any) -> ScanStore:
    if not Path(settings.scan_db).exists():
        fail(f"ingen bevakningsdatabas i {settings.scan_db}; kör först: msv scan", BAD_INPUT)
    return ScanStore(settings.scan_db)


def mark_item(settings: Any, item_id: int, relevant: bool, group: str, as_json: bool) -> None:
    with _store(settings) as store:
        try:
            model = mark_and_learn(store, item_id, relevant, group)
        except ScanError as e:
            fail(str(e), BAD_INPUT)
        marks = store.marks(group)
    n_rel = sum(marks.values())
    out = {"item_id": item_id, "relevant": relevant, "group": group, "learned": model is not None,
           "marks": {"relevant": n_rel, "not_relevant": len(marks) - n_rel}}
    if as_json:
        emit(out)
        return
    what = "relevant" if relevant else "inte relevant"
    state = ("relevansen bedöms nu av en modell som lärt sig av markeringarna" if model else
             f"relevansen bedöms utan inlärning tills det finns {MIN_EACH} markeringar av varje slag "
             f"(nu {n_rel} relevanta, {len(marks) - n_rel} inte relevanta)")
    err.print(f"Nyhet nr {item_id} markerad som {what} av {group}; {state}.", highlight=False, markup=False)


def explain_item(settings: Any, item_id: int, group: str, as_json: bool) -> None:
    with _store(settings) as store:
        try:
            out = explanation(store, item_id, group)
        except ScanError as e:
            fail(str(e), BAD_INPUT)
    if as_json:
        emit(out)
        return
    con = Console()
    con.print(f"{out['title']} (nr {out['item_id']}): relevans {out['score'] or 0:.2f} ({out['model']})",
              highlight=False, markup=False)
    for f in out["features"]:
        con.print(f"  {f['weight']:+.3f}  {f['feature']}", highlight=False, markup=False)
    if out["reason"]:
        con.print(out["reason"], highlight=False, markup=False)
