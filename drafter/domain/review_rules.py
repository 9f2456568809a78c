"""Who may do what to a draft, and when a check counts as failed for approval. Pure rules, no storage."""

from __future__ import annotations

from dataclasses import dataclass

from drafter.models import CheckResult

# "local" is the one-person user (DRAFTER_AUTH=off, or the page's single DRAFTER_UI_PASSWORD): it may do everything.
LOCAL_ROLE = "local"
EDIT_OTHERS_ROLES = frozenset({"editor", "admin", LOCAL_ROLE})
REVIEW_ROLES = frozenset({"reviewer", "admin", LOCAL_ROLE})


@dataclass(frozen=True)
class Actor:
    """Who acts, for service calls that take a user: e.g. Actor("本机用户", LOCAL_ROLE) in one-person mode."""

    name: str
    role: str


def may_edit_others(role: str | None) -> bool:
    """Editors and admins may save versions of (and submit) drafts they do not own."""
    return role in EDIT_OTHERS_ROLES


def may_reply_others(role: str | None) -> bool:
    """Only a draft's owner answers its review comments; the one-person local user is every draft's owner."""
    return role == LOCAL_ROLE


def may_review(role: str | None) -> bool:
    return role in REVIEW_ROLES


def check_problems(check: CheckResult) -> list[str]:
    """Why a version's check fails, in Chinese; empty when it passes (numbers, missing facts, and claims once judged)."""
    problems = []
    flagged = [n for n in check.numbers if n.status != "supported"]
    if flagged and not check.ok:
        problems.append(f"{len(flagged)} 处数字与事实不符或无出处")
    if check.missing:
        problems.append(f"{len(check.missing)} 条事实的数字未写入")
    if not check.ok and not problems:
        problems.append("数字核对未通过")
    if check.claims and not check.faithful:
        problems.append(f"{len(check.claims)} 处表述在事实中找不到依据")
    return problems
