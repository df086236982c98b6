"""Scanner precision eval: labelled regeringen press releases, ranked by the relevance scorer."""

from evals.scanner.evaluate import ScannerScore, evaluate, load_labels

__all__ = ["ScannerScore", "evaluate", "load_labels"]
