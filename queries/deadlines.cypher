// Tasks with a specific deadline in a date range, overdue ones first (deadline before `today`),
// then by deadline.  One row per (task, agency, role); tasks without an agency have null agency.
// @param from date optional  earliest deadline (YYYY-MM-DD)
// @param to date optional  latest deadline (YYYY-MM-DD)
// @param province string optional  province of the document setting the task
// @param today date default=today  the date that decides what is overdue
// @example legalkg query deadlines --param from=2025-01-01 --param to=2025-12-31
MATCH (t:Task)
WHERE t.deadline IS NOT NULL AND (t.deadline >= $from OR $from IS NULL) AND (t.deadline <= $to OR $to IS NULL)
  AND (t.province = $province OR $province IS NULL)
MATCH (d:Document)-[:HAS_TASK]->(t)
OPTIONAL MATCH (t)-[a:ASSIGNED_TO]->(g:Agency)
RETURN CASE WHEN t.deadline < $today THEN true ELSE false END AS overdue, t.deadline AS deadline,
       t.deadline_text AS deadline_text, t.province AS province, d.id AS document, d.symbol AS document_symbol,
       t.id AS task, t.text AS task_text, g.id AS agency, g.name AS agency_name, a.role AS role,
       t.sentence AS sentence, t.source_path AS source_path, t.span_start AS span_start, t.span_end AS span_end
ORDER BY overdue DESC, deadline, task, role, agency_name
