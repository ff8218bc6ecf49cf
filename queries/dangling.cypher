// Documents referred to but not ingested -- what to collect next -- ranked by how many ingested
// documents cite them.  Citations without a year that the store could not tie to one dated
// document are listed too (link_status ambiguous/unmatched/partial; see the `undated` query);
// those it did tie are counted on the dated document instead.
// @param jurisdiction string optional  national or a province (omit: all)
// @param doc_type string optional  English type label, e.g. Resolution, Decision
// @param limit int default=50  how many rows
// @example legalkg query dangling --param jurisdiction=national --param limit=20
MATCH (c:Document)-[r:CITES]->(x:Document)
WHERE (x.ingested = false OR x.ingested IS NULL) AND coalesce(x.link_status, '') <> 'linked'
  AND (x.jurisdiction = $jurisdiction OR $jurisdiction IS NULL) AND (x.doc_type = $doc_type OR $doc_type IS NULL)
  AND NOT EXISTS { MATCH (c)-[l:CITES]->(y:Document) WHERE l.linked_from = x.id }
WITH x, count(DISTINCT c.id) AS citing_documents, sum(r.mentions) AS mentions, min(r.sentence) AS example_sentence,
     min(r.source_path) AS example_source
RETURN x.id AS document, x.symbol AS symbol, x.name AS name, x.doc_type AS doc_type, x.year AS year,
       x.jurisdiction AS jurisdiction, x.link_status AS link_status, citing_documents, mentions,
       example_sentence, example_source
ORDER BY citing_documents DESC, mentions DESC, document
LIMIT $limit
