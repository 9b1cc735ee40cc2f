"""The interview's questions in a terminal, through prompt_toolkit.

prompt_toolkit (the line editor of IPython and many REPLs) gives what a
plain ``input()`` does not: a check run as the user types, its message shown
at the bottom and Enter refused until the answer is right (a USCC with a
wrong check digit is fixed at the question); completion of the fixed choices
with Tab; a prefilled default the user can edit. A question's help is one
line above it, so the user reads where to find the answer before typing.
"""
from __future__ import annotations

import sys

from restitution.start.answers import Check


def has_terminal() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def ask(question: str, *, help: str = "", check: Check | None = None, choices: tuple[str, ...] = (),
        default: str = "") -> str:
    """One answer; Enter on an empty line skips the question."""
    from prompt_toolkit import prompt
    from prompt_toolkit.completion import WordCompleter
    from prompt_toolkit.validation import ValidationError, Validator

    class _Check(Validator):
        def validate(self, document) -> None:
            problem = check(document.text) if check else None
            if problem:
                raise ValidationError(message=problem, cursor_position=len(document.text))

    if help:
        print(f"   ({help})")
    return prompt(f"{question}: ", default=default, validator=_Check() if check else None,
                  validate_while_typing=True, completer=WordCompleter(list(choices)) if choices else None)
