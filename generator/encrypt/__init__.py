"""The encryption stage: the built site becomes a neutral shell plus encrypted objects.

Runs last in `impactmonitor build`, after MkDocs, the search index and the PDFs, on the
finished folders (one per audience) and before the atomic publish. It knows nothing of
the theme: a file stays plain only when its bytes are those of a file shipped in the theme
or in this package (`plainfiles`), everything else is encrypted (`container`) and listed in
each audience's route map, which the browser's service worker reads (`shell/`).

The formats are in `FORMAT.md` beside this file.
"""
