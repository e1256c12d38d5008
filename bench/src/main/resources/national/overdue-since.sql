-- Since when each overdue case is overdue: the first notice (case-service's visit_overdue_since).
select case_id, min(detected_at) from national_overdue group by case_id
