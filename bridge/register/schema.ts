// The register's tables (drizzle, SQLite). drizzle-kit generates the
// migrations in ./migrations from this file; they are append-only once landed
// (STYLE.md, 7). Three groups:
// - `event_log`: the append-only, hash-chained log of every case event the
//   bridge ingested (chain.ts says what is hashed and why). This is the
//   issue's "transition log": transitions are rows of it, beside the other
//   case events, in one chain.
// - derived tables (`cases`, `parties`, `transitions`, `amendments`, `links`,
//   `rejections`): what the fold makes of each room's logged events; rewritten
//   for the rooms a batch touches, never edited by hand.
// - `invitations`, `undecryptable` and `checkpoint` (the sync position and the crypto store,
//   written in the same transaction as the events).
// - `reminders`: the preservation reminders' schedule (bridge/reminders), the
//   bot's own outbox, outside the comparable snapshot.
// - `seen_events`, `seen_since`, `reconciliations`: what the bridge read of
//   each room, for `verify --complete` and the register page (issue 14).
// - `escalation_steps`: who was told of an unacknowledged alert, and when
//   (issue 16, bridge/alerts), the bridge's mail outbox; `digest_mails`, its
//   batched mails; `alert_preferences`, people's own alert settings.
// NOTE: no wall-clock column in the comparable tables: the same events in the
// same order give the same register, however they were split into batches
// (the crash test compares registers byte for byte through snapshot.ts);
// `reminders`, `seen_since`, `reconciliations` and `escalation_steps` hold the bridge's clock and
// are left out of it, as is `seen_events` (how the bridge read).
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const eventLog = sqliteTable(
	'event_log',
	{
		/** 1, 2, 3… in ingest order, no gaps. */
		seq: integer('seq').primaryKey(),
		roomId: text('room_id').notNull(),
		eventId: text('event_id').notNull(),
		sender: text('sender').notNull(),
		originServerTs: integer('origin_server_ts').notNull(),
		/** The payload type (opened, amended, transition, settled, note, link) or 'rejected'. */
		kind: text('kind').notNull(),
		rejectionCode: text('rejection_code'),
		rejectionReason: text('rejection_reason'),
		/** The whole decrypted content as canonical JSON (canonical.ts). */
		content: text('content').notNull(),
		prevHash: text('prev_hash').notNull(),
		hash: text('hash').notNull(),
		/**
		 * How the event arrived (policies/trust): 'verified' or 'cross-signed' when it counts, else the trust code
		 * (not-encrypted, unsigned-device, identity-changed…); null for rows logged before the bridge recorded it.
		 */
		verification: text('verification'),
		/** The sender's cross-signing master key (base64) as the bridge knew it then; null when unknown or not encrypted. */
		senderIdentity: text('sender_identity'),
	},
	(t) => [uniqueIndex('event_log_event_id').on(t.eventId), index('event_log_room').on(t.roomId, t.seq)],
);

export const cases = sqliteTable('cases', {
	roomId: text('room_id').primaryKey(),
	/** 1 once a valid opening is logged; the other columns are null until then. */
	opened: integer('opened', { mode: 'boolean' }).notNull(),
	kind: text('kind'),
	workflow: text('workflow'),
	requesting: text('requesting'),
	requested: text('requested'),
	requestingReference: text('requesting_reference'),
	requestedReference: text('requested_reference'),
	title: text('title'),
	status: text('status'),
	/** Whether the status is terminal in the case's workflow. */
	terminal: integer('terminal', { mode: 'boolean' }),
	urgency: text('urgency'),
	channel: text('channel'),
	/** YYYY-MM-DD, when the requesting side set a date to answer by. */
	respondBy: text('respond_by'),
	/** The remaining fields (legal basis, offences) as canonical JSON. */
	fields: text('fields'),
	openedBy: text('opened_by'),
	openedEvent: text('opened_event'),
	/** origin_server_ts of the opening. */
	openedAt: integer('opened_at'),
	/** The latest origin_server_ts among the opening, transitions, settlements, amendments and links. */
	lastChangeAt: integer('last_change_at'),
	head: text('head'),
	notes: integer('notes'),
	openConflict: integer('open_conflict', { mode: 'boolean' }),
	/** The logged case events of the room the fold refused, now. */
	rejectedCount: integer('rejected_count').notNull(),
});

export const parties = sqliteTable(
	'parties',
	{
		roomId: text('room_id').notNull(),
		side: text('side').notNull(),
		authority: text('authority').notNull(),
		/** From the roster at fold time; null when the roster does not know the authority. */
		country: text('country'),
		reference: text('reference'),
	},
	(t) => [primaryKey({ columns: [t.roomId, t.side] }), index('parties_authority').on(t.authority)],
);

