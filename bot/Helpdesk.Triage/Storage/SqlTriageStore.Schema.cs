using Helpdesk.Channels.Storage;

namespace Helpdesk.Triage.Storage;

public sealed partial class SqlTriageStore
{
    /// <summary>The triage tables, one entry per schema version: never edit a shipped one, append.</summary>
    private static SchemaSteps Schema => new(SqliteSchema, PostgreSqlSchema);

    private static readonly string[] SqliteSchema =
    [
        """
        CREATE TABLE IF NOT EXISTS conversations (
            id TEXT PRIMARY KEY,
            user_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            stage TEXT NOT NULL,
            outcome TEXT NOT NULL,
            handoff_reason TEXT NULL,
            state TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS conversations_by_outcome ON conversations (outcome, updated_at);
        CREATE TABLE IF NOT EXISTS processed_activities (
            conversation_id TEXT NOT NULL,
            activity_id TEXT NOT NULL,
            PRIMARY KEY (conversation_id, activity_id)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS cases (
            number INTEGER PRIMARY KEY AUTOINCREMENT,
            reference TEXT NOT NULL UNIQUE,
            conversation_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            status TEXT NOT NULL,
            created_at TEXT NOT NULL,
            document TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS cases_by_conversation ON cases (conversation_id);
        """,
        """
        ALTER TABLE cases ADD COLUMN queue TEXT NULL;
        ALTER TABLE cases ADD COLUMN priority_level TEXT NULL;
        ALTER TABLE cases ADD COLUMN priority_score REAL NULL;
        ALTER TABLE cases ADD COLUMN first_response_due TEXT NULL;
        CREATE INDEX cases_by_queue ON cases (queue, status);
        """,
        """
        ALTER TABLE cases ADD COLUMN intent TEXT NULL;
        ALTER TABLE cases ADD COLUMN account_id TEXT NULL;
        ALTER TABLE cases ADD COLUMN email TEXT NULL;
        CREATE INDEX cases_open_by_intent ON cases (intent, status);
        CREATE TABLE case_events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            reference TEXT NOT NULL,
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            actor TEXT NOT NULL,
            text TEXT NULL);
        CREATE INDEX case_events_by_reference ON case_events (reference, id);
        """,
        """
        CREATE TABLE outbox_events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL,
            reference TEXT NOT NULL,
            occurred_at TEXT NOT NULL,
            payload TEXT NOT NULL);
        CREATE TABLE outbox_deliveries (
            event_id INTEGER NOT NULL,
            destination TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            next_attempt_at TEXT NULL,
            delivered_at TEXT NULL,
            dead_at TEXT NULL,
            last_error TEXT NULL,
            PRIMARY KEY (event_id, destination)) WITHOUT ROWID;
        CREATE INDEX outbox_deliveries_dead ON outbox_deliveries (destination, dead_at);
        """,
        """
        ALTER TABLE cases ADD COLUMN owner TEXT NULL;
        CREATE INDEX cases_by_owner ON cases (owner, status);
        ALTER TABLE cases ADD COLUMN csat INTEGER NULL;
        """,
        """
        CREATE INDEX outbox_deliveries_due ON outbox_deliveries (destination, delivered_at, dead_at, next_attempt_at);
        """,
        """
        ALTER TABLE cases ADD COLUMN escalated_at TEXT NULL;
        """,
        """
        CREATE TABLE agent_presence (
            agent_id TEXT NOT NULL,
            host_id TEXT NOT NULL,
            seen_at TEXT NOT NULL,
            PRIMARY KEY (agent_id, host_id)) WITHOUT ROWID;
        """,
        """
        ALTER TABLE outbox_events ADD COLUMN tx INTEGER NOT NULL DEFAULT 0;
        """,
    ];

    /// <summary>The same tables on PostgreSQL, which joined at the SQLite schema's sixth version.</summary>
    private static readonly string[] PostgreSqlSchema =
    [
        """
        CREATE TABLE conversations (
            id TEXT PRIMARY KEY,
            user_id TEXT NOT NULL,
            version BIGINT NOT NULL,
            stage TEXT NOT NULL,
            outcome TEXT NOT NULL,
            handoff_reason TEXT NULL,
            state TEXT NOT NULL,
            created_at TIMESTAMPTZ NOT NULL,
            updated_at TIMESTAMPTZ NOT NULL);
        CREATE INDEX conversations_by_outcome ON conversations (outcome, updated_at);
        CREATE TABLE processed_activities (
            conversation_id TEXT NOT NULL,
            activity_id TEXT NOT NULL,
            PRIMARY KEY (conversation_id, activity_id));
        CREATE SEQUENCE case_numbers;
        CREATE TABLE cases (
            number BIGINT PRIMARY KEY,
            reference TEXT NOT NULL UNIQUE,
            conversation_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            status TEXT NOT NULL,
            created_at TIMESTAMPTZ NOT NULL,
            document TEXT NOT NULL,
            queue TEXT NULL,
            priority_level TEXT NULL,
            priority_score DOUBLE PRECISION NULL,
            first_response_due TIMESTAMPTZ NULL,
            intent TEXT NULL,
            account_id TEXT NULL,
            email TEXT NULL,
            owner TEXT NULL,
            csat INTEGER NULL);
        CREATE INDEX cases_by_conversation ON cases (conversation_id);
        CREATE INDEX cases_by_queue ON cases (queue, status);
        CREATE INDEX cases_open_by_intent ON cases (intent, status);
        CREATE INDEX cases_by_owner ON cases (owner, status);
        CREATE TABLE case_events (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            reference TEXT NOT NULL,
            at TIMESTAMPTZ NOT NULL,
            kind TEXT NOT NULL,
            actor TEXT NOT NULL,
            text TEXT NULL);
        CREATE INDEX case_events_by_reference ON case_events (reference, id);
        CREATE TABLE outbox_events (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            kind TEXT NOT NULL,
            reference TEXT NOT NULL,
            occurred_at TIMESTAMPTZ NOT NULL,
            payload TEXT NOT NULL);
        CREATE TABLE outbox_deliveries (
            event_id BIGINT NOT NULL,
            destination TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            next_attempt_at TIMESTAMPTZ NULL,
            delivered_at TIMESTAMPTZ NULL,
            dead_at TIMESTAMPTZ NULL,
            last_error TEXT NULL,
            PRIMARY KEY (event_id, destination));
        CREATE INDEX outbox_deliveries_dead ON outbox_deliveries (destination, dead_at);
        CREATE INDEX outbox_deliveries_due ON outbox_deliveries (destination, delivered_at, dead_at, next_attempt_at);
        """,
        """
        ALTER TABLE cases ADD COLUMN escalated_at TIMESTAMPTZ NULL;
        """,
        """
        CREATE TABLE agent_presence (
            agent_id TEXT NOT NULL,
            host_id TEXT NOT NULL,
            seen_at TIMESTAMPTZ NOT NULL,
            PRIMARY KEY (agent_id, host_id));
        """,
        """
        ALTER TABLE outbox_events ADD COLUMN tx BIGINT NOT NULL DEFAULT 0;
        ALTER TABLE outbox_events ALTER COLUMN tx SET DEFAULT (pg_current_xact_id()::text::bigint);
        CREATE INDEX outbox_events_by_position ON outbox_events (tx, id);
        """,
    ];
}
