"""Horizon scanning: sources, fetching, relevance, digests and scheduling."""