export const transitions = sqliteTable(
	'transitions',
	{
		roomId: text('room_id').notNull(),
		/** Position in the room's status history, from 1. */
		position: integer('position').notNull(),
		eventId: text('event_id').notNull(),
		follows: text('follows').notNull(),
		fromStatus: text('from_status').notNull(),
		toStatus: text('to_status').notNull(),
		reason: text('reason'),
		by: text('by').notNull(),
		side: text('side').notNull(),
		at: integer('at').notNull(),
	},
	(t) => [primaryKey({ columns: [t.roomId, t.position] })],
);

export const amendments = sqliteTable(
	'amendments',
	{
		roomId: text('room_id').notNull(),
		position: integer('position').notNull(),
		eventId: text('event_id').notNull(),
		changes: text('changes').notNull(),
		previous: text('previous').notNull(),
		reason: text('reason').notNull(),
		by: text('by').notNull(),
		side: text('side').notNull(),
		at: integer('at').notNull(),
	},
	(t) => [primaryKey({ columns: [t.roomId, t.position] })],
);

export const links = sqliteTable(
	'links',
	{
		roomId: text('room_id').notNull(),
		position: integer('position').notNull(),
		eventId: text('event_id').notNull(),
		relation: text('relation').notNull(),
		end: text('end'),
		target: text('target').notNull(),
		by: text('by').notNull(),
		side: text('side').notNull(),
		at: integer('at').notNull(),
	},
	(t) => [primaryKey({ columns: [t.roomId, t.position] })],
);

/** What the fold refuses now; an event refused for want of an opening may be accepted once it arrives. */
export const rejections = sqliteTable(
	'rejections',
	{
		roomId: text('room_id').notNull(),
		position: integer('position').notNull(),
		eventId: text('event_id').notNull(),
		sender: text('sender').notNull(),
		at: integer('at').notNull(),
		code: text('code').notNull(),
		reason: text('reason').notNull(),
	},
	(t) => [primaryKey({ columns: [t.roomId, t.position] })],
);

export const invitations = sqliteTable(
	'invitations',
	{
		seq: integer('seq').primaryKey(),
		roomId: text('room_id').notNull(),
		inviter: text('inviter').notNull(),
		decision: text('decision', { enum: ['accepted', 'refused'] }).notNull(),
		reason: text('reason').notNull(),
		/** origin_server_ts of the invitation, as the Matrix side read it. */
		at: integer('at').notNull(),
	},
	(t) => [uniqueIndex('invitations_once').on(t.roomId, t.inviter, t.at)],
);

/**
 * Counterparts whose cross-signing identity changed since the bridge first
 * saw (and pinned) it: one row per user and new identity, from the first event
 * that arrived under it. Their events are refused ('identity-changed') until
 * an authority administrator approves the new identity (`!rogatory trust`),
 * which fills the approval columns; approved identities count again from then
 * on, the refused events stay refused.
 */
export const identityChanges = sqliteTable(
	'identity_changes',
	{
		userId: text('user_id').notNull(),
		/** The new master key (base64). */
		identity: text('identity').notNull(),
		roomId: text('room_id').notNull(),
		firstEventId: text('first_event_id').notNull(),
		/** origin_server_ts of that first event. */
		firstSeenAt: integer('first_seen_at').notNull(),
		approvedBy: text('approved_by'),
		/** origin_server_ts of the administrator's command. */
		approvedAt: integer('approved_at'),
		approvalEventId: text('approval_event_id'),
	},
	(t) => [primaryKey({ columns: [t.userId, t.identity] })],
);

/**
 * Events the bot gave up decrypting (bridge/matrix's DecryptionQueue), so that
 * none is lost in silence. A row goes away if the event is logged later on.
 */
export const undecryptable = sqliteTable('undecryptable', {
	eventId: text('event_id').primaryKey(),
	roomId: text('room_id').notNull(),
	sender: text('sender').notNull(),
	originServerTs: integer('origin_server_ts').notNull(),
	reason: text('reason').notNull(),
});

export const checkpoint = sqliteTable('checkpoint', {
	/** Always 1: a single row. */
	id: integer('id').primaryKey(),
	syncToken: text('sync_token').notNull(),
	store: blob('store', { mode: 'buffer' }).notNull(),
	/** The log's last seq and hash when the checkpoint was written: verify detects rows removed at the end. */
	logSeq: integer('log_seq').notNull(),
	logHash: text('log_hash').notNull(),
});

/**
 * The preservation reminders' schedule (bridge/reminders): one row per
 * (preservation, expiry, offset) and per escalation, with a deterministic ID,
 * so that the schedule survives restarts and a reminder is sent once.
 * NOTE: unlike the tables above, this one holds times of the bridge's own
 * clock (when sent, when acknowledged); it is the bot's outbox, not the case
 * history, and is left out of the comparable snapshot (snapshot.ts).
 */
