"""`python -m evals.decisions [--verbose]`: print the decision and status scorecards."""

import logging
import sys

from evals.decisions.evaluate import evaluate_decisions, evaluate_status

logging.basicConfig(level=logging.WARNING)
dec = evaluate_decisions()
print("\n".join(dec.lines()))
print()
print("\n".join(evaluate_status().lines()))
if "--verbose" in sys.argv:
    print("\nmissed decisions:")
    print("\n".join("  " + m for m in dec.missed) or "  -")
    print("extracted but not in the gold:")
    print("\n".join("  " + m for m in dec.spurious) or "  -")
    print("attribute mismatches:")
    print("\n".join("  " + m for m in dec.mismatches) or "  -")
sys.exit(0 if dec.passes() else 1)
