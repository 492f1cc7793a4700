"""Read-only DuckDB connections that DuckDB itself keeps read-only.

Every door that only reads the warehouse (`vnhealth sql`, `vnhealth tables`, the report library,
the data dictionary) opens it here. Refusing statements by their text is only a courtesy that
gives a friendly message; the guard is DuckDB's own configuration:

* the warehouse is attached ``READ_ONLY``;
* ``enable_external_access = false``: no file outside the warehouse is read or written (COPY,
  EXPORT/IMPORT DATABASE, ATTACH, read_csv, read_text, glob, INSTALL, http(s) URLs);
* known extensions are never installed or loaded on demand, community extensions never, and no
  persistent secret is stored, so nothing is fetched or written under ``~/.duckdb``;
* ``temp_directory = ''``: a large query fails for lack of memory rather than spilling files;
* ``lock_configuration = true`` last, so no SET, RESET, PRAGMA or CALL can undo the above.

The file is attached to a private in-memory database instead of being opened directly: DuckDB
shares one open database per file path within a process and refuses a second connection to it
with another configuration, so a direct open with these settings would fail whenever the same
process (a notebook, a test) already holds a plain connection to the warehouse. Attaching needs
external access, so that setting and the lock come after the ATTACH.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from vnhealth.inputs.errors import VnhealthError

__all__ = ["ALIAS", "LOCKED_SETTINGS", "STARTUP_SETTINGS", "connect_read_only", "lock_down",
           "read_only_config"]

ALIAS = "warehouse"

# Settings that can be given to duckdb.connect(config=...): none of them stops the ATTACH.
STARTUP_SETTINGS: dict[str, bool | str] = {
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "allow_community_extensions": False,
    "allow_persistent_secrets": False,
    "temp_directory": "",
}

# Settings applied once the warehouse is attached (external access would block the ATTACH).
LOCKED_SETTINGS: dict[str, bool | str] = {
    **STARTUP_SETTINGS,
    "enable_external_access": False,
    "lock_configuration": True,  # last: nothing can be changed after it
}


def read_only_config() -> dict[str, bool | str]:
    """The ``duckdb.connect(config=...)`` of a read-only door (a fresh copy to pass on)."""
    return dict(STARTUP_SETTINGS)


def _literal(value: bool | str) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "'" + value.replace("'", "''") + "'"


def lock_down(con: Any) -> None:
    """Apply :data:`LOCKED_SETTINGS` to an open connection and lock its configuration.

    Call it after everything the connection needs from outside (the ATTACH) is done.
    """
    for name, value in LOCKED_SETTINGS.items():
        con.execute(f"SET {name} = {_literal(value)}")


def connect_read_only(path: str | Path, alias: str = ALIAS) -> Any:
    """A connection on which no statement can write, read other files or fetch anything.

    ``path`` is attached read-only as ``alias`` and is the only database (the connection's and
    its cursors' default), so its tables and views are reachable unqualified. A file DuckDB
    cannot open is a VnhealthError.
    """
    import duckdb

    con = duckdb.connect(":memory:", config=read_only_config())
    try:
        con.execute(f"ATTACH {_literal(str(path))} AS \"{alias}\" (READ_ONLY)")
        con.execute(f'USE "{alias}"')
        # Without the writable in-memory database, the warehouse is every cursor's default
        # database too, and nothing but TEMP objects can be created.
        con.execute("DETACH memory")
        lock_down(con)
    except duckdb.Error as exc:
        con.close()
        raise VnhealthError(f"cannot open {path} read-only: {exc}") from exc
    return con
