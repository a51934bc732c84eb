"""Per-document extraction (entities, times, quantities, quotes): a pure function of one document.

Entry points: :func:`rashomon.extract.pipeline.extract_document` and
:func:`rashomon.extract.runner.run_extraction`.
"""
