// The most cited documents (ingested or only referred to), by number of citing documents, then
// by mentions.  Undated citations tied to a dated document count for the dated one.
// @param jurisdiction string optional  national or a province (omit: all)
// @param doc_type string optional  English type label, e.g. Resolution
// @param limit int default=20  how many rows
// @example legalkg query most-cited --param limit=10
MATCH (c:Document)-[r:CITES]->(x:Document)
WHERE coalesce(x.link_status, '') <> 'linked'
  AND (x.jurisdiction = $jurisdiction OR $jurisdiction IS NULL) AND (x.doc_type = $doc_type OR $doc_type IS NULL)
  AND NOT EXISTS { MATCH (c)-[l:CITES]->(y:Document) WHERE l.linked_from = x.id }
WITH x, count(DISTINCT c.id) AS citing_documents, sum(r.mentions) AS mentions, min(r.sentence) AS example_sentence,
     min(r.source_path) AS example_source
RETURN x.id AS document, x.symbol AS symbol, x.name AS name, x.doc_type AS doc_type, x.year AS year,
       x.jurisdiction AS jurisdiction, x.ingested AS ingested, citing_documents, mentions,
       example_sentence, example_source
ORDER BY citing_documents DESC, mentions DESC, document
LIMIT $limit
