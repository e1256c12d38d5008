-- The case list's text search (NameSearch) matches a prefix of the name keys as a range,
-- key >= :from and key < :to, in code point order (KanaPrefix). The text_pattern_ops indexes of V1
-- served only LIKE with a literal pattern: once the JDBC driver prepared the search and PostgreSQL
-- chose a generic plan, LIKE with a parameter used no index and every case of the center was read.
-- A range uses a plain btree index with a parameter too, when the key compares as the range was
-- computed: collation "C" (the database's default collation, C.UTF-8 here and en_US or ja_JP
-- elsewhere, need not order by code point). Changing only the collation of a text column rewrites no row; the five
-- indexes are built anew (about 0.3 s each for 300,000 cases).
drop index support_case_kana;
drop index support_case_family_kana;
drop index support_case_given_kana;
drop index support_case_name;
drop index support_case_family_name;

alter table support_case
    alter column kana_key type text collate "C",
    alter column family_kana_key type text collate "C",
    alter column given_kana_key type text collate "C",
    alter column name_key type text collate "C",
    alter column family_name_key type text collate "C";

create index support_case_kana on support_case (center_id, kana_key);
create index support_case_family_kana on support_case (center_id, family_kana_key);
create index support_case_given_kana on support_case (center_id, given_kana_key);
create index support_case_name on support_case (center_id, name_key);
create index support_case_family_name on support_case (center_id, family_name_key);
