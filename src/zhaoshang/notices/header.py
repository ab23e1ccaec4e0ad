"""The notice's header: title, issuer, 文号 and date, from the page metadata or the notice itself.

For a 印发 notice ("X关于印发《Y》的通知") the title is Y, the issuer X and the full heading
is notice_title. A web page's metadata ("发文日期: …", "文 号: …", "发布机构: …") wins over text.
"""

import datetime
import re
from dataclasses import dataclass

from zhaoshang.notices.ordinals import match_ordinal, to_int

_DOC_NUMBER = re.compile(
    r"(?P<prefix>[\u4e00-\u9fff]{1,12}?)\s*[〔\[【(（［]\s*(?P<year>(?:19|20)\d{2})\s*[〕\]】)）］]\s*(?P<seq>\d{1,5})\s*号"
)
_PREFIX_NOISE = re.compile(r"^(?:.*?(?:关于|根据|按照|依据|转发|印发|号|：|:))+")
_TITLE_END = re.compile(r"(?:通知|通报|意见|方案|清单|要点|计划|决定|函|批复|办法|分解表|责任表|台账|任务表|安排)$")
_LIST_TITLE = re.compile(
    r"(?:清单|方案|计划|要点|分解表|责任表|分工表|台账|任务表|工作安排|任务安排|工作任务|任务分工|责任分工|任务分解"
    r"|情况表|进展表|一览表)$")
_ATTACHMENT = re.compile(r"^附件\s*\d*\s*[:：]?\s*(?:\d{1,2}\s*[.．、])?\s*")  # "附件:1. 《…》分解表"
_PRINTED = re.compile(r"(?:印发|转发|下发|发布)\s*《(?P<title>[^《》]+)》")
_PRINTED_BARE = re.compile(r"关于(?:印发|转发|下发)(?P<title>.+?)的?通知$")
_QUOTED_TITLE = re.compile(r"《([^《》]+)》")
_ORG_END = re.compile(r"(?:政府|办公室|办公厅|委员会|领导小组|指挥部|局|中心|委|办|集团|公司|管委会|党委|小组)$")
_DATE = re.compile(r"(?P<y>(?:19|20)\d{2})\s*[年\-/.]\s*(?P<m>\d{1,2})\s*[月\-/.]\s*(?P<d>\d{1,2})\s*日?")
_CN_DATE = re.compile(r"(?P<y>[〇零○一二三四五六七八九]{4})年(?P<m>[一二三四五六七八九十]{1,2})月(?P<d>[一二三四五六七八九十]{1,3})日")
_META_LABELS = {
    "name": ("名称", "标题", "信息名称"),
    "publisher": ("发布机构", "发布单位"),
    "issuer": ("发文机关", "发文单位", "发文机构"),
    "doc_number": ("发文字号", "文号", "发文序号"),
    "date": ("发文日期", "成文日期", "印发日期"),
    "published": ("发布日期", "发布时间"),
}


@dataclass
class Header:
    title: str | None = None
    notice_title: str | None = None
    issuer: str | None = None
    publisher: str | None = None
    doc_number: str | None = None
    date: datetime.date | None = None


def _label_pattern(label: str) -> re.Pattern:
    spaced = r"\s*".join(map(re.escape, label))
    return re.compile(rf"(?<![\u4e00-\u9fff]){spaced}\s*[:：]\s*(?P<value>\S*)")


_META = {key: [_label_pattern(label) for label in labels] for key, labels in _META_LABELS.items()}


def metadata(lines: list[str]) -> dict[str, list[str]]:
    """Every labelled value in the lines, per key, in order ("文 号:无" kept; callers validate)."""
    found: dict[str, list[str]] = {key: [] for key in _META}
    for index, line in enumerate(lines):
        for key, patterns in _META.items():
            for pattern in patterns:
                for match in pattern.finditer(line):
                    value = match.group("value")
                    if not value and match.end() == len(line) and index + 1 < len(lines):
                        value = lines[index + 1].split(" ")[0]  # label and value in two table cells
                    if value:
                        found[key].append(value)
    return found


def parse_doc_number(text: str) -> str | None:
    """"潜政办发[2025]11号" → "潜政办发〔2025〕11号" (brackets normalised to 〔〕)."""
    found = _DOC_NUMBER.search(text)
    if not found:
        return None
    prefix = _PREFIX_NOISE.sub("", found.group("prefix")) or found.group("prefix")
    return f"{prefix}〔{found.group('year')}〕{int(found.group('seq'))}号"


def parse_date(text: str) -> datetime.date | None:
    """The first date in a text: "2025年06月19日", "2025-06-19", "二〇二五年六月十九日"."""
    for pattern in (_DATE, _CN_DATE):
        found = pattern.search(text)
        if found:
            try:
                return datetime.date(*(to_int(found.group(k)) for k in ("y", "m", "d")))
            except (TypeError, ValueError):
                continue
    return None


