// Everything assigned to agency Y across documents: one row per (task, agency, role), lead
// (chủ trì, addressee) and support (phối hợp), with the document, the deadline and the sentence
// that states the assignment.  The name matches case-insensitively as a substring
// ("Sở Tài chính" also finds "Sở Tài chính" of every province; narrow with jurisdiction).
// @param name string required  agency name or part of it, e.g. "Sở Kế hoạch và Đầu tư"
// @param jurisdiction string optional  national or a province (omit: all)
// @param role string optional  lead or support (omit: both)
// @example legalkg query agency --param name="Sở Tài chính" --param jurisdiction="Vĩnh Phúc"
MATCH (g:Agency)
WHERE toLower(g.name) CONTAINS toLower($name) AND (g.jurisdiction = $jurisdiction OR $jurisdiction IS NULL)
MATCH (t:Task)-[a:ASSIGNED_TO]->(g)
WHERE (a.role = $role OR $role IS NULL)
MATCH (d:Document)-[:HAS_TASK]->(t)
RETURN g.id AS agency, g.name AS agency_name, g.jurisdiction AS jurisdiction, a.role AS role,
       d.id AS document, d.symbol AS document_symbol, d.doc_type AS document_type, t.id AS task,
       t.text AS task_text, t.deadline AS deadline, t.deadline_text AS deadline_text,
       a.sentence AS sentence, a.source_path AS source_path, a.span_start AS span_start, a.span_end AS span_end
ORDER BY agency_name, jurisdiction, document, task, role
