"""Answer engines: the shared types, question analysis, the extractive and LLM engines, sentence
verification, decision answers, chat condensing, memos, and the engine registry."""
