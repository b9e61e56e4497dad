-- Why each nudge was worded in its style (issue 15, the learning coach): `why` answers from it, and the exploration
-- budget (at most one nudge in five off the declared style) is counted over it. Older rows were all the declared or
-- default style, which style_assumed already tells apart.
alter table nudge_history add column style_reason text not null default 'declared'
    check (style_reason in ('declared', 'chosen', 'explored', 'assumed'));
update nudge_history set style_reason = 'assumed' where style_assumed;
