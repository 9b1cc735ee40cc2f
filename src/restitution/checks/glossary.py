"""The glossary: fixed English/Chinese pairs of legal terms (templates/glossary.yaml).

A document whose English text uses a term must use the fixed Chinese term in
its Chinese text, and the Chinese text must not use a rendering the glossary
lists under ``avoid`` (e.g. 全权代理 where special authority is meant).
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from restitution.errors import Location, TemplateError
from restitution.records import record


@record
class Term:
    en: str
    zh: str
    avoid: tuple[str, ...] = ()
    line: int = 0


def load_glossary(path: Path) -> list[Term]:
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise TemplateError(f"glossary is not valid YAML: {getattr(exc, 'problem', exc)}",
                            Location(path.name, mark.line + 1 if mark else None)) from None
    if not isinstance(node, yaml.SequenceNode):
        raise TemplateError("the glossary must be a list of {en, zh} entries", Location(path.name, 1))
    terms = []
    for item in node.value:
        line = item.start_mark.line + 1
        if not isinstance(item, yaml.MappingNode):
            raise TemplateError("each glossary entry is a mapping with en and zh", Location(path.name, line))
        fields = {k.value: v for k, v in item.value}
        unknown = set(fields) - {"en", "zh", "avoid"}
        if unknown or "en" not in fields or "zh" not in fields:
            raise TemplateError(f"a glossary entry needs en and zh (and optionally avoid), not {sorted(fields)}",
                                Location(path.name, line))
        avoid = tuple(v.value for v in fields["avoid"].value) if "avoid" in fields else ()
        terms.append(Term(fields["en"].value, fields["zh"].value, avoid, line))
    return terms


def _forms(term: str) -> tuple[str, ...]:
    """The term and its Traditional form (Hong Kong documents are converted)."""
    from restitution.formatting import to_traditional

    return (term, to_traditional(term))


def check_glossary(terms: list[Term], en_text: str, zh_text: str) -> list[str]:
    problems = []
    for t in terms:
        if (re.search(rf"\b{re.escape(t.en)}\b", en_text, flags=re.IGNORECASE)
                and not any(f in zh_text for f in _forms(t.zh))):
            problems.append(f"the English text uses {t.en!r} but the Chinese text lacks {t.zh!r} "
                            f"(glossary.yaml:{t.line})")
        for bad in t.avoid:
            if any(f in zh_text for f in _forms(bad)):
                problems.append(f"the Chinese text uses {bad!r}; the glossary fixes {t.zh!r} for {t.en!r} "
                                f"(glossary.yaml:{t.line})")
    return problems
