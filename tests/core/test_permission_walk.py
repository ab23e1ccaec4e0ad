"""Every page and every API endpoint, walked with every role. A new URL must be added to the table."""

import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from zhaoshang.accounts.models import Unit, User
from zhaoshang.accounts.services import token_create
from zhaoshang.api.main import api
from zhaoshang.core.excel_import.services import import_job_create
from zhaoshang.exports.jobs import export_run
from zhaoshang.exports.services import export_request
from zhaoshang.kpis.baseline_import import KIND as BASELINES
from zhaoshang.kpis.models import Kpi, KpiSuggestion
from zhaoshang.kpis.services.values import value_submit
from zhaoshang.meetings.services.actions import action_item_create
from zhaoshang.messaging.models import Channel
from zhaoshang.meetings.services.meetings import MeetingInput, meeting_create
from zhaoshang.needs.services.tickets import NeedInput, need_create
from zhaoshang.plans.models import Assignment, Chain, NoticeUpload, Plan
from zhaoshang.plans.services.importing import notice_upload
from zhaoshang.projects.ledger import KIND as LEDGER
from zhaoshang.projects.services.lifecycle import project_stage_change
from zhaoshang.projects.services.projects import ProjectInput, project_create
from zhaoshang.registries.catalog import registry_named
from zhaoshang.registries.importing import kind_of as registry_import_kind
from zhaoshang.registries.services import attachment_add as registry_attachment_add
from zhaoshang.registries.services import entry_create, entry_delete, link_add
from zhaoshang.reports.models import BulletinJob
from zhaoshang.projects.models import Enterprise
from zhaoshang.targeting.services import target_mark
from zhaoshang.supervision.models import Notification
from zhaoshang.supervision.services.attachments import attachment_add
from zhaoshang.supervision.services.escalation import assignment_escalate
from zhaoshang.supervision.services.reports import ReportInput, report_save
from tests.excel_files import xlsx
from tests.supervision.test_attachments import PNG

ROLES = ("anonymous", "unit", "other_unit", "leader", "admin", "office")
LOGIN = "login"  # redirected to the log-in page


def _everyone(status):
    return {"anonymous": LOGIN, **{role: status for role in ROLES[1:]}}


def _managers(status_ok, status_else=403):
    return {"anonymous": LOGIN, "unit": status_else, "other_unit": status_else, "leader": status_else,
            "admin": status_ok, "office": status_ok}


def _office_only(status_ok):
    return {"anonymous": LOGIN, **{role: 403 for role in ROLES[1:]}, "office": status_ok}


def _readers(status_ok, status_else):
    """Bulletins: the office and leaders read them."""
    return {"anonymous": LOGIN, "unit": status_else, "other_unit": status_else, "leader": status_ok,
            "admin": status_else, "office": status_ok}


