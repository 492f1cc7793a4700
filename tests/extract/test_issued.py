"""When a document was issued (vnhealth.extract.issued): the manifest's date, the year in its
number, else the text's own: a date written with its number, a date after an issue word, the
dateline under the header. Dates of documents it cites are not its own."""

from __future__ import annotations

import pytest

from vnhealth.extract import Vocabulary
from vnhealth.extract.issued import IssueYear, issue_year
from vnhealth.extract.not_values import NotValues, NotValueWords
from vnhealth.inputs.catalog import Document, load_catalog
from vnhealth.inputs.errors import InputError
from vnhealth.inputs.paths import ProjectPaths


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary(load_catalog(ProjectPaths.at()))


def _doc(number: str | None = None, issued_on: str | None = None, title: str = "") -> Document:
    return Document(id="d", province_id="", title=title, doc_number=number, issuer=None,
                    issued_on=issued_on, issued_text=None, period_start=2023, period_end=2030,
                    file="", sha256="", manifest_line=0)


def test_the_manifest_and_the_number_come_first(vocab: Vocabulary) -> None:
    dateline = ["Hà Nội, ngày 03 tháng 01 năm 2025"]
    assert issue_year(vocab, _doc(issued_on="2024-12-30"), dateline) == IssueYear(
        2024, "date of issue in the manifest", 12)
    assert issue_year(vocab, _doc("06/2010/NQ-HĐND"), dateline) == IssueYear(
        2010, "year in its number 06/2010/NQ-HĐND")


