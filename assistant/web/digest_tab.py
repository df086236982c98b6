"""The app's *Omvärldsbevakning* tab: the current horizon-scan digest with topic and source
filters, source health, and the secretariat's relevant / not relevant marks (scanners.store.ScanStore)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

import gradio as gr
from gradio.context import Context

from scanners.diff import diff_versions
from scanners.digest import OTHER_NAME, Digest, DigestItem, build_digest, parse_since, plural
from scanners.errors import ScanError
from scanners.learned import mark_and_learn
from scanners.relevance import DEFAULT_THRESHOLD, Topic, load_topics
from scanners.render import entry_body, label
from scanners.store import ScanStore, SourceHealth, now_utc

from ..access.policy import DIGEST_ACCESS, can_read, can_run_scan
from ..records.scan_links import link_decisions, public_decisions
from .gate import gate_for
from .render import esc
from .scan_now import ScanNow, next_run_text

if TYPE_CHECKING:
    from ingest.kb import KnowledgeBase

    from ..settings import Settings

log = logging.getLogger(__name__)

ALL = ""
SCAN_WAIT_SECONDS = 120  # then the page says the scan still runs (it goes on in the background)
PERIODS = [("Senaste 7 dagarna", "7d"), ("Senaste 30 dagarna", "30d"), ("Senaste 90 dagarna", "90d"),
           ("Senaste året", "365d")]
STATUS_SV = {"ok": "OK", "unchanged": "OK (oförändrad)", "error": "FEL"}
EMPTY = ("Inga nyheter ännu under perioden. Omvärldsbevakningen hämtar nyheter från regeringen, medlemsmyndigheterna, "
         "regionerna, OECD och EU enligt schemat (nästa körning står ovan) och rangordnar dem efter relevans för MSV. "
         "Sekretariatet kan köra den direkt med knappen Kör bevakningen nu, eller med kommandot `msv scan`.")
HEALTH_HEADERS = ["Källa", "Status", "Senast lyckad", "Senaste fel", "Tid för senaste fel", "Fel i följd",
                  "Vilar till", "Tid (s)", "Varningar"]


def _href(url: str) -> str:
    """Only http(s) links, percent-encoded so nothing in them can end the Markdown link."""
    if not url.startswith(("http://", "https://")):
        return "#"
    return quote(url, safe=":/?#@!$&'*+,;=%-._~")


def _link(text: str, url: str | None) -> str:
    """A Markdown link for web addresses; a file path (a protocol on disk) stays text."""
    return f"[{esc(text)}]({_href(url)})" if url and url.startswith(("http://", "https://")) else esc(text)


def _when(dt: datetime | None, tz: ZoneInfo) -> str:
    return dt.astimezone(tz).strftime("%Y-%m-%d %H:%M") if dt else "–"


@dataclass
class DigestView:
    """What one refresh shows: the filtered digest plus the lists the filters choose from."""

    markdown: str
    items: list[DigestItem]
    sources: list[str]


class DigestTab:
    """Reads the scan database on every request (the scheduler writes it from its own thread)."""

    def __init__(self, db_path: Path, topics: list[Topic], timezone: str = "Europe/Stockholm",
                 records_dir: Path | None = None, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.db_path = db_path
        self.threshold = threshold  # the calibrated probability an item needs to be shown
        self.topics = topics
        self.tz = ZoneInfo(timezone)
        self.records_dir = records_dir  # where the register of decisions is, if anywhere

    # -- digest --------------------------------------------------------------------------------
    def view(self, period: str, topic: str, source: str, show_all: bool) -> DigestView:
        if not self.db_path.exists():
            return DigestView(EMPTY, [], [])
        with ScanStore(self.db_path) as store:
            digest = build_digest(store, parse_since(period or "7d"), self.topics,
                                  min_score=0.0 if show_all else self.threshold)
            marks = store.marks()
        if self.records_dir is not None:
            link_decisions(digest, public_decisions(self.records_dir))
        sources = sorted({s for it in digest.items for s in it.sources})
        items = [it for it in digest.items
                 if (not topic or topic in it.topics) and (not source or source in it.sources)]
        return DigestView(self.markdown(digest, items, marks), items, sources)

    def markdown(self, digest: Digest, items: list[DigestItem], marks: dict[int, bool]) -> str:
        period = f"{_when(digest.since, self.tz)[:10]} – {_when(digest.generated, self.tz)[:10]}"
        lines = [f"### Sammanställning {esc(period)}", "",
                 f"{len(items)} av {plural(len(digest.items), 'nyhet', 'nyheter')} visas, rangordnade efter "
                 "relevans.", ""]
        if digest.left_out:
            lines += [f"*{esc(digest.left_out_note)}*", ""]
        if not digest.items:
            lines.append(EMPTY)
        elif not items:
            lines.append("Inga nyheter matchar urvalet.")
        shown = {id(it) for it in items}
        for name, group in digest.groups():
            group = [it for it in group if id(it) in shown]
            if not group:
                continue
            lines += [f"### {esc(name or OTHER_NAME)}", ""]
            for it in group:
                mark = " · **markerad som relevant**" if marks.get(it.id) else ""
                date = it.published.date().isoformat() if it.published else "okänt datum"
                lines += [f"#### [{esc(it.title)}]({_href(it.url)})", "",
                          f"*{esc(label(it))} · {esc(', '.join(it.sources))} · {esc(date)} · relevans "
                          f"{it.score:.2f} · nr {it.id}*{mark}", ""]
                lines += entry_body(it, esc, _link)
        return "\n".join(lines)

    # -- source health -------------------------------------------------------------------------
    def health(self) -> list[list[Any]]:
        if not self.db_path.exists():
            return []
        with ScanStore(self.db_path) as store:
            rows: list[SourceHealth] = store.source_health()
        now = now_utc()
        return [[h.name or h.id, STATUS_SV.get(h.last_status or "", "Inte körd ännu"),
                 _when(h.last_success, self.tz), h.last_error or "–", _when(h.last_error_at, self.tz),
                 h.consecutive_failures, _when(h.resting_until, self.tz) if h.resting_until and h.resting_until > now else "–",
                 f"{h.seconds:.1f}" if h.seconds is not None else "–", "; ".join(h.warnings) or "–"]
                for h in rows]

    # -- versions ------------------------------------------------------------------------------
    def versions(self, item_id: int | str | None) -> str:
        """Every stored version of an item, newest first, each with what changed from the one
        before: the app's way to the earlier versions an "Ändrat" entry names."""
        if item_id is None or item_id == "" or not self.db_path.exists():
            return "Välj en ändrad nyhet för att se dess versioner."
        try:
            with ScanStore(self.db_path) as store:
                item, versions = store.item(int(item_id)), store.versions(int(item_id))
        except ScanError as e:
            return f"Kunde inte visa versionerna: {esc(e)}"
        lines = [f"#### {esc(item.title)}", "", f"{plural(len(versions), 'version', 'versioner')} sparade.", ""]
        for i in range(len(versions) - 1, -1, -1):
            v = versions[i]
            lines += [f"##### Version {v.version}, sedd {_when(v.seen_at, self.tz)}", "",
                      f"[{esc(v.url)}]({_href(v.url)})", ""]
            if i:
                old = versions[i - 1]
                lines += [f"**Ändrat från version {old.version}:** "
                          f"{esc(diff_versions(old.title, old.text, v.title, v.text).text())}", ""]
            lines += [f"> {esc(v.text[:1500])}{' …' if len(v.text) > 1500 else ''}", ""]
        return "\n".join(lines)

    # -- marks ---------------------------------------------------------------------------------
    def mark(self, item_id: int | str | None, relevant: bool) -> str:
        if item_id is None or item_id == "":
            return "Välj en nyhet att markera."
        n = int(item_id)
        try:
            with ScanStore(self.db_path) as store:
                # the mark is learnt from at once: the model is retrained and the items re-scored
                mark_and_learn(store, n, relevant, group="sekretariatet")
        except ScanError as e:
            log.warning("mark failed: %s", e)
            return f"Kunde inte spara markeringen: {esc(e)}"
        if relevant:
            return f"Nyhet nr {n} är markerad som relevant och tas alltid med i sammanställningen."
        return f"Nyhet nr {n} är markerad som inte relevant och visas inte längre i sammanställningen."


