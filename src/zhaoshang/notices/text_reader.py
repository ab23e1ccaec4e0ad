"""Plain text (a saved web page flattened to text, or a copied notice): one paragraph per line."""

from zhaoshang.notices.document import Document
from zhaoshang.notices.sniff import decode_text


def read_text(data: bytes) -> Document:
    return text_document(decode_text(data))


def text_document(text: str) -> Document:
    document = Document(source_format="text")
    document.add_text(text)
    return document
