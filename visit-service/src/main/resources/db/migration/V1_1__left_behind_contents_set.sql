-- A letter left at the door says several things: leftBehind[].contents becomes a set (a JSON array)
-- instead of one value. Every stored visit and every kept revision is rewritten from
-- {"kind":"LETTER","contents":"X"} to {"kind":"LETTER","contents":["X"]}, order of the items kept.
-- Rows already in the new shape are left alone, so running it twice changes nothing. (A rewritten
-- visit gets a new change_seq from its trigger: offline clients fetch it again, in its new shape.)

update visit v
   set left_behind = (select jsonb_agg(case when jsonb_typeof(e -> 'contents') = 'string'
                                            then jsonb_set(e, '{contents}', jsonb_build_array(e -> 'contents'))
                                            else e end order by i)
                        from jsonb_array_elements(v.left_behind) with ordinality as t(e, i))
 where jsonb_path_exists(v.left_behind, '$[*] ? (@.contents.type() == "string")');

update visit_revision r
   set snapshot = jsonb_set(r.snapshot, '{leftBehind}',
                            (select jsonb_agg(case when jsonb_typeof(e -> 'contents') = 'string'
                                                   then jsonb_set(e, '{contents}', jsonb_build_array(e -> 'contents'))
                                                   else e end order by i)
                               from jsonb_array_elements(r.snapshot -> 'leftBehind') with ordinality as t(e, i)))
 where jsonb_path_exists(r.snapshot, '$.leftBehind[*] ? (@.contents.type() == "string")');
