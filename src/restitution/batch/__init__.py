"""Batch production: many cases at once, in parallel, with joint victims schedules."""
