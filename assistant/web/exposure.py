"""Who may reach the app: without a users file it listens on this computer only, unless the operator
says in so many words that everyone on the network may read everything."""

from __future__ import annotations

import ipaddress

from ingest.errors import MsvError

from ..access.users import UserStore

LOOPBACK_NAMES = ("localhost",)
OPEN_APP_WARNING = ("VARNING: appen körs utan inloggning på {host}: alla som når adressen över nätverket kan läsa "
                    "alla dokument, även de med begränsad åtkomst. Lägg till användare med msv users add.")


class OpenAppError(MsvError):
    """An app without sign-in that would listen beyond this computer."""


def is_loopback(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def open_app_refusal(host: str, users: UserStore, allow_open: bool) -> str:
    """Why the app may not start on ``host`` ("" when it may): without users only loopback."""
    if allow_open or not users.local_mode or is_loopback(host):
        return ""
    return (f"--host {host}: utan användare (ingen {users.path}) lyssnar appen bara på 127.0.0.1; lägg till "
            "användare med msv users add, eller starta med --insecure-no-login om alla på nätverket verkligen "
            "får läsa allt")
