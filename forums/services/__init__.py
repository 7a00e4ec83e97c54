"""Writes, one transaction each, in one module per part of the forums domain."""
