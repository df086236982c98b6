"""`python -m evals.scanner [--verbose]`: print the scanner scorecard (held-out first; with
--verbose the development part's misses and false alarms, never held-out items)."""

import logging
import sys

from evals.scanner.evaluate import evaluate

logging.basicConfig(level=logging.WARNING)
score = evaluate()
print("\n".join(score.lines()))
if "--verbose" in sys.argv:
    print("\ndevelopment, missed (relevant, below threshold):")
    print("\n".join("  " + m for m in score.misses) or "  -")
    print("development, false alarms (not relevant, above threshold):")
    print("\n".join("  " + m for m in score.false_alarms) or "  -")
