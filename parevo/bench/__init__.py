"""Benchmarks: one-shot and agentic samples over the suite or ParEval, and their metrics."""
