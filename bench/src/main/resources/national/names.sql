-- Subjects' names: common family names, most frequent first (the load draws the first more
-- often), and given names by gender, in kanji and full-width katakana.
create temp table national_family_name (idx int generated always as identity primary key, family_name text, family_kana text);
insert into national_family_name (family_name, family_kana) values
    ('佐藤', 'サトウ'), ('鈴木', 'スズキ'), ('高橋', 'タカハシ'), ('田中', 'タナカ'), ('伊藤', 'イトウ'), ('渡辺', 'ワタナベ'),
    ('山本', 'ヤマモト'), ('中村', 'ナカムラ'), ('小林', 'コバヤシ'), ('加藤', 'カトウ'), ('吉田', 'ヨシダ'), ('山田', 'ヤマダ'),
    ('佐々木', 'ササキ'), ('山口', 'ヤマグチ'), ('松本', 'マツモト'), ('井上', 'イノウエ'), ('木村', 'キムラ'), ('林', 'ハヤシ'),
    ('斎藤', 'サイトウ'), ('清水', 'シミズ'), ('山崎', 'ヤマザキ'), ('森', 'モリ'), ('池田', 'イケダ'), ('橋本', 'ハシモト'),
    ('阿部', 'アベ'), ('石川', 'イシカワ'), ('山下', 'ヤマシタ'), ('中島', 'ナカジマ'), ('石井', 'イシイ'), ('小川', 'オガワ'),
    ('前田', 'マエダ'), ('岡田', 'オカダ'), ('長谷川', 'ハセガワ'), ('藤田', 'フジタ'), ('後藤', 'ゴトウ'), ('近藤', 'コンドウ'),
    ('村上', 'ムラカミ'), ('遠藤', 'エンドウ'), ('青木', 'アオキ'), ('坂本', 'サカモト'), ('斉藤', 'サイトウ'), ('福田', 'フクダ'),
    ('太田', 'オオタ'), ('西村', 'ニシムラ'), ('藤井', 'フジイ'), ('金子', 'カネコ'), ('岡本', 'オカモト'), ('藤原', 'フジワラ'),
    ('中野', 'ナカノ'), ('三浦', 'ミウラ'), ('原田', 'ハラダ'), ('中川', 'ナカガワ'), ('松田', 'マツダ'), ('竹内', 'タケウチ'),
    ('小野', 'オノ'), ('田村', 'タムラ'), ('中山', 'ナカヤマ'), ('和田', 'ワダ'), ('石田', 'イシダ'), ('森田', 'モリタ');

create temp table national_given_name (gender text, idx int, given_name text, given_kana text, primary key (gender, idx));
insert into national_given_name
select 'MALE', row_number() over (), g, k from (values
    ('翔', 'ショウ'), ('大輔', 'ダイスケ'), ('健太', 'ケンタ'), ('拓也', 'タクヤ'), ('翔太', 'ショウタ'), ('大樹', 'ダイキ'),
    ('達也', 'タツヤ'), ('和也', 'カズヤ'), ('直樹', 'ナオキ'), ('亮', 'リョウ'), ('誠', 'マコト'), ('隆', 'タカシ'),
    ('浩二', 'コウジ'), ('修', 'オサム'), ('健一', 'ケンイチ'), ('雄大', 'ユウダイ'), ('蓮', 'レン'), ('悠斗', 'ユウト'),
    ('陽太', 'ヨウタ'), ('颯太', 'ソウタ'), ('智也', 'トモヤ'), ('一郎', 'イチロウ'), ('哲也', 'テツヤ'), ('聡', 'サトシ'),
    ('剛', 'ツヨシ')) v(g, k)
union all
select 'FEMALE', row_number() over (), g, k from (values
    ('美咲', 'ミサキ'), ('さくら', 'サクラ'), ('由美', 'ユミ'), ('陽子', 'ヨウコ'), ('愛', 'アイ'), ('彩', 'アヤ'),
    ('麻衣', 'マイ'), ('恵', 'メグミ'), ('裕子', 'ユウコ'), ('真由美', 'マユミ'), ('千尋', 'チヒロ'), ('奈々', 'ナナ'),
    ('結衣', 'ユイ'), ('葵', 'アオイ'), ('陽菜', 'ヒナ'), ('舞', 'マイ'), ('香織', 'カオリ'), ('智子', 'トモコ'),
    ('久美子', 'クミコ'), ('明美', 'アケミ')) v(g, k);

-- KanaFolding.fold in SQL, for the search keys: NFKC, lower case, no spaces or middle dots,
-- hiragana to katakana (a function of this session only)
create function pg_temp.national_fold(text) returns text language sql immutable as $$
    select translate(regexp_replace(lower(normalize($1, NFKC)), '[[:space:]　・･]', '', 'g'),
                     'ぁあぃいぅうぇえぉおかがきぎくぐけげこごさざしじすずせぜそぞただちぢっつづてでとどなにぬねのはばぱひびぴふぶぷへべぺほぼぽまみむめもゃやゅゆょよらりるれろゎわゐゑをんゔゕゖ',
                     'ァアィイゥウェエォオカガキギクグケゲコゴサザシジスズセゼソゾタダチヂッツヅテデトドナニヌネノハバパヒビピフブプヘベペホボポマミムメモャヤュユョヨラリルレロヮワヰヱヲンヴヵヶ')
$$;
