"""The import preview puts each doubt beside the field it concerns, so the office corrects before importing."""

from django.urls import reverse

from zhaoshang.plans.import_preview import import_preview, task_doubts
from zhaoshang.plans.services.importing import notice_upload

# A flattened table without a 目标 column, one measure with no units, a deadline that is no date.
NOTICE = """区人民政府办公室关于印发重点工作任务分解的通知
序号 |
工作任务 |
责任单位 |
完成时限 |

1 |
推行企业开办一日办结，压减办理环节。 |
市商务局 |
视情况而定 |

2 |
推进涉企收费目录清单公开。 |
市发改委 |
2026年6月 |
"""


def test_doubts_are_sorted_by_field():
    doubts = task_doubts({"target_derived": True, "warnings": [
        "第2条举措未识别到责任单位", "未识别到工作重点", "工作时限“视情况”无法识别为具体日期", "未识别到工作举措"]})
    assert doubts["target"] == ["没有目标列，目标取自第一条举措，请核对"]
    assert doubts["measure"] == {2: ["第2条举措未识别到责任单位"]}
    assert doubts["focus"] == ["未识别到工作重点"] and doubts["measures"] == ["未识别到工作举措"]
    assert doubts["deadline"] == ["工作时限“视情况”无法识别为具体日期"]


def test_preview_page_shows_each_doubt_beside_its_field(office, office_client):
    upload = notice_upload(actor=office, filename="doubts.txt", data=NOTICE.encode("utf-8"))
    preview = import_preview(upload)
    first = preview.tasks[0]
    assert first["doubts"]["target"] and first["doubts"]["deadline"]
    assert "doc_number" in preview.header_doubts and "date" in preview.header_doubts
    page = office_client.get(reverse("plans:import_preview", args=[upload.pk])).content.decode()
    assert "通知信息需要核对" in page
    assert "⚠ 没有目标列，目标取自第一条举措，请核对" in page
    assert "⚠ 工作时限“视情况而定”无法识别为具体日期" in page
