"""Start ``rashomon serve``: the app on uvicorn, loopback only unless asked.

With ``--allow-writes`` a fresh random token is printed; the browser link
carries it after ``#``, which browsers never send to a server, so it stays
out of logs. A server bound to a loopback address accepts only requests that
name a loopback host (no DNS rebinding).
"""

from __future__ import annotations

import ipaddress
import secrets
from pathlib import Path

from rich.console import Console

from rashomon.api.app import create_app
from rashomon.api.corpus import StoreMissing

LOOPBACK_NAMES = ["127.0.0.1", "localhost", "::1", "[::1]"]


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def run_server(folder: Path, host: str, port: int, allow_writes: bool, console: Console) -> int:
    """Serve ``folder`` until interrupted; the exit status."""
    import uvicorn

    token = secrets.token_urlsafe(24) if allow_writes else None
    trusted = sorted({*LOOPBACK_NAMES, host}) if is_loopback(host) else None
    try:
        app = create_app(folder, allow_writes=allow_writes, token=token, trusted_hosts=trusted)
    except StoreMissing as error:
        console.print(f"[red]error[/red] {error}", highlight=False, soft_wrap=True)
        return 2
    with app.state.corpus.context():  # build the corpus index now, not on the first page
        pass
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/"
    console.print(f"Serving {app.state.corpus.db_path} at {url}", highlight=False)
    if token:
        console.print(f"Writes allowed with the token {token}", highlight=False)
        console.print(f"Add documents at {url}#token={token}", highlight=False)
    else:
        console.print("Read-only (start with --allow-writes to add documents).")
    if not is_loopback(host):
        console.print(
            f"[yellow]warning[/yellow] listening on {host}: reachable from other machines"
        )
    uvicorn.run(app, host=host.strip("[]"), port=port, log_level="warning")
    return 0
