-- Appending to the audit chain in one statement. The chain's lock is held from the moment it is taken until the
-- transaction ends, so every round trip between the application and the database after it is paid by every writer
-- waiting for it (posting through the API, 32 clients: 24 of them were waiting for this lock). The application
-- still defines what is hashed: it passes the entry's canonical content, and this function only links it to the
-- head of the chain, with the same formula (SHA-256 of the previous hash, U+001F, the content), so verification
-- is unchanged. The lock's key is AuditTrail.CHAIN_LOCK, shared with AuditTrail.recordAll.
create function audit_append(p_occurred_at timestamptz, p_actor varchar, p_actor_role varchar, p_action varchar,
                             p_object_type varchar, p_object_id bigint, p_before text, p_after text, p_content text)
    returns table (new_id bigint, new_prev_hash char(64), new_entry_hash char(64))
    language plpgsql volatile as $$
declare
    v_prev char(64);
    v_id   bigint;
    v_hash char(64);
begin
    -- Under REPEATABLE READ the head read below would come from the transaction's snapshot, older than the lock.
    if current_setting('transaction_isolation') <> 'read committed' then
        raise exception 'audit_append needs READ COMMITTED, not %', current_setting('transaction_isolation');
    end if;
    perform pg_advisory_xact_lock(99236649912660);
    -- A statement after the lock takes a new snapshot: it sees the entry the previous holder committed.
    select a.entry_hash into v_prev from audit_entry a order by a.id desc limit 1;
    v_prev := coalesce(v_prev, repeat('0', 64));
    -- Ids in chain order, drawn under the lock: verification walks the trail by id.
    v_id := nextval('audit_seq');
    v_hash := encode(sha256(convert_to(v_prev || chr(31) || p_content, 'UTF8')), 'hex');
    insert into audit_entry (id, occurred_at, actor, actor_role, action, object_type, object_id, before_state,
                             after_state, prev_hash, entry_hash)
    values (v_id, p_occurred_at, p_actor, p_actor_role, p_action, p_object_type, p_object_id, p_before, p_after,
            v_prev, v_hash);
    return query select v_id, v_prev, v_hash;
end;
$$;
