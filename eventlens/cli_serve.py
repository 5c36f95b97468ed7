"""`eventlens serve`: the web API and dashboard over a store. `register(main)` adds it to the group."""
from __future__ import annotations

import ipaddress
import os
import sys

import click

_LOOPBACK_NAMES = {"localhost", "ip6-localhost"}


def _is_loopback(host: str) -> bool:
    if host in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command("serve")
@click.option("--db", "db", default="eventlens.duckdb", metavar="FILE", show_default=True,
              help="The store to serve; coding pasted text works without one.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Only this machine can connect unless you give another.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--token", envvar="EVENTLENS_TOKEN", default=None, metavar="TOKEN",
              help="Turns on the write endpoint (POST /api/ingest) for requests that send "
                   "`Authorization: Bearer TOKEN`. Also read from EVENTLENS_TOKEN.")
def serve_command(db, host, port, token):
    """Serve the web API (/api, /openapi.json) and the dashboard (/) over a store."""
    import uvicorn

    from .serve import create_app

    if not _is_loopback(host):
        click.echo(f"eventlens: listening on {host}: other machines can reach this server"
                   + ("" if token else "; it is read-only (no --token)"), err=True)
    if not os.path.exists(db):
        click.echo(f"eventlens: no store at {db} yet: the dashboard can code pasted text; "
                   f"fill the store with `eventlens ingest PATH --db {db}`", err=True)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"eventlens: dashboard at http://{shown}:{port}/  (API document: /openapi.json); "
               f"writes {'on' if token else 'off'}; Ctrl+C stops", err=True)
    try:
        uvicorn.run(create_app(db=db, token=token), host=host, port=port, log_level="warning")
    except OSError as exc:
        click.echo(f"eventlens: [E003] cannot listen on {host}:{port} ({exc}) -- pick another --port", err=True)
        sys.exit(2)


def register(main: click.Group) -> None:
    main.add_command(serve_command)
