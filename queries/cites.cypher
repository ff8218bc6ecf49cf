// Documents citing X and documents cited by X, up to N hops (1-3).  direction 'cited_by': the row's
// document cites X (through `hops` citations); 'cites': X cites it.  For a direct citation (hops 1)
// the row carries the mention count, the first quote and its sentence.
// @param symbol string required  canonical số ký hiệu of X, e.g. 01/NQ-CP
// @param year int optional  year of X (omit: every document with this symbol)
// @param jurisdiction string optional  national or a province (omit: any)
// @param hops int default=1  how many citation hops to follow (1-3)
// @example legalkg query cites --param symbol=01/NQ-CP --param year=2025 --param hops=2
// @order of, direction, hops, document
MATCH (x:Document)
WHERE x.symbol = $symbol AND (x.year = $year OR $year IS NULL)
  AND (x.jurisdiction = $jurisdiction OR $jurisdiction IS NULL)
MATCH p = (c:Document)-[:CITES*1..3]->(x)
WHERE length(p) <= $hops AND c.id <> x.id
WITH x, c, min(length(p)) AS hops
OPTIONAL MATCH (c)-[r:CITES]->(x)
RETURN x.id AS of, 'cited_by' AS direction, hops, c.id AS document, c.symbol AS symbol, c.name AS name,
       c.doc_type AS doc_type, c.year AS year, c.jurisdiction AS jurisdiction, c.ingested AS ingested,
       r.mentions AS mentions, r.quote AS quote, r.inferred AS inferred, r.sentence AS sentence,
       r.source_path AS source_path, r.span_start AS span_start, r.span_end AS span_end
UNION
MATCH (x:Document)
WHERE x.symbol = $symbol AND (x.year = $year OR $year IS NULL)
  AND (x.jurisdiction = $jurisdiction OR $jurisdiction IS NULL)
MATCH p = (x)-[:CITES*1..3]->(c:Document)
WHERE length(p) <= $hops AND c.id <> x.id
WITH x, c, min(length(p)) AS hops
OPTIONAL MATCH (x)-[r:CITES]->(c)
RETURN x.id AS of, 'cites' AS direction, hops, c.id AS document, c.symbol AS symbol, c.name AS name,
       c.doc_type AS doc_type, c.year AS year, c.jurisdiction AS jurisdiction, c.ingested AS ingested,
       r.mentions AS mentions, r.quote AS quote, r.inferred AS inferred, r.sentence AS sentence,
       r.source_path AS source_path, r.span_start AS span_start, r.span_end AS span_end
