"""The NinjaAPI instance: auth, error shapes in Chinese, routers."""

from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError

from zhaoshang.api import accounts, kpi_definitions, plans, projects, supervision
from zhaoshang.api.auth import API_AUTH
from zhaoshang.core.query_params import QueryError
from zhaoshang.core.services import PermissionDenied
from zhaoshang.kpis.errors import KpiError
from zhaoshang.notices import NoticeError
from zhaoshang.plans.errors import PlanError
from zhaoshang.projects.errors import ProjectError, StaleStage
from zhaoshang.registries.errors import RegistryError
from zhaoshang.supervision.errors import ReportConflict, SupervisionError

api = NinjaAPI(title="招商引资工作管理平台 API", version="1", urls_namespace="api", auth=API_AUTH)
api.add_router("/auth", accounts.auth_router)
api.add_router("/units", accounts.units_router)
api.add_router("/", plans.router)
api.add_router("/", supervision.router)
api.add_router("/", projects.router)
api.add_router("/", "zhaoshang.api.meetings.router")
api.add_router("/", "zhaoshang.api.needs.router")
api.add_router("/", kpi_definitions.router)  # the indicators router (api/kpis.py) with its writes
api.add_router("/", "zhaoshang.api.registries.router")
api.add_router("/", "zhaoshang.api.targeting.router")
api.add_router("/", "zhaoshang.api.reviews.router")
api.add_router("/", "zhaoshang.api.notifications.router")


@api.exception_handler(PermissionDenied)
def permission_denied(request, exc):
    return api.create_response(request, {"detail": str(exc) or "无权执行此操作"}, status=403)


@api.exception_handler(Http404)
@api.exception_handler(OverflowError)  # a path id beyond bigint (SQLite cannot bind it): no such object
def not_found(request, exc):
    return api.create_response(request, {"detail": "对象不存在或无权访问"}, status=404)


@api.exception_handler(AuthenticationError)
def unauthenticated(request, exc):
    return api.create_response(request, {"detail": "未登录或令牌无效"}, status=401)


@api.exception_handler(ValidationError)
def invalid(request, exc):
    return api.create_response(request, {"detail": "请求参数不正确", "errors": exc.errors}, status=422)


@api.exception_handler(QueryError)
def bad_query(request, exc):
    return api.create_response(request, {"detail": str(exc)}, status=422)


@api.exception_handler(ReportConflict)
@api.exception_handler(StaleStage)
def conflict(request, exc):
    return api.create_response(request, {"detail": str(exc)}, status=409)


@api.exception_handler(NoticeError)
@api.exception_handler(SupervisionError)
@api.exception_handler(ProjectError)
@api.exception_handler(PlanError)
@api.exception_handler(RegistryError)
@api.exception_handler(KpiError)
def bad_input(request, exc):
    return api.create_response(request, {"detail": str(exc)}, status=400)
