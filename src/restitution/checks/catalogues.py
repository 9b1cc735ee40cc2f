"""`restitution check` over the phrase catalogues (templates/<lang>/phrases/).

Two checks, both located at the catalogue file and line:
- the English and Chinese catalogues hold the same keys with the same fields
  (a missing Chinese phrase would otherwise surface only when a document
  that needs it is rendered, on some case, in Chinese);
- each English/Chinese pair of phrases keeps to the glossary, as documents do:
  where the English phrase uses a fixed term, the Chinese phrase uses its fixed
  translation and none of the renderings the glossary says to avoid. A Chinese
  phrase with fields (``{bureau}``) may take the term from its value, so for it
  only the renderings to avoid are checked; the rendered documents are checked
  whole on the example cases.

A phrase pair is checked as a unit because a phrase is short: the glossary
check on whole documents would miss a term that only a catalogue holds, and
a firm overriding one key is checked on exactly what it changed.
"""
from __future__ import annotations

from pathlib import Path

from restitution.checks.glossary import Term, check_glossary
from restitution.errors import RestitutionError
from restitution.language import EN, ZH
from restitution.language.catalogue import catalogue, compare


def check_catalogues(roots: list[Path], terms: list[Term]) -> list[str]:
    try:
        en, zh = catalogue(EN, roots), catalogue(ZH, roots)
    except RestitutionError as err:
        return err.lines()
    problems = compare(en, zh)
    for key in sorted(set(en.keys()) & set(zh.keys())):
        phrase = zh.phrases[key]
        found = check_glossary(terms, en.phrases[key].text, phrase.text)
        if phrase.fields:
            found = [m for m in found if " lacks " not in m]
        problems.extend(f"{phrase.source} {key}: {message}" for message in found)
    return problems
