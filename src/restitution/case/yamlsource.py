"""Reading a case file's YAML into a tree of located text nodes.

The YAML is read at the event level and never constructed: no tag is
resolved, so every scalar stays the text the user wrote (`NO` is Norway,
`0012345` keeps its zeros) and the model code converts it. Tags are refused
before anything could be built from them, and anchors and aliases are
refused outright, which also makes alias bombs harmless. Every node keeps
its line so that each later error can point at it.
"""
from __future__ import annotations

import gc
import re
from dataclasses import dataclass, field

import yaml

from restitution.case.problems import Problems
from restitution.errors import looks_sensitive, mask

# A long real case file is under 100 KB. The limit bounds the worst case of
# a pathological file (millions of tiny nodes) to about two seconds.
MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 32
NULLS = frozenset({"", "~", "null", "Null", "NULL"})

# C0 and C1 controls except tab and newline, and the bidirectional overrides
# that can make a name or an amount read differently from what it is.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")

_YAML_BREAKS = "\x85\u2028\u2029"

_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LenientLoader(yaml.SafeLoader):
    """Pure-Python parser that lets control characters through the reader,
    so that they are reported with the key path of the value holding them."""

    def check_printable(self, data):  # noqa: D401 - PyYAML hook
        return None


@dataclass
class Scalar:
    text: str
    line: int
    plain: bool = True
    refused: bool = False  # carried a tag: reported, and its value is not used

    @property
    def is_null(self) -> bool:
        return self.plain and self.text in NULLS


@dataclass
class Entry:
    key: str
    key_line: int
    value: "Node"


@dataclass
class Mapping:
    line: int
    entries: list[Entry] = field(default_factory=list)
    refused: bool = False
    # Index by key: duplicate detection must stay linear on a large file.
    _index: dict[str, Entry] = field(default_factory=dict, repr=False, compare=False)

    def get(self, key: str) -> Entry | None:
        return self._index.get(key)

    def add(self, entry: Entry) -> None:
        self.entries.append(entry)
        self._index[entry.key] = entry


@dataclass
class Sequence:
    line: int
    items: list["Node"] = field(default_factory=list)
    refused: bool = False


Node = Scalar | Mapping | Sequence


def describe(node: Node) -> str:
    if isinstance(node, Mapping):
        return "a mapping of keys"
    if isinstance(node, Sequence):
        return "a list"
    return "empty" if node.is_null else "a single value"


def decode(data: bytes, problems: Problems) -> str | None:
    """UTF-8 text with the BOM stripped and line ends normalised, or None."""
    if len(data) > MAX_BYTES:
        problems.add(None, None, f"file is {_size(len(data))}; the limit for a case file is {_size(MAX_BYTES)}")
        return None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        problems.add(1, None, "file is UTF-16; save it as UTF-8")
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        column = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        problems.add(line, None, f"not valid UTF-8 (byte 0x{data[err.start]:02x} at column {column}); save the file as UTF-8")
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _size(n: int) -> str:
    if not n % (1024 * 1024):
        return f"{n // (1024 * 1024)} MB"
    shown = f"{n / (1024 * 1024):.1f}"
    if float(shown) * 1024 * 1024 <= MAX_BYTES < n:  # just over: "2.0 MB" would read as within the limit
        shown = f"{n / (1024 * 1024):.3f}"
    return f"{shown} MB"


def parse(text: str, problems: Problems) -> Node | None:
    """The document's root node, or None when the YAML cannot be read."""
    if len(text.encode("utf-8")) > MAX_BYTES:
        problems.add(None, None, f"file is larger than {_size(MAX_BYTES)}, the limit for a case file")
        return None
    stray = {m.start() for m in FORBIDDEN.finditer(text)}
    loader = _LenientLoader if stray else _Parser
    builder = _Builder(problems)
    # YAML reads NEL and the Unicode line and paragraph separators as line breaks, which
    # would shift every later line number and split a value: report them where the user
    # sees them, and read them as spaces.
    breaks = {o for o in stray if text[o] in _YAML_BREAKS}
    if breaks:
        _report_stray(text, breaks, builder.reported_lines, problems)
        text = text.translate({ord(c): " " for c in _YAML_BREAKS})
        stray -= breaks
    # The tree holds no reference cycles; pausing the cycle collector keeps
    # a large file from costing a collection pass every few thousand nodes.
    collecting = gc.isenabled()
    gc.disable()
    try:
        try:
            _feed(text, loader, builder)
        except yaml.MarkedYAMLError as err:
            # libyaml (0.2.5+) scans flow collections ahead and stops at its own
            # nesting limit before our builder has seen 32 levels; the pure-Python
            # parser streams, so a re-read gives the same located message either way.
            if issubclass(loader, yaml.SafeLoader) or "nesting depth" not in str(err.problem):
                raise
            builder = _Builder(problems)
            _feed(text, yaml.SafeLoader, builder)
    except yaml.MarkedYAMLError as err:
        _syntax_error(text, err, problems)
        return None
    except yaml.YAMLError as err:  # reader errors carry no mark
        problems.add(None, None, f"YAML cannot be read: {getattr(err, 'reason', None) or 'unreadable input'}")
        return None
    finally:
        if collecting:
            gc.enable()
    if stray:
        _report_stray(text, stray, builder.reported_lines, problems)
    return None if builder.stop else builder.root


def _feed(text: str, loader: type, builder: "_Builder") -> None:
    for event in yaml.parse(text, Loader=loader):
        builder.feed(event)
        if builder.stop:
            break


