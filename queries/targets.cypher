// Quantified targets (chỉ tiêu) by indicator keyword, province and year, with the figure as
// written, its numeric value or range, the unit, the document setting it and the source sentence.
// @param keyword string optional  part of the indicator, case-insensitive, e.g. GRDP, "tăng trưởng"
// @param province string optional  province of the document setting the target
// @param year int optional  target year
// @example legalkg query targets --param keyword=GRDP --param year=2025
MATCH (g:Target)
WHERE (toLower(g.indicator) CONTAINS toLower($keyword) OR $keyword IS NULL)
  AND (g.province = $province OR $province IS NULL) AND (g.year = $year OR $year IS NULL)
MATCH (d:Document)
WHERE d.id = g.source_id
RETURN g.indicator AS indicator, g.value AS value, g.value_num AS value_num, g.min_value AS min_value,
       g.max_value AS max_value, g.unit AS unit, g.comparator AS comparator, g.year AS year,
       g.province AS province, d.id AS document, d.symbol AS document_symbol, g.id AS target,
       g.sentence AS sentence, g.source_path AS source_path, g.span_start AS span_start, g.span_end AS span_end
ORDER BY province, year, indicator, target
