"""What the sentences after a decision in its paragraph add to it: "Styrgruppen godkände planen. Den
ska gälla från den 1 maj och gäller alla grupper." — a sentence that says what is to apply (ska,
gäller, får) and decides nothing of its own is the decision's rest, and an answer quotes it too."""

from __future__ import annotations

import re

from ingest.swedish import split_sentences

from .decisions import Decision
from .sentences import classify

# What is to apply: the decision's terms, not a new decision or a report of the discussion.
_NORMATIVE = re.compile(r"\b(?:ska|skall|gäller|får)\b", re.IGNORECASE)
# The next item of the minutes begins (PDF text runs items together): "§ 8", "Punkt 3", "Ärende 2", "### 4".
_NEXT_ITEM = re.compile(r"§\s*\d|\b(?:punkt|ärende)\s+\d|^\s*#|\n\s*\d{1,2}[.)]?\s+[A-ZÅÄÖ]", re.IGNORECASE)


def continuation(d: Decision, most: int = 2) -> str:
    """The sentences right after ``d`` in its passage (at most ``most``) that state what is to
    apply and are no decision of their own, within its paragraph; "" when there are none."""
    passage, text = d.passage or "", d.text.strip()
    at = passage.find(text) if text else -1
    if at < 0:
        return ""
    rest = passage[at + len(text):]
    if m := _NEXT_ITEM.search(rest):
        rest = rest[: m.start()]
    out: list[str] = []
    for sentence in split_sentences(re.sub(r"\s+", " ", rest))[:most]:
        if not _NORMATIVE.search(sentence) or classify(sentence) is not None:
            break
        out.append(sentence.strip())
    return " ".join(out)
