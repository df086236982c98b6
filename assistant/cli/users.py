"""`msv users add|remove|list|passwd`: the users file, as thin shells over assistant.access.users
(the operator at the command line acts as the local administrator; every change is audited)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Annotated, Any

import typer
from rich.console import Console

from ..access.policy import AccessError
from ..access.users import UserStore
from .common import emit, err, fail


def _read_password(stdin: bool, prompt: str) -> str:
    if stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = typer.prompt(prompt, hide_input=True)
    if typer.prompt("Upprepa lösenordet", hide_input=True) != first:
        fail("lösenorden stämmer inte överens")
    return str(first)


def add_commands(app: typer.Typer, get_settings: Callable[[], Any]) -> None:
    """Add the `users` group (add, remove, list, passwd) to `app`."""
    users_app = typer.Typer(no_args_is_help=True, help="Användare och grupper (inloggning i appen, --user).")
    app.add_typer(users_app, name="users")

    def store() -> UserStore:
        return UserStore.from_settings(get_settings())

    @users_app.command("add")
    def add_cmd(
        name: Annotated[str, typer.Argument(help="Användarnamn (a–z, 0–9, . _ -).")],
        groups: Annotated[str, typer.Option("--groups", help="Grupper, kommaseparerade, ur inställningen groups "
                                            "(t.ex. alla, styrgrupp, sekretariat, extern).")],
        agency: Annotated[str, typer.Option("--agency", help="Användarens myndighet, t.ex. MYH.")] = "",
        admin: Annotated[bool, typer.Option("--admin", help="Administratör: hanterar användare i appen.")] = False,
        password_stdin: Annotated[bool, typer.Option("--password-stdin", help="Läs lösenordet från stdin.")] = False,
    ) -> None:
        """Lägg till en användare (lösenordet lagras som argon2-hash)."""
        st = store()
        try:
            user = st.add(name, _read_password(password_stdin, "Lösenord"), groups.split(","), agency, admin=admin)
        except AccessError as e:
            fail(str(e))
        role = ", administratör" if user.admin else ""
        err.print(f"Tillagd: {user.name} ({', '.join(user.groups)}{role}) i {st.path}", highlight=False)

    @users_app.command("remove")
    def remove_cmd(name: Annotated[str, typer.Argument(help="Användarnamn.")]) -> None:
        """Ta bort en användare och avsluta hens sessioner (filen finns kvar: inloggning krävs även när den är tom)."""
        try:
            store().remove(name)
        except AccessError as e:
            fail(str(e))
        err.print(f"Borttagen: {name}", highlight=False)

    @users_app.command("list")
    def list_cmd(as_json: Annotated[bool, typer.Option("--json", help="Skriv som JSON.")] = False) -> None:
        """Lista användarna, deras grupper och myndighet (aldrig lösenord)."""
        st = store()
        try:
            users = st.list()
        except AccessError as e:
            fail(str(e))
        if as_json:
            emit({"local_mode": st.local_mode, "users": [
                {"name": u.name, "groups": list(u.groups), "agency": u.agency, "admin": u.admin} for u in users]})
            return
        if st.local_mode:
            err.print(f"Ingen användarfil ({st.path}): lokalt läge, ingen inloggning, allt synligt.", highlight=False)
            return
        out = Console()
        for u in users:
            role = "\tadministratör" if u.admin else ""
            out.print(f"{u.name}\t{', '.join(u.groups)}\t{u.agency or '–'}{role}", highlight=False, markup=False)
        err.print(f"{len(users)} användare i {st.path}.", highlight=False)

    @users_app.command("passwd")
    def passwd_cmd(
        name: Annotated[str, typer.Argument(help="Användarnamn.")],
        password_stdin: Annotated[bool, typer.Option("--password-stdin", help="Läs lösenordet från stdin.")] = False,
    ) -> None:
        """Byt lösenord för en användare (hens sessioner i appen avslutas)."""
        try:
            store().passwd(name, _read_password(password_stdin, "Nytt lösenord"))
        except AccessError as e:
            fail(str(e))
        err.print(f"Lösenordet bytt för {name}.", highlight=False)
