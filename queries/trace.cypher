// Tasks that carry out document X (typically a national resolution): the tasks of every document
// that IMPLEMENTS X, directly or through a chain of implementing documents (national resolution
// -> provincial programme -> district plan, up to 4 links), plus tasks whose own text IMPLEMENTS X.
// One row per (task, agency, role), with the implementing document, its province, the deadline
// and the source sentence of the task.  via: 'document' (the document carries X out) or 'task'
// (only this task does).  inferred: the link to X was inferred (a citation without a year tied
// to X by the store; see the `undated` query), not stated.
// Four simple steps, merged by the loader (graph_builder.queries.trace_steps): each is anchored on
// the focus document or on a list of ids, which both engines plan well (one UNION query made the
// embedded engine scan the task tables twice).  The SPARQL twin over the RDF export is trace.rq
// (same rows).
// @param symbol string required  canonical số ký hiệu of X, e.g. 01/NQ-CP, 57-NQ/TW, 45/2022/NQ-HĐND
// @param year int optional  year of X (omit: every document with this symbol)
// @param jurisdiction string optional  national or a province (omit: any)
// @param province string optional  only the implementing documents of this province (or jurisdiction: national)
// @example legalkg query trace --param symbol=01/NQ-CP --param year=2025
// @example legalkg query trace --param symbol=01/NQ-CP --param year=2020 --param province="Vĩnh Long"
// @order document, task, role, agency_name, agency, via
// @step documents  the documents that implement X (up to 4 links), each with the X it reaches and
//   whether its own direct link to that X is inferred (0/1; 0 when it reaches X only through others)
MATCH (x:Document)
WHERE x.symbol = $symbol AND (x.year = $year OR $year IS NULL)
  AND (x.jurisdiction = $jurisdiction OR $jurisdiction IS NULL)
MATCH (d:Document)-[:IMPLEMENTS*1..4]->(x)
WHERE coalesce(d.province, d.jurisdiction) = $province OR $province IS NULL
WITH DISTINCT d, x
OPTIONAL MATCH (d)-[i:IMPLEMENTS]->(x)
RETURN d.id AS document, x.id AS focus, min(CASE WHEN i.inferred = true THEN 1 ELSE 0 END) AS inferred
// @step task_links  tasks whose own text implements X, with their documents
MATCH (x:Document)
WHERE x.symbol = $symbol AND (x.year = $year OR $year IS NULL)
  AND (x.jurisdiction = $jurisdiction OR $jurisdiction IS NULL)
MATCH (d:Document)-[:HAS_TASK]->(t:Task)-[i:IMPLEMENTS]->(x)
WHERE coalesce(d.province, d.jurisdiction) = $province OR $province IS NULL
RETURN t.id AS task, d.id AS document, x.id AS focus, CASE WHEN i.inferred = true THEN 1 ELSE 0 END AS inferred
// @step document_rows  the tasks of the implementing documents, with their agencies
MATCH (d:Document)
WHERE d.id IN $documents
MATCH (d)-[:HAS_TASK]->(t:Task)-[a:ASSIGNED_TO]->(g:Agency)
RETURN d.id AS document, d.symbol AS document_symbol, d.doc_type AS document_type,
       coalesce(d.province, d.jurisdiction) AS province, t.id AS task, t.text AS task_text,
       g.id AS agency, g.name AS agency_name, a.role AS role, t.deadline AS deadline,
       t.deadline_text AS deadline_text, t.sentence AS sentence, t.source_path AS source_path,
       t.span_start AS span_start, t.span_end AS span_end
// @step task_rows  the tasks that implement X themselves, with their documents and agencies (anchored
//   on their documents: the embedded engine scans every task for a list of task ids, ~1 s on 180k)
MATCH (d:Document)
WHERE d.id IN $task_documents
MATCH (d)-[:HAS_TASK]->(t:Task)
WHERE t.id IN $tasks
MATCH (t)-[a:ASSIGNED_TO]->(g:Agency)
RETURN d.id AS document, d.symbol AS document_symbol, d.doc_type AS document_type,
       coalesce(d.province, d.jurisdiction) AS province, t.id AS task, t.text AS task_text,
       g.id AS agency, g.name AS agency_name, a.role AS role, t.deadline AS deadline,
       t.deadline_text AS deadline_text, t.sentence AS sentence, t.source_path AS source_path,
       t.span_start AS span_start, t.span_end AS span_end
