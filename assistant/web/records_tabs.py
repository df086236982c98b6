"""App tabs *Beslut* (the decision register, filterable, each decision with its passage, export
to CSV and Word) and *Lägesbild* (status per working group, counts in words as well as colour).
Use as ``build_app(kb, settings, extra_tabs=[build_decisions_tab, build_status_tab])``."""

from __future__ import annotations

import logging
import threading
from datetime import date as Date
from typing import TYPE_CHECKING, Any

import gradio as gr
from gradio.context import Context

from ingest.errors import MsvError

from ..access.policy import LOCAL_USER, User, access_of
from ..records import DECISION_KINDS, Decision, OpenAssignment, RecordRegister, Thread, date_bound, status_overview
from ..records.decisions import THREAD_KINDS
from ..records.export import to_csv, to_docx
from ..records.pairs import RELATION_SV
from ..records.threads import concerns, open_assignments, thread_of
from .decision_list import PAGE, choices, first_page, listing, more_button, next_page
from .exports import export_store
from .gate import UPLOAD_FORMATS, gate_for
from .render import esc, source_link

if TYPE_CHECKING:
    from ingest.kb import KnowledgeBase

    from ..settings import Settings

log = logging.getLogger(__name__)
BODIES = [("Alla organ", ""), ("Styrgruppen", "styrgrupp"), ("GD-gruppen", "gd-grupp"),
          ("Beredningsgruppen", "beredningsgrupp"), ("Arbetsgrupperna", "arbetsgrupp")]
DECISIONS_EMPTY = (
    "**Inga beslut finns ännu i beslutsregistret.** Registret fylls av protokoll och minnesanteckningar från "
    "styrgruppen, GD-gruppen, beredningsgruppen och arbetsgrupperna: varje beslut, uppdrag och ställningstagande "
    "plockas ut med datum, organ och paragraf och länkas till stycket det kommer från.\n\n"
    f"**Läs in protokoll och minnesanteckningar under Källor** (format: {UPLOAD_FORMATS}). Ett dokument räknas som "
    "protokoll eller minnesanteckningar när ordet står i filnamnet eller i början av texten (ett protokoll också "
    "när det har paragrafer, § 1), eller när typen anges (`msv ingest --kind protokoll`).")
STATUS_EMPTY = (
    "**Inga lägesbedömningar finns ännu i kunskapsbasen.** Arbetsgrupperna lämnar en lägesbedömning till "
    "styrgruppen två gånger per år, med en trafikljusbedömning (grön, gul, röd) per aktivitet.\n\n"
    "Så känns en lägesbedömning igen: ordet *lägesbedömning* eller *lägesrapport* i filnamnet eller i början av "
    "texten (eller typen angiven, `msv ingest --kind lägesbedömning`). I dokumentet läses statusen ur mallens "
    "tabell med kolumnerna Aktivitet, Status och Kommentar, eller ur rader som \"Status: Gul\" under en "
    "aktivitet (\"Aktivitet: …\") med en rad \"Kommentar: …\". Arbetsgrupp och period läses ur titeln och "
    f"texten.\n\n**Läs in lägesbedömningar under Källor** (format: {UPLOAD_FORMATS}).")
TO_SOURCES = "Gå till Källor"
# A status is a CSS-coloured dot (web/page.py; an emoji needs a font a plain server may lack) next to its word.
COLOUR_SV = {status: (f'<span class="status-dot status-{css}" aria-hidden="true"></span>', word)
             for status, css, word in (("grön", "gron", "Grön"), ("gul", "gul", "Gul"), ("röd", "rod", "Röd"))}


