"""Table shapes: each layout a table takes in a document, as a detect/read pair.

A statistics page, a yearbook or a plan appendix lays a table out in many ways once it has been
through a PDF or a web page. Each layout is a `TableShape` (records.py) in its own module:
`detect` tells from the spot (a line, with its header reading) whether the table there has that
shape, `read` turns the lines into a `ShapeRead`: a typed `Table` (a year per column, a label,
unit and role per row, a line and offsets per cell), a numbered `TabTable`, or row segments
read like prose. registry.py lists them in the order they are tried.

  place_columns   a column per place ("Viet Nam | Da Nang | Quang Nam"), rows of indicators;
                  cells split by separators or run together by a web page (glued.py)
  place_rows      a row per province under a provinces' column ("Tỉnh, thành phố"), one value
                  each, the indicator and its period in the value column's header
  tab_rows        tab-separated cells, numbered rows under header rows
  pipe_rows       "|" between cells, a cell over several lines
  pdf_rows        rows numbered under a one-word-per-line header ("STT")
  unit_rows       numbered rows ending in a unit cell and values, under a total column
                  ("Tổng số", "Chia ra") that names no year: a census table
  side_by_side    years side by side on one header line
  wrapped_header  years rising in reading order over several lines ("Sơ bộ" / "2015 2016
                  2017 2018" / "Prel. 2019"): a PDF's text of one header row
  stacked_header  a header over several lines ("Sơ bộ" above "2023")
  one_per_line    years, labels and values each on a line of their own
  flattened_header  likewise, with header cells of words beside the years ("Dự thảo NQ" /
                  "năm 2019"): columns named by the resolution or plan they come from
  single_year     one value column: header cells without a year over the one naming its year
                  and kind ("Stt" / "Chỉ tiêu chủ yếu" / "Kế hoạch năm 2021"), a yearly plan's
                  main targets
  years_down      rows that open with their year under labels naming the indicators
  year_records    a year alone on its line, then its values one per line

Both of the last stack blocks of year rows under one header of breakdown columns in a yearbook
("Tỷ lệ tăng (%)" under "Tổng số" / "Nam" / "Nữ"); blocks.py finds a block's name and header.

The words they read (header words, "Sơ bộ", "Đơn vị tính", "Toàn tỉnh", "Huyện", "STT", a
ditto mark) live in data/catalog/vocabulary.yaml under `tables`; a unit cell is a unit phrase of
the catalogue or a count noun (`count_nouns`).
"""
