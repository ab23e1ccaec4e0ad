"""Building and sending one HTTP request per message: 企业微信/政务微信 and 钉钉 group robots, a generic SMS gateway.

No Django here: the caller passes the channel's settings. 钉钉's signed robots take `timestamp` (milliseconds) and
`sign` = Base64(HMAC-SHA256(key=secret, "timestamp\\nsecret")) as query parameters (URL-encoded); both robots answer
HTTP 200 with {"errcode": 0, "errmsg": "ok"} on success and a non-zero errcode on failure (rate limit, bad key).
"""

import base64
import hashlib
import hmac
import json
import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, quote_plus, urlencode, urlsplit, urlunsplit

TITLE = "招商引资督办"
TIMEOUT_SECONDS = 5.0
RESPONSE_LIMIT = 64 * 1024


@dataclass(frozen=True)
class ChannelConfig:
    """The settings of a channel a request is built from (a `Channel` row, or a test's plain values)."""

    kind: str
    url: str
    secret: str = ""
    msg_format: str = "markdown"
    method: str = "POST"
    body_type: str = "json"
    body_template: str = ""
    token_header: str = "Authorization"
    success_marker: str = ""


@dataclass(frozen=True)
class OutgoingRequest:
    method: str
    url: str
    body: bytes | None
    headers: dict = field(default_factory=dict)


@dataclass(frozen=True)
class SendResult:
    ok: bool
    http_status: int | None = None
    error: str = ""
    duration_ms: int = 0


def dingtalk_sign(secret: str, timestamp_ms: int) -> str:
    """钉钉's signature of a timestamp (before URL encoding)."""
    digest = hmac.new(secret.encode(), f"{timestamp_ms}\n{secret}".encode(), hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def with_query(url: str, params: dict) -> str:
    """The URL with `params` added to its query string (URL-encoded)."""
    parts = urlsplit(url)
    query = urlencode([*parse_qsl(parts.query, keep_blank_values=True), *params.items()])
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, parts.fragment))


def robot_payload(kind: str, msg_format: str, text: str, link: str) -> dict:
    """The JSON a group robot takes: markdown with a title line and a link, or plain text."""
    if msg_format == "text":
        content = f"【{TITLE}】{text}" + (f"\n{link}" if link else "")
        return {"msgtype": "text", "text": {"content": content}}
    content = f"#### {TITLE}\n{text}" + (f"\n\n[查看详情]({link})" if link else "")
    if kind == "dingtalk":
        return {"msgtype": "markdown", "markdown": {"title": TITLE, "text": content}}
    return {"msgtype": "markdown", "markdown": {"content": content}}


def _fill(template: str, values: dict, escape) -> str:
    for name, value in values.items():
        template = template.replace("{" + name + "}", escape(value))
    return template


def build_request(config: ChannelConfig, *, text: str, link: str = "", phone: str = "",
                  now_ms: int | None = None) -> OutgoingRequest:
    """The request that sends `text` (and `link`) through the channel (to `phone`, for SMS)."""
    if config.kind in ("wecom", "dingtalk"):
        url = config.url
        if config.kind == "dingtalk" and config.secret:
            timestamp = now_ms if now_ms is not None else int(time.time() * 1000)
            url = with_query(url, {"timestamp": str(timestamp), "sign": dingtalk_sign(config.secret, timestamp)})
        body = json.dumps(robot_payload(config.kind, config.msg_format, text, link), ensure_ascii=False).encode()
        return OutgoingRequest("POST", url, body, {"Content-Type": "application/json; charset=utf-8"})
    values = {"phone": phone, "text": f"【{TITLE}】{text}" + (f" {link}" if link else "")}
    url = _fill(config.url, values, lambda v: quote_plus(v))
    headers = {config.token_header or "Authorization": config.secret} if config.secret else {}
    if config.method == "GET":
        query = _fill(config.body_template, values, lambda v: quote_plus(v)).strip()
        if query:
            url = f"{url}{'&' if '?' in url else '?'}{query.lstrip('?&')}"
        return OutgoingRequest("GET", url, None, headers)
    if config.body_type == "form":
        body = _fill(config.body_template, values, lambda v: quote_plus(v))
        headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8"
    else:
        body = _fill(config.body_template, values, lambda v: json.dumps(v, ensure_ascii=False)[1:-1])
        headers["Content-Type"] = "application/json; charset=utf-8"
    return OutgoingRequest("POST", url, body.encode(), headers)


def _answer_error(config: ChannelConfig, body: bytes) -> str:
    """Why a 2xx answer is still a failure ("" when it is a success)."""
    text = body.decode("utf-8", "replace")
    if config.kind in ("wecom", "dingtalk"):
        try:
            answer = json.loads(text)
        except ValueError:
            return f"机器人返回的不是JSON：{text[:100]}"
        code = answer.get("errcode", 0) if isinstance(answer, dict) else 0
        if code not in (0, "0"):
            return f"机器人拒收：errcode={code} {str(answer.get('errmsg', ''))[:200]}"
        return ""
    if config.success_marker and config.success_marker not in text:
        return f"网关响应中没有成功标志「{config.success_marker}」：{text[:200]}"
    return ""


def send(config: ChannelConfig, request: OutgoingRequest, *, timeout: float = TIMEOUT_SECONDS) -> SendResult:
    """Send the request once; never raises: every failure is a `SendResult` with a Chinese reason."""
    started = time.monotonic()

    def result(ok: bool, status: int | None = None, error: str = "") -> SendResult:
        return SendResult(ok, status, error[:500], int((time.monotonic() - started) * 1000))

    if urlsplit(request.url).scheme not in ("http", "https"):
        return result(False, error="地址必须以 http:// 或 https:// 开头")
    outgoing = urllib.request.Request(request.url, data=request.body, headers=request.headers, method=request.method)
    try:
        with urllib.request.urlopen(outgoing, timeout=timeout) as response:  # noqa: S310 - scheme checked above
            status, body = response.status, response.read(RESPONSE_LIMIT)
    except urllib.error.HTTPError as error:
        return result(False, error.code, f"HTTP {error.code}：{error.read(300).decode('utf-8', 'replace')}")
    except (TimeoutError, socket.timeout):
        return result(False, error=f"连接超时（{timeout:g}秒内无响应）")
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            return result(False, error=f"连接超时（{timeout:g}秒内无响应）")
        return result(False, error=f"无法连接：{reason}")
    except (OSError, ValueError) as error:
        return result(False, error=f"发送出错：{error}")
    problem = _answer_error(config, body)
    return result(not problem, status, problem)