class DecisionsView:
    """The *Beslut* tab's handlers, callable without a browser."""

    def __init__(self, kb: KnowledgeBase, access: tuple[str, ...] | None = None,
                 settings: Settings | None = None) -> None:
        self.kb = kb
        self.access = access
        self.settings = settings  # with settings, each request acts as its signed-in user
        self.lock = threading.Lock()
        data_dir = settings.data_dir if settings is not None else kb.config.data_dir
        self.exports = export_store(data_dir, settings.session_hours * 3600 if settings is not None else 12 * 3600)
        self.shown: list[Decision] = []

    def _user(self, request: gr.Request | None) -> User:
        return gate_for(self.settings).user(request) if self.settings is not None else LOCAL_USER

    def _access(self, user: User) -> tuple[str, ...] | None:
        """The reader's groups (everything in local mode), within ``self.access``."""
        allowed = access_of(user)
        if allowed is None or self.access is None:
            return self.access if allowed is None else allowed
        return tuple(g for g in allowed if g in self.access)

    def _audit(self, user: User, action: str, query: str, doc_ids: list[str]) -> None:
        if self.settings is not None:
            gate_for(self.settings).audit.record(user, action, query, doc_ids)

    def search(self, query: str, body: str, since: str, until: str,
               request: gr.Request = None) -> tuple[str, Any, str]:  # type: ignore[assignment]
        """The first page of decisions as Markdown, the choices for their passages and download links
        to the CSV and Word exports of every decision found (the reader's own, see web/exports.py)."""
        return self.search_page(query, body, since, until, request)[:3]

    def search_page(self, query: str, body: str, since: str, until: str,
                    request: gr.Request = None) -> tuple[str, Any, str, Any, dict[str, Any]]:  # type: ignore[assignment]
        """``search``, plus the "Visa fler" button and the session's list state (web/decision_list.py)."""
        user = self._user(request)
        access = self._access(user)
        nothing = gr.update(choices=[], value=None)
        try:
            date_bound(since or "")
            date_bound(until or "", end=True)
        except ValueError as e:
            return f"Fel datum: {esc(e)}", nothing, "", more_button([], 0), first_page([], False)
        ranked = bool((query or "").strip())
        try:
            with self.lock, RecordRegister.for_kb(self.kb) as reg:
                reg.sync(self.kb)
                found = reg.decisions(query or "", body=body or "", since=since or "", until=until or "",
                                      access=access, kb=self.kb if ranked else None)
        except MsvError as e:
            log.warning("decision search failed: %s", e)
            return f"Kunde inte söka i beslutsregistret: {esc(e)}", nothing, "", more_button([], 0), first_page([], False)
        doc_ids = list(dict.fromkeys(d.doc_id for d in found))
        self._audit(user, "decisions", " ".join(x for x in (query or "", body or "", since or "", until or "") if x),
                    doc_ids)
        self.shown = found
        state = first_page(found, ranked)
        if not found:
            filtered = any((x or "").strip() for x in (query, body, since, until))
            if filtered and self._visible_decisions(request):
                return "Inga beslut matchar urvalet.", nothing, "", more_button([], 0), state
            return DECISIONS_EMPTY, nothing, "", more_button([], 0), state
        export = self.exports.save(user, doc_ids, lambda folder: [to_csv(found, folder / "beslut.csv"),
                                                                 to_docx(found, folder / "beslut.docx")])
        return (listing(found, PAGE, ranked), gr.update(choices=choices(found, PAGE), value=None),
                export.markdown(["Ladda ner CSV", "Ladda ner Word (.docx)"]), more_button(found, PAGE), state)

    def _visible_decisions(self, request: gr.Request | None, kinds: tuple[str, ...] = DECISION_KINDS) -> list[Decision]:
        with self.lock, RecordRegister.for_kb(self.kb) as reg:
            reg.sync(self.kb)
            return reg.all_decisions(kinds=kinds, access=self._access(self._user(request)))

    def thread(self, decision_id: str | None, request: gr.Request = None) -> str:  # type: ignore[assignment]
        """The chosen decision's thread as a timeline, oldest first, each link with its reason."""
        if not decision_id:
            return ""
        try:
            found = thread_of(self._visible_decisions(request, THREAD_KINDS), decision_id)  # tablings too
        except MsvError as e:
            return f"Kunde inte läsa beslutsregistret: {esc(e)}"
        return thread_markdown(found) if found is not None else "Beslutet finns inte (längre) i registret."

    def open_tasks(self, body: str = "", today: str = "", request: gr.Request = None) -> str:  # type: ignore[assignment]
        """Assignments given and not yet answered, by body and deadline."""
        try:
            day = Date.fromisoformat(today.strip()) if (today or "").strip() else Date.today()
        except ValueError:
            return f"Fel datum: {esc(today)!s} är inget datum; skriv ÅÅÅÅ-MM-DD"
        try:
            decisions = self._visible_decisions(request)
        except MsvError as e:
            return f"Kunde inte läsa beslutsregistret: {esc(e)}"
        found = [o for o in open_assignments(decisions, day) if concerns(o, body)]
        return open_markdown(found)

    def passage(self, decision_id: str | None, state: dict | None = None,
                request: gr.Request = None) -> str:  # type: ignore[assignment]
        """The chosen decision's passage, looked up in this session's list (``state``, the page's own search;
        another user's search in between does not empty it), else in the last search of any session."""
        found = (state or {}).get("found") or self.shown
        d = next((x for x in found if x.id == decision_id), None)
        user = self._user(request)
        access = self._access(user)  # `shown` is the last search of any session: check the reader
        if d is None or (access is not None and d.doc_id not in {r.doc_id for r in self.kb.documents(access)}):
            if d is not None:
                self._audit(user, "refused", str(decision_id), [])
            return ""
        self._audit(user, "decisions", f"källstycke {d.id}", [d.doc_id])
        where = ", ".join(x for x in (d.section, f"sida {d.page}" if d.page else "") if x)
        quote = "\n".join("> " + esc(t) for t in d.passage.splitlines() if t.strip())
        return (f"### {esc(d.title)}\n\n**Avsnitt:** {esc(where or '–')}  \n**Datum:** {esc(d.date or '–')}  \n"
                f"**Källa:** {source_link(d.source, d.doc_id)}\n\n{quote}")


