"""Reads, scoped to who is asking, in one module per part of the forums domain."""
