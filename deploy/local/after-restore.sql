-- After a point-in-time restore of the pathway database, before any service starts again
-- (deploy/local/restore.sh runs this; on Kubernetes, see deploy/README.md).
--
-- The relays (the "<service>-relay" subscriptions of the event store) publish every event again from the start.
-- A restore takes back what the consumers did after the restore point while keeping the events that caused it, and a
-- relay's checkpoint may already be past those events: without the rewind their effects would never happen again.
-- Consumers are idempotent (one ProcessedMessage per consumer and message id, committed with the effect), so an event
-- they had handled before the restore point has no second effect; one whose effect the restore took away is handled
-- again. Subscribers outside the database see each event at least once more, as after any redelivery.
--
-- Works on every events schema of the database (any table named mt_event_progression); prints what it rewound.
do $$
declare
    progression record;
    rewound integer;
begin
    for progression in
        select table_schema from information_schema.tables where table_name = 'mt_event_progression' order by table_schema
    loop
        execute format(
            'update %I.mt_event_progression set last_seq_id = 0, last_updated = now() where name like %L and last_seq_id > 0',
            progression.table_schema, '%-relay:%');
        get diagnostics rewound = row_count;
        raise notice 'after-restore: % relay(s) of schema % rewound to the start', rewound, progression.table_schema;
    end loop;
end
$$;
select table_schema || ': relays rewound' from information_schema.tables where table_name = 'mt_event_progression';
