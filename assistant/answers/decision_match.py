"""Which matter a question asks about when it names it in words no decision uses ("Hur många
gånger ska beredningsgruppen träffas?" for "mötesplan … med fyra möten"): each decision, with its
paragraph heading and what it asks to be delivered, is compared with the question by the embedding
model the knowledge base already holds (the dense channel), and by the question's words over the
decision's whole thread. A matter is chosen only when both say so, clearly ahead of the next, or
when the question's rare words (rare among the register's matters) name one matter clearly."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..records.decisions import Decision
from ..records.linking import deliverable
from ..records.matter import heading_of
from ..records.threads import Thread, build_threads
from .question import Term

if TYPE_CHECKING:
    from ingest.kb import KnowledgeBase

# Chosen on the development questions (dev5, dev6: every wrong lead it gave below these, no right one lost; evals/README.md).
MIN_DENSE = 0.6  # cosine of the question and the best decision of the matter
MIN_WORDS = 0.3  # weighted share of the question's content words the matter's steps have
MARGIN = 0.05  # the chosen matter's score ahead of the next matter's
WORDS_ALONE = 0.6  # … or, whatever the dense channel says, this share of the question's words
WORDS_AHEAD = 0.3  # … this far ahead of every other matter's share
# Chosen on the development questions (evals/README.md, session 14): the question's words weighted by
# their rarity among the register's matters; below these, questions to leave unanswered were answered.
MIN_RARE = 0.42  # rarity-weighted share of the question's words one matter's steps have
RARE_AHEAD = 0.3  # … this far ahead of every other matter's
RARE_DENSE = 0.45  # … and the matter not unlike the question (the dense channel only guards)


@dataclass(frozen=True)
class MatterMatch:
    decision: Decision  # the matter's decision most like the question
    dense: float
    words: float
    score: float


def matter_text(d: Decision) -> str:
    """What a decision is about, as the model reads it: heading, decision, deliverable."""
    parts = [heading_of(d.section), d.text]
    if d.kind == "uppdrag" and (what := deliverable(d)):
        parts.append(what)
    return ". ".join(p.strip(" .") for p in parts if p and p.strip())


def _share(terms: tuple[Term, ...], words: frozenset[str]) -> float:
    weights = [0.5 if t.verb else 1.0 for t in terms]
    hit = [w * t.match(words) for w, t in zip(weights, terms, strict=True)]
    return sum(hit) / (sum(weights) or 1.0)


def thread_words(steps: list[Decision]) -> frozenset[str]:
    """A thread's words: its steps' headings, texts and the matters they were filed under (an item's
    heading the section label does not repeat)."""
    from .question import tokens_of

    return frozenset(tokens_of(" ".join(f"{heading_of(d.section)} {d.matter} {d.text}" for d in steps)))


def thread_words_share(terms: tuple[Term, ...], steps: list[Decision]) -> float:
    """The weighted share of the question's words that a thread's steps have."""
    return _share(terms, thread_words(steps))


def rare_shares(terms: tuple[Term, ...], threads: list[Thread],
                words: list[frozenset[str]] | None = None) -> list[float]:
    """Per thread, the share of the question's words it has, each word weighted by its rarity among
    the register's matters (inverse document frequency over the threads; a verb counts half): a word
    most matters share ("arbetsgrupp", "gemensam") names none of them, one that one matter uses names it.
    ``words``: the threads' :func:`thread_words` when the caller has them already."""
    words = [thread_words(t.decisions) for t in threads] if words is None else words
    df = [sum(t.match(w) > 0 for w in words) for t in terms]
    idf = [math.log((len(words) + 1) / (f + 1)) * (0.5 if t.verb else 1.0) for t, f in zip(terms, df, strict=True)]
    total = sum(idf) or 1.0
    return [sum(i * t.match(w) for i, t in zip(idf, terms, strict=True)) / total for w in words]


