"""Phrase catalogues: the sentences Python code used to hold, one file per language.

Each language folder of a template root may hold a ``phrases/`` folder of
YAML files, one per subject (``zh/phrases/police.yaml``): a mapping, nested for
readability, whose leaves are phrases with ``{name}`` fields::

    deadline:
      decision: "{days} days to decide whether to open a case"

A key is the file's name and the dotted path (``police.deadline.decision``).
A firm's ``--templates`` folder overrides single keys; everything else comes
from the bundled files. A Hong Kong (zh-Hant) phrase is its own entry when a
``zh-Hant/phrases/`` file has it, otherwise the Simplified entry converted
through OpenCC, exactly as templates are.

Why keyed YAML rather than gettext (Babel's .po catalogues): gettext keys a
phrase by its English source text, so rewording an English sentence orphans
every translation of it, and a legal phrase in Chinese is rarely a
translation of one English string. Keys are stable; a translator edits two
files side by side, and `restitution check` compares their keys and fields.

Fields are plain identifiers only (``{days}``, never ``{x.attr}`` or
``{x[0]}``): a firm's catalogue is less trusted input, and Python's format
language would otherwise reach attributes of whatever is passed in. Values
are formatted by the caller (money and dates through `restitution.formatting`).
"""
from __future__ import annotations

import string
from dataclasses import field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping as MappingT

from restitution.errors import ErrorList, RestitutionError, TemplateError
from restitution.language import Language, get
from restitution.records import record

FOLDER = "phrases"


@record
class Phrase:
    text: str
    fields: frozenset[str]
    source: str  # file:line, for messages
    converted: bool = False  # derived from another language's entry (zh-Hant from zh)


@record
class Catalogue:
    """The phrases of one language as seen through one list of template roots."""

    language: Language
    phrases: MappingT[str, Phrase] = field(repr=False)
    roots: tuple[Path, ...] = ()  # the template folders it was read through

    def other(self, language: "Language | str") -> "Catalogue":
        """Another language's catalogue through the same folders (a bilingual label)."""
        return catalogue(language, self.roots)

    def __call__(self, key: str, /, **values: object) -> str:
        """The phrase `key` with its fields filled; a missing key or field is a template error."""
        phrase = self.phrases.get(key)
        if phrase is None:
            raise TemplateError(f"phrase {key!r} is not in the {self.language.code} catalogue ({self.language.code}/{FOLDER}/)")
        missing = phrase.fields - values.keys()
        if missing:
            raise TemplateError(f"{phrase.source} {key}: needs {', '.join(sorted(missing))}")
        text = phrase.text.format_map({k: values[k] for k in phrase.fields})
        return text

    def __contains__(self, key: str) -> bool:
        return key in self.phrases

    def only(self, keys: Iterable[str]) -> "Catalogue":
        """The same catalogue with just `keys` (those it has): small enough to travel with a
        document to another process."""
        return Catalogue(self.language, {k: self.phrases[k] for k in keys if k in self.phrases}, self.roots)

    def keys(self) -> Iterable[str]:
        return self.phrases.keys()


def catalogue(language: Language | str, roots: Iterable[Path]) -> Catalogue:
    """The catalogue of `language`; `roots` in search order (override folder first)."""
    return _catalogue(get(language), tuple(Path(r) for r in roots))


@lru_cache(maxsize=32)
def _catalogue(language: Language, roots: tuple[Path, ...]) -> Catalogue:
    phrases: dict[str, Phrase] = {}
    errors: list[RestitutionError] = []
    for root in roots:
        for sub in language.template_dirs:
            folder = root / sub / FOLDER
            if not folder.is_dir():
                continue
            convert = language.converted_from == sub and language.opencc is not None
            for key, phrase in _read_folder(root, folder, errors):
                if key in phrases:
                    continue  # an earlier root (the firm's) or the language's own folder wins
                if convert:
                    phrase = _converted(phrase)
                phrases[key] = phrase
    if errors:
        raise ErrorList(errors)
    return Catalogue(language, phrases, roots)


def _converted(phrase: Phrase) -> Phrase:
    from restitution.formatting import to_traditional

    # Fields are ASCII identifiers, which OpenCC leaves alone.
    return Phrase(to_traditional(phrase.text), phrase.fields, phrase.source, converted=True)


@lru_cache(maxsize=64)
def _read_cached(root: Path, path: Path, mtime_ns: int) -> tuple[dict[str, Phrase], tuple[RestitutionError, ...]]:
    from restitution.language import phrase_cache
    from restitution.pipeline.templating import read_template

    display = f"{path.parent.parent.name}/{FOLDER}/{path.name}"
    try:
        # As a template is read: inside its folder (a firm's folder is less trusted),
        # a regular file, of bounded size, UTF-8.
        text: str = read_template(root, path, display)
    except RestitutionError as err:
        return {}, (err,)
    kept = phrase_cache.load(display, text)
    if kept is not None:
        return kept, ()
    from restitution.case.problems import Problems
    from restitution.case.yamlsource import Mapping, Scalar, parse

    problems = Problems()
    tree = parse(text, problems)
    out: dict[str, Phrase] = {}
    if tree is not None and not isinstance(tree, Mapping):
        problems.add(tree.line, None, "a phrase catalogue is a mapping of keys to phrases")
        tree = None

    def walk(node: Mapping, prefix: str) -> None:
        for entry in node.entries:
            key = f"{prefix}{entry.key}"
            value = entry.value
            if isinstance(value, Mapping):
                walk(value, key + ".")
            elif isinstance(value, Scalar) and not value.is_null:
                fields = _fields(value.text)
                if isinstance(fields, str):
                    problems.add(value.line, key, fields)
                else:
                    out[key] = Phrase(value.text, fields, f"{display}:{value.line}")
            else:
                problems.add(entry.key_line, key, "a phrase is one text (quote it if it starts with a symbol)")

    if tree is not None:
        walk(tree, "")
    if problems:
        return out, tuple(problems.error_list(display).errors)
    phrase_cache.save(display, text, out)
    return out, ()


def _read_folder(root: Path, folder: Path, errors: list[RestitutionError]) -> Iterable[tuple[str, Phrase]]:
    for path in sorted(folder.glob("*.yaml")):
        phrases, found = _read_cached(root, path, path.stat().st_mtime_ns)
        errors.extend(found)
        for key, phrase in phrases.items():
            yield f"{path.stem}.{key}", phrase


def _fields(text: str) -> frozenset[str] | str:
    """The field names of a phrase, or what is wrong with them."""
    names = set()
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as err:
        return f"{err}; write a literal brace as {{{{ or }}}}"
    for _literal, name, spec, conversion in parsed:
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            return f"field {{{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}}} is not allowed; " \
                   "use a plain name such as {days}"
        names.add(name)
    return frozenset(names)


def compare(a: Catalogue, b: Catalogue) -> list[str]:
    """What differs between two languages' catalogues: keys only one has, fields that differ."""
    out = []
    for key in sorted(set(a.keys()) - set(b.keys())):
        out.append(f"{a.phrases[key].source} {key}: not in the {b.language.code} catalogue")
    for key in sorted(set(b.keys()) - set(a.keys())):
        out.append(f"{b.phrases[key].source} {key}: not in the {a.language.code} catalogue")
    for key in sorted(set(a.keys()) & set(b.keys())):
        fa, fb = a.phrases[key].fields, b.phrases[key].fields
        if fa != fb:
            out.append(f"{b.phrases[key].source} {key}: fields {{{', '.join(sorted(fb))}}} differ from "
                       f"the {a.language.code} phrase's {{{', '.join(sorted(fa))}}}")
    return out
