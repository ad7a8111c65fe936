// The PostgreSQL sequences of Synapse's streams, set again after
// synapse_port_db (as pinned: 1.163.2). It restarts most at their tables'
// highest id + 1 (ALTER SEQUENCE … RESTART: that value not yet taken), three
// not at all (un-partial-stated rooms, sticky events, thread subscriptions),
// and none from the stream positions it copies from SQLite, which can be
// higher than any id left in the tables (to-device messages are deleted once
// delivered). Two faults follow. Synapse refuses to start, and a second pass
// of the port refuses too, with "Postgres sequence '…' is inconsistent with
// associated stream position" (its own repair of a lagging sequence compares
// with the value from before the repair: element-hq/synapse#19973). And a
// writer takes a restarted sequence's next value for its current position,
// then hands that same value to its first new row: a client whose token is at
// that position never gets it (the test's first event after the move never
// reached the bridge's /sync). So each sequence is set, as taken, to the
// highest of its value, its tables' ids and its stream positions, after every
// pass and before a pass that goes on from an earlier one. A sequence or
// table the schema does not have is left alone. Pure.

export interface StreamSequence {
	readonly sequence: string;
	/** The stream's name in stream_positions. */
	readonly stream: string;
	/** Each table of the stream, with its id column. */
	readonly tables: readonly (readonly [string, string])[];
}

const ids = (...tables: string[]): (readonly [string, string])[] => tables.map((t) => [t, 'stream_id'] as const);

/** Synapse 1.163.2's multi-writer streams (synapse/storage/databases/main: each MultiWriterIdGenerator). */
export const STREAM_SEQUENCES: readonly StreamSequence[] = [
	{
		sequence: 'events_stream_seq',
		stream: 'events',
		tables: [
			['events', 'stream_ordering'],
			['current_state_delta_stream', 'stream_id'],
			['ex_outlier_stream', 'event_stream_ordering'],
		],
	},
	// Backfilled events count down (negative stream orderings): port_db's value, taken, is enough.
	{ sequence: 'events_backfill_stream_seq', stream: 'backfill', tables: [] },
	{
		sequence: 'un_partial_stated_room_stream_sequence',
		stream: 'un_partial_stated_room_stream',
		tables: ids('un_partial_stated_room_stream'),
	},
	{
		sequence: 'un_partial_stated_event_stream_sequence',
		stream: 'un_partial_stated_event_stream',
		tables: ids('un_partial_stated_event_stream'),
	},
	{ sequence: 'sticky_events_sequence', stream: 'sticky_events', tables: ids('sticky_events') },
	{ sequence: 'thread_subscriptions_sequence', stream: 'thread_subscriptions', tables: ids('thread_subscriptions') },
	{ sequence: 'device_inbox_sequence', stream: 'to_device', tables: ids('device_inbox', 'device_federation_outbox') },
	{ sequence: 'account_data_sequence', stream: 'account_data', tables: ids('room_account_data', 'room_tags_revisions', 'account_data') },
	{ sequence: 'receipts_sequence', stream: 'receipts', tables: ids('receipts_linearized') },
	{ sequence: 'presence_stream_sequence', stream: 'presence_stream', tables: ids('presence_stream') },
	{
		sequence: 'device_lists_sequence',
		stream: 'device_lists_stream',
		tables: ids(
			'device_lists_stream',
			'user_signature_stream',
			'device_lists_outbound_pokes',
			'device_lists_changes_in_room',
			'device_lists_remote_pending',
		),
	},
	{ sequence: 'e2e_cross_signing_keys_sequence', stream: 'e2e_cross_signing_keys', tables: ids('e2e_cross_signing_keys') },
	{ sequence: 'push_rules_stream_sequence', stream: 'push_rules_stream', tables: ids('push_rules_stream') },
	{ sequence: 'pushers_sequence', stream: 'pushers', tables: [['pushers', 'id'], ...ids('deleted_pushers')] },
	{ sequence: 'profile_updates_sequence', stream: 'profile_updates', tables: ids('profile_updates') },
	{ sequence: 'quarantined_media_id_seq', stream: 'quarantined_media', tables: ids('quarantined_media_changes') },
];

const NAME = /^[a-z0-9_]+$/;

function plain(name: string): string {
	if (!NAME.test(name)) throw new Error(`"${name}" is not a plain SQL name`);
	return name;
}

/** One PL/pgSQL block raising each sequence that exists to at least every id its stream has used. */
export function raiseSequencesSql(sequences: readonly StreamSequence[] = STREAM_SEQUENCES): string {
	const steps = sequences.map((s) => {
		const sequence = plain(s.sequence);
		const stream = plain(s.stream);
		const highest = s.tables.map(([table, column]) => {
			const t = plain(table);
			return `		IF to_regclass('${t}') IS NOT NULL THEN
			EXECUTE 'SELECT GREATEST($1, (SELECT COALESCE(MAX(${plain(column)}), 1) FROM ${t}))' INTO top USING top;
		END IF;`;
		});
		return `	IF to_regclass('${sequence}') IS NOT NULL THEN
		SELECT GREATEST(last_value, (SELECT COALESCE(MAX(stream_id), 1) FROM stream_positions WHERE stream_name = '${stream}')) INTO top FROM ${sequence};
${highest.join('\n')}
		PERFORM setval('${sequence}', top);
	END IF;`;
	});
	return `DO $$\nDECLARE\n\ttop bigint;\nBEGIN\n${steps.join('\n')}\nEND\n$$;\n`;
}
