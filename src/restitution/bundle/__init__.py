"""The evidence bundle."""
