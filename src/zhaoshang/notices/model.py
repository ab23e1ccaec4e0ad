"""The parse result: dataclasses mirroring the JSON contract, each with to_dict()."""

import datetime
from dataclasses import dataclass, field


@dataclass
class Measure:
    """One work measure (举措) and its responsible units, lead unit first."""

    text: str
    units: list[str] = field(default_factory=list)
    lead_labelled: bool = False  # the text said 牵头/配合 explicitly
    deadline: str | None = None  # a deadline the measure states itself (完成时限：…), normalised

    def to_dict(self) -> dict:
        return {"text": self.text, "units": list(self.units), "lead_labelled": self.lead_labelled,
                "deadline": self.deadline}


@dataclass
class Indicator:
    """A number a target commits to, e.g. 各产业链2025年招引亿元以上项目1个."""

    text: str
    value: int | float
    unit: str
    comparator: str = ">="  # ">=", "<=", "growth", "decline"
    year: int | None = None
    per: str | None = None  # "chain", "each" or None
    items: list[str] = field(default_factory=list)  # the named items when per == "each"
    min_amount: dict | None = None  # {"value": 1, "unit": "亿元"}: a threshold on what is counted

    def to_dict(self) -> dict:
        return {"text": self.text, "value": self.value, "unit": self.unit, "comparator": self.comparator,
                "year": self.year, "per": self.per, "items": list(self.items),
                "min_amount": dict(self.min_amount) if self.min_amount else None}


@dataclass
class Task:
    """One numbered task (序号) with its focus, target, measures and deadline."""

    number: str
    focus: str = ""
    target: str = ""
    target_derived: bool = False  # no 目标 column: the target was taken from the first measure
    deadline: str | None = None  # "YYYY-MM", "long-term", the raw text, or None
    deadline_raw: str | None = None
    due_date: datetime.date | None = None  # last day the deadline allows, when it is a date at all
    measures: list[Measure] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "number": self.number, "focus": self.focus, "target": self.target,
            "target_derived": self.target_derived,
            "deadline": self.deadline, "deadline_raw": self.deadline_raw,
            "due_date": self.due_date.isoformat() if self.due_date else None,
            "measures": [m.to_dict() for m in self.measures],
            "indicators": [i.to_dict() for i in self.indicators],
            "warnings": list(self.warnings),
        }


@dataclass
class Chain:
    """An industry chain (产业链) a task names, with its links and weak links."""

    name: str
    links: list[str] = field(default_factory=list)
    task: str = ""
    lead_unit: str | None = None
    category: str | None = None  # 传统产业 / 新兴产业 / 特色产业 / 未来产业 …
    weak_links: list[str] = field(default_factory=list)
    future: bool = False

    def to_dict(self) -> dict:
        return {"name": self.name, "links": list(self.links), "task": self.task, "lead_unit": self.lead_unit,
                "category": self.category, "weak_links": list(self.weak_links), "future": self.future}


@dataclass
class ParsedNotice:
    """A whole notice: header fields, tasks, chains and the doubts found on the way."""

    title: str | None = None
    notice_title: str | None = None
    issuer: str | None = None
    publisher: str | None = None
    doc_number: str | None = None
    date: datetime.date | None = None
    tasks: list[Task] = field(default_factory=list)
    chains: list[Chain] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    source_format: str = ""  # text / html / docx / xlsx / pdf
    layout: str = ""  # table / rows / cells / prose
    goals: list[Indicator] = field(default_factory=list)  # the plan's own 工作目标, not any task's

    def to_dict(self) -> dict:
        """The contract; "goals" is added only when the notice states plan-level goals."""
        out = {
            "title": self.title, "notice_title": self.notice_title, "issuer": self.issuer,
            "publisher": self.publisher, "doc_number": self.doc_number,
            "date": self.date.isoformat() if self.date else None,
            "tasks": [t.to_dict() for t in self.tasks],
            "chains": [c.to_dict() for c in self.chains],
            "warnings": list(self.warnings),
            "source_format": self.source_format, "layout": self.layout,
        }
        if self.goals:
            out["goals"] = [g.to_dict() for g in self.goals]
        return out


@dataclass
class MeasureDraft:
    """A measure as a layout found it: raw text (ordinal and unit group still on) plus side columns."""

    text: str
    unit_text: str | None = None  # a 责任单位 column or label lines for this measure
    deadline_raw: str | None = None


@dataclass
class TaskDraft:
    """A task as a layout found it, before the shared rules (units, deadlines, indicators) run."""

    number: str
    focus: str = ""
    target: str = ""
    target_derived: bool = False
    measures: list[MeasureDraft] = field(default_factory=list)
    unit_text: str | None = None  # task-wide units (a column or label lines), for measures without their own
    deadline_raw: str | None = None
    warnings: list[str] = field(default_factory=list)
    line: int | None = None  # index of the document line the task starts on, when a layout knows it