# name → (method, expected status per role)
PAGES = {
    "home": ("get", _everyone(302)),
    "login": ("get", {"anonymous": 200, **{r: 302 for r in ROLES[1:]}}),
    "healthz": ("get", {r: 200 for r in ROLES}),  # the proxy's probe: no log-in
    "logout": ("post", {r: 302 for r in ROLES}),
    "account:home": ("get", _everyone(200)),
    "account:password": ("get", _everyone(200)),
    "account:otp": ("get", _everyone(302)),  # the second factor is off here: back to 我的账号 (tests/accounts/test_two_factor.py)
    "account:token_revoke": ("post", {"anonymous": LOGIN, **{role: 404 for role in ROLES[1:]}, "unit": 302}),  # own tokens only
    "plans:list": ("get", _everyone(200)),
    "plans:detail": ("get", _everyone(200)),
    "plans:search": ("get", _everyone(200)),
    "plans:export": ("get", _everyone(200)),
    "plans:upload_file": ("get", _everyone(200)),
    "units:list": ("get", _everyone(200)),
    "units:detail": ("get", _everyone(200)),
    "plans:assignment_edit": ("get", {"anonymous": LOGIN, "unit": 200, "other_unit": 404, "leader": 403, "admin": 403, "office": 200}),
    "plans:import": ("get", _managers(200)),
    "plans:import_preview": ("get", _managers(200)),
    "plans:chain_new": ("get", _managers(200)),
    "plans:chain_edit": ("get", _managers(200)),
    "plans:chain_merge": ("get", _managers(302)),
    "plans:archive": ("post", _managers(302)),
    "plans:delete": ("post", _managers(302)),
    "supervision:overview": ("get", _everyone(200)),
    "supervision:my_work": ("get", {"anonymous": LOGIN, "unit": 200, "other_unit": 200, "leader": 302, "admin": 302, "office": 302}),
    "supervision:report": ("get", _everyone(200)),
    "supervision:notifications": ("get", _everyone(200)),
    "supervision:task": ("get", _everyone(200)),
    "supervision:settings": ("get", _office_only(200)),
    "supervision:escalate": ("post", _office_only(302)),
    "supervision:escalation_notice": ("get", {"anonymous": LOGIN, "unit": 403, "other_unit": 403, "leader": 200, "admin": 403, "office": 200}),
    "supervision:attachment": ("get", {"anonymous": LOGIN, "unit": 200, "other_unit": 404, "leader": 200, "admin": 200, "office": 200}),
    "supervision:attachment_upload": ("post", {"anonymous": LOGIN, "unit": 302, "other_unit": 404, "leader": 403, "admin": 403, "office": 302}),
    "supervision:problems": ("get", _everyone(200)),
    "supervision:problem": ("get", _office_only(200)),
    "supervision:urge": ("post", _office_only(302)),
    "supervision:review": ("post", _office_only(302)),
    "supervision:ranking": ("get", _everyone(200)),
    "supervision:ranking_export": ("get", _everyone(200)),
    "projects:list": ("get", _everyone(200)),
    "projects:kanban": ("get", _everyone(200)),
    "projects:export": ("get", _everyone(200)),
    "projects:new": ("get", {"anonymous": LOGIN, "unit": 200, "other_unit": 200, "leader": 403, "admin": 403, "office": 200}),
    "projects:detail": ("get", {"anonymous": LOGIN, "unit": 200, "other_unit": 404, "leader": 200, "admin": 200, "office": 200}),
    "projects:move": ("get", {"anonymous": LOGIN, "unit": 200, "other_unit": 404, "leader": 403, "admin": 403, "office": 200}),
    "projects:evidence": ("get", {"anonymous": LOGIN, "unit": 200, "other_unit": 404, "leader": 200, "admin": 200, "office": 200}),
    "projects:enterprise": ("get", {"anonymous": LOGIN, "unit": 200, "other_unit": 404, "leader": 200, "admin": 200, "office": 200}),
    # the ledger import: office and unit users; an upload is seen by its uploader (a 市发改委 user here) and the office
    **{f"project_import:{name}": ("get", {"anonymous": LOGIN, "unit": 200, "other_unit": 200, "leader": 403, "admin": 403, "office": 200})
       for name in ("upload", "template")},
    **{f"project_import:{name}": ("get", {"anonymous": LOGIN, "unit": 200, "other_unit": 404, "leader": 403, "admin": 403, "office": 200})
       for name in ("job", "status", "errors")},
    **{f"project_import:{name}": ("post", {"anonymous": LOGIN, "unit": 302, "other_unit": 404, "leader": 403, "admin": 403, "office": 302})
       for name in ("confirm", "discard", "retry")},
    # the growth baselines import: those who may manage indicators; an upload is seen by its uploader and the office
    # (the walk's upload is the office's: the admin gets 404 for it)
    **{f"kpi_baseline_import:{name}": ("get", _managers(200)) for name in ("upload", "template")},
    **{f"kpi_baseline_import:{name}": ("get", {**_managers(200), "admin": 404}) for name in ("job", "status", "errors")},
    **{f"kpi_baseline_import:{name}": ("post", {**_managers(302), "admin": 404}) for name in ("confirm", "discard", "retry")},
    "meetings:list": ("get", _everyone(200)),
    "meetings:export": ("get", _everyone(200)),
    "meetings:new": ("get", _office_only(200)),
    "meetings:series": ("get", _office_only(200)),
    "meetings:detail": ("get", _everyone(200)),
    "meetings:edit": ("get", _office_only(200)),
    "meetings:minutes": ("get", _everyone(200)),
    "meetings:agenda": ("post", _office_only(302)),
    "meetings:attendees": ("post", _office_only(302)),
    "meetings:decision_add": ("post", _office_only(302)),
    "meetings:action_add": ("post", _office_only(400)),  # the empty form is refused at the form
    "meetings:actions": ("get", _everyone(200)),
    "meetings:actions_export": ("get", _everyone(200)),
    "meetings:action_update": ("post", {"anonymous": LOGIN, "unit": 302, "other_unit": 404, "leader": 403, "admin": 403, "office": 302}),
    "meetings:action_urge": ("post", _office_only(302)),
    "needs:list": ("get", _everyone(200)),
    "needs:export": ("get", _everyone(200)),
    "needs:stats": ("get", _everyone(200)),
    "needs:limits": ("get", _office_only(200)),
    "needs:new": ("get", {"anonymous": LOGIN, "unit": 200, "other_unit": 200, "leader": 403, "admin": 403, "office": 200}),
    "needs:detail": ("get", {"anonymous": LOGIN, "unit": 200, "other_unit": 404, "leader": 200, "admin": 200, "office": 200}),
    "needs:edit": ("get", {"anonymous": LOGIN, "unit": 200, "other_unit": 404, "leader": 403, "admin": 403, "office": 200}),
    "needs:accept": ("post", {"anonymous": LOGIN, "unit": 302, "other_unit": 404, "leader": 403, "admin": 403, "office": 302}),
    "needs:settle": ("post", {"anonymous": LOGIN, "unit": 302, "other_unit": 404, "leader": 403, "admin": 403, "office": 302}),
    "needs:rate": ("post", _office_only(302)),
    "needs:route": ("post", _office_only(400)),  # no unit, no reason: refused at the form
    "needs:lookup": ("get", {"anonymous": LOGIN, "unit": 200, "other_unit": 200, "leader": 403, "admin": 403, "office": 200}),
    "needs:urge": ("post", _office_only(302)),
    "reports:bulletins": ("get", _readers(200, 403)),
    "reports:bulletin_new": ("post", _office_only(400)),  # the gate lets the office in; the empty form is refused
    "reports:bulletin_row": ("get", _readers(200, 404)),
    "reports:bulletin_download": ("get", _readers(200, 404)),
    # an export job is its requester's (the office's here): 404 for everyone else
    **{f"exports:{name}": ("get", {"anonymous": LOGIN, **{role: 404 for role in ROLES[1:]}, "office": 200})
       for name in ("job", "status", "file")},
    "kpis:overview": ("get", _everyone(200)),
    "kpis:overview_export": ("get", _everyone(200)),
    "kpis:detail": ("get", _everyone(200)),
    "kpis:rows_export": ("get", _everyone(200)),
    # a KPI value's evidence, like a report's attachments: the reporting unit (市发改委), the office, leaders, admins
    "kpis:value_evidence": ("get", {"anonymous": LOGIN, "unit": 200, "other_unit": 404, "leader": 200, "admin": 200, "office": 200}),
    "kpis:edit": ("get", _managers(200)),
    "kpis:baseline": ("post", _managers(302)),  # the empty form is refused with a message
    # the milestone's reporting unit (市发改委) and the office may report; the empty form is refused
    "kpis:value_submit": ("post", {"anonymous": LOGIN, "unit": 400, "other_unit": 403, "leader": 403, "admin": 403, "office": 400}),
    "kpis:value_review": ("post", _office_only(302)),
    # the chain board, the leaders' dashboard, the wall screen and drill-downs: every role reads them (projects in its scope)
    **{f"kpis:{name}": ("get", _everyone(200)) for name in ("chains", "dashboard", "screen", "drill", "drill_export")},
    # the registries (the walk's registry is 园区, kept by the office: other units read, only the office writes)
    **{f"registries:{name}": ("get", _everyone(200)) for name in ("index", "list", "export", "detail", "attachment")},
    **{f"registries:{name}": ("get", {**_office_only(200), "unit": 403, "other_unit": 403}) for name in ("new", "edit")},
    **{f"registries:{name}": ("post", {**_office_only(302), "unit": 403, "other_unit": 403})
       for name in ("delete", "restore", "link_new", "link_delete", "attachment_upload")},
    "registries:trash": ("get", {"anonymous": LOGIN, "unit": 200, "other_unit": 200, "leader": 403, "admin": 403, "office": 200}),
    "registries:settings": ("get", _managers(200)),
    # a registry's import: office and unit users reach the pages; a unit that does not keep the registry is refused the
    # template (back to the upload page with the reason); an upload is seen by its uploader (the office here)
    "registry_import:upload": ("get", {"anonymous": LOGIN, "unit": 200, "other_unit": 200, "leader": 403, "admin": 403, "office": 200}),
    "registry_import:template": ("get", {"anonymous": LOGIN, "unit": 302, "other_unit": 302, "leader": 403, "admin": 403, "office": 200}),
    **{f"registry_import:{name}": ("get", {"anonymous": LOGIN, "unit": 404, "other_unit": 404, "leader": 403, "admin": 403, "office": 200})
       for name in ("job", "status", "errors")},
    **{f"registry_import:{name}": ("post", {"anonymous": LOGIN, "unit": 404, "other_unit": 404, "leader": 403, "admin": 403, "office": 302})
       for name in ("confirm", "discard", "retry")},
    "resources:available": ("get", _everyone(200)),
    "targeting:visit_stats": ("get", _everyone(200)),
    # 招商靶向: everyone reads the rankings; the office (and the admin, who manages) marks targets and makes leads
    "targeting_candidates:index": ("get", _everyone(200)),
    "targeting_candidates:chain": ("get", _everyone(200)),
    **{f"targeting_candidates:{name}": ("post", _managers(302)) for name in ("mark", "drop")},
    "targeting_candidates:lead": ("get", _managers(200)),
    "targeting:visit_stats_export": ("get", _everyone(200)),
    "resources:available_export": ("get", _everyone(200)),
    "network:referrals": ("get", _everyone(200)),
    "network:referrals_export": ("get", _everyone(200)),
    "network:referral_lookup": ("get", {"anonymous": LOGIN, "unit": 400, "other_unit": 400, "leader": 403, "admin": 403, "office": 400}),
    # a referral on 市发改委's project: the empty form is refused; another unit does not see the project
    "network:referral_new": ("post", {"anonymous": LOGIN, "unit": 400, "other_unit": 404, "leader": 403, "admin": 403, "office": 400}),
    "network:referral_delete": ("post", {"anonymous": LOGIN, "unit": 302, "other_unit": 404, "leader": 403, "admin": 403, "office": 302}),
    "core:recycle_bin": ("get", _managers(200)),
    "core:audit": ("get", _managers(200)),
    "core:restore": ("post", _managers(404)),
    "core:audit_export": ("get", _managers(200)),
    "favicon": ("get", {role: 301 for role in ROLES}),
    # the review inbox, the bell, batch urging, drill-down lists and task names
    "supervision:inbox": ("get", _office_only(200)),
    "supervision:urge_batch": ("get", _office_only(200)),
    "supervision:notifications_read": ("post", _everyone(302)),
    "supervision:notification_open": ("get", {"anonymous": LOGIN, "unit": 302, "other_unit": 404, "leader": 404, "admin": 404,
                                              "office": 404}),  # the unit user's own notification
    "supervision:assignments": ("get", _everyone(200)),
    "supervision:task_title": ("post", _office_only(302)),
    # projects after entry: edit (the lead unit and the office), delete and correct a stage change (the office)
    "projects:edit": ("get", {"anonymous": LOGIN, "unit": 200, "other_unit": 404, "leader": 403, "admin": 403, "office": 200}),
    "projects:delete": ("post", _office_only(302)),
    "projects:correct": ("get", _office_only(200)),
    "reports:bulletin_preview": ("get", _readers(200, 404)),
    "reports:doc_settings": ("get", _office_only(200)),
    # the office's own indicators and the suggestions found in the measures
    "kpis:create": ("get", _managers(200)),
    "kpis:delete": ("post", _managers(302)),
    "kpis:suggestions": ("get", _managers(200)),
    "kpis:suggestion_decide": ("post", _managers(302)),
    # message channels: the office's
    **{f"messaging:{name}": ("get", _office_only(200)) for name in ("channels", "channel_new", "channel_edit", "deliveries")},
    **{f"messaging:{name}": ("post", _office_only(302)) for name in ("channel_toggle", "channel_test")},
}