def _syntax_error(text: str, err: yaml.MarkedYAMLError, problems: Problems) -> None:
    mark = err.problem_mark or err.context_mark
    line = mark.line + 1 if mark else None
    for number, row in enumerate(text.split("\n")[: line or None], start=1):
        indent = row[: len(row) - len(row.lstrip(" \t"))]
        if "\t" in indent and row.strip():
            problems.add(number, None, "tab character in indentation; YAML indents with spaces only")
            return
    message = f"YAML syntax error: {err.problem}" if err.problem else "YAML syntax error"
    if err.context and err.context_mark and line is not None and err.context_mark.line + 1 != line:
        message += f" ({err.context} on line {err.context_mark.line + 1})"
    problems.add(line, None, message)


def _report_stray(text: str, offsets: set[int], reported: set[int], problems: Problems) -> None:
    # Control characters outside any value (in a comment or between tokens).
    for offset in sorted(offsets):
        line = text.count("\n", 0, offset) + 1
        if line not in reported:
            reported.add(line)
            problems.add(line, None, f"control character {code_point(text[offset])} is not allowed")


def code_point(ch: str) -> str:
    return f"U+{ord(ch):04X}"


class _Builder:
    """Builds the node tree from the event stream, refusing what is unsafe."""

    def __init__(self, problems: Problems):
        self.problems = problems
        self.root: Node | None = None
        self.stack: list[list] = []  # [node, path, pending key (str, line) | None]
        self.documents = 0
        self.stop = False
        self.reported_lines: set[int] = set()

    def _path(self) -> str:
        if not self.stack:
            return ""
        node, path, pending = self.stack[-1]
        if isinstance(node, Mapping):
            return _join(path, pending[0]) if pending else path
        return f"{path}[{len(node.items)}]"

    def _refuse(self, event, line: int) -> bool:
        if event.anchor is None and getattr(event, "tag", None) is None and not isinstance(event, yaml.AliasEvent):
            return False
        path = self._path() or None
        if event.anchor is not None or isinstance(event, yaml.AliasEvent):
            # Fatal: what the shared values were meant to be is unknown, and
            # stopping here is what keeps an alias bomb from costing anything.
            what = "aliases (*)" if isinstance(event, yaml.AliasEvent) else "anchors (&)"
            self.problems.add(line, path, f"YAML {what} are not allowed in a case file; write the value out")
            self.stop = True
            return True
        tag = event.tag.replace("tag:yaml.org,2002:", "!!")
        self.problems.add(line, path, f'YAML tags such as "{tag}" are not allowed in a case file')
        return True

    def feed(self, event) -> None:
        line = event.start_mark.line + 1
        if type(event) is yaml.ScalarEvent and event.anchor is None and event.tag is None:
            plain = Scalar(event.value, line, not event.style)
            if FORBIDDEN.search(event.value):
                self._check_text(plain)
            self._attach(plain, line)
            return
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self.problems.add(line, None, "more than one YAML document; a case file holds exactly one")
                self.stop = True
            return
        if isinstance(event, (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent)):
            return
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            self._attach(self.stack.pop()[0], line)
            return
        refused = self._refuse(event, line)
        if self.stop:
            return
        if isinstance(event, yaml.ScalarEvent):
            scalar = Scalar(event.value, line, plain=not event.style, refused=refused)
            if not refused:
                self._check_text(scalar)
            self._attach(scalar, line)
            return
        if len(self.stack) >= MAX_DEPTH:
            self.problems.add(line, self._path() or None, f"nested more than {MAX_DEPTH} levels deep")
            self.stop = True
            return
        path = self._path()
        container: Node = Mapping(line) if isinstance(event, yaml.MappingStartEvent) else Sequence(line)
        container.refused = refused
        self.stack.append([container, path, None])

    def _check_text(self, node: Scalar) -> None:
        m = FORBIDDEN.search(node.text)
        if m:
            self.reported_lines.add(node.line)
            self.problems.add(node.line, self._path() or None, f"control character {code_point(m.group())} is not allowed")

    def _attach(self, node: Node, line: int) -> None:
        if not self.stack:
            self.root = node
            return
        parent = self.stack[-1]
        container = parent[0]
        if isinstance(container, Sequence):
            container.items.append(node)
            return
        pending = parent[2]
        if pending is None:
            key = self._key(node, parent[1])
            parent[2] = key
            return
        key, key_line = pending
        parent[2] = None
        if key is None:
            return
        earlier = container.get(key)
        if earlier is not None:
            self.problems.add(
                key_line, _join(parent[1], key), f"key given twice (lines {earlier.key_line} and {key_line})"
            )
            return
        container.add(Entry(key, key_line, node))

    def _key(self, node: Node, path: str) -> tuple[str | None, int]:
        line = node.line
        if not isinstance(node, Scalar):
            self.problems.add(line, path or None, "a key must be a plain name, not a list or a mapping")
            return (None, line)
        if node.is_null and node.plain:
            self.problems.add(line, path or None, "empty key")
            return (None, line)
        return (node.text, line)


_PLAIN_KEY = re.compile(r"[A-Za-z0-9_-]+")


def show_key(key: str) -> str:
    """A key as printed in a key path: plain names as they are, any other key quoted
    with spaces, controls and invisible characters escaped, so that a path stays one
    unambiguous word and a message never carries a raw control character."""
    if looks_sensitive(key):
        # A card or account number pasted as a key: the path names it by its end only.
        return f'"{mask(key)}"'
    if _PLAIN_KEY.fullmatch(key):
        return key
    out = []
    for ch in key[:60]:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch.isprintable() and not ch.isspace():
            out.append(ch)
        else:
            out.append(f"\\u{ord(ch):04x}" if ord(ch) < 0x10000 else f"\\U{ord(ch):08x}")
    return '"' + "".join(out) + ('…"' if len(key) > 60 else '"')


def _join(path: str, key: str) -> str:
    key = show_key(key)
    return f"{path}.{key}" if path else key
