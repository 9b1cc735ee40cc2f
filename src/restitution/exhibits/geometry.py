"""The page geometry shared by everything the bundle draws or stamps.

Each page of the bundle keeps a band at the bottom for the stamp (Bates
number and exhibit page). Pages the bundle draws itself (cover sheets,
images, typeset text) leave the band free; pages it takes from elsewhere
(PDF exhibits, the rendered index) are shrunk just enough to free it.
"""
from __future__ import annotations

from reportlab.lib.pagesizes import A4

MM = 72 / 25.4

PAGE_W, PAGE_H = A4
MARGIN = 18 * MM  # left, right and top margin of drawn pages
BAND = 12 * MM  # stamp band at the bottom of every page
GAP = 4 * MM  # between the content and the band on drawn pages

# The frame drawn pages may fill.
FRAME_X = MARGIN
FRAME_Y = BAND + GAP
FRAME_W = PAGE_W - 2 * MARGIN
FRAME_H = PAGE_H - MARGIN - FRAME_Y

STAMP_SIZE = 8.0  # points
STAMP_INSET = 6 * MM  # from the left and right page edges
