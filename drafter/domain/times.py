"""Times as the user reads them: in the configured time zone (DRAFTER_TIMEZONE, default Asia/Shanghai), the same
on the page, in the API's display fields and in Word. Stored times are UTC."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_ZONE = "Asia/Shanghai"


def zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or DEFAULT_ZONE)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_ZONE)


def local(moment: datetime | None, zone_name: str | None = None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """`moment` in the user's zone, formatted; "" for None. A naive time is taken as UTC (the store's)."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        from datetime import UTC

        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(zone(zone_name)).strftime(fmt)
