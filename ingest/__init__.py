"""Ingest: loaders, chunking, embeddings and the Qdrant store behind the knowledge base."""
