"""The workbook's content (chapters, pages, check-in scales, gratitude prompts) as data.

Pure Python and standard library only: no Qt, no database. The text itself lives in
workbook/assets/content/*.toml; docs/content-schema.md describes the format.

    result = load_content()          # LoadResult(content, errors)
    for err in result.errors: log(str(err))
    chapter = result.content.chapter("safe-touch")
"""

from workbook.content.loader import ContentError, LoadResult, load_content
from workbook.content.model import (
    Chapter,
    CheckinScale,
    Content,
    Field,
    FieldKind,
    LadderStep,
    Milestone,
    Page,
    Section,
    Worksheet,
    paragraphs,
)

__all__ = [
    "Chapter", "CheckinScale", "Content", "ContentError", "Field", "FieldKind", "LadderStep",
    "LoadResult", "Milestone", "Page", "Section", "Worksheet", "load_content", "paragraphs",
]