def is_signature(lines: list[str], index: int) -> bool:
    """Whether lines[index] is a signature date (落款), or the issuing body's name right above one."""
    if _standalone_date(lines[index]):
        return True
    return index + 1 < len(lines) and is_org_line(lines[index]) and bool(_standalone_date(lines[index + 1]))


def is_org_line(line: str) -> bool:
    return len(line) <= 30 and bool(_ORG_END.search(line)) and not re.search(r"[，,。；;：:]", line)


def _standalone_date(line: str) -> datetime.date | None:
    """A signature date line (落款): nothing on the line but the date."""
    stripped = re.sub(r"[\s（）()]", "", line)
    if len(stripped) > 14 or not stripped.endswith("日"):
        return None
    return parse_date(stripped)


def extract_header(before: list[str], after: list[str] = ()) -> Header:
    """Header fields from the lines before the task list (and, for the signature, after it)."""
    meta = metadata(before)
    header = Header(publisher=next(iter(meta["publisher"]), None))
    header.doc_number = next(filter(None, map(parse_doc_number, meta["doc_number"])), None)
    header.doc_number = header.doc_number or next(filter(None, map(parse_doc_number, before[:40])), None)
    header.notice_title, title_at = _notice_title(before, meta["name"])
    header.title = _list_title(header.notice_title, before)
    header.issuer = _issuer(header.notice_title, before, title_at, meta["issuer"]) or _signature(list(after))
    header.date = _date(before, list(after), meta)
    return header


def _notice_title(lines: list[str], names: list[str]) -> tuple[str | None, int | None]:
    for name in names:
        if _TITLE_END.search(name):
            return name, _find_title_line(lines, name)
    for index, line in enumerate(lines[:40]):
        if "关于" in line and len(line) <= 100 and not _META["name"][0].search(line):
            joined = line
            for extra in lines[index + 1:index + 4]:
                if _TITLE_END.search(joined) or joined[-1] in "。；;：:，,":
                    break  # a title, or a sentence of the body that merely cites one
                joined += extra
            if _TITLE_END.search(joined):
                if joined.startswith("关于") and index and is_org_line(lines[index - 1]):
                    return lines[index - 1] + joined, index  # issuer and title on two lines
                return joined, index
    for index, line in enumerate(lines[:40]):
        line = _ATTACHMENT.sub("", line)
        if _LIST_TITLE.search(line) and 6 <= len(line) <= 60 and not re.search("[：:。，,]", line) and not match_ordinal(line):
            return line, index
    return None, None


def _find_title_line(lines: list[str], title: str) -> int | None:
    return next((i for i, line in enumerate(lines) if line == title), None)


def _list_title(notice_title: str | None, lines: list[str]) -> str | None:
    if not notice_title:
        return None
    printed = _PRINTED.search(notice_title) or _PRINTED_BARE.search(notice_title)
    if printed:
        title = printed.group("title").strip("《》")
        quoted = [q for line in lines for q in _QUOTED_TITLE.findall(line) if q.endswith(title)]
        return quoted[0] if quoted and "《" not in notice_title else title
    if _LIST_TITLE.search(notice_title):
        return notice_title
    # A notice that is not 印发: the attached list's own heading, if it has one.
    own = [line for line in lines
           if _LIST_TITLE.search(line) and len(line) <= 60 and "关于" not in line and not match_ordinal(line)]
    return own[0] if own else notice_title


def _issuer(notice_title: str | None, lines: list[str], title_at: int | None, meta_issuer: list[str]) -> str | None:
    if notice_title and "关于" in notice_title:
        prefix = notice_title.split("关于", 1)[0].strip()
        if prefix:
            return prefix
    if meta_issuer:
        return meta_issuer[0]
    if title_at and is_org_line(lines[title_at - 1]):
        return lines[title_at - 1]
    return _signature(lines)


def _signature(lines: list[str]) -> str | None:
    """The signature (落款): an issuing body's name on the line above a date line."""
    for index, line in enumerate(lines[1:], start=1):
        if _standalone_date(line) and is_org_line(lines[index - 1]):
            return lines[index - 1]
    return None


def _date(before: list[str], after: list[str], meta: dict) -> datetime.date | None:
    for value in meta["date"]:
        found = parse_date(value)
        if found:
            return found
    signed = [d for d in map(_standalone_date, before) if d]
    if signed:
        return signed[0]
    signed = [d for d in map(_standalone_date, after) if d]
    if signed:
        return signed[-1]
    return next(filter(None, map(parse_date, meta["published"])), None)
