"""Follow-up questions in a chat: condensed into a standalone query using the history — by the
LLM when one is configured, otherwise by carrying the previous question's subject forward."""

from __future__ import annotations

import logging
import re
from typing import Any

from ingest.swedish import tokenize

log = logging.getLogger(__name__)

_ANAPHORA = re.compile(r"\b(den|det|dess|de|dem|deras|denna|detta|dessa|där|då|hon|han|it|its|they|them|that|this)\b", re.IGNORECASE)
_CONTINUATION = re.compile(r"^\s*(och|men|samt|även|också|hur då|varför då|and|what about|och vad)\b", re.IGNORECASE)

CONDENSE_PROMPT = (
    "Skriv om den sista följdfrågan till en fristående fråga på svenska som går att förstå utan "
    "samtalet. Svara bara med frågan.\n\nSamtal:\n{history}\n\nFöljdfråga: {question}\nFristående fråga:"
)


def needs_context(question: str) -> bool:
    words = re.findall(r"\w+", question)
    return bool(_ANAPHORA.search(question) or _CONTINUATION.search(question) or len(words) <= 3)


def condense(question: str, history: list[tuple[str, str]], llm: Any = None) -> str:
    """A standalone form of ``question`` given earlier (question, answer) turns."""
    if not history or not needs_context(question):
        return question
    if llm is not None:
        try:
            text = "\n".join(f"Användare: {q}\nAssistent: {a[:300]}" for q, a in history[-3:])
            out = str(llm.complete(CONDENSE_PROMPT.format(history=text, question=question))).strip()
            if out:
                return out.splitlines()[0].strip()
        except Exception as e:  # the LLM is optional here: fall back to the lexical rule
            log.warning("kunde inte omformulera följdfrågan med språkmodellen: %s", e)
    previous = history[-1][0]
    have = set(tokenize(question))
    carried = [w for w in re.findall(r"[\w:-]+", previous) if tokenize(w) and not set(tokenize(w)) & have
               and not re.fullmatch(r"(?i)vad|vilka|vilken|vilket|vem|när|hur|varför|who|what|how|which", w)]
    return f"{question.rstrip('?')} ({' '.join(carried)})?" if carried else question
