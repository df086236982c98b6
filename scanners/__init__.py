"""Horizon scanning (omvärldsbevakning): sources, one polite fetcher, dedup and clustering,
versions of what changed, relevance to MSV's watch topics, digests and scheduled scans.

Public face: `scanners.run.scan`, `scanners.job.ScanJob`, `scanners.fetch.Fetcher`,
`scanners.sources.load_sources`, `scanners.relevance.load_scorer`,
`scanners.digest.build_digest`, `scanners.render.RENDERERS`,
`scanners.schedule.start_scheduler`.
"""
