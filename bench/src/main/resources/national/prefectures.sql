-- The 47 prefectures, one hikikomori support center each (center id: the romanized name), with
-- their population in ten thousands (2020 census, rounded): the cases are shared out by it.
create temp table national_prefecture (
    ord        int primary key,
    center_id  text not null,
    name       text not null,
    capital    text not null,
    population int  not null
);
insert into national_prefecture values
    (1, 'hokkaido', '北海道', '札幌市', 522), (2, 'aomori', '青森県', '青森市', 124), (3, 'iwate', '岩手県', '盛岡市', 121),
    (4, 'miyagi', '宮城県', '仙台市', 230), (5, 'akita', '秋田県', '秋田市', 96), (6, 'yamagata', '山形県', '山形市', 107),
    (7, 'fukushima', '福島県', '福島市', 183), (8, 'ibaraki', '茨城県', '水戸市', 287), (9, 'tochigi', '栃木県', '宇都宮市', 193),
    (10, 'gunma', '群馬県', '前橋市', 194), (11, 'saitama', '埼玉県', 'さいたま市', 734), (12, 'chiba', '千葉県', '千葉市', 628),
    (13, 'tokyo', '東京都', '新宿区', 1405), (14, 'kanagawa', '神奈川県', '横浜市', 924), (15, 'niigata', '新潟県', '新潟市', 220),
    (16, 'toyama', '富山県', '富山市', 103), (17, 'ishikawa', '石川県', '金沢市', 113), (18, 'fukui', '福井県', '福井市', 77),
    (19, 'yamanashi', '山梨県', '甲府市', 81), (20, 'nagano', '長野県', '長野市', 205), (21, 'gifu', '岐阜県', '岐阜市', 198),
    (22, 'shizuoka', '静岡県', '静岡市', 363), (23, 'aichi', '愛知県', '名古屋市', 754), (24, 'mie', '三重県', '津市', 177),
    (25, 'shiga', '滋賀県', '大津市', 141), (26, 'kyoto', '京都府', '京都市', 258), (27, 'osaka', '大阪府', '大阪市', 884),
    (28, 'hyogo', '兵庫県', '神戸市', 547), (29, 'nara', '奈良県', '奈良市', 132), (30, 'wakayama', '和歌山県', '和歌山市', 92),
    (31, 'tottori', '鳥取県', '鳥取市', 55), (32, 'shimane', '島根県', '松江市', 67), (33, 'okayama', '岡山県', '岡山市', 189),
    (34, 'hiroshima', '広島県', '広島市', 280), (35, 'yamaguchi', '山口県', '山口市', 134), (36, 'tokushima', '徳島県', '徳島市', 72),
    (37, 'kagawa', '香川県', '高松市', 95), (38, 'ehime', '愛媛県', '松山市', 133), (39, 'kochi', '高知県', '高知市', 69),
    (40, 'fukuoka', '福岡県', '福岡市', 513), (41, 'saga', '佐賀県', '佐賀市', 81), (42, 'nagasaki', '長崎県', '長崎市', 131),
    (43, 'kumamoto', '熊本県', '熊本市', 174), (44, 'oita', '大分県', '大分市', 112), (45, 'miyazaki', '宮崎県', '宮崎市', 107),
    (46, 'kagoshima', '鹿児島県', '鹿児島市', 159), (47, 'okinawa', '沖縄県', '那覇市', 147);