export const reminders = sqliteTable(
	'reminders',
	{
		id: text('id').primaryKey(),
		roomId: text('room_id').notNull(),
		preservation: text('preservation').notNull(),
		kind: text('kind', { enum: ['reminder', 'escalation'] }).notNull(),
		offsetMs: integer('offset_ms').notNull(),
		expires: integer('expires').notNull(),
		dueAt: integer('due_at').notNull(),
		state: text('state', { enum: ['scheduled', 'sending', 'sent', 'skipped', 'cancelled', 'failed'] }).notNull(),
		txnId: text('txn_id').notNull(),
		escalates: text('escalates'),
		sentAt: integer('sent_at'),
		eventId: text('event_id'),
		/** The user IDs the sent notice mentioned, as a JSON array: any of them acknowledges it. */
		mentioned: text('mentioned'),
		acknowledgedAt: integer('acknowledged_at'),
		acknowledgedBy: text('acknowledged_by'),
	},
	(t) => [index('reminders_due').on(t.state, t.dueAt), index('reminders_room').on(t.roomId, t.preservation)],
);

/**
 * Preservation events (org.rogatory.preservation, policies/preservation/record)
 * as the bridge saw them: ingest logs case events only, so the reminders keep
 * their own copy, written before the batch's commit (again, harmlessly, if the
 * batch is replayed), and fold a room's preservations from it.
 */
export const preservationEvents = sqliteTable(
	'preservation_events',
	{
		eventId: text('event_id').primaryKey(),
		roomId: text('room_id').notNull(),
		sender: text('sender').notNull(),
		originServerTs: integer('origin_server_ts').notNull(),
		/** The decrypted content as JSON. */
		content: text('content').notNull(),
	},
	(t) => [index('preservation_events_room').on(t.roomId)],
);

/**
 * Every timeline event the bridge read in a room and handed to the register
 * (issue 14, `verify --complete`): case events, chat, undecryptable events
 * and those it read but had nothing to hand on (redacted, or encrypted events
 * of another type) — event IDs only, never content — in the order they were
 * handed on, written in the batch's transaction. So whether the bridge has
 * seen every event the homeserver holds for a room can be judged without
 * decrypting anything (completeness.ts). `kind` says where the event went:
 * 'case' (in event_log), 'chat' (not logged), 'undecryptable' (in that table)
 * or 'other'; an event seen as 'case' whose log row is gone counts as missing.
 * NOTE: left out of the comparable snapshot (snapshot.ts): it is how the
 * bridge read, not the case history.
 */
export const seenEvents = sqliteTable(
	'seen_events',
	{
		/** 1, 2, 3… in the order handed on. */
		seq: integer('seq').primaryKey(),
		roomId: text('room_id').notNull(),
		eventId: text('event_id').notNull(),
		originServerTs: integer('origin_server_ts').notNull(),
		kind: text('kind', { enum: ['case', 'chat', 'undecryptable', 'other'] }).notNull(),
	},
	(t) => [uniqueIndex('seen_events_event_id').on(t.eventId), index('seen_events_room').on(t.roomId, t.seq)],
);

/**
 * One row in a register that was in use before seen_events existed: when the
 * migration ran (ms since the epoch). Its logged and undecryptable events were
 * copied into seen_events then; chat before that time was never recorded, so
 * an older event absent from the register cannot be judged (it may be chat).
 * No row: the register recorded every event from its start.
 */
export const seenSince = sqliteTable('seen_since', {
	/** Always 1: a single row. */
	id: integer('id').primaryKey(),
	at: integer('at').notNull(),
});

/**
 * Per case room, the bridge's last reconciliation (bridge-sync.ts `reconcile`):
 * when it ran, whether it read the room's history back to its last complete
 * point (or its start), how many events it found missing (ingested in the
 * same transaction), and when it last was complete. For the officers'
 * register page. NOTE: times of the bridge's clock, left out of the
 * comparable snapshot like `reminders`.
 */
export const reconciliations = sqliteTable('reconciliations', {
	roomId: text('room_id').primaryKey(),
	checkedAt: integer('checked_at').notNull(),
	complete: integer('complete', { mode: 'boolean' }).notNull(),
	missing: integer('missing').notNull(),
	lastCompleteAt: integer('last_complete_at'),
});

/**
 * The escalation steps of alerts (issue 16; bridge/alerts/escalator.ts): one
 * row per (alert, step), written before the step's mails go and marked sent
 * once the relay accepted every one of them. A row recorded but not sent (the
 * bridge stopped in between) is sent again after a restart, with the same
 * Message-IDs — never taken as a new step. Like `reminders`, the bridge's own
 * clock and outbox: left out of the comparable snapshot.
 */
