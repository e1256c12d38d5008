-- a probe stands for a case of its creator's center (the probe app's CaseCenters)
alter table probe add column center_id text;