def build_digest_tab(kb: KnowledgeBase, settings: Settings) -> None:
    """Add the *Omvärldsbevakning* tab (use in ``build_app(..., extra_tabs=[build_digest_tab])``).
    The knowledge base joins only a scan started here (relevance reasons, high-relevance items)."""
    scan_now = ScanNow.from_settings(kb, settings, getattr(kb, "lock", None))
    try:
        topics = load_topics()
    except ScanError as e:  # the tab still shows items, only without topic names
        log.warning("watch topics not loaded: %s", e)
        topics = []
    tab = DigestTab(settings.scan_db, topics, settings.scan_timezone, Path(settings.data_dir),
                    threshold=settings.scan_threshold)
    topic_choices = [("Alla bevakningsområden", ALL)] + [(t.name, t.id) for t in topics]

    gate = gate_for(settings)
    audit = gate.audit

    def refresh(period: str, topic: str, source: str, show_all: bool, request: gr.Request = None):  # type: ignore[assignment]
        user = gate.user(request)
        v = tab.view(period, topic, source, show_all)
        if not can_read(user, DIGEST_ACCESS):  # external actors see only what is shared with extern
            v = DigestView("Omvärldsbevakningen delas inte med externa användare.", [], [])
        audit.record(user, "digest", period or "7d", (it.url for it in v.items))
        source_choices = [("Alla källor", ALL)] + [(s, s) for s in v.sources]
        item_choices = [(f"{it.title} (nr {it.id})", it.id) for it in v.items]
        changed = [(f"{it.title} (nr {it.change.item_id})", it.change.item_id) for it in v.items if it.change]
        return (v.markdown, gr.update(choices=source_choices, value=source if source in v.sources else ALL),
                tab.health(), gr.update(choices=item_choices, value=None), gr.update(choices=changed, value=None))

    def mark(item_id: int | str | None, relevant: bool, period: str, topic: str, source: str, show_all: bool,
             request: gr.Request | None = None):
        user = gate.user(request)
        if not user.is_secretariat:  # the secretariat's marks
            audit.record(user, "refused", str(item_id or ""), what="markera nyhet")
            raise gr.Error("Bara sekretariatet kan bedöma nyheter.")
        audit.record(user, "mark", str(item_id or ""), relevant=relevant)
        return (tab.mark(item_id, relevant), *refresh(period, topic, source, show_all, request))

    def mark_relevant(item_id: int | None, period: str, topic: str, source: str, show_all: bool,
                      request: gr.Request = None):  # type: ignore[assignment]
        return mark(item_id, True, period, topic, source, show_all, request)

    def mark_irrelevant(item_id: int | None, period: str, topic: str, source: str, show_all: bool,
                        request: gr.Request = None):  # type: ignore[assignment]
        return mark(item_id, False, period, topic, source, show_all, request)

    with gr.Tab("Omvärldsbevakning", id="omvarld") as digest_tab:
        gr.Markdown("## Omvärldsbevakning\nNyheter från regeringen, medlemsmyndigheterna, regionerna, OECD och EU, "
                    "rangordnade efter relevans för MSV.")
        next_md = gr.Markdown(elem_id="digest-next")
        with gr.Row():
            run_btn = gr.Button("Kör bevakningen nu", visible=False, elem_id="scan-now", scale=0, min_width=240)
            run_result = gr.Markdown(elem_id="scan-now-result")
        with gr.Row():
            period = gr.Dropdown(PERIODS, value="7d", label="Period", elem_id="digest-period")
            topic = gr.Dropdown(topic_choices, value=ALL, label="Bevakningsområde", elem_id="digest-topic")
            source = gr.Dropdown([("Alla källor", ALL)], value=ALL, label="Källa", elem_id="digest-source")
        show_all = gr.Checkbox(False, label="Visa även nyheter under relevansgränsen", elem_id="digest-all")
        refresh_btn = gr.Button("Uppdatera", elem_id="digest-refresh")
        digest_md = gr.Markdown(elem_id="digest", latex_delimiters=[])
        gr.Markdown("### Bedöm en nyhet")
        with gr.Row():
            item = gr.Dropdown([], label="Nyhet att bedöma", elem_id="digest-item", scale=4)
            # wide enough for their labels on one line
            relevant_btn = gr.Button("Markera som relevant", elem_id="mark-relevant", scale=1, min_width=300)
            irrelevant_btn = gr.Button("Markera som inte relevant", elem_id="mark-irrelevant", scale=1, min_width=300)
        mark_result = gr.Markdown(elem_id="mark-result")
        gr.Markdown("### Versioner av ändrade nyheter")
        version_item = gr.Dropdown([], label="Ändrad nyhet", elem_id="version-item")
        versions_md = gr.Markdown(elem_id="versions", latex_delimiters=[])
        gr.Markdown("### Källornas status")
        health = gr.Dataframe(headers=HEALTH_HEADERS, label="Källornas status", interactive=False, wrap=True, buttons=[],
                              elem_id="source-health")

    filters = [period, topic, source, show_all]
    outs = [digest_md, source, health, item, version_item]

    def show_versions(item_id: int | str | None, request: gr.Request = None):  # type: ignore[assignment]
        user = gate.user(request)
        if not can_read(user, DIGEST_ACCESS):
            return "Omvärldsbevakningen delas inte med externa användare."
        audit.record(user, "digest-versions", str(item_id or ""), ())
        return tab.versions(item_id)

    def controls(request: gr.Request = None):  # type: ignore[assignment]
        """The schedule for everyone; the button for those who may start a scan."""
        return next_run_text(settings), gr.update(visible=can_run_scan(gate.user(request)))

    def start_scan(request: gr.Request = None) -> str:  # type: ignore[assignment]
        user = gate.user(request)
        if not can_run_scan(user):
            audit.record(user, "refused", what="kör bevakningen")
            raise gr.Error("Bara sekretariatet kan köra bevakningen; den körs annars enligt schemat.")
        audit.record(user, "scan", "Kör bevakningen nu")
        return scan_now.start()

    def scan_outcome(request: gr.Request = None) -> str:  # type: ignore[assignment]
        if not can_run_scan(gate.user(request)):  # waiting holds a worker: only for those who may start one
            return ""
        return scan_now.wait(SCAN_WAIT_SECONDS)

    run_btn.click(start_scan, None, run_result).then(scan_outcome, None, run_result).then(refresh, filters, outs)
    version_item.input(show_versions, version_item, versions_md)
    refresh_btn.click(refresh, filters, outs, api_name="digest")
    for trigger in (digest_tab.select, period.input, topic.input, source.input, show_all.input):
        trigger(refresh, filters, outs)
    relevant_btn.click(mark_relevant, [item, *filters], [mark_result, *outs])
    irrelevant_btn.click(mark_irrelevant, [item, *filters], [mark_result, *outs])
    root = Context.root_block
    if root is not None:  # fresh on every page load, not only when the tab is opened
        root.load(refresh, filters, outs)
        root.load(controls, None, [next_md, run_btn])
