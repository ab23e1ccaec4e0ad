"""Meeting pages keep what was typed: dates render ISO, agenda rows and the action-item form survive an error;
agenda topics are numbered （一）…（十一）（十二） on the page and in the minutes."""

import datetime
import io
import re

from docx import Document

from zhaoshang.meetings.models import ActionItem
from zhaoshang.meetings.services.meetings import agenda_items_add


def test_the_edit_page_renders_the_date_iso_and_saves_without_retyping(office_client, meeting):
    page = office_client.get(f"/meetings/{meeting.pk}/edit/").content.decode()
    value = re.search(r'type="date" name="date"[^>]*value="([^"]+)"|name="date"[^>]*type="date"[^>]*value="([^"]+)"', page)
    shown = next(v for v in value.groups() if v)
    assert shown == meeting.date.isoformat()
    response = office_client.post(f"/meetings/{meeting.pk}/edit/", {
        "title": meeting.title, "date": shown, "place": meeting.place, "chair": meeting.chair, "status": "held",
        "minutes": "会议研究了三个项目。"})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.date.isoformat(), meeting.minutes) == (shown, "会议研究了三个项目。")


def test_the_agenda_form_offers_three_rows_and_adds_the_filled_ones(office_client, meeting):
    page = office_client.get(f"/meetings/{meeting.pk}/").content.decode()
    assert page.count('name="topic"') == 3 and 'data-add-row="#agenda-rows"' in page
    response = office_client.post(f"/meetings/{meeting.pk}/agenda/", {"topic": ["招商活动安排", "", "用地协调"],
                                                                       "reason": ["四季度", "", ""]})
    assert response.status_code == 302
    assert [(a.topic, a.reason) for a in meeting.agenda.all()] == [("招商活动安排", "四季度"), ("用地协调", "")]


def test_an_agenda_row_with_only_a_reason_is_refused_and_the_rows_kept(office_client, meeting):
    response = office_client.post(f"/meetings/{meeting.pk}/agenda/", {"topic": ["招商活动安排", "", "甲", "乙"],
                                                                       "reason": ["", "只有说明", "", ""]})
    page = response.content.decode()
    assert response.status_code == 400 and "第2行只填了说明，请填写议题" in page
    assert 'value="招商活动安排"' in page and 'value="只有说明"' in page and page.count('name="topic"') == 4
    assert not meeting.agenda.exists()


def test_agenda_topics_are_numbered_in_chinese_past_ten(office, office_client, meeting):
    agenda_items_add(actor=office, meeting=meeting, rows=[(f"议题{n}", "") for n in range(1, 13)])
    page = office_client.get(f"/meetings/{meeting.pk}/").content.decode()
    assert "（十）</span>议题10" in page and "（十一）</span>议题11" in page and "（十二）</span>议题12" in page
    document = Document(io.BytesIO(office_client.get(f"/meetings/{meeting.pk}/minutes.docx").content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "（十一）议题11" in text and "（十二）议题12" in text and "（11）" not in text
    assert "一、会议情况" in text and "二、会议议题" in text


def test_the_action_item_form_keeps_what_was_typed_on_error(office_client, meeting, fgw):
    early = (meeting.date - datetime.timedelta(days=1)).isoformat()
    response = office_client.post(f"/meetings/{meeting.pk}/actions/", {"text": "协调解决用地指标", "owner_unit": fgw.pk,
                                                                        "due_date": early})
    page = response.content.decode()
    assert response.status_code == 400 and "完成时限不能早于会议日期" in page
    assert "协调解决用地指标</textarea>" in page and f'<option value="{fgw.pk}" selected>' in page
    assert f'value="{early}"' in page
    response = office_client.post(f"/meetings/{meeting.pk}/actions/", {"text": "协调解决用地指标", "due_date": "2026/13/40"})
    page = response.content.decode()
    assert response.status_code == 400 and "协调解决用地指标</textarea>" in page
    assert page.count('class="invalid-feedback d-block"') == 2 and 'value="2026/13/40"' in page  # unit and date, at each
    assert not ActionItem.objects.filter(text="协调解决用地指标").exists()
    response = office_client.post(f"/meetings/{meeting.pk}/actions/", {"text": "协调解决用地指标", "owner_unit": fgw.pk,
                                                                        "due_date": meeting.date.isoformat()})
    assert response.status_code == 302 and ActionItem.objects.filter(text="协调解决用地指标").exists()