def _page_names(resolver=None, namespace=""):
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace in ("admin", "api"):
                continue
            yield from _page_names(entry, f"{namespace}{entry.namespace}:" if entry.namespace else namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            yield namespace + entry.name


def test_every_named_page_is_in_the_table():
    assert set(_page_names()) == set(PAGES)


@pytest.fixture
def clients(demo):
    result = {"anonymous": Client()}
    users = {
        "unit": User.objects.get(unit__short_name="市发改委"),
        "other_unit": User.objects.get(unit__short_name="市商务局"),
        "leader": User.objects.get(username="leader"),
        "admin": User.objects.get(username="admin"),
        "office": User.objects.get(username="office"),
    }
    for role, user in users.items():
        result[role] = Client()
        result[role].force_login(user)
    return result


@pytest.fixture
def urls(demo, office):
    from django.urls import reverse

    own = Assignment.objects.filter(unit__short_name="市发改委").first()
    pending = notice_upload(actor=office, filename="seed.txt", data=NoticeUpload.objects.first().file.read(), plan=demo)
    chain = Chain.objects.filter(plan=demo).first()
    spare = Plan.objects.create(title="备用清单")
    unit_user = User.objects.get(unit__short_name="市发改委")
    report = report_save(actor=unit_user, assignment=own, submit=True, data=ReportInput(done_text="已对接", problems="用地指标不足"))
    solo = Assignment.objects.filter(unit__short_name="市发改委", measure__task__number="9").first()  # 市商务局 not on it
    draft = report_save(actor=unit_user, assignment=solo, submit=False, data=ReportInput(done_text="草稿"))
    attachment = attachment_add(actor=unit_user, report=draft, filename="photo.png", data=PNG)
    escalation = assignment_escalate(actor=office, assignment=own, leader=User.objects.get(username="leader"), reason="进度滞后")
    bulletin = BulletinJob.objects.create(period="2025-07", plan=demo, requested_by=office, status="done", progress=100)
    export = export_request(actor=office, kind="projects", label="项目库", params="", list_url="/projects/")
    export_run(export.pk)
    bulletin.docx.save("walk.docx", ContentFile(b"PK walk"))
    project = project_create(actor=office, data=ProjectInput(name="储备库扩建项目", enterprise_name="某储运公司", amount_wan=20000,
                                                             lead_unit=Unit.objects.get(short_name="市发改委")))
    moved = project_stage_change(actor=office, project=project, stage="negotiating", happened_on=datetime.date.today(),
                                 evidence=SimpleUploadedFile("photo.png", PNG))
    meeting = meeting_create(actor=office, data=MeetingInput("review", datetime.date.today()))
    item = action_item_create(actor=office, meeting=meeting, text="协调用地", owner_unit=project.lead_unit,
                              due_date=datetime.date.today())
    need = need_create(actor=office, data=NeedInput(title="电力增容", need_type="power", unit=project.lead_unit, project=project))
    milestone = Kpi.objects.get(plan=demo, kind="milestone", reporting_unit__short_name="市发改委")
    growth = Kpi.objects.filter(plan=demo, kind="growth_count").first()
    kpi_value = value_submit(actor=unit_user, kpi=milestone, value="", as_of=timezone.localdate(), filename="photo.png", data=PNG)
    ledger = import_job_create(actor=unit_user, kind=LEDGER, filename="walk.xlsx",
                               data=xlsx([["项目名称", "投资企业", "计划总投资(万元)"], ["仓储项目", "某公司", -1]]))
    baselines = import_job_create(actor=office, kind=BASELINES, filename="walk.xlsx",
                                  data=xlsx([["指标编号", "上年基数", "基数来源"], [growth.pk, -1, "年报"]]))
    park_registry = registry_named("park")
    park = entry_create(registry=park_registry, actor=office, data={"name": "走查园区"})
    doomed = entry_create(registry=park_registry, actor=office, data={"name": "待删园区"})
    binned = entry_delete(registry=park_registry, actor=office,
                          row=entry_create(registry=park_registry, actor=office, data={"name": "已删园区"}))
    park_link = link_add(actor=office, from_kind="park", from_id=park.pk, to_kind="project", to_id=project.pk, relation="located")
    park_file = registry_attachment_add(actor=office, registry=park_registry, row=park, filename="photo.png", data=PNG)
    park_import = import_job_create(actor=office, kind=registry_import_kind(park_registry), filename="walk.xlsx",
                                    data=xlsx([["园区名称", "级别", "备注"], ["", "省级", "缺名称"]]))
    mark = target_mark(actor=office, enterprise=project.enterprises.get(), chain=chain, link=None)
    dropped = target_mark(actor=office, enterprise=Enterprise.objects.create(name="走查目标企业"), chain=chain, link=None)
    referral = link_add(actor=office, from_kind="park", from_id=park.pk, to_kind="project", to_id=project.pk, relation="referred")
    spare_project = project_create(actor=office, data=ProjectInput(name="待删项目", enterprise_name="某待删公司", amount_wan=100,
                                                                   lead_unit=project.lead_unit))
    note = Notification.objects.create(user=unit_user, kind="urge", text="请报送", url="/supervision/my/")
    channel = Channel.objects.create(name="走查机器人", kind="wecom", url="http://127.0.0.1:9/robot?key=walk")
    spare_kpi = Kpi.objects.create(plan=demo, target=milestone.target, text="待删指标", kind="milestone", goal=1, year=2025)
    suggestion = KpiSuggestion.objects.filter(plan=demo, status="pending").first()
    args = {
        "supervision:notification_open": [note.pk], "supervision:task_title": [own.measure.task_id],
        "projects:edit": [project.pk], "projects:delete": [spare_project.pk], "projects:correct": [moved.pk],
        "reports:bulletin_preview": [bulletin.pk], "kpis:delete": [spare_kpi.pk], "kpis:suggestion_decide": [suggestion.pk],
        **{f"messaging:{name}": [channel.pk] for name in ("channel_edit", "channel_toggle", "channel_test")},
        "targeting_candidates:chain": [chain.pk], "targeting_candidates:mark": [chain.pk],
        "targeting_candidates:lead": [mark.pk], "targeting_candidates:drop": [dropped.pk],
        "network:referral_new": [project.pk], "network:referral_delete": [referral.pk],
        **{f"registries:{name}": ["park"] for name in ("list", "export", "new", "trash", "settings")},
        **{f"registries:{name}": ["park", park.pk] for name in ("detail", "edit", "link_new", "attachment_upload")},
        "registries:delete": ["park", doomed.pk], "registries:restore": ["park", binned.pk],
        "registries:link_delete": [park_link.pk], "registries:attachment": [park_file.pk],
        "registry_import:upload": ["park"], "registry_import:template": ["park"],
        **{f"registry_import:{name}": ["park", park_import.pk] for name in ("job", "status", "confirm", "discard", "retry", "errors")},
        "plans:detail": [demo.pk], "plans:search": [demo.pk], "plans:export": [demo.pk], "plans:chain_new": [demo.pk],
        "plans:upload_file": [NoticeUpload.objects.filter(status="applied").first().pk],
        "units:detail": [own.unit_id], "plans:assignment_edit": [own.pk],
        "plans:import_preview": [pending.pk], "plans:chain_edit": [chain.pk], "plans:chain_merge": [chain.pk],
        "core:restore": ["plans.task", 999999], "plans:archive": [spare.pk], "plans:delete": [spare.pk],
        "supervision:report": [own.pk], "supervision:urge": [own.pk], "supervision:review": [report.pk],
        "reports:bulletin_row": [bulletin.pk], "reports:bulletin_download": [bulletin.pk, "docx"],
        **{f"exports:{name}": [export.pk] for name in ("job", "status", "file")},
        "supervision:task": [own.measure.task_id], "supervision:attachment": [attachment.pk],
        "supervision:attachment_upload": [draft.pk], "supervision:escalate": [own.pk],
        "supervision:escalation_notice": [escalation.pk], "supervision:problem": [report.problem.pk],
        "projects:detail": [project.pk], "projects:move": [project.pk], "projects:evidence": [moved.pk],
        "projects:enterprise": [project.enterprises.get().pk],
        **{name: [meeting.pk] for name in ("meetings:detail", "meetings:edit", "meetings:minutes", "meetings:agenda",
                                          "meetings:attendees", "meetings:decision_add", "meetings:action_add")},
        "meetings:action_update": [item.pk], "meetings:action_urge": [item.pk],
        **{f"needs:{name}": [need.pk] for name in ("detail", "edit", "accept", "settle", "rate", "route", "urge")},
        **{f"project_import:{name}": [ledger.pk] for name in ("job", "status", "confirm", "discard", "retry", "errors")},
        **{f"kpi_baseline_import:{name}": [baselines.pk] for name in ("job", "status", "confirm", "discard", "retry", "errors")},
        **{f"kpis:{name}": [milestone.pk] for name in ("detail", "rows_export", "edit", "value_submit")},
        "kpis:baseline": [growth.pk], "kpis:value_review": [kpi_value.pk], "kpis:value_evidence": [kpi_value.pk],
        "account:token_revoke": [token_create(user=unit_user)[0].pk],
    }
    return {name: reverse(name, args=args.get(name, [])) for name in PAGES}


@pytest.mark.parametrize("role", ROLES)
def test_every_page_answers_each_role_as_the_gate_says(clients, urls, role):
    client = clients[role]
    for name, (method, expected) in sorted(PAGES.items(), key=lambda item: item[0] == "logout"):
        response = getattr(client, method)(urls[name])
        want = expected[role]
        if want == LOGIN:
            assert response.status_code == 302 and "/accounts/login/" in response["Location"], name
        else:
            assert response.status_code == want, f"{name} as {role}: {response.status_code}"


def test_admin_site_is_for_the_admin_role_only(clients):
    assert clients["admin"].get("/admin/").status_code == 200
    for role in ("unit", "leader", "office"):
        assert clients[role].get("/admin/").status_code == 302


# --- API ----------------------------------------------------------------------------------------------
API_EXPECTED = {
    ("post", "/api/v1/auth/token"): None,  # public: its own test
    ("post", "/api/v1/auth/logout"): None,  # it ends the walk's token: tests/accounts/test_tokens.py
    ("get", "/api/v1/auth/tokens"): {"unit": 200, "other_unit": 200, "leader": 200, "admin": 200, "office": 200},
    ("delete", "/api/v1/auth/tokens/{token_id}"): {"unit": 404, "other_unit": 404, "leader": 404, "admin": 404, "office": 204},  # the office's
    ("post", "/api/v1/auth/password"): {"unit": 422, "other_unit": 422, "leader": 422, "admin": 422, "office": 422},  # no old password
    ("get", "/api/v1/units"): {"unit": 200, "other_unit": 200, "leader": 200, "admin": 200, "office": 200},
    ("get", "/api/v1/plans"): {"unit": 200, "other_unit": 200, "leader": 200, "admin": 200, "office": 200},
    ("get", "/api/v1/plans/{plan_id}/tasks"): {"unit": 200, "other_unit": 200, "leader": 200, "admin": 200, "office": 200},
    ("post", "/api/v1/parse"): {"unit": 403, "other_unit": 403, "leader": 403, "admin": 200, "office": 200},
    ("patch", "/api/v1/assignments/{assignment_id}"): {"unit": 200, "other_unit": 404, "leader": 404, "admin": 404, "office": 200},
    ("get", "/api/v1/assignments"): {"unit": 200, "other_unit": 200, "leader": 200, "admin": 200, "office": 200},
    ("post", "/api/v1/assignments/{assignment_id}/reports"): {"unit": 201, "other_unit": 403, "leader": 403, "admin": 403, "office": 403},
    ("post", "/api/v1/assignments/{assignment_id}/urge"): {"unit": 403, "other_unit": 403, "leader": 403, "admin": 403, "office": 201},
    ("get", "/api/v1/lights"): {"unit": 200, "other_unit": 200, "leader": 200, "admin": 200, "office": 200},
    ("get", "/api/v1/projects"): {"unit": 200, "other_unit": 200, "leader": 200, "admin": 200, "office": 200},
    ("post", "/api/v1/projects"): {"unit": 201, "other_unit": 403, "leader": 403, "admin": 403, "office": 201},
    ("post", "/api/v1/projects/{project_id}/stage"): {"unit": 200, "other_unit": 404, "leader": 404, "admin": 404, "office": 200},
    ("get", "/api/v1/meetings"): {"unit": 200, "other_unit": 200, "leader": 200, "admin": 200, "office": 200},
    ("post", "/api/v1/meetings"): {"unit": 403, "other_unit": 403, "leader": 403, "admin": 403, "office": 201},
    ("patch", "/api/v1/meetings/{meeting_id}"): {"unit": 403, "other_unit": 403, "leader": 403, "admin": 403, "office": 200},
    ("post", "/api/v1/meetings/{meeting_id}/decisions"): {"unit": 403, "other_unit": 403, "leader": 403, "admin": 403, "office": 201},
    ("post", "/api/v1/meetings/{meeting_id}/action-items"): {"unit": 403, "other_unit": 403, "leader": 403, "admin": 403, "office": 201},
    ("get", "/api/v1/action-items"): {"unit": 200, "other_unit": 200, "leader": 200, "admin": 200, "office": 200},
    ("patch", "/api/v1/action-items/{item_id}"): {"unit": 200, "other_unit": 404, "leader": 404, "admin": 404, "office": 200},
    ("get", "/api/v1/needs"): {"unit": 200, "other_unit": 200, "leader": 200, "admin": 200, "office": 200},
    ("post", "/api/v1/needs"): {"unit": 201, "other_unit": 404, "leader": 403, "admin": 403, "office": 201},  # 市发改委's project
    ("get", "/api/v1/needs/counts"): {"unit": 200, "other_unit": 200, "leader": 200, "admin": 200, "office": 200},
    ("patch", "/api/v1/needs/{need_id}"): {"unit": 200, "other_unit": 404, "leader": 404, "admin": 404, "office": 200},
    ("post", "/api/v1/needs/{need_id}/route"): {"unit": 403, "other_unit": 404, "leader": 403, "admin": 403, "office": 400},  # no reason given
    ("post", "/api/v1/needs/{need_id}/urge"): {"unit": 403, "other_unit": 404, "leader": 403, "admin": 403, "office": 200},
    ("post", "/api/v1/needs/{need_id}/accept"): {"unit": 200, "other_unit": 404, "leader": 404, "admin": 404, "office": 200},
    ("post", "/api/v1/needs/{need_id}/settle"): {"unit": 200, "other_unit": 404, "leader": 404, "admin": 404, "office": 200},
    ("post", "/api/v1/needs/{need_id}/rating"): {"unit": 403, "other_unit": 404, "leader": 403, "admin": 403, "office": 200},
    ("get", "/api/v1/indicators"): {"unit": 200, "other_unit": 200, "leader": 200, "admin": 200, "office": 200},
    ("get", "/api/v1/indicators/{kpi_id}/rows"): {"unit": 200, "other_unit": 200, "leader": 200, "admin": 200, "office": 200},
    # the office's own indicators: the walk's body names no task
    ("post", "/api/v1/indicators"): {"unit": 403, "other_unit": 403, "leader": 403, "admin": 400, "office": 400},
    ("patch", "/api/v1/indicators/{kpi_id}"): {"unit": 403, "other_unit": 403, "leader": 403, "admin": 200, "office": 200},
    ("get", "/api/v1/reviews"): {"unit": 403, "other_unit": 403, "leader": 403, "admin": 403, "office": 200},
    ("post", "/api/v1/reports/{report_id}/review"): {"unit": 422, "other_unit": 422, "leader": 422, "admin": 422, "office": 422},  # no decision
    ("get", "/api/v1/notifications"): {"unit": 200, "other_unit": 200, "leader": 200, "admin": 200, "office": 200},
    ("post", "/api/v1/notifications/read"): {"unit": 422, "other_unit": 422, "leader": 422, "admin": 422, "office": 422},  # no ids
    ("get", "/api/v1/projects/{project_id}"): {"unit": 200, "other_unit": 404, "leader": 200, "admin": 200, "office": 200},
    ("patch", "/api/v1/projects/{project_id}"): {"unit": 200, "other_unit": 404, "leader": 404, "admin": 404, "office": 200},
    # the registries (园区, kept by the office): everyone reads; only the office writes
    ("get", "/api/v1/registries"): {"unit": 200, "other_unit": 200, "leader": 200, "admin": 200, "office": 200},
    ("get", "/api/v1/registries/{key}/entries"): {"unit": 200, "other_unit": 200, "leader": 200, "admin": 200, "office": 200},
    ("get", "/api/v1/registries/{key}/entries/{entry_id}"): {"unit": 200, "other_unit": 200, "leader": 200, "admin": 200, "office": 200},
    ("get", "/api/v1/registries/{key}/export"): {"unit": 200, "other_unit": 200, "leader": 200, "admin": 200, "office": 200},
    # the walk's body has no 园区 fields: refused with the fields named
    ("post", "/api/v1/registries/{key}/entries"): {"unit": 403, "other_unit": 403, "leader": 403, "admin": 400, "office": 400},
    ("patch", "/api/v1/registries/{key}/entries/{entry_id}"): {"unit": 403, "other_unit": 403, "leader": 403, "admin": 400, "office": 400},
    ("post", "/api/v1/registries/{key}/import"): {"unit": 422, "other_unit": 422, "leader": 422, "admin": 422, "office": 422},  # no file
    ("get", "/api/v1/chains"): {"unit": 200, "other_unit": 200, "leader": 200, "admin": 200, "office": 200},
    ("get", "/api/v1/chains/{chain_id}/candidates"): {"unit": 200, "other_unit": 200, "leader": 200, "admin": 200, "office": 200},
    ("post", "/api/v1/chains/{chain_id}/targets"): {"unit": 422, "other_unit": 422, "leader": 422, "admin": 422, "office": 422},  # no body
    ("post", "/api/v1/targets/{mark_id}/lead"): {"unit": 403, "other_unit": 403, "leader": 403, "admin": 404, "office": 404},  # no mark
    ("delete", "/api/v1/registries/{key}/entries/{entry_id}"): {"unit": 403, "other_unit": 403, "leader": 403, "admin": 204, "office": 204},
    # last: they delete what the rows above read
    ("delete", "/api/v1/indicators/{kpi_id}"): {"unit": 403, "other_unit": 403, "leader": 403, "admin": 204, "office": 204},
    ("delete", "/api/v1/projects/{project_id}"): {"unit": 403, "other_unit": 404, "leader": 404, "admin": 404, "office": 204},
}


def test_every_api_endpoint_is_in_the_table():
    schema = api.get_openapi_schema()
    found = {(method, path) for path, ops in schema["paths"].items() for method in ops}
    assert found == set(API_EXPECTED)


@pytest.mark.parametrize("role", ROLES[1:])
def test_every_api_endpoint_answers_each_role_by_token(demo, role):
    from zhaoshang.accounts.services import token_issue

    users = {"unit": "市发改委", "other_unit": "市商务局"}
    user = User.objects.get(unit__short_name=users[role]) if role in users else User.objects.get(username=role)
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token_issue(user=user)}"}
    own = Assignment.objects.filter(unit__short_name="市发改委").first()
    project_id = project_create(actor=User.objects.get(username="office"), data=ProjectInput(
        name="战略储备基地项目", enterprise_name="某能源公司", amount_wan=20000,
        lead_unit=Unit.objects.get(short_name="市发改委"))).pk
    office, fgw = User.objects.get(username="office"), Unit.objects.get(short_name="市发改委")
    meeting = meeting_create(actor=office, data=MeetingInput("review", datetime.date.today()))
    item = action_item_create(actor=office, meeting=meeting, text="协调用地", owner_unit=fgw, due_date=datetime.date.today())
    need = need_create(actor=office, data=NeedInput(title="电力增容", need_type="power", unit=fgw, enterprise_name="某能源公司"))
    seed = NoticeUpload.objects.first().file.read()
    park = entry_create(registry=registry_named("park"), actor=office, data={"name": "接口走查园区"})
    waiting = Assignment.objects.filter(unit__short_name="市发改委").exclude(pk=own.pk).first()
    report = report_save(actor=User.objects.get(unit__short_name="市发改委"), assignment=waiting, submit=True,
                         data=ReportInput(done_text="已对接"))
    client = Client()
    office_token = token_create(user=office)[0]
    for (method, path), expected in API_EXPECTED.items():
        if expected is None:
            continue
        url = path.format(plan_id=demo.pk, assignment_id=own.pk, project_id=project_id, meeting_id=meeting.pk, item_id=item.pk,
                          need_id=need.pk, kpi_id=Kpi.objects.filter(plan=demo).first().pk, token_id=office_token.pk,
                          key="park", entry_id=park.pk, chain_id=Chain.objects.filter(plan=demo).first().pk, mark_id=999999,
                          report_id=report.pk)
        if method == "post" and path.endswith("/parse"):
            upload = io.BytesIO(seed)
            upload.name = "seed.txt"
            response = client.post(url, {"file": upload}, **headers)
        elif method == "post":
            body = {"text": "本月完成对接", "percent": 40, "message": "请按时报送", "stage": "negotiating",
                    "date": datetime.date.today().isoformat(), "name": "LNG调峰储备项目", "amount_wan": "20000",
                    "enterprise": {"name": "某燃气公司"}, "lead_unit": "市发改委", "kind": "单周会商研判", "title": "用电增容",
                    "type": "用电", "unit": "市发改委", "project_id": project_id, "owner_unit": "市发改委",
                    "due_date": datetime.date.today().isoformat(), "reply": "已协调办结", "satisfaction": "满意"}
            response = client.post(url, body, content_type="application/json", **headers)
        elif method == "patch":
            response = client.patch(url, {"contact_person": "李四"}, content_type="application/json", **headers)
        elif method == "delete":
            response = client.delete(url, **headers)
        else:
            response = client.get(url, **headers)
        assert response.status_code == expected[role], f"{method} {path} as {role}: {response.status_code}"
        anonymous = getattr(Client(), method)(url)
        assert anonymous.status_code == 401, f"{method} {path} anonymous"


