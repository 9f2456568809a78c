"""Who acts: users who sign in, API keys, and resolving an actor to a name and role.

`user` arguments across the service accept a name or anything with `.name` and `.role` (records.UserInfo,
review_rules.Actor, the API's Principal). A bare name is looked up among the users; an unknown or disabled name has
no role: it may save and submit only its own drafts, and may not review.

A part of DrafterService (drafter.service.facade), which provides `settings`, `store`, `library`, `providers`,
`traces`, `jobs` and `queue`, and the other parts' methods."""

from __future__ import annotations

from typing import Protocol

from pydantic import BaseModel

from drafter.domain.records import ApiKeyInfo, UserInfo


class SignInResult(BaseModel):
    """A page sign-in attempt: the user and session token, or how long to wait (locked: the long lock)."""

    user: UserInfo | None = None
    token: str | None = None
    wait_s: float = 0.0
    locked: bool = False
    checked: bool = False  # the password was checked (False: refused before, because of an earlier failure)


class ActorLike(Protocol):
    """records.UserInfo, review_rules.Actor or the API's Principal."""

    name: str
    role: str



class AccountsService:
    """Mixed into DrafterService."""

    def _actor(self, user: str | ActorLike) -> tuple[str, str | None]:
        if isinstance(user, str):
            info = self.store.get_user(user)
            return user.strip(), (info.role if info is not None and not info.disabled else None)
        if getattr(user, "disabled", False):
            return str(user.name).strip(), None
        return str(user.name).strip(), str(user.role)

    def create_user(self, name: str, password: str, role: str, org: str | None = None) -> UserInfo:
        """A person of organisation `org` (id or name; the root when None) who signs in; only an argon2 hash of
        the password is stored."""
        return self.store.create_user(name, password, role, org)

    def login(self, name: str, password: str) -> UserInfo | None:
        """The user if name and password match and the user is not disabled, else None."""
        return self.store.verify_user(name, password)

    def sign_in(self, name: str, password: str, address: str | None = None, verify=None) -> SignInResult:
        """A page sign-in, throttled: wrong passwords are counted per user and per address (settings
        signin_delay_s, signin_lock_after, signin_lock_minutes); a waiting or locked key is refused without
        checking the password. `verify(name, password)` replaces the users' check (the one-person password).
        A right password clears the user's count and opens a session (its token)."""
        keys = [f"user:{(name or '').strip()[:200]}"] + ([f"addr:{address[:200]}"] if address else [])
        cfg = self.settings
        wait, locked = self.store.sign_in_wait(keys, cfg.signin_delay_s)
        if wait > 0:
            return SignInResult(wait_s=wait, locked=locked)
        user = verify(name, password) if verify is not None else self.store.verify_user(name, password)
        if user is None:
            locked = self.store.record_sign_in_failure(keys, cfg.signin_lock_after, cfg.signin_lock_minutes)
            wait, locked = self.store.sign_in_wait(keys, cfg.signin_delay_s)
            return SignInResult(wait_s=wait, locked=locked, checked=True)
        self.store.clear_sign_in_failures(keys[:1])
        return SignInResult(user=user, token=self.store.open_page_session(user.name, cfg.session_days))

    def open_page_session(self, name: str) -> str:
        """A session token for a user already known to be signed in (the one-person password)."""
        return self.store.open_page_session(name, self.settings.session_days)

    def page_session_user(self, token: str | None) -> str | None:
        return self.store.page_session_user(token)

    def end_page_session(self, token: str | None) -> bool:
        """Signing out: the token no longer signs anyone in, on any machine."""
        return self.store.end_page_session(token)

    def get_user(self, name: str) -> UserInfo | None:
        return self.store.get_user(name)

    def list_users(self) -> list[UserInfo]:
        return self.store.list_users()

    def set_password(self, name: str, password: str) -> UserInfo:
        return self.store.set_password(name, password)

    def disable_user(self, name: str) -> UserInfo:
        return self.store.disable_user(name)

    def create_api_key(self, name: str, role: str = "writer", org: str | None = None) -> tuple[ApiKeyInfo, str]:
        """A new API key acting for organisation `org` (the root when None); the plaintext is returned once,
        only its hash is stored."""
        return self.store.create_api_key(name, role, org)

    def authenticate(self, key: str) -> ApiKeyInfo | None:
        return self.store.authenticate(key)

    def list_api_keys(self) -> list[ApiKeyInfo]:
        return self.store.list_api_keys()

    def revoke_api_key(self, key_id: str) -> bool:
        return self.store.revoke_api_key(key_id)
