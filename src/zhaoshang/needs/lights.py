"""The light of an enterprise need, as for supervision items (pure, no database).

Rules, in order; the first that matches decides:

| # | condition | light | reason |
|---|-----------|-------|--------|
| 1 | settled (已办结) | green | 已办结 / 逾期办结 |
| 2 | past the settle deadline (today > settle_due) | red | 逾期未办结 |
| 3 | not accepted and past the accept deadline | yellow | 超时未受理 |
| 4 | settle deadline today or tomorrow | blue | 临近办结时限 |
| 5 | otherwise | green | 按时办理中 |
"""

import datetime
from dataclasses import dataclass

from zhaoshang.supervision.lights import LIGHT_LABELS, Light

NEAR_DAYS = 2  # blue when fewer than this many calendar days are left


@dataclass(frozen=True)
class NeedLight:
    light: Light
    reason: str

    @property
    def label(self) -> str:
        return LIGHT_LABELS[self.light]


def need_light(*, now: datetime.datetime, accept_due: datetime.datetime, accepted: bool, settle_due: datetime.date,
               settled_on: datetime.date | None) -> NeedLight:
    """The light of one need at `now` (its local date is "today")."""
    today = now.date()
    if settled_on is not None:
        return NeedLight(Light.GREEN, "逾期办结" if settled_on > settle_due else "已办结")
    if today > settle_due:
        return NeedLight(Light.RED, "逾期未办结")
    if not accepted and now > accept_due:
        return NeedLight(Light.YELLOW, "超时未受理")
    if (settle_due - today).days < NEAR_DAYS:
        return NeedLight(Light.BLUE, "临近办结时限")
    return NeedLight(Light.GREEN, "按时办理中")
