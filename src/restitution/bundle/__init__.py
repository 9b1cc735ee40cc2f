"""The evidence bundle: one Bates-stamped PDF of every exhibit, and its manifest.

    from restitution.bundle import write_bundle
    files = write_bundle(case, Path("out"), date=dt.date(2026, 11, 20))

The bundle opens with the bilingual evidence index, then gives each exhibit
a bilingual cover sheet followed by its pages: PDF pages as they show
(turned upright, each isolated in a form XObject, with nothing active left:
see `fitting` and `sanitize`), images on a page of their own (JPEGs byte for
byte), plain text typeset, e-mail as a mail program shows it. Every page
carries ``{prefix}-{NNNNNN}`` and the exhibit's page in a band at the bottom
that nothing of an exhibit can reach. `make_bundle` writes the PDF to any
binary stream; the manifest records what was taken out of each exhibit.
"""
from __future__ import annotations

from restitution.bundle.assemble import Layout, Placement, make_bundle
from restitution.bundle.index import render_index
from restitution.bundle.write import BundleFiles, bundle_name, manifest_name, write_bundle

__all__ = ["BundleFiles", "Layout", "Placement", "bundle_name", "make_bundle", "manifest_name",
           "render_index", "write_bundle"]
