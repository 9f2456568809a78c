"""The one error hierarchy: every error the core raises and every adapter maps (API status, Chinese messages).

    DrafterError
    ├── InvalidInput (422)        bad input; `fields` says which field and why, in Chinese (LexiconError)
    ├── NotFound (404)            an unknown draft, version, example or job
    ├── Conflict (409)            the state forbids the change (StaleVersion: an outdated base version)
    ├── Forbidden (403)           the caller may not change this draft (not its owner)
    ├── QueueFull (429)           no room in the generation queue
    ├── ModelInstallError         the local model cannot be assembled
    └── ProviderError (502)       a model call failed (ProviderUnavailable, 503: the provider cannot be used)

This module imports nothing from the rest of drafter, so every module may import it.
"""

from __future__ import annotations

import errno


class DrafterError(Exception):
    """Base of every error the core raises on purpose; the message is Chinese and shown to users."""


class InvalidInput(DrafterError, ValueError):
    """Input that cannot be used; the message says why, in Chinese (API 422, CLI exit 2).

    `fields` lists {"field": name, "message": Chinese reason} when the problem is in named fields.
    """

    def __init__(self, message: str, fields: list[dict] | None = None) -> None:
        super().__init__(message)
        self.fields = fields if fields is not None else []


class NotFound(DrafterError, LookupError):
    """An unknown draft, version, example or job (API 404)."""


class Conflict(DrafterError, RuntimeError):
    """The request is valid but the current state forbids it (API 409)."""


class StaleVersion(Conflict):
    """An edit based on a version that is no longer the latest (API 409, with the latest version's number)."""

    def __init__(self, message: str = "", latest_version: int | None = None) -> None:
        super().__init__(message)
        self.latest_version = latest_version


class Forbidden(DrafterError, PermissionError):
    """The caller may not do this to this draft, e.g. save a version of someone else's draft (API 403)."""


class LexiconError(InvalidInput):
    """The number-check lexicon file cannot be read (CLI exit 2)."""


class ModelInstallError(DrafterError, RuntimeError):
    """The model cannot be installed; the message (Chinese) says why and how to fix it."""


class QueueFull(DrafterError, RuntimeError):
    """The generation queue has no room (API 429 with Retry-After)."""


class ProviderError(DrafterError, RuntimeError):
    """The provider failed for this call (after its own retries); the pipeline falls back to templates."""


class ProviderUnavailable(ProviderError):
    """The provider cannot be used at all (not installed or not configured); the message says how to fix it."""


_OS_REASONS = {
    errno.ENOENT: "文件或目录不存在",
    errno.EISDIR: "这是一个目录，不是文件",
    errno.ENOTDIR: "路径中有一段不是目录",
    errno.EACCES: "没有访问权限",
    errno.EPERM: "没有操作权限",
    errno.ELOOP: "符号链接循环（链接最终指回自身）",
    errno.ENOSPC: "磁盘空间不足",
    errno.EROFS: "文件系统只读",
    errno.ENAMETOOLONG: "文件名过长",
    errno.EEXIST: "文件已存在",
}


def os_reason(exc: BaseException) -> str:
    """A Chinese reason for an OSError (or the RuntimeError pathlib raises on a symlink loop)."""
    if isinstance(exc, OSError) and exc.errno in _OS_REASONS:
        return _OS_REASONS[exc.errno]
    if isinstance(exc, RuntimeError) and "symlink loop" in str(exc).lower():
        return _OS_REASONS[errno.ELOOP]
    return "文件系统错误" + (f"（错误码 {exc.errno}）" if isinstance(exc, OSError) and exc.errno else "")


__all__ = ["DrafterError", "InvalidInput", "NotFound", "Conflict", "StaleVersion", "Forbidden", "QueueFull", "ProviderError", "LexiconError", "ModelInstallError",
           "ProviderUnavailable", "os_reason"]
