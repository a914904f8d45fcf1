"""The render memo's per-page reuse: only a page object the last render made is reused."""

from __future__ import annotations

from generator.site.memo import RenderMemo
from generator.site.outputs import Download, Output, Page


def test_per_page_reuses_the_same_page_object_and_remakes_a_new_one() -> None:
    memo = RenderMemo()
    made: list[str] = []

    def make(page: Page) -> list[Output]:
        made.append(page.source)
        return [Download(page.source + ".csv", page.markdown.encode())]

    kept, changed = Page("a.md", "A", "een"), Page("b.md", "B", "twee")
    memo.per_page(make, [kept, changed])
    again = Page("b.md", "B", "drie")  # the same page, made again by its builder
    outputs = memo.per_page(make, [kept, again])
    assert made == ["a.md", "b.md", "b.md"]
    assert outputs == [Download("a.md.csv", b"een"), Download("b.md.csv", b"drie")]
    memo.per_page(make, [kept])  # a page no longer made is forgotten
    memo.per_page(make, [kept, again])
    assert made[3:] == ["b.md"]
