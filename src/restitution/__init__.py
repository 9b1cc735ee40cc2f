"""restitution: the paperwork a defrauded buyer needs, from one case file."""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
