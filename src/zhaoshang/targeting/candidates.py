"""Reads of 招商靶向: the directory enterprises worth attracting for a chain's link, ranked, and the marked targets.

A candidate is an enterprise of the directory not in the city yet: not `is_local`, not 注销/吊销/迁出, and without a
live project of its own at 注册 or later. The database first narrows the directory to firms whose 经营范围, name or
所属行业 contains a word of the link (or that the directory files under the link); only those are scored in Python
(`scoring.firm_score`), so a page stays fast on a directory of 100k firms (bench: tests/targeting, see the report)."""

import datetime
from collections import defaultdict
from functools import reduce
from operator import or_
from typing import NamedTuple

from django.db.models import Case, Count, Exists, OuterRef, Q, QuerySet, When
from django.utils import timezone

from zhaoshang.plans.models import Chain, ChainLink
from zhaoshang.projects.choices import STAGE_INDEX, ChainRole, Stage, State
from zhaoshang.projects.models import Enterprise, Project
from zhaoshang.registries.choices import LinkRelation
from zhaoshang.registries.models import RegistryLink
from zhaoshang.targeting.marks import LIVE_STATUSES, TargetMark
from zhaoshang.targeting.scoring import TIE_POINTS, Firm, Terms, firm_score, terms_for

PREFILTER_LIMIT = 5000  # firms scored per link at most; a link word that common matches too much to rank anyway
GONE_WORDS = ("注销", "吊销", "迁出")  # 登记状态 of firms that cannot be attracted
SETTLED_STAGES = tuple(stage for stage in Stage.values if STAGE_INDEX[stage] >= STAGE_INDEX[Stage.REGISTERED])
SCORED_FIELDS = ("id", "name", "business_scope", "industry", "industry_code", "is_listed", "ownership",
                 "registered_capital_wan", "chain_id", "chain_link_id", "chain_role")
TIE_KIND = "chushang"  # the 楚商 registry (network app)


class Candidate(NamedTuple):
    enterprise: Enterprise
    score: int
    reasons: tuple[str, ...]


def candidate_pool(today: datetime.date | None = None) -> QuerySet:
    """Directory enterprises that could still be attracted (not here, not gone, no project settled here)."""
    today = today or timezone.localdate()
    settled = Project.enterprises.through.objects.filter(
        enterprise_id=OuterRef("pk"), project__deleted_at__isnull=True, project__stage__in=SETTLED_STAGES,
    ).exclude(project__state=State.TERMINATED)
    gone = reduce(or_, (Q(registration_status__contains=word) for word in GONE_WORDS)) | Q(until__lte=today)
    return Enterprise.objects.filter(is_local=False).exclude(gone).exclude(Exists(settled))


def link_terms(chain: Chain, link: ChainLink | None) -> Terms:
    if link is None:
        return terms_for(chain_name=chain.name)
    return terms_for(chain_name=chain.name, link_name=link.name, weak=link.is_weak)


def _prefilter(terms: list[Terms], chain: Chain, link: ChainLink | None) -> tuple[Q, Q]:
    """The firms worth scoring (a word of the link in scope, name or industry, or filed under it), and among them the
    strong ones (the link's full name, or filed under it) read first when there are more than PREFILTER_LIMIT."""
    words = dict.fromkeys(w for t in terms for w in t.prefilter_words)
    filed = Q(chain_link=link) if link is not None else Q(chain=chain)
    found = reduce(or_, (Q(business_scope__icontains=w) | Q(name__icontains=w) | Q(industry__icontains=w) for w in words), filed)
    strong = reduce(or_, (Q(business_scope__icontains=t.phrase) | Q(name__icontains=t.phrase) for t in terms), filed)
    return found, strong


def _firm(row, chain: Chain, link: ChainLink | None, ties: tuple[str, ...] = ()) -> Firm:
    """The scored facts of an enterprise (a model instance or a row of SCORED_FIELDS). A firm filed under the chain
    by its own target mark (链上角色 目标) gains nothing from that filing: marking must not raise its rank."""
    if row.chain_role == ChainRole.TARGET:
        filed = ""
    elif link is not None and row.chain_link_id == link.pk:
        filed = "link"
    elif row.chain_id == chain.pk:
        filed = "chain"
    else:
        filed = ""
    return Firm(name=row.name, business_scope=row.business_scope, industry=row.industry, industry_code=row.industry_code,
                is_listed=row.is_listed, ownership=row.ownership, registered_capital_wan=row.registered_capital_wan,
                filed_under=filed, ties=ties)


def _best(row, chain, pairs, ties=()):
    """The firm's best (points, reasons) over the links scored."""
    best = None
    for link, terms in pairs:
        score = firm_score(_firm(row, chain, link, ties), terms)
        if best is None or score.points > best.points:
            best = score
    return best


def chain_links(chain: Chain) -> list[ChainLink]:
    """The chain's links, 补链 links first, then in the chain's order."""
    return sorted(chain.links.all(), key=lambda link: (not link.is_weak, link.order, link.pk))


