create sequence mark_seq increment by 50;
create table mark (id bigint primary key);
