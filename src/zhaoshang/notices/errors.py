"""The one exception the parser lets out: NoticeError, whose message is shown to end users as is."""


class NoticeError(ValueError):
    """A notice that cannot be parsed; `message` is plain Simplified Chinese for the person importing it."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


EMPTY = "文件为空，请选择包含任务清单的通知文件后再导入。"
TOO_LARGE = "文件大小超过 {limit} MB 上限（当前约 {size:.1f} MB），请删除无关内容或拆分后再导入。"
OLD_OFFICE = "该文件是旧版 Word/Excel 格式（.doc/.xls），请另存为 .docx/.xlsx 后再导入。"
RTF = "该文件是 RTF 格式，请在 Word 中另存为 .docx 后再导入。"
UNKNOWN_ZIP = "无法识别该压缩格式文件，请上传 .docx（Word）或 .xlsx（Excel）文件。"
BINARY = "无法识别文件内容：不是文本、网页、Word、Excel 或 PDF 文件，请检查文件是否损坏。"
NO_TASKS = "未在文件中识别到任务清单：没有找到带序号、工作举措和责任单位的任务表格或条目，请检查文件内容。"
DOCX_BROKEN = "Word 文件已损坏或无法打开，请在 Word 中重新保存为 .docx 后再导入。"
XLSX_BROKEN = "Excel 文件已损坏或无法打开，请在 Excel 中重新保存为 .xlsx 后再导入。"
PDF_BROKEN = "PDF 文件已损坏或无法打开，请重新导出 PDF 后再导入。"
PDF_ENCRYPTED = "PDF 文件已加密，请解除密码保护后再导入。"
PDF_NO_TEXT = "该 PDF 没有文字层（可能是扫描件或图片），无法识别其中的文字，请提供可复制文字的 PDF 或 Word 文件。"
NOT_FOUND = "找不到文件：{path}"
UNREADABLE = "无法读取文件：{path}"
INTERNAL = "解析文件时发生意外错误，请检查文件内容是否完整，或将文件转交管理员处理。"
