"""Sentence-support check for generated answers: a sentence stands only if the passage(s) it
cites support it — its stemmed content words occur there (lexical recall), its meaning is close
(embedding similarity), every number it states occurs there, and it is not an instruction that a
passage smuggled in (prompt injection)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ingest.swedish import normalize, split_sentences, tokenize

if TYPE_CHECKING:
    from ingest.embed import Embedder

# Thresholds: a sentence needs 70 % of its stemmed words in the cited passage(s); between 50 and
# 70 % it passes only with embedding similarity ≥ 0.6 (a paraphrase). Checked against the scripted
# answers in tests/assistant/test_llm.py; not yet calibrated on a real model's output.
MIN_RECALL = 0.7
MIN_RECALL_WITH_EMBEDDING = 0.5
MIN_COSINE = 0.6

_MARK = re.compile(r"\[(\d+)\]")
_NUMBER = re.compile(r"\d+(?:[ ,.]\d{3})*(?:,\d+)?")
_INJECTION = re.compile(
    r"ignorera (alla |dina |tidigare |föregående )*(instruktion|regler)|ignore (all |any |previous |prior )*"
    r"(instruction|rule)|systemprompt|system prompt|du är nu\b|you are now\b|ny instruktion|new instruction|"
    r"https?://|www\.|\b[\w.+-]+@[\w-]+\.[\w.]+", re.IGNORECASE)


@dataclass(frozen=True)
class Judged:
    sentence: str  # as generated, with its markers
    cited: tuple[int, ...]
    supported: bool
    reason: str  # "", "ingen källhänvisning", "okänd källa", "ostött", "siffra saknas i källan", "instruktion"


def split_cited(text: str) -> list[tuple[str, tuple[int, ...]]]:
    """Sentences of a generated answer with the passage numbers each cites. A marker run that
    opens a sentence (the model put it after the full stop) belongs to the sentence before."""
    pieces: list[str] = []
    for line in text.splitlines():
        line = line.strip().lstrip("-•* ").strip()
        for part in re.split(r"(?<=\])\s+(?=[^\[\s])", line):  # a marker run ends a sentence
            if part.strip():
                pieces.extend(split_sentences(part))
    out: list[tuple[str, tuple[int, ...]]] = []
    for p in pieces:
        lead = re.match(r"^((?:\s*\[\d+\])+)\s*", p)
        if lead and out:
            prev, ns = out[-1]
            out[-1] = (prev + " " + lead.group(1).strip(), ns + tuple(int(n) for n in _MARK.findall(lead.group(1))))
            p = p[lead.end():]
        if p.strip():
            out.append((p.strip(), tuple(int(n) for n in _MARK.findall(p))))
    return out


def strip_marks(sentence: str) -> str:
    return re.sub(r"\s*\[\d+\]", "", sentence).strip()


def numbers_of(text: str) -> set[str]:
    return {re.sub(r"[ .\u00a0]", "", n) for n in _NUMBER.findall(text)}


def lexical_recall(sentence: str, passage: str) -> float:
    words = set(tokenize(sentence, compounds=False))
    if not words:
        return 0.0
    have = set(tokenize(passage))
    return sum(w in have for w in words) / len(words)


class Verifier:
    def __init__(self, embedder: Embedder | None = None) -> None:
        self.embedder = embedder

    def judge(self, sentence: str, cited: tuple[int, ...], passages: dict[int, str]) -> Judged:
        plain = strip_marks(sentence)
        if _INJECTION.search(plain):
            return Judged(sentence, cited, False, "instruktion")
        if not cited:
            return Judged(sentence, cited, False, "ingen källhänvisning")
        if any(n not in passages for n in cited):
            return Judged(sentence, cited, False, "okänd källa")
        source = "\n".join(passages[n] for n in cited)
        flat = re.sub(r"[ .\u00a0]", "", normalize(source))
        if any(n not in flat for n in numbers_of(plain)):
            return Judged(sentence, cited, False, "siffra saknas i källan")
        recall = lexical_recall(plain, source)
        if recall >= MIN_RECALL:
            return Judged(sentence, cited, True, "")
        if recall >= MIN_RECALL_WITH_EMBEDDING and self.embedder is not None:
            vecs = self.embedder.embed([plain] + [passages[n] for n in cited])
            if float(max(vecs[1:] @ vecs[0])) >= MIN_COSINE:
                return Judged(sentence, cited, True, "")
        return Judged(sentence, cited, False, "ostött")

    def check(self, answer: str, passages: dict[int, str]) -> list[Judged]:
        return [self.judge(s, ns, passages) for s, ns in split_cited(answer)]