def best_matter(kb: KnowledgeBase, question: str, terms: tuple[Term, ...], pool: list[Decision],
                *, min_dense: float = MIN_DENSE, min_words: float = MIN_WORDS, margin: float = MARGIN,
                threads: list[Thread] | None = None, rare: bool = False, only_rare: bool = False) -> MatterMatch | None:
    """The matter (thread) the question most likely asks about, or None when no matter is both like
    the question (dense) and shares its words, or two matters are nearly as likely. ``threads``:
    the pool's threads when the caller has linked them already. With ``rare``, a matter is also
    chosen when its steps have the question's rare words and no other matter comes near
    (:func:`rare_matter`); with ``only_rare``, only so (the dense channel guards, never chooses)."""

    if not pool or not terms:
        return None
    vecs = kb.embedder.embed([question] + [matter_text(d) for d in pool])
    sims = dict(zip((d.id for d in pool), (vecs[1:] @ vecs[0]).tolist(), strict=True))
    threads = build_threads(pool) if threads is None else threads
    words = [thread_words(t.decisions) for t in threads]  # read once, for both the plain and the rare share
    found: list[MatterMatch] = []
    for t, said in zip(threads, words, strict=True):
        best = max(t.decisions, key=lambda d: sims.get(d.id, 0.0))
        share = _share(terms, said)
        dense = float(np.clip(sims.get(best.id, 0.0), -1.0, 1.0))
        found.append(MatterMatch(best, dense, share, dense + 0.5 * share))
    by_rarity = rare_matter(terms, threads, found, words) if rare or only_rare else None
    if only_rare:
        return by_rarity
    ranked = sorted(found, key=lambda m: -m.score)
    top = ranked[0]
    if top.words < min_words or top.dense < min_dense and not _words_alone(top, ranked):
        return by_rarity
    if len(ranked) > 1 and top.score - ranked[1].score < margin:
        return by_rarity
    return top


def rare_matter(terms: tuple[Term, ...], threads: list[Thread], found: list[MatterMatch],
                words: list[frozenset[str]] | None = None) -> MatterMatch | None:
    """The matter whose steps have most of the question's rare words, when that share is high and
    clearly ahead of every other matter's and the dense channel does not find the matter unlike the
    question; ``found``: the threads' matches, in the same order."""
    shares = rare_shares(terms, threads, words)
    order = sorted(range(len(shares)), key=lambda i: -shares[i])
    first, rest = order[0], max((shares[i] for i in order[1:]), default=0.0)
    if shares[first] < MIN_RARE or shares[first] - rest < RARE_AHEAD or found[first].dense < RARE_DENSE:
        return None
    return found[first]


def _words_alone(top: MatterMatch, found: list[MatterMatch]) -> bool:
    """The question's words name one matter alone, so clearly that the dense channel need not agree
    (the MiniLM model is English-trained: on these Swedish minutes an unrelated matter scores
    0.55–0.70, a paraphrase of the right one as low as 0.5; evals/README.md)."""
    rest = max((m.words for m in found if m is not top), default=0.0)
    return top.words >= WORDS_ALONE and top.words - rest >= WORDS_AHEAD


def named_matter(d: Decision, other: MatterMatch | None, terms: tuple[Term, ...], threads: list[Thread]) -> Decision:
    """The quoted decision ``d``, or the dense channel's matter when that is another thread whose
    steps name more of the question's words (the ordinary engine quoted a passage about the matter's
    neighbour: a routine for letters, for a question about one letter)."""
    if other is None or thread_of(other.decision, threads) is thread_of(d, threads) or _said_alone(terms, d, threads):
        return d
    return other.decision if other.words > _thread_share(terms, d, threads) else d


def _said_alone(terms: tuple[Term, ...], d: Decision, threads: list[Thread]) -> bool:
    """Whether ``d``'s matter is the only one whose steps say a noun of the question whole: the passage
    the ordinary engine quoted and the register's vocabulary agree, and a matter sharing more of the
    question's common words (a body's name, "ordning") is not a better reading of it."""
    own = thread_of(d, threads)
    mine = thread_words(own.decisions if own is not None else [d])
    rest = [thread_words(t.decisions) for t in threads if t is not own]
    return any(not t.verb and t.match(mine) == 1.0 and all(t.match(w) < 1.0 for w in rest) for t in terms)


def thread_of(d: Decision, threads: list[Thread]) -> Thread | None:
    """The thread ``d`` is a step of, if any."""
    return next((t for t in threads if any(x.id == d.id for x in t.decisions)), None)


def _thread_share(terms: tuple[Term, ...], d: Decision, threads: list[Thread]) -> float:
    """The weighted share of the question's words that the steps of ``d``'s thread have, as
    :func:`best_matter` counts it."""
    t = thread_of(d, threads)
    return thread_words_share(terms, t.decisions if t is not None else [d])
