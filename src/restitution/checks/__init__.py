"""`restitution check`: the templates agree with each other, the model and the glossary.

Three checks, each returning located problems:
- every template's variables, filters and case attributes exist (static);
- the en and zh templates of each document render to the same block
  structure on every example case (what bilingual output relies on);
- the glossary's fixed English/Chinese pairs of legal terms are used
  consistently: where a document's English text uses a term, its Chinese text
  uses the fixed translation;
- the phrase catalogues agree between languages and with the glossary
  (checks/catalogues.py);
- every ``:::`` container is closed, in the template branch it opened in,
  and none is printed as text (checks/containers.py);
- every ``**`` of a template line pairs with another (checks/markers.py).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from restitution.checks.catalogues import check_catalogues
from restitution.checks.containers import check_containers, stray_lines
from restitution.checks.markers import check_markers
from restitution.checks.glossary import Term, check_glossary, load_glossary
from restitution.checks.variables import Problem, check_source
from restitution.errors import RestitutionError

if TYPE_CHECKING:
    from restitution.case.model import Case

CHECK_DATE = dt.date(2026, 1, 15)


def template_files(roots: list[Path]) -> list[tuple[str, Path, Path]]:
    """(display name, path, its root folder) of every template, overrides first;
    shadowed files are skipped."""
    seen: set[str] = set()
    out = []
    for root in roots:
        for path in sorted(root.glob("*/*.md.j2")):
            rel = f"{path.parent.name}/{path.name}"
            if rel in seen:
                continue
            seen.add(rel)
            out.append((f"templates/{rel}", path, root))
    return out


def check_templates(roots: list[Path]) -> list[Problem | RestitutionError | str]:
    """Static problems of every template; a file the folder may not hold (a link out of
    it, a pipe, too large) is read the way rendering reads it, and refused the same way."""
    from restitution import documents
    from restitution.pipeline.templating import environment, read_template

    problems: list[Problem | RestitutionError | str] = []
    for display, path, root in template_files(roots):
        env = environment(path.parent.name, tuple(roots))
        try:
            source = read_template(root, path, display)
        except RestitutionError as err:
            problems.append(err)
            continue
        key = path.name.removesuffix(".md.j2")
        # a document's template: x.… is followed through its context's dataclass
        x_type = documents.context_type(documents.get(key)) if key in documents.DOCUMENTS else None
        problems.extend(check_source(env, display, source, x_type))
        problems.extend(check_containers(display, source))
        problems.extend(check_markers(display, source))
    return problems


def checked_documents(case_files: list[Path], problems: list[str]) -> Iterator[tuple[Path, str, Case, dt.date]]:
    """(case file, document, the case to render it from, its date) for every document the checks
    render: each one that applies to each case on CHECK_DATE, and the settlement agreement of a
    signed settlement as it was drafted (a signed one is cited, not redrafted, so only this way are
    its templates rendered). A case file that does not load adds its errors to `problems`."""
    from restitution import documents
    from restitution.case import load_case

    for case_file in case_files:
        try:
            case = load_case(case_file)
        except RestitutionError as err:
            problems.extend(err.lines())
            continue
        for key in documents.applicable(case, CHECK_DATE):
            yield case_file, key, case, CHECK_DATE
        st = case.settlement
        drafted = st.as_drafted() if st is not None else None
        if drafted is not None and st is not None and st.signed_on is not None:
            yield case_file, "settlement_agreement", dataclasses.replace(case, settlement=drafted), st.signed_on


def check_structure(roots: list[Path], case_files: list[Path], templates: Path | None) -> tuple[list[str], dict]:
    """Render every document in en and zh for every case; pair them. Returns problems and the texts."""
    from restitution.pipeline.bilingual import check_pair
    from restitution.document import document_text
    from restitution.pipeline.render import render_document

    problems: list[str] = []
    texts: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for case_file, key, subject, when in checked_documents(case_files, problems):
        try:
            en = render_document(subject, key, "en", when, templates=templates)
            zh = render_document(subject, key, "zh", when, templates=templates)
            check_pair(en, zh)
            problems.extend(f"{case_file.name}: {key} ({d.lang}): '{line}' is printed as text: a container "
                            "line Markdown did not take (see the template's ::: lines)"
                            for d in (en, zh) for line in stray_lines(d.blocks))
        except RestitutionError as err:
            problems.extend(f"{case_file.name}: {line}" for line in err.lines())
            continue
        texts.setdefault((key, case_file.name), []).append((document_text(en), document_text(zh)))
    return problems, texts


def run_checks(roots: list[Path], case_files: list[Path], templates: Path | None) -> list[str]:
    from restitution.pipeline.profile import profile_for
    from restitution.pipeline.templating import inside

    out = [str(p) for p in check_templates(roots)]
    try:
        profile_for(templates)  # the logo and fonts opened as rendering opens them
    except RestitutionError as err:
        return out + err.lines()  # said once, not again for every document rendered
    structure, texts = check_structure(roots, case_files, templates)
    out.extend(structure)
    glossary_path = next((r / "glossary.yaml" for r in roots if (r / "glossary.yaml").is_file()), None)
    terms: list[Term] = []
    if glossary_path is not None and not inside(glossary_path.parent, glossary_path):
        out.append("templates/glossary.yaml: is a link to a file outside the template folder; copy the file "
                   "into the folder")
    elif glossary_path is not None:
        terms = load_glossary(glossary_path)
        for (key, case_name), pairs in sorted(texts.items()):
            for en_text, zh_text in pairs:
                out.extend(f"{case_name}: {key}: {msg}" for msg in check_glossary(terms, en_text, zh_text))
    out.extend(check_catalogues(roots, terms))
    return out
