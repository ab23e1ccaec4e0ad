"""The office's official-document settings (GB/T 9704) as the documents read them: who issues, whether with a red
header, the 文号 and 期号 of a document, 主送 and 抄送. One row (`OfficialDocSettings`); until the office saves it,
the defaults apply and the issuer is the office's own unit."""

from dataclasses import dataclass

from zhaoshang.accounts.models import User
from zhaoshang.core.permissions import OFFICE
from zhaoshang.reports.models import OfficialDocSettings

DEFAULT_ISSUER = "招商引资工作领导小组办公室"


def doc_settings() -> OfficialDocSettings:
    """The saved settings, or the defaults (unsaved) when the office has not set any."""
    return OfficialDocSettings.objects.order_by("pk").first() or OfficialDocSettings()


def _office_unit_name() -> str:
    user = (User.objects.filter(role=OFFICE, is_active=True, unit__isnull=False).select_related("unit")
            .order_by("pk").first())
    return user.unit.name if user else DEFAULT_ISSUER


def issuer_name(settings: OfficialDocSettings | None = None) -> str:
    """The issuing authority: what the office set, else the name of the office's unit."""
    settings = settings or doc_settings()
    return settings.issuer.strip() or _office_unit_name()


def pattern_apply(pattern: str, *, year: int, seq: int) -> str:
    """A 文号/期号 pattern with its year and serial number ("招商办〔{year}〕{seq}号" → "招商办〔2025〕7号")."""
    return pattern.replace("{year}", str(year)).replace("{seq}", str(seq)) if pattern else ""


@dataclass(frozen=True)
class Letterhead:
    """What heads and closes one document."""

    issuer: str
    mark: str  # the issuing authority's mark in the red header
    red: bool
    number: str  # "招商办〔2025〕7号　2025年第7期" or one of them
    main_to: str
    copy_to: str


def letterhead_for(*, year: int, seq: int, number: str | None = None, issue: bool = False) -> Letterhead:
    """The head of the year's `seq`-th document: its 文号 from the office's pattern (or `number` when the document is
    numbered elsewhere, as a 督办单 is), and with `issue` its 期号 too (a bulletin)."""
    settings = doc_settings()
    issuer = issuer_name(settings)
    numbers = [number if number is not None else pattern_apply(settings.number_pattern, year=year, seq=seq)]
    if issue:
        numbers.append(pattern_apply(settings.issue_pattern, year=year, seq=seq))
    return Letterhead(issuer=issuer, mark=settings.header_text.strip() or issuer, red=settings.red_header,
                      number="　".join(n for n in numbers if n), main_to=settings.main_to.strip(),
                      copy_to=settings.copy_to.strip())
