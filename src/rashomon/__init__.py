"""Rashomon: many accounts of one contested subject, compared with provenance."""

import os

# Rashomon parallelises by process (one per core); BLAS threads inside each
# process only compete with the others (small matrix products got 30x slower
# on a loaded 2-core machine). Callers may still override these.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

__version__ = "0.1.0"
