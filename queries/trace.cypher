// Tasks that carry out document X (typically a national resolution): the tasks of every document
// that IMPLEMENTS X, directly or through a chain of implementing documents (national resolution
// -> provincial programme -> district plan, up to 4 links), plus tasks whose own text IMPLEMENTS X.
// One row per (task, agency, role), with the implementing document, its province, the deadline
// and the source sentence of the task.  via: 'document' (the document carries X out) or 'task'
// (only this task does).  inferred: the link to X was inferred (a citation without a year tied
// to X by the store; see the `undated` query), not stated.
// The SPARQL twin over the RDF export is trace.rq (same rows).
// @param symbol string required  canonical số ký hiệu of X, e.g. 01/NQ-CP, 57-NQ/TW, 45/2022/NQ-HĐND
// @param year int optional  year of X (omit: every document with this symbol)
// @param jurisdiction string optional  national or a province (omit: any)
// @example legalkg query trace --param symbol=01/NQ-CP --param year=2025
// @order document, task, role, agency_name, agency
MATCH (x:Document)
WHERE x.symbol = $symbol AND (x.year = $year OR $year IS NULL)
  AND (x.jurisdiction = $jurisdiction OR $jurisdiction IS NULL)
MATCH (d:Document)-[:IMPLEMENTS*1..4]->(x)
WITH DISTINCT d, x
OPTIONAL MATCH (d)-[i:IMPLEMENTS]->(x)
WITH d, min(CASE WHEN i.inferred = true THEN 1 ELSE 0 END) AS inferred
MATCH (d)-[:HAS_TASK]->(t:Task)
MATCH (t)-[a:ASSIGNED_TO]->(g:Agency)
RETURN d.id AS document, d.symbol AS document_symbol, d.doc_type AS document_type,
       coalesce(d.province, d.jurisdiction) AS province, t.id AS task, t.text AS task_text,
       g.id AS agency, g.name AS agency_name, a.role AS role, t.deadline AS deadline,
       t.deadline_text AS deadline_text, 'document' AS via, inferred = 1 AS inferred,
       t.sentence AS sentence, t.source_path AS source_path, t.span_start AS span_start, t.span_end AS span_end
UNION
MATCH (x:Document)
WHERE x.symbol = $symbol AND (x.year = $year OR $year IS NULL)
  AND (x.jurisdiction = $jurisdiction OR $jurisdiction IS NULL)
MATCH (t:Task)-[i:IMPLEMENTS]->(x)
MATCH (d:Document)-[:HAS_TASK]->(t)
WHERE NOT EXISTS { MATCH (d)-[:IMPLEMENTS*1..4]->(x) }
WITH d, t, min(CASE WHEN i.inferred = true THEN 1 ELSE 0 END) AS inferred
MATCH (t)-[a:ASSIGNED_TO]->(g:Agency)
RETURN d.id AS document, d.symbol AS document_symbol, d.doc_type AS document_type,
       coalesce(d.province, d.jurisdiction) AS province, t.id AS task, t.text AS task_text,
       g.id AS agency, g.name AS agency_name, a.role AS role, t.deadline AS deadline,
       t.deadline_text AS deadline_text, 'task' AS via, inferred = 1 AS inferred,
       t.sentence AS sentence, t.source_path AS source_path, t.span_start AS span_start, t.span_end AS span_end
