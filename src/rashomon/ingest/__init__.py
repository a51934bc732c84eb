"""The ingest stage: files and folders in, :class:`~rashomon.model.Document` out.

``ingest_paths`` reads ``.txt``, ``.html``/``.htm``, ``.md`` and ``.jsonl``
files (see :mod:`.readers`), decodes them (:mod:`.decode`), removes page
boilerplate with a corpus-aware cleaner (:mod:`.clean`), reads title, outlet,
author and date (:mod:`.metadata`, :mod:`.dates`), guesses the language
(:mod:`.language`) and stores each distinct text once. Whatever cannot be read
becomes an :class:`~rashomon.model.IngestError`; the batch always goes on.
"""

from .pipeline import MAX_BYTES, IngestResult, document_id, ingest_paths

__all__ = ["MAX_BYTES", "IngestResult", "document_id", "ingest_paths"]