@pytest.mark.parametrize(("lines", "number", "expected"), [
    # the date written with the document's own number (a cited document's date is further off)
    (["Căn cứ Quyết định số 788/QĐ-BYT ngày 13/02/2023 của Bộ Y tế;",
      "Ngày 9/12/2022, HĐND tỉnh ban hành Nghị quyết số 11/NQ-HĐND về kế hoạch năm 2023."],
     "11/NQ-HĐND", IssueYear(2022, "date with its number 11/NQ-HĐND")),
    # a document card
    (["Số hiệu 02/KH-UBND", "Ngày ban hành 02/01/2024"], "02/KH-UBND",
     IssueYear(2024, "'ban hành' date")),
    # the dateline, alone in its cell, perhaps run on to the next line
    (["Số: 123/KH-UBND | Quảng Nam, ngày 05 tháng 01 năm 2024 |"], None,
     IssueYear(2024, "dateline under the header")),
    (["*Cần Thơ, ngày 21", "tháng 11 năm 2025 *"], None,
     IssueYear(2025, "dateline under the header")),
    # a web page's own date: alone on its line, with its time, or after a page-date word
    (["Tin tức đầu tư", "", "AN SINH XÃ HỘI ĐƯỢC QUAN TÂM", "", "30/04/2022"], None,
     IssueYear(2022, "page date '30/04/2022'", 4, page=True)),
    (["KHHGĐ", "Thời sự - 28/12/2021 17:42"], None,
     IssueYear(2021, "page date 'Thời sự - 28/12/2021 17:42'", 12, page=True)),
    ([",", "Cập nhật lúc: 08:32 |28/03/2017"], None,
     IssueYear(2017, "page date 'Cập nhật lúc: 08:32 |28/03/2017'", 3, page=True)),
    (["Tin tức", "2026-02-28"], None, IssueYear(2026, "page date '2026-02-28'", 2, page=True)),
    # an ISO date with the byline after it (real_dev148, a Korean page)
    (["하남성, 베트남에서 가장 높은 성비 불균형 지방", "", "2019-01-08     임용태"], None,
     IssueYear(2019, "page date '2019-01-08     임용태'", 1, page=True)),
    # a stored copy's stamp opening its first line, a month only, before a long body line
    ([" date 2024-10 Trong những năm qua, tỉnh có GRDP bình quân đầu người luôn trong nhóm "
      "các địa phương dẫn đầu cả nước. " * 3], None,
     IssueYear(2024, "page date 'date 2024-10'", 10, page=True)),
    # a portal's clock over the article's own stamp: the last stamp before the body
    (["Thứ Bảy, 30/11/2024 00:39 SA", "Phú Yên phấn đấu giảm tỉ lệ nhiễm HIV",
      "Thứ Ba, 29/01/2008 07:00 SA"], None,
     IssueYear(2008, "page date 'Thứ Ba, 29/01/2008 07:00 SA'", 1, page=True)),
    # a stamp in a line of cells: the section's name in the next cell is not the stamp's
    (["Hà Nội", "Thứ bảy, 19:00 27/11/2021 | Dân số và phát triển"], None,
     IssueYear(2021, "page date 'Thứ bảy, 19:00 27/11/2021'", 11, page=True)),
    # a news article opening with the date of what it reports, under the portal's visit date
    (["Thứ tư,  24/02/2021", "", "Đảng bộ Sở Y tế Đại hội nhiệm kỳ 2020-2025", "",
      "LSO-Ngày 29/5/2020, Đảng bộ Sở Y tế tỉnh Lạng Sơn tổ chức Đại hội đại biểu nhiệm kỳ "
      "2020-2025."], None,
     IssueYear(2020, "the article's opening date 'LSO-Ngày 29/5/2020'", 5, page=True)),
    (["(Baohatinh.vn) - Sáng 12/3/2021, Sở Y tế tổ chức hội nghị triển khai nhiệm vụ năm "
      "2021."], None,
     IssueYear(2021, "the article's opening date '(Baohatinh.vn) - Sáng 12/3/2021'", 3,
               page=True)),
    # an English page's byline with its date and time (real_dev117); a date in prose is none
    (["HCMC's rising birth rate still 'too low'", "",
      "By Le Phuong   December 11, 2023 | 07:55 pm PT"], None,
     IssueYear(2023, "page date 'By Le Phuong   December 11, 2023 | 07:55'", 12,
               page=True)),
    (["11 March 2024 09:15"], None, IssueYear(2024, "page date '11 March 2024 09:15'", 3,
                                                page=True)),
    (["The campaign ran until December 11, 2023 in all districts."], None, None),
    # an English lead opening with its date, a dash after it (real_dev149)
    (["17 November 2017 - Nghe An -- Vietnam’s largest provincial territory -- faces numerous "
      "socioeconomic and public health challenges, including an HIV epidemic."], None,
     IssueYear(2017, "the article's opening date '17 November 2017'", 11, page=True)),
    # cited dates, a portal's date of the visit (a weekday, no time) and prose are none of these
    (["Thứ 2, Ngày 28/10/2024",
      "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
      "Thực hiện Nghị quyết số 07-NQ/TU, ngày 04/3/2026 của Ban Chấp hành Đảng bộ tỉnh"],
     "48-KH/ĐU", None),
])
def test_the_texts_own_date(vocab: Vocabulary, lines: list[str], number: str | None,
                            expected: IssueYear | None) -> None:
    assert issue_year(vocab, _doc(number), lines) == expected


def test_the_number_in_the_title_dates_it(vocab: Vocabulary) -> None:
    title = "Nghị quyết về kế hoạch năm 2023 (Nghị quyết số 11/NQ-HĐND ngày 9/12/2022)"
    assert issue_year(vocab, _doc("11/NQ-HĐND", title=title), []) == IssueYear(
        2022, "date with its number 11/NQ-HĐND")


def test_a_document_word_must_be_written_with_checked_letters() -> None:
    # the document-number prefilter is exact only for letters whose case forms are known
    with pytest.raises(InputError, match="document_words"):
        NotValues(["số", "ﬁle"], "ngày", "tháng", "năm")
    assert NotValues(["số"], "ngày", "tháng", "năm").blank("theo số 12 đạt 5%") == (
        "theo       đạt 5%")


def test_a_figure_word_is_no_document_number() -> None:
    # vocabulary figure_words: "con số 11,7" is the figure 11.7, "số 12" a document's number
    words = NotValueWords(figure_words=["con số"])
    assert NotValues(["số"], "ngày", "tháng", "năm", words).blank(
        "Hải Phòng đứng thứ 13 với con số 11,7 theo số 12") == (
        "Hải Phòng đứng thứ 13 với con số 11,7 theo " + " " * len("số 12"))
