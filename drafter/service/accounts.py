"""Who acts: users who sign in, API keys, and resolving an actor to a name and role.

`user` arguments across the service accept a name or anything with `.name` and `.role` (records.UserInfo,
review_rules.Actor, the API's Principal). A bare name is looked up among the users; an unknown or disabled name has
no role: it may save and submit only its own drafts, and may not review.

A part of DrafterService (drafter.service.facade), which provides `settings`, `store`, `library`, `providers`,
`traces`, `jobs` and `queue`, and the other parts' methods."""

from __future__ import annotations

from typing import Protocol

from drafter.domain.records import ApiKeyInfo, UserInfo


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
