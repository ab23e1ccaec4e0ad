"""Input formats for zh-hans, ahead of Django's own (FORMAT_MODULE_PATH): every date and date-time widget renders ISO.

Django renders a DateInput/DateTimeInput value with the locale's first input format; zh_Hans starts with
"%Y/%m/%d", which an <input type="date"> rejects as empty (the form then loses the date on save). ISO first here;
the slash and 年月日 forms are still parsed. Formats not listed here fall back to Django's zh_Hans module."""

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%Y/%m/%d", "%Y年%m月%d日"]
# "T" first: the form <input type="datetime-local"> renders (the project has no plain-text date-time input)
DATETIME_INPUT_FORMATS = [
    "%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M:%S.%f",
    "%Y/%m/%d %H:%M", "%Y/%m/%d %H:%M:%S", "%Y年%m月%d日 %H:%M", "%Y年%m月%d日 %H:%M:%S",
]
