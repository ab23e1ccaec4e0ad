"""Lists of at most `size` items from any iterable (a list, a generator, a queryset's iterator): batches of ids for an
IN (...), of rows for a bulk write or an export."""

from collections.abc import Iterable, Iterator
from itertools import islice


def chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
