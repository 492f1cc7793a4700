"""What the readers of one document share."""

from __future__ import annotations

from dataclasses import dataclass

from vnhealth.extract.issued import IssueYear
from vnhealth.extract.match import IndicatorChooser
from vnhealth.extract.recorder import Recorder
from vnhealth.extract.vocabulary import Vocabulary
from vnhealth.inputs.catalog import Document


@dataclass
class DocumentRun:
    vocab: Vocabulary
    doc: Document
    lines: list[str]  # NFC
    chooser: IndicatorChooser
    recorder: Recorder
    # why every value of the document is reported (kind_basis), if it is: a statistics page
    # or yearbook, or a text issued after the period it covers
    reports_only: str | None
    # a value reached in a year before this one (the document's first) is reported
    past_before: int
    # when the document was issued (None: nothing says): a value for a later year is planned,
    # for an earlier one reported
    issued: IssueYear | None = None
    # the year the document reviews (None: it names none): its values are reported
    reviewed: IssueYear | None = None
    # the plan's last year where its title or text states it (None: only the manifest does,
    # so a target without a year of its own has no stated year)
    horizon: int | None = None
    # whether the document reviews results (a review word in its title or text): there
    # "21%/20%" is a value achieved and its target
    reviews: bool = False
    # the one subgroup the title names ("Nước sạch và Vệ sinh môi trường nông thôn"): a value
    # whose words name none may be of it
    title_subgroup: str | None = None
    # whether the text is a plan or decision itself (its number, or its own title in capitals
    # at its head), not a page that tells of one: on a page, a value no target word comes with
    # is reported
    is_plan: bool = True
    # the kind of unit ("huyện", "tp") a page's headline opens with, naming one of the
    # province's districts, towns or cities: the page is that unit's (None: the province's)
    sub_unit_subject: str | None = None
    # whether the title (its brackets aside) names a plan or target ("Mục tiêu dân số đến năm
    # 2030", "… strives for 95 percent …"): an undated page's last year is then its goal's
    title_aims: bool = False
    # whether the page's headline speaks of the whole country and not of the province
    # ("Tuổi thọ trung bình của Việt Nam xếp thứ mấy …"): its values are the country's except
    # in a paragraph that names the province
    national_page: bool = False
    # the year of the statistics publication the page reports from ("Niên giám thống kê
    # 2023"): an undated result is that year's
    source_year: IssueYear | None = None

    def province_as_of(self, province_id: str, year: int | None) -> str:
        """The province a name stood for in the value's year, the 2025 reform weighed
        against when the document was issued (its December when the month is unknown)."""
        issued = (self.issued.year, self.issued.month or 12) if self.issued is not None \
            else None
        return self.vocab.province_as_of(province_id, year, issued)
