"""A project's tags as bits (Project.tag_bits), so "any of these tags" is read from a covering index instead of
looking the tag table up once per project (bench/kpi.py, bench/pipeline.py). Tags with ids 1..62 have a bit (a
signed 64-bit integer); a filter on a tag without one reads the tag table."""

from django.db.models import Exists, F, OuterRef, Q
from django.db.models.lookups import GreaterThan

from zhaoshang.projects.models import Project, Tag

MAX_TAG_BIT = 62


def tag_id_named(name: str) -> int | None:
    """The id of the tag of that name (None for an unknown name)."""
    return Tag.objects.filter(name=name).values_list("pk", flat=True).first()


def tag_bits(tag_ids) -> int:
    """The bits of these tags (none for a tag with a larger id)."""
    return sum(1 << tag_id for tag_id in set(tag_ids) if 0 < tag_id <= MAX_TAG_BIT)


def tags_q(tag_ids: list[int]) -> Q:
    """Projects with any of these tags."""
    if tag_ids and all(0 < tag_id <= MAX_TAG_BIT for tag_id in tag_ids):
        return Q(GreaterThan(F("tag_bits").bitand(tag_bits(tag_ids)), 0))
    through = Project.tags.through.objects.filter(project_id=OuterRef("pk"), tag_id__in=tag_ids)
    return Q(Exists(through))
