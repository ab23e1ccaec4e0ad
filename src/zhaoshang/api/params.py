"""Bounded types for the API's query parameters: a value out of range answers 422 in Chinese, never a 500.

The same bounds as the pages' `core.query_params` (ids within bigint, years 2000–2100, dates within those years)."""

import datetime
from typing import Annotated

from pydantic import Field

from zhaoshang.core.query_params import MAX_ID, MAX_YEAR, MIN_YEAR

Id = Annotated[int, Field(ge=1, le=MAX_ID)]
Year = Annotated[int, Field(ge=MIN_YEAR, le=MAX_YEAR)]
Month = Annotated[int, Field(ge=1, le=12)]
Day = Annotated[datetime.date, Field(ge=datetime.date(MIN_YEAR, 1, 1), le=datetime.date(MAX_YEAR, 12, 31))]
Text = Annotated[str, Field(max_length=200)]
