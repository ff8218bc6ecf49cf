// Citations without a year and what the store made of them: linked to the one dated document they
// can mean (with the reason), or left undated as ambiguous/unmatched (the note lists the candidates).
// One row per (undated document, citing document).
// @param symbol string optional  canonical số ký hiệu (omit: all)
// @param status string optional  linked, partial, ambiguous or unmatched (omit: all)
// @example legalkg query undated --param status=ambiguous
MATCH (c:Document)-[r:CITES]->(u:Document)
WHERE u.link_status IS NOT NULL AND r.linked_from IS NULL
  AND (u.symbol = $symbol OR $symbol IS NULL) AND (u.link_status = $status OR $status IS NULL)
OPTIONAL MATCH (c)-[l:CITES]->(t:Document)
WHERE l.linked_from = u.id
RETURN u.id AS undated, u.symbol AS symbol, u.link_status AS status, c.id AS citing, r.subject AS subject,
       t.id AS linked_to, l.inference AS reason, u.link_note AS note, r.quote AS quote, r.sentence AS sentence,
       r.source_path AS source_path, r.span_start AS span_start, r.span_end AS span_end
ORDER BY undated, citing