def thread_markdown(thread: Thread) -> str:
    """A thread as a timeline: one item per decision, oldest first, with why it follows the one before."""
    why = {link.later: link for link in thread.links}
    out = [f"### Ärende: {esc(thread.matter or '–')}", f"{len(thread.decisions)} beslut, äldst först.", ""]
    for d in thread.decisions:
        head = ", ".join(x for x in (d.paragraph, d.heading, d.kind) if x)
        out.append(f"- **{esc(d.date or 'odaterat')} – {esc(d.body)}** ({esc(head)}): {esc(d.text)}  ")
        if link := why.get(d.id):
            out.append(f"  *{esc(RELATION_SV.get(link.relation, link.relation))}:* {esc(link.reason)}  ")
        out.append(f"  Källa: {esc(d.title)} ({source_link(d.source, d.doc_id)})")
    return "\n".join(out)


def open_markdown(found: list[OpenAssignment]) -> str:
    """The secretariat's follow-up list: open assignments by body, earliest deadline first."""
    if not found:
        return "Inga öppna uppdrag."
    late = sum(o.overdue for o in found)
    out = [f"**{len(found)} öppna uppdrag**, varav {late} försenade.", ""]
    for body in sorted({o.decision.body for o in found}):
        out.append(f"### {esc(body or 'okänt organ')}")
        for o in (x for x in found if x.decision.body == body):
            d = o.decision
            due = f"senast {o.due_text or o.due}" if o.due else "ingen tidsfrist angiven"
            flag = " – **försenat**" if o.overdue else ""
            who = f", ansvarig: {d.responsible}" if d.responsible else ""
            out.append(f"- {esc(due)}{flag} (givet {esc(d.date)} {esc(d.paragraph)}{esc(who)}): {esc(d.text)}")
        out.append("")
    return "\n".join(out)


def status_markdown(overview: dict[str, list[dict[str, Any]]]) -> str:
    """Per group and period: counts in words (never colour alone), red and yellow activities with
    their comments, and what changed since the group's previous report."""
    if not overview["reports"]:
        return STATUS_EMPTY
    reports = {(r["group"], r["period"]): r for r in overview["reports"]}
    out: list[str] = []
    for s in overview["summary"]:
        out.append(f"### {esc(s['group'])}, {esc(s['period'])}")
        out.append(f"{COLOUR_SV['grön'][0]} {s['grön']} gröna · {COLOUR_SV['gul'][0]} {s['gul']} gula · "
                   f"{COLOUR_SV['röd'][0]} {s['röd']} röda")
        r = reports.get((s["group"], s["period"]))
        flagged = [a for a in (r["activities"] if r else []) if a["status"] != "grön"]
        if flagged:
            out.append("")
            for a in sorted(flagged, key=lambda a: a["status"] != "röd"):
                icon, word = COLOUR_SV[a["status"]]
                out.append(f"- {icon} **{word}:** {esc(a['activity'])} – {esc(a['comment'] or 'ingen kommentar')}")
        changed = s["changed_since_previous"]
        if changed:
            out.append("\n**Ändrat sedan förra lägesbedömningen:**\n")
            for c in changed:
                before = COLOUR_SV[c["previous"]][1] if c["previous"] else "ny aktivitet"
                after = COLOUR_SV[c["current"]][1] if c["current"] else "utgått"
                out.append(f"- {esc(c['activity'])}: {before} → {after}")
        out.append("")
    return "\n".join(out)


