"""The service as the signed-in page user sees it (issue 22): organisation reach on the page, exactly as the API.

The page talks to one object, `as_user(service, user)`, which names the user on every call that is scoped by
organisation: reads get `viewer=` (a draft outside the user's organisation and its descendants is NotFound, shown
as 稿件不存在), drafting and outlines get `author=` (retrieval and pinned examples only from the examples the user
may see), uploads `uploader=`, and generation jobs carry the author into their drafting. Writes (save, submit,
review, restore, replies) already take the user and check reach in the service. Everything else is the service.

`user` is None for one-person use (no users in the store, or DRAFTER_AUTH=off): then nothing is scoped, as before.
tests/test_ui_orgs.py checks that every service method with such a parameter is listed here."""

from __future__ import annotations

from functools import partial

VIEWER = frozenset({"get_draft", "list_drafts", "list_versions", "get_version", "diff", "diff_since_return",
                    "export_docx", "trace", "list_reviews", "search_examples", "get_example", "list_orgs",
                    "get_job", "remove_example", "share_example", "create_org", "rename_org", "move_org",
                    "change_org", "delete_org"})
AUTHOR = frozenset({"draft", "draft_events", "plan"})
UPLOADER = frozenset({"add_examples"})


class ScopedService:
    """DrafterService with the signed-in user filled in (see the module's note)."""

    def __init__(self, service, user) -> None:
        self._service = service
        self.viewer = user

    def __getattr__(self, name: str):
        attr = getattr(self._service, name)
        if self.viewer is None:
            return attr
        for names, keyword in ((VIEWER, "viewer"), (AUTHOR, "author"), (UPLOADER, "uploader")):
            if name in names:
                return partial(attr, **{keyword: self.viewer})
        return attr

    @property
    def generation(self):
        return ScopedJobs(self._service.generation, self.viewer)


class ScopedJobs:
    """The service's generation jobs, each started as the signed-in user (its retrieval scoped to that user)."""

    def __init__(self, jobs, user) -> None:
        self._jobs = jobs
        self._user = user

    def start(self, owner: str, slot: str | None, request, provider: str | None = None):
        return self._jobs.start(owner, slot, request, provider, author=self._user)

    def __getattr__(self, name: str):
        return getattr(self._jobs, name)


def as_user(service, user) -> ScopedService:
    return ScopedService(service, user)
