"""Reads of the policy and finance registries: the policy clauses an enterprise or a project may apply for."""

import datetime

from django.db.models import Max, Q, QuerySet
from django.utils import timezone

from zhaoshang.finance.models import PolicyClause


def _in_force(prefix: str, day: datetime.date) -> Q:
    return ((Q(**{f"{prefix}since__isnull": True}) | Q(**{f"{prefix}since__lte": day}))
            & (Q(**{f"{prefix}until__isnull": True}) | Q(**{f"{prefix}until__gte": day})))


def clauses_for(obj, *, day: datetime.date | None = None) -> QuerySet[PolicyClause]:
    """The clauses in force on `day` (today) that `obj` (a projects.Project or projects.Enterprise) meets: the clause
    is for every chain or for the obj's chain, and the obj's investment reaches the clause's minimum (a project's
    planned investment; an enterprise's largest live project, else no investment). The clause's own term and its
    policy's term must both cover the day; a policy deleted to the bin takes its clauses with it."""
    from zhaoshang.projects.models import Enterprise

    day = day or timezone.localdate()
    if isinstance(obj, Enterprise):
        investment = obj.projects.filter(deleted_at__isnull=True).aggregate(top=Max("amount_wan"))["top"]
    else:
        investment = obj.amount_wan
    chain = Q(chain__isnull=True) | Q(chain_id=obj.chain_id) if obj.chain_id else Q(chain__isnull=True)
    reachable = Q(min_investment_wan__isnull=True) | Q(min_investment_wan=0)
    if investment is not None:
        reachable |= Q(min_investment_wan__lte=investment)
    return (PolicyClause.objects.filter(chain, reachable, _in_force("", day), _in_force("policy__", day),
                                        policy__deleted_at__isnull=True)
            .select_related("policy", "chain").order_by("policy__since", "policy_id", "id"))
