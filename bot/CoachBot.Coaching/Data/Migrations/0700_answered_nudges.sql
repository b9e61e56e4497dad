-- Wiring the conversation to the ledger and the library's history.
-- nudge_response keeps only the rep's button state (for redrawing the nudge; private, removed by `delete my data`);
-- "learning what works" lives in one place, nudge_history, which the ledger and the composer already fill.

-- Answers recorded before the conversation told the ledger: their follow-ups and streaks should see them.
update nudge_delivery d set answered_at = r.first_answered_at, updated_at = now()
from nudge_response r
where r.delivery_id = d.id and d.answered_at is null;

update nudge_response r set sent_at = coalesce(
    (select d.sent_at from nudge_delivery d where d.id = r.delivery_id),
    (select h.sent_at from nudge_history h where h.delivery_id = r.delivery_id))
where r.sent_at is null;

-- Same name, now over nudge_history: it counts unanswered nudges too, so answer rates need no join.
drop view nudge_response_by_style;
create view nudge_response_by_style as
select person_id,
       style as rendered_style,
       count(*) as sent,
       count(answered_at) as answered,
       percentile_cont(0.5) within group (order by response_seconds) as median_seconds_to_answer,
       avg(confidence)::float8 as average_confidence
from nudge_history
group by person_id, style;

create index nudge_delivery_missed_idx on nudge_delivery (sent_at)
    where kind = 'nudge' and status = 'sent' and answered_at is null;