# --- What each role reads of another unit's data --------------------------------------------------------
# A status is not enough where the leak is in the body: each probe says what the role gets. "shown"/"hidden": whether
# 市发改委's project appears; "full"/"masked": the enterprise contact's phone; a number: the status.
LEAK_EXPECTED = {
    "indicator rows (API)": {"unit": "shown", "other_unit": "hidden", "leader": "shown", "admin": "shown", "office": "shown"},
    "indicator rows (page)": {"unit": "shown", "other_unit": "hidden", "leader": "shown", "admin": "shown", "office": "shown"},
    "enterprise phone": {"unit": "full", "other_unit": 404, "leader": "masked", "admin": "masked", "office": "full"},
    "need form's projects": {"unit": "shown", "other_unit": "hidden", "leader": 403, "admin": 403, "office": "shown"},
    "need on 市发改委's project (API)": {"unit": 201, "other_unit": 404, "leader": 403, "admin": 403, "office": 201},
}


def _leak_probes(demo, office):
    from django.urls import reverse

    from zhaoshang.accounts.services import token_issue
    from zhaoshang.kpis.choices import PROJECT_KINDS
    from zhaoshang.kpis.selectors import kpi_rows
    from zhaoshang.projects.lookups import chain_named
    from zhaoshang.projects.services.enterprises import contact_add

    fgw = Unit.objects.get(short_name="市发改委")
    project = project_create(actor=office, data=ProjectInput(
        name="保密储备库项目", enterprise_name="某保密储运公司", amount_wan=200000, lead_unit=fgw, stage="signed",
        stage_since=datetime.date(2025, 6, 1), chain=chain_named("石油化工")))
    enterprise = project.enterprises.get()
    contact_add(actor=office, enterprise=enterprise, name="赵经理", title="总经理", phone="13912345678")
    as_of = "2025-12-31"
    kpi = next((k for k in Kpi.objects.filter(plan=demo, kind__in=PROJECT_KINDS)
                if kpi_rows(k, datetime.date(2025, 12, 31)).filter(pk=project.pk).exists()), None)
    assert kpi is not None, "no indicator counts the walk's project"

    def shown(response):
        return ("shown" if project.name in response.content.decode() else "hidden") if response.status_code == 200 \
            else response.status_code

    def listed(response):  # the API's JSON escapes Chinese: compare ids
        if response.status_code != 200:
            return response.status_code
        return "shown" if project.pk in {row["id"] for row in response.json()["projects"]} else "hidden"

    def phone(response):
        if response.status_code != 200:
            return response.status_code
        html = response.content.decode()
        return "full" if "13912345678" in html else "masked" if "139****5678" in html else "missing"

    def need_post(client, user):
        body = {"title": "用电增容", "type": "用电", "unit": user.unit.name if user.role == "unit" else "市商务局",
                "project_id": project.pk}
        response = client.post("/api/v1/needs", body, content_type="application/json",
                               HTTP_AUTHORIZATION=f"Bearer {token_issue(user=user)}")
        return response.status_code

    return {
        "indicator rows (API)": lambda c, u: listed(c.get(f"/api/v1/indicators/{kpi.pk}/rows", {"as_of": as_of})),
        "indicator rows (page)": lambda c, u: shown(c.get(reverse("kpis:detail", args=[kpi.pk]), {"as_of": as_of})),
        "enterprise phone": lambda c, u: phone(c.get(reverse("projects:enterprise", args=[enterprise.pk]))),
        "need form's projects": lambda c, u: shown(c.get(reverse("needs:lookup"), {"kind": "project", "q": "保密储备"})),
        "need on 市发改委's project (API)": need_post,
    }


@pytest.mark.parametrize("role", ROLES[1:])
def test_no_role_reads_another_units_data(clients, demo, office, role):
    users = {"unit": "市发改委", "other_unit": "市商务局"}
    user = User.objects.get(unit__short_name=users[role]) if role in users else User.objects.get(username=role)
    found = {name: probe(clients[role], user) for name, probe in _leak_probes(demo, office).items()}
    assert found == {name: expected[role] for name, expected in LEAK_EXPECTED.items()}
