"""The light of a meeting's action item, by a simple due-date rule (pure, no database).

| # | condition | light | reason |
|---|-----------|-------|--------|
| 1 | done on or before the day asked about | green | 已完成 |
| 2 | past the due date (as_of > due) | red | 逾期N天 |
| 3 | fewer than NEAR_DAYS days left | yellow | 距完成时限不足N天 |
| 4 | otherwise | green | 按期推进 |

The due day itself is not overdue.
"""

import datetime
from dataclasses import dataclass

from zhaoshang.supervision.lights import LIGHT_LABELS, Light

NEAR_DAYS = 3


@dataclass(frozen=True)
class ActionLight:
    light: Light
    reason: str

    @property
    def label(self) -> str:
        return LIGHT_LABELS[self.light]


def action_light(*, due: datetime.date, done_on: datetime.date | None, as_of: datetime.date) -> ActionLight:
    if done_on is not None and done_on <= as_of:
        return ActionLight(Light.GREEN, "已完成")
    if as_of > due:
        return ActionLight(Light.RED, f"逾期{(as_of - due).days}天")
    if (due - as_of).days < NEAR_DAYS:
        return ActionLight(Light.YELLOW, f"距完成时限不足{NEAR_DAYS}天")
    return ActionLight(Light.GREEN, "按期推进")
