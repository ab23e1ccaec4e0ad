"""What a meeting should discuss: the projects the phase clock flags and the needs still open."""

import datetime
from dataclasses import dataclass

from zhaoshang.needs.choices import NeedStatus
from zhaoshang.needs.models import Need
from zhaoshang.needs.selectors import light_of
from zhaoshang.projects.flags import attach_clocks, flagged_q
from zhaoshang.projects.models import Project
from zhaoshang.supervision.lights import SEVERITY

MAX_PROJECTS, MAX_NEEDS = 20, 20  # a meeting can only get through so much


@dataclass(frozen=True)
class Candidate:
    """A topic for the agenda and why it is on it."""

    topic: str
    reason: str
    project: Project | None = None
    need: Need | None = None


def flagged_projects(*, as_of: datetime.date) -> list[Project]:
    """Projects stalled, over their stage's budget or not updated for the set number of days (projects.clock),
    the worst first; each with `.clock`."""
    projects = Project.objects.filter(flagged_q(as_of)).select_related("lead_unit").order_by("stage_since", "id")
    flagged = [p for p in attach_clocks(projects, as_of) if p.clock.flagged]
    return sorted(flagged, key=lambda p: (-SEVERITY[p.clock.light], p.stage_since, p.pk))[:MAX_PROJECTS]


def open_needs(*, as_of: datetime.date) -> list[Need]:
    """Needs raised by `as_of` and not settled by then, the earliest deadline first."""
    needs = (Need.objects.filter(raised_at__date__lte=as_of).exclude(status=NeedStatus.SETTLED, settled_at__date__lte=as_of)
             .select_related("unit", "project", "enterprise").order_by("settle_due", "id"))
    return list(needs[:MAX_NEEDS])


def agenda_candidates(*, as_of: datetime.date) -> list[Candidate]:
    """Flagged projects, then open needs, as agenda topics."""
    candidates = [Candidate(f"{p.name}（{p.get_stage_display()}，{p.lead_unit.display_name}牵头）", p.clock.reason, project=p)
                  for p in flagged_projects(as_of=as_of)]
    for need in open_needs(as_of=as_of):
        light = light_of(need)
        reason = f"企业诉求·{need.get_need_type_display()}，{need.unit.display_name}承办，{light.reason}"
        candidates.append(Candidate(f"{need.title}（{need.raised_by}）", reason, need=need))
    return candidates
