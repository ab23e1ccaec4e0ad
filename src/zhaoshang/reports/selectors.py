"""Reads of bulletins: the office and leaders read them; units and admins do not."""

from django.http import Http404

from zhaoshang.core.permissions import LEADER, OFFICE, role_of
from zhaoshang.reports.models import BulletinJob


def can_read_bulletins(user) -> bool:
    """Bulletins rank every unit: they go to the office that issues them and the leaders it reports to."""
    return role_of(user) in (OFFICE, LEADER)


def bulletins_for(*, user):
    """Bulletin jobs the user may see, newest first."""
    jobs = BulletinJob.objects.select_related("requested_by", "plan")
    return jobs if can_read_bulletins(user) else jobs.none()


def bulletin_for(*, user, pk: int) -> BulletinJob:
    """One bulletin job; 404 whether missing or forbidden."""
    job = bulletins_for(user=user).filter(pk=pk).first()
    if job is None:
        raise Http404("通报不存在或无权访问")
    return job
