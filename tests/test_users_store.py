"""Users who sign in: argon2-hashed passwords in the drafts store (SQLite and PostgreSQL), login, disable, passwd."""

from __future__ import annotations

import pytest

from drafter.domain.errors import InvalidInput, NotFound
from drafter.store import DraftStore
from store_support import store, store_url  # noqa: F401 - fixtures


def _stored_hashes(store) -> list[str]:
    with store.engine.connect() as conn:
        return [row[0] for row in conn.exec_driver_sql("SELECT password_hash FROM users").all()]


def test_create_and_login_with_an_argon2_hash(store):
    info = store.create_user("张书记", "正确的密码123", "writer")
    assert (info.name, info.role, info.disabled) == ("张书记", "writer", False)
    assert store.verify_user("张书记", "正确的密码123") == info
    assert store.verify_user(" 张书记 ", "正确的密码123") == info  # the name is trimmed like at creation
    assert store.verify_user("张书记", "错误的密码123") is None
    assert store.verify_user("张书记", "") is None and store.verify_user("没有此人", "正确的密码123") is None
    [stored] = _stored_hashes(store)
    assert stored.startswith("$argon2id$") and "正确的密码123" not in stored
    assert store.create_user("李干事", "正确的密码123", "writer") and len(set(_stored_hashes(store))) == 2  # salted


def test_roles_names_and_passwords_are_validated(store):
    for role in ("writer", "reviewer", "editor", "admin"):
        assert store.create_user(f"用户{role}", "password-123", role).role == role
    with pytest.raises(InvalidInput, match="角色"):
        store.create_user("某人", "password-123", "reader")  # reader is for API keys only
    with pytest.raises(InvalidInput, match="已存在"):
        store.create_user("用户writer", "password-456", "writer")
    with pytest.raises(InvalidInput, match="至少 8"):
        store.create_user("某人", "short", "writer")
    for bad_name in ("", "   ", "张\n三", "a" * 101, "张\x00三"):
        with pytest.raises(InvalidInput):
            store.create_user(bad_name, "password-123", "writer")
    assert [u.name for u in store.list_users()] == ["用户writer", "用户reviewer", "用户editor", "用户admin"]


def test_disable_and_set_password(store):
    store.create_user("王主席", "old-password", "reviewer")
    changed = store.set_password("王主席", "new-password")
    assert changed.name == "王主席"
    assert store.verify_user("王主席", "old-password") is None
    assert store.verify_user("王主席", "new-password").role == "reviewer"
    assert store.disable_user("王主席").disabled is True
    assert store.verify_user("王主席", "new-password") is None
    assert store.get_user("王主席").disabled is True and store.list_users()[0].disabled is True
    with pytest.raises(NotFound):
        store.disable_user("没有此人")
    with pytest.raises(NotFound):
        store.set_password("没有此人", "password-123")
    with pytest.raises(InvalidInput):
        store.set_password("王主席", "short")


def test_users_survive_a_restart(store_url):
    first = DraftStore(store_url)
    first.create_user("张书记", "password-123", "editor")
    first.close()
    again = DraftStore(store_url)
    try:
        assert again.verify_user("张书记", "password-123").role == "editor"
    finally:
        again.close()
