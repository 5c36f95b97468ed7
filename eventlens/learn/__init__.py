"""Learned coding: the team's training corpus, candidate events over the parse, and the small
models that score them (see docs/learned-coder.md)."""