def build_decisions_tab(kb: KnowledgeBase, settings: Settings) -> None:
    """Add the *Beslut* tab."""
    view = DecisionsView(kb, settings=settings)
    with gr.Tab("Beslut", id="beslut") as tab:
        gr.Markdown("## Beslut\nBeslut, uppdrag och ställningstaganden ur protokoll och minnesanteckningar. "
                    "Välj ett beslut för att se stycket det kommer från.")
        with gr.Row():
            query = gr.Textbox(label="Ord att söka efter", scale=3, elem_id="decisions-query")
            body = gr.Dropdown(BODIES, value="", label="Organ", elem_id="decisions-body")
            since = gr.Textbox(label="Från och med (ÅÅÅÅ-MM-DD)", elem_id="decisions-since")
            until = gr.Textbox(label="Till och med (ÅÅÅÅ-MM-DD)", elem_id="decisions-until")
        search = gr.Button("Visa beslut", variant="primary", elem_id="decisions-search")
        listing = gr.Markdown(elem_id="decisions")
        more = gr.Button("Visa fler", visible=False, elem_id="decisions-more")
        shown = gr.State({})
        to_sources = gr.Button(TO_SOURCES, visible=False, elem_id="decisions-to-sources")
        pick = gr.Dropdown([], label="Visa källstycket och ärendets tidslinje för beslut", elem_id="decisions-pick")
        passage = gr.Markdown(elem_id="decisions-passage", elem_classes=["passage"])
        timeline = gr.Markdown(elem_id="decisions-thread")
        with gr.Accordion("Öppna uppdrag", open=False):
            gr.Markdown("Uppdrag som getts men som inget senare beslut har redovisat, per organ och tidsfrist.")
            with gr.Row():
                open_body = gr.Dropdown(BODIES, value="", label="Organ", elem_id="open-body")
                open_today = gr.Textbox(label="Dagens datum (tomt = i dag)", elem_id="open-today")
                open_show = gr.Button("Visa öppna uppdrag", elem_id="open-show")
            open_list = gr.Markdown(elem_id="open-tasks")
        downloads = gr.Markdown(elem_id="decisions-downloads")
        # The API's /decisions keeps its three outputs: the first page (50) as Markdown, its picks, and exports of
        # every decision found. The page never shows this button; it sits inside the tab (a component directly in
        # gr.Tabs becomes a second copy of the last tab).
        api_button = gr.Button(visible=False)
    args, outs = [query, body, since, until], [listing, pick, downloads, more, shown]
    for event in (search.click(view.search_page, args, outs), tab.select(view.search_page, args, outs),
                  query.submit(view.search_page, args, outs)):
        event.then(lambda md: gr.update(visible=md == DECISIONS_EMPTY), listing, to_sources)
    more.click(next_page, shown, [listing, pick, more, shown])
    api_button.click(view.search, args, outs[:3], api_name="decisions")
    _go_to_sources(to_sources)
    pick.change(view.passage, [pick, shown], passage)
    pick.change(view.thread, pick, timeline)
    open_show.click(view.open_tasks, [open_body, open_today], open_list)


def build_status_tab(kb: KnowledgeBase, settings: Settings) -> None:
    """Add the *Lägesbild* tab."""
    lock = threading.Lock()

    def refresh(group: str, request: gr.Request = None) -> str:  # type: ignore[assignment]
        gate = gate_for(settings)
        user = gate.user(request)
        try:
            with lock:
                overview = status_overview(kb, group=group or "", access=access_of(user))
        except MsvError as e:
            return f"Kunde inte läsa lägesbedömningarna: {esc(e)}"
        gate.audit.record(user, "status", group or "", (r["doc_id"] for r in overview["reports"]))
        if not overview["reports"] and (group or "").strip():
            with lock:
                anywhere = status_overview(kb, access=access_of(user))["reports"]
            if anywhere:
                known = ", ".join(sorted({str(r["group"]) for r in anywhere}))
                return (f"Inga lägesbedömningar från arbetsgruppen ”{esc(group)}”. Grupper med lägesbedömningar: "
                        f"{esc(known)} (tomt fält visar alla).")
        return status_markdown(overview)

    with gr.Tab("Lägesbild", id="lagesbild") as tab:
        gr.Markdown("## Lägesbild\nArbetsgruppernas lägesbedömningar: antal aktiviteter per status (grön, gul, röd), "
                    "aktiviteter som är gula eller röda, med kommentar, och vad som ändrats sedan förra rapporten.")
        with gr.Row():
            group = gr.Textbox(label="Arbetsgrupp (tomt = alla)", elem_id="status-group", scale=3)
            show = gr.Button("Visa", variant="primary", elem_id="status-show", scale=1)
        body = gr.Markdown(elem_id="status")
        to_sources = gr.Button(TO_SOURCES, visible=False, elem_id="status-to-sources")
    for event in (show.click(refresh, group, body, api_name="status"), tab.select(refresh, group, body),
                  group.submit(refresh, group, body)):
        event.then(lambda md: gr.update(visible=md == STATUS_EMPTY), body, to_sources)
    _go_to_sources(to_sources)


def _go_to_sources(button: gr.Button) -> None:
    """``button`` opens the Källor tab (the app's tabs are the block the tab builders run in)."""
    tabs = Context.block
    if isinstance(tabs, gr.Tabs):
        button.click(lambda: gr.Tabs(selected="kallor"), None, tabs)
