"""No active content in the bundle: what is taken out of an exhibit, and the record of it.

An exhibit PDF may carry things that act when the bundle is opened or
clicked: page actions (/AA), JavaScript, /Launch (``cmd.exe /c calc``),
/GoToR to a network path, /SubmitForm, /ImportData, form fields, embedded
files. The bundle must be safe for a police unit or a court to open, so:

- `triage` looks at each annotation of a page: passive ones (text markup,
  stamps, shapes, free text) and form fields are flattened, i.e. their
  appearance is drawn into the page (`fitting`), and none is carried over as
  an annotation; links, form fields, file attachments and media lose their
  behaviour, and each of those removals is recorded;
- `scrub` then walks every object the exhibit brought into the bundle and
  deletes what could still act (an action hidden in a resource dictionary,
  an embedded file reached through a font): a second line behind the first,
  linear in the number of objects, whose removals are recorded too.

Each removal is a `Removal` (page, what); the manifest lists them per exhibit.
"""
from __future__ import annotations


from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject, StreamObject, TextStringObject

from restitution.records import record

# Names that mark something able to act, or a file inside the PDF.
ACTIVE = frozenset({"/JS", "/JavaScript", "/Launch", "/GoToR", "/GoToE", "/SubmitForm", "/ImportData",
                    "/ResetForm", "/AA", "/OpenAction", "/EmbeddedFile", "/EmbeddedFiles", "/EF",
                    "/FileAttachment", "/RichMedia", "/RichMediaContent", "/Rendition", "/Sound", "/Movie",
                    "/XFA", "/AcroForm", "/URI"})
# Annotations that are media or files: dropped whole, not even their icon is drawn.
_DROPPED = {"/FileAttachment", "/Sound", "/Movie", "/Screen", "/RichMedia", "/3D"}
_NOT_DRAWN = {"/Popup"}  # shown only when their parent is opened


@record
class Removal:
    page: int | None  # the exhibit's page, or None for something not tied to a page
    what: str

    def as_dict(self) -> dict:
        return {"page": self.page, "removed": self.what}


def _short(value, limit: int = 80) -> str:
    text = str(value.get_object() if isinstance(value, IndirectObject) else value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _action(action) -> str:
    """'/Launch (cmd.exe /c calc)' for an action dictionary, following /Next a few steps."""
    out = []
    for _ in range(8):
        action = action.get_object() if isinstance(action, IndirectObject) else action
        if not isinstance(action, DictionaryObject):
            break
        kind = str(action.get("/S", "/?"))
        target = None
        for key in ("/F", "/Win", "/URI", "/JS"):
            if key in action:
                value = action[key].get_object()
                if isinstance(value, DictionaryObject):
                    # A file specification, shown by its file names. A script
                    # stream is a dictionary too, so it lands here (no names: no target).
                    target = _short(" ".join(_short(value[k]) for k in ("/F", "/P", "/UF") if k in value))
                else:
                    target = _short(value)
                break
        out.append(f"{kind} ({target})" if target else kind)
        nxt = action.get("/Next")
        action = nxt[0] if isinstance(nxt, ArrayObject) and nxt else nxt
    return ", ".join(out)


def page_actions(page) -> list[str]:
    """The page's own actions (/AA: open, close), described."""
    aa = page.get("/AA")
    aa = aa.get_object() if aa is not None else None
    if not isinstance(aa, DictionaryObject):
        return []
    return [f"page action {trigger}: {_action(aa[trigger])}" for trigger in sorted(aa.keys())]


def triage(annot: DictionaryObject, record: list[str]) -> bool:
    """Whether to draw `annot`'s appearance; records in `record` what is removed with it."""
    subtype = str(annot.get("/Subtype", "/?"))
    acts = []
    if "/A" in annot:
        acts.append(_action(annot["/A"]))
    aa = annot.get("/AA")
    aa = aa.get_object() if aa is not None else None
    if isinstance(aa, DictionaryObject):
        acts += [f"{t}: {_action(aa[t])}" for t in sorted(aa.keys())]
    if subtype in _DROPPED:
        name = ""
        fs = annot.get("/FS")
        fs = fs.get_object() if fs is not None else None
        if isinstance(fs, DictionaryObject):
            name = " " + _short(fs.get("/UF", fs.get("/F", "")))
        elif fs is not None:
            name = " " + _short(fs)
        record.append(f"{subtype[1:]} annotation{name}" + (f" with {'; '.join(acts)}" if acts else ""))
        return False
    if subtype == "/Widget":
        name = f" {_short(annot['/T'])}" if isinstance(annot.get("/T"), TextStringObject) else ""
        record.append(f"form field{name} (flattened)" + (f" with {'; '.join(acts)}" if acts else ""))
    elif subtype == "/Link":
        dest = " to a page" if "/Dest" in annot else ""
        record.append(f"link{dest}" + (f" with {'; '.join(acts)}" if acts else ""))
    elif acts:
        record.append(f"{subtype[1:]} annotation's {'; '.join(acts)}")
    return subtype not in _NOT_DRAWN


def scrub(objects: list, start: int) -> list[str]:
    """Delete anything active from the objects ``objects[start:]`` (a writer's); what was deleted.

    Direct objects nested in them are walked too (iteratively: nesting depth
    is the file's choice). An action dictionary is emptied; a key or array
    entry naming something active is deleted; an embedded file's data is dropped.
    """
    found: set[str] = set()
    stack = [o for o in objects[start:] if o is not None]
    while stack:
        obj = stack.pop()
        if isinstance(obj, DictionaryObject):
            kind = obj.get("/S")
            if (isinstance(kind, NameObject) and kind in ACTIVE) or obj.get("/Type") in ("/Action", "/EmbeddedFile", "/Filespec"):
                found.add(f"{kind or obj.get('/Type')} object")
                obj.clear()
                if isinstance(obj, StreamObject):
                    obj._data = b""  # noqa: SLF001 - the embedded file's bytes go too
                continue
            for key in list(obj.keys()):
                value = obj[key]
                if key in ACTIVE or (isinstance(value, NameObject) and value in ACTIVE):
                    found.add(f"{key} entry" if key in ACTIVE else f"{key} {value} entry")
                    del obj[key]
                elif isinstance(value, (DictionaryObject, ArrayObject)):
                    stack.append(value)
        elif isinstance(obj, ArrayObject):
            keep = [v for v in obj if not (isinstance(v, NameObject) and v in ACTIVE)]
            if len(keep) != len(obj):
                found.add("active name in an array")
                obj[:] = keep
            stack.extend(v for v in obj if isinstance(v, (DictionaryObject, ArrayObject)))
    return sorted(found)
