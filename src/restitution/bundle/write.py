"""Writing the bundle and its manifest: both or neither, never over existing files unless asked.

The bundle can be large, so it is written by pypdf straight into a temporary
file in the target folder (not built in memory first); the manifest, which
records the bundle's fingerprint, follows; both are moved into place with
`output.publish` only when both are complete (both new, or both as they
were). Every exhibit is checked before the first byte goes to disk.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

from restitution.bundle import manifest as manifest_mod
from restitution.bundle.assemble import Layout, check_prefix, make_bundle
from restitution.bundle.index import IndexRenderer
from restitution.case.model import Case
from restitution.exhibits import exhibit_infos
from restitution.output import check_targets, new_temp, publish
from restitution.processes import deferred_signals
from restitution.records import record


@record
class BundleFiles:
    pdf: Path
    manifest: Path
    layout: Layout
    sha256: str


def bundle_name(case: Case) -> str:
    return f"{case.id}_evidence_bundle.pdf"


def manifest_name(case: Case) -> str:
    return f"{case.id}_manifest.json"


def write_bundle(case: Case, outdir: Path, *, date: dt.date, prefix: str | None = None, force: bool = False,
                 index: IndexRenderer | None = None, allow_outside: bool = False) -> BundleFiles:
    """Write ``{id}_evidence_bundle.pdf`` and ``{id}_manifest.json`` to `outdir`."""
    outdir = Path(outdir)
    pdf_path, json_path = outdir / bundle_name(case), outdir / manifest_name(case)
    check_targets(outdir, [pdf_path.name, json_path.name], force)
    check_prefix(prefix or case.id)
    exhibit_infos(case, allow_outside=allow_outside)  # every exhibit is good before anything is written

    created = not outdir.exists()
    outdir.mkdir(parents=True, exist_ok=True)
    temps: list[Path] = []
    try:
        with deferred_signals():  # a signal between the two would leave the temporary behind
            fd, tmp_pdf = new_temp(outdir)
            temps.append(tmp_pdf)
        digest = hashlib.sha256()
        with os.fdopen(fd, "w+b") as fh:
            layout = make_bundle(case, fh, date=date, prefix=prefix, index=index, allow_outside=allow_outside)
            fh.flush()
            os.fsync(fh.fileno())
            size = fh.tell()
            fh.seek(0)
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
        sha = digest.hexdigest()
        data = manifest_mod.dumps(manifest_mod.manifest(case.id, layout, date, pdf_path.name, sha, size))
        with deferred_signals():  # a signal between the two would leave the temporary behind
            fd, tmp_json = new_temp(outdir)
            temps.append(tmp_json)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        publish(outdir, [(tmp_pdf, pdf_path), (tmp_json, json_path)])
    except BaseException:
        for tmp in temps:
            try:
                tmp.unlink()
            except FileNotFoundError:
                pass
        if created:
            try:
                outdir.rmdir()  # leave no trace, not even an empty folder
            except OSError:
                pass
        raise
    return BundleFiles(pdf_path, json_path, layout, sha)
