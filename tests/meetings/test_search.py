"""The meetings list's 关键词 from the search index: title, minutes and place, kept in step with every edit."""

from zhaoshang.core.services import object_soft_delete
from zhaoshang.meetings.search import meeting_hits
from zhaoshang.meetings.services.meetings import MeetingInput, meeting_create, meeting_update
from tests.excel_files import sheet_rows


def _listed(client, query: str) -> str:
    response = client.get("/meetings/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def test_a_meeting_is_found_by_its_title_its_minutes_and_its_place(meeting, office_client):
    assert meeting_hits("专班").ids == [meeting.pk]  # minutes: 会议听取了各专班汇报
    assert meeting_hits("三楼").ids == [meeting.pk]  # place: 三楼会议室
    assert meeting_hits(meeting.title[-6:]).ids == [meeting.pk]
    assert meeting.title in _listed(office_client, "专班")
    assert meeting.title not in _listed(office_client, "招聘")


def test_edited_minutes_are_found_by_their_new_words_only(meeting, office):
    meeting_update(actor=office, meeting=meeting, minutes="研究了园区用地问题。", place="")
    assert meeting_hits("用地").ids == [meeting.pk]
    assert meeting_hits("专班").ids == []
    assert meeting_hits("三楼").ids == []


def test_a_deleted_meeting_is_not_listed(meeting, office, office_client):
    object_soft_delete(obj=meeting, actor=office)
    assert meeting.title not in _listed(office_client, "专班")



def test_the_list_says_when_a_search_matches_more_meetings_than_it_shows(meeting, office, office_client, monkeypatch):
    monkeypatch.setattr("zhaoshang.meetings.search.SEARCH_LIMIT", 1)
    monkeypatch.setattr("zhaoshang.search.selectors.SEARCH_LIMIT", 1)
    assert "只列出最近录入" not in _listed(office_client, "三楼")
    newer = meeting_create(actor=office, data=MeetingInput("review", meeting.date, place="三楼会议室", chair="张明"))
    html = _listed(office_client, "三楼")
    assert "匹配“三楼”的会议超过1次，只列出最近录入的1次" in html
    assert f"/meetings/{newer.pk}/" in html and f"/meetings/{meeting.pk}/" not in html
    exported = sheet_rows(office_client.get("/meetings/export.xlsx", {"q": "三楼"}).content)
    assert "匹配“三楼”的会议超过1次，只导出最近录入的1次" in exported[0][0]
