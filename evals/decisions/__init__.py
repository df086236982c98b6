"""Decision-register and status evals over the labelled fictional minutes in tests/data/records."""
