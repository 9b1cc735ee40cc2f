"""Walking the node tree against the declared format (spec.ROOT, read from model.py).

The result is a tree of plain dicts and lists holding converted values,
plus `where`, the line of every key path. Unknown keys, missing required
keys, values of the wrong shape and values that do not convert are all
reported here; conditions that relate several keys come after, in conditions.py.
"""
from __future__ import annotations

from restitution.case.fields import Invalid, convert
from restitution.case.problems import Problems, did_you_mean
from restitution.case.spec import ROOT, Field, Section
from restitution.case.yamlsource import FORBIDDEN, Mapping, Node, Scalar, Sequence, describe, show_key

_ABSENT = object()
MAX_ENTRIES = 1_000


def _join(path: str, key: str) -> str:
    key = show_key(key)
    return f"{path}.{key}" if path else key


def build_tree(root: Node | None, problems: Problems, where: dict[str, int]) -> dict | None:
    """The converted values of the case file, or None when it is not a case file at all."""
    if root is None or (isinstance(root, Scalar) and root.is_null):
        problems.add(1, None, "the file is empty; a case file starts with `schema: 1`")
        return None
    if not isinstance(root, Mapping):
        problems.add(root.line, None, f"a case file is a mapping of keys (schema, case, client, ...), found {describe(root)}")
        return None
    # A file of another format version is judged by that version alone:
    # listing its keys as unknown here would only bury the one real problem.
    entry = root.get("schema")
    if entry is not None and isinstance(entry.value, Scalar) and not entry.value.is_null:
        try:
            convert(ROOT.fields["schema"], entry.value.text)
        except Invalid as err:
            problems.add(entry.value.line, "schema", str(err))
            return None
    return _Walker(problems, where).section(ROOT, root, "", 1)


class _Walker:
    def __init__(self, problems: Problems, where: dict[str, int]):
        self.problems = problems
        self.where = where

    def section(self, section: Section, mapping: Mapping, path: str, line: int) -> dict:
        """Convert one mapping; `line` is where a missing key is reported (its parent key)."""
        out: dict = {}
        given_empty: set[str] = set()
        for entry in mapping.entries:
            key_path = _join(path, entry.key)
            f = section.fields.get(entry.key)
            if f is None:
                hint = "" if self.problems.full else did_you_mean(entry.key, section.fields)
                self.problems.add(entry.key_line, key_path, "unknown key" + hint)
                continue
            self.where[key_path] = entry.key_line
            value = self.value(f, entry.value, key_path)
            if value is _ABSENT:
                given_empty.add(entry.key)
                continue
            out[entry.key] = value
        for key, f in section.fields.items():
            if not f.required or key in out:
                continue
            given = mapping.get(key)
            if given is None:
                self.problems.add(line, _join(path, key), "required key is missing")
            elif key in given_empty:
                self.problems.add(given.key_line, _join(path, key), "required, but empty")
        return out

    def value(self, f: Field, node: Node, path: str):
        if node.refused:
            return None  # its tag is reported; present, but without a usable value
        if isinstance(node, Scalar) and node.is_null:
            return _ABSENT
        if f.kind == "section":
            if not isinstance(node, Mapping):
                return self._shape(node, path, f"must be a mapping of keys ({_keys(f.section)}), found {describe(node)}")
            return self.section(f.entries, node, path, self.where.get(path, node.line))
        if f.kind == "list":
            return self.sequence(f, node, path)
        if not isinstance(node, Scalar):
            return self._shape(node, path, f"must be a single value, found {describe(node)}")
        if not node.text.strip() and f.kind not in ("text", "line", "ident"):
            return _ABSENT
        if FORBIDDEN.search(node.text):
            return None  # its control character is reported; judging the rest would only repeat it
        try:
            value = convert(f, node.text)
        except Invalid as err:
            self.problems.add(node.line, path, str(err))
            return None  # present but wrong: not "missing", already reported
        if isinstance(value, str) and not value:
            return _ABSENT
        return value

    def sequence(self, f: Field, node: Node, path: str):
        if not isinstance(node, Sequence):
            hint = "; start each entry with a dash (- )" if isinstance(node, Mapping) else ""
            return self._shape(node, path, f"must be a list, found {describe(node)}{hint}")
        if len(node.items) > MAX_ENTRIES:
            # Every document's time grows with its lists (a bilingual evidence index of
            # 2,000 exhibits takes a minute, see benchmarks/LIMITS.md): refuse, do not hang.
            self.problems.add(node.line, path, f"has {len(node.items):,} entries; a list in a case file may have "
                                               f"at most {MAX_ENTRIES:,} (combine related entries, "
                                               "or split the case)")
            return None
        items: list[dict] = []
        for i, item in enumerate(node.items):
            item_path = f"{path}[{i}]"
            self.where[item_path] = item.line
            if not isinstance(item, Mapping):
                what = "empty" if isinstance(item, Scalar) and item.is_null else describe(item)
                self.problems.add(item.line, item_path, f"each entry must be a mapping of keys ({_keys(f.section)}), found {what}")
                items.append({})
                continue
            items.append(self.section(f.entries, item, item_path, item.line))
        if f.nonempty and not items:
            self.problems.add(node.line, path, "needs at least one entry")
        return items

    def _shape(self, node: Node, path: str, message: str):
        self.problems.add(node.line, path, message)
        return None


def _keys(section: Section | None, limit: int = 3) -> str:
    names = list(section.fields) if section else []
    shown = ", ".join(names[:limit])
    return shown + ", ..." if len(names) > limit else shown