export const escalationSteps = sqliteTable(
	'escalation_steps',
	{
		/** Stable across restarts: the room for an urgent request, the preservation's ID for a lapsing one. */
		alertId: text('alert_id').notNull(),
		kind: text('kind', { enum: ['urgent-request', 'preservation-lapsing'] }).notNull(),
		roomId: text('room_id').notNull(),
		/** The step's index in the chain (policies/alerts/escalation.ts). */
		step: integer('step').notNull(),
		/** Whom the step told: `on-call`, `next-on-duty` or `officers`. */
		as: text('as', { enum: ['on-call', 'next-on-duty', 'officers'] }).notNull(),
		/** The Matrix IDs told, as a JSON array. */
		recipients: text('recipients').notNull(),
		/** When the step was due (ms). */
		dueAt: integer('due_at').notNull(),
		/** When it was recorded, about to be sent (ms): the next step's wait counts from here. */
		recordedAt: integer('recorded_at').notNull(),
		/** When the relay had accepted every mail of it; null until then. */
		sentAt: integer('sent_at'),
		/**
		 * When the case room was told of the sent step (its encrypted `org.rogatory.alert.step` event,
		 * policies/alerts/step-event.ts): null until the homeserver took it.
		 */
		notedAt: integer('noted_at'),
		/**
		 * The recipients not mailed for this step, as a JSON array: over the cap on escalation mails per person in an
		 * hour (policies/alerts/mail-cap.ts) when it was sent. Not told, so not named to the case room.
		 */
		held: text('held').notNull().default('[]'),
	},
	(t) => [primaryKey({ columns: [t.alertId, t.step] }), index('escalation_steps_room').on(t.roomId)],
);

/**
 * The alerts' batched mails (issue 16, bridge/alerts/digest.ts): one row per
 * mail to a person about new routine requests, recorded before it goes and
 * marked sent once the relay accepted it, so a crash re-sends it (same
 * Message-ID) rather than making another; the last sent one is when the
 * person's batch window began.
 */
export const digestMails = sqliteTable(
	'digest_mails',
	{
		/** The person's Matrix ID. */
		recipient: text('recipient').notNull(),
		/** When it was recorded, about to be sent (ms). */
		recordedAt: integer('recorded_at').notNull(),
		/** How many new requests it counted (never which). */
		newRequests: integer('new_requests').notNull(),
		messageId: text('message_id').notNull(),
		/** When the relay accepted it; null until then. */
		sentAt: integer('sent_at'),
	},
	(t) => [primaryKey({ columns: [t.recipient, t.recordedAt] })],
);

/**
 * People's own alert settings (issue 16, bridge/alerts/preference-intake.ts):
 * one row per person, the newest setting they sent their bridge, encrypted,
 * from a cross-signed device — their address (null: the people file's) and
 * the mail categories turned off. Written in the batch that brought the event,
 * and only over an older version: a replayed setting does not win, a flood is
 * one row. The address is the authority's own data, like the people file;
 * it is never logged.
 */
export const alertPreferences = sqliteTable('alert_preferences', {
	/** The person's Matrix ID: the event's sender, never a name in its content. */
	userId: text('user_id').primaryKey(),
	/** The setting's version (policies/alerts/preferences.ts): the greatest wins. */
	version: integer('version').notNull(),
	email: text('email'),
	/** The categories turned off, as a JSON array. */
	off: text('off').notNull(),
	/** The event that carried it. */
	eventId: text('event_id').notNull(),
	/** origin_server_ts of that event. */
	sentAt: integer('sent_at').notNull(),
});

/**
 * People's acknowledgements of alerts that are not a case's own (issue 16,
 * policies/alerts/alert-ack.ts; bridge/alerts/ack-intake.ts): a lapsing
 * preservation's "I have it" by a person of this authority, from a
 * cross-signed device. Written in the batch that brought the event, once per
 * event; the escalation stops for an alert acknowledged at or after it was
 * raised.
 */
export const alertAcks = sqliteTable(
	'alert_acks',
	{
		/** The event that carried it. */
		eventId: text('event_id').primaryKey(),
		/** The alert it names (policies/alerts/subjects.ts). */
		alertId: text('alert_id').notNull(),
		roomId: text('room_id').notNull(),
		/** The person: the event's sender. */
		userId: text('user_id').notNull(),
		/** origin_server_ts of that event (their own homeserver's clock). */
		at: integer('at').notNull(),
	},
	(t) => [index('alert_acks_alert').on(t.alertId)],
);
