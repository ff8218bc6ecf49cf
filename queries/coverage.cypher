// Coverage of document X: which provinces have documents carrying it out (directly, through a
// chain of implementing documents, or through tasks whose text implements it), with how many such
// documents, how many tasks (the tasks `trace` returns, with or without an agency) and how many
// distinct agencies those tasks are assigned to.  One row per province (national bodies: 'national').
// @param symbol string required  canonical số ký hiệu of X, e.g. 01/NQ-CP
// @param year int optional  year of X (omit: every document with this symbol)
// @param jurisdiction string optional  national or a province (omit: any)
// @example legalkg query coverage --param symbol=01/NQ-CP --param year=2024
MATCH (x:Document)
WHERE x.symbol = $symbol AND (x.year = $year OR $year IS NULL)
  AND (x.jurisdiction = $jurisdiction OR $jurisdiction IS NULL)
MATCH (d:Document)-[:IMPLEMENTS|HAS_TASK*1..5]->(x)
WITH DISTINCT d, x
MATCH (d)-[:HAS_TASK]->(t:Task)
WHERE EXISTS { MATCH (d)-[:IMPLEMENTS*1..4]->(x) } OR EXISTS { MATCH (t)-[:IMPLEMENTS]->(x) }
OPTIONAL MATCH (t)-[:ASSIGNED_TO]->(g:Agency)
WITH coalesce(d.province, d.jurisdiction) AS province, d.id AS document, t.id AS task, g.id AS agency
RETURN province, count(DISTINCT document) AS documents, count(DISTINCT task) AS tasks,
       count(DISTINCT agency) AS agencies
ORDER BY province