def chain_candidates(*, chain: Chain, link: ChainLink | None = None, limit: int = 20) -> list[Candidate]:
    """The best `limit` candidates for a link of the chain (for the chain's best-fitting link when `link` is None),
    best first; ties broken by registered capital, then name. Rows are scored as plain tuples; only the best become
    model instances."""
    if link is not None:
        pairs = [(link, link_terms(chain, link))]
    else:
        pairs = [(each, link_terms(chain, each)) for each in chain_links(chain)] or [(None, link_terms(chain, None))]
    found, strong = _prefilter([t for _, t in pairs], chain, link)
    rows = list(candidate_pool().filter(found).annotate(weak_match=Case(When(strong, then=0), default=1))
                .order_by("weak_match").values_list(*SCORED_FIELDS, named=True)[:PREFILTER_LIMIT])
    scored = [(row, _best(row, chain, pairs)) for row in rows]
    scored = [(row, score) for row, score in scored if score.points > 0]
    scored.sort(key=lambda pair: -pair[1].points)
    # ties (楚商) add at most TIE_POINTS: only firms within that of the last place can still move into the list
    floor = scored[limit - 1][1].points - TIE_POINTS if len(scored) >= limit else 0
    found_ties = ties_for([row for row, score in scored if score.points >= floor])
    if found_ties:
        scored = [(row, _best(row, chain, pairs, found_ties[row.id]) if row.id in found_ties else score)
                  for row, score in scored]
    scored.sort(key=lambda pair: (-pair[1].points, -(pair[0].registered_capital_wan or 0), pair[0].name, pair[0].id))
    best = scored[:limit]
    enterprises = Enterprise.objects.in_bulk([row.id for row, _ in best])
    return [Candidate(enterprises[row.id], score.points, score.reasons) for row, score in best if row.id in enterprises]


def candidate_score(*, enterprise: Enterprise, chain: Chain, link: ChainLink | None) -> Candidate:
    """One enterprise's score for a link (what a mark keeps), whether or not it is among the best."""
    pairs = [(link, link_terms(chain, link))] if link is not None else [(None, link_terms(chain, None))]
    score = _best(enterprise, chain, pairs, ties_for([enterprise]).get(enterprise.pk, ()))
    return Candidate(enterprise, score.points, score.reasons)


def ties_for(enterprises) -> dict[int, tuple[str, ...]]:
    """Ties of each enterprise to a 楚商, in words: links (引荐/相关) and 楚商 whose company has the enterprise's name."""
    from zhaoshang.registries.catalog import all_registries

    registry = all_registries().get(TIE_KIND)
    enterprises = list(enterprises)
    if registry is None or not enterprises:
        return {}
    by_id = {e.id: e for e in enterprises}
    ties: dict[int, list[str]] = defaultdict(list)
    relations = (LinkRelation.REFERRED, LinkRelation.RELATED)
    links = RegistryLink.objects.filter(
        Q(from_kind=TIE_KIND, to_kind="enterprise", to_id__in=by_id) | Q(from_kind="enterprise", from_id__in=by_id, to_kind=TIE_KIND),
        relation__in=relations).values_list("from_kind", "from_id", "to_id", "relation")
    pairs = [((from_id, to_id) if kind == TIE_KIND else (to_id, from_id), relation) for kind, from_id, to_id, relation in links]
    people = registry.model.objects.in_bulk({person for (person, _), _ in pairs})
    for (person_id, enterprise_id), relation in pairs:
        if person_id in people:
            verb = "引荐" if relation == LinkRelation.REFERRED else "相关"
            ties[enterprise_id].append(f"楚商{people[person_id].name}{verb}")
    if any(f.name == "company" for f in registry.model._meta.fields):
        ids_by_name = defaultdict(list)
        for e in enterprises:
            ids_by_name[e.name].append(e.id)
        for person in registry.model.objects.filter(company__in=list(ids_by_name)).only("name", "company", "position"):
            said = f"楚商{person.name}任{person.position}" if person.position else f"楚商{person.name}所在企业"
            for enterprise_id in ids_by_name[person.company]:
                if said not in ties[enterprise_id]:
                    ties[enterprise_id].append(said)
    return {k: tuple(v) for k, v in ties.items()}


def target_counts(chains) -> dict[int | None, int]:
    """Live target marks per link (None: marked on the chain without a link) of the chains."""
    rows = (TargetMark.objects.filter(chain__in=chains, status__in=LIVE_STATUSES)
            .values("link_id").annotate(count=Count("id")).order_by())
    return {row["link_id"]: row["count"] for row in rows}


def board_targets(groups) -> None:
    """Give each link cell of the chain board (kpis.dashboard.chain_board) its live targets as `targets` (one query)."""
    cards = [card for group in groups for card in group.cards]
    counts = target_counts([card.chain for card in cards])
    for card in cards:
        for cell in card.cells:
            cell.targets = counts.get(cell.link.pk, 0) if cell.link else 0


def chain_target_counts(chains) -> dict[int, int]:
    """Live target marks per chain."""
    rows = (TargetMark.objects.filter(chain__in=chains, status__in=LIVE_STATUSES)
            .values("chain_id").annotate(count=Count("id")).order_by())
    return {row["chain_id"]: row["count"] for row in rows}


def marks_of(chain: Chain) -> dict[int, TargetMark]:
    """The chain's marks by enterprise id (every status: a dropped one shows as dropped)."""
    return {mark.enterprise_id: mark for mark in TargetMark.objects.filter(chain=chain).select_related("project")}


def marked_targets(*, chain: Chain, link: ChainLink | None = None) -> QuerySet:
    """The chain's live marks (of one link), the newest first."""
    marks = TargetMark.objects.filter(chain=chain, status__in=LIVE_STATUSES).select_related("enterprise", "link", "project")
    return marks.filter(link=link) if link is not None else marks
