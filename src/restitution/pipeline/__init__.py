"""The rendering pipeline: case → template → Markdown → document model.

One module per stage: `templating` (the sandboxed Jinja environment, its
filters and the render state; `sandbox` bounds what a template may cost),
`markup` (Markdown to the document model), `bilingual` (pairing the English
and Chinese models block by block), `profile` (a firm's letterhead, logo and
fonts), and `render` (the stages in order, for one document or a packet).
Writers (`restitution.writers`) turn the model into bytes and never see a
case or a template.
"""
