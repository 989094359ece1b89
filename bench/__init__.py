"""Benchmark: a corpus generator, a naive single-process peer, and the driver (`make bench`)."""
