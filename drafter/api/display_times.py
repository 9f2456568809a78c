"""Display times in API replies: beside every `…_at` time (UTC, ISO 8601, for machines) a `…_at_local` text in
the configured zone (DRAFTER_TIMEZONE, default Asia/Shanghai), as the page and Word show it: 2026-12-05 12:13."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi.responses import JSONResponse

from drafter.domain.times import local


def with_local_times(content: Any, zone_name: str) -> Any:
    """`content` (JSON data) with a `<key>_local` text beside each `<key>` ending in `_at` that holds a time."""
    if isinstance(content, list):
        return [with_local_times(item, zone_name) for item in content]
    if not isinstance(content, dict):
        return content
    out: dict[str, Any] = {}
    for key, value in content.items():
        out[key] = with_local_times(value, zone_name)
        if key.endswith("_at") and isinstance(value, str) and f"{key}_local" not in content:
            moment = _parse(value)
            if moment is not None:
                out[f"{key}_local"] = local(moment, zone_name)
    return out


def _parse(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def local_times_response(zone_name: str) -> type[JSONResponse]:
    """The app's default response class: JSON with display times in `zone_name`."""

    class LocalTimesResponse(JSONResponse):
        def render(self, content: Any) -> bytes:
            return super().render(with_local_times(content, zone_name))

    return LocalTimesResponse
