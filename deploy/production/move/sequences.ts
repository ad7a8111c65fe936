// The PostgreSQL sequences Synapse's synapse_port_db (as pinned: 1.163.2)
// leaves at their start while it copies their streams' rows and stream
// positions: it sets up the others ("Setting up sequence generators"), not
// these. Synapse then refuses to start — and a second pass of the port
// refuses too — with "Postgres sequence '…' is inconsistent with associated
// stream position" (its own repair of a lagging sequence compares with the
// value from before the repair: element-hq/synapse#19973). A move raises
// each to the highest id in its table and in stream_positions after every
// pass, and before a pass that goes on from an earlier one. A sequence the
// schema does not have is left alone. Pure.

export interface StreamSequence {
	readonly sequence: string;
	/** The stream's name in stream_positions. */
	readonly stream: string;
	readonly table: string;
	readonly column: string;
}

export const FORGOTTEN_SEQUENCES: readonly StreamSequence[] = [
	{
		sequence: 'un_partial_stated_room_stream_sequence',
		stream: 'un_partial_stated_room_stream',
		table: 'un_partial_stated_room_stream',
		column: 'stream_id',
	},
	{ sequence: 'sticky_events_sequence', stream: 'sticky_events', table: 'sticky_events', column: 'stream_id' },
	{ sequence: 'thread_subscriptions_sequence', stream: 'thread_subscriptions', table: 'thread_subscriptions', column: 'stream_id' },
];

const NAME = /^[a-z_]+$/;

/** One PL/pgSQL block raising each sequence that exists, with its table, to at least every id its stream has used. */
export function raiseSequencesSql(sequences: readonly StreamSequence[] = FORGOTTEN_SEQUENCES): string {
	const steps = sequences.map((s) => {
		for (const name of [s.sequence, s.stream, s.table, s.column])
			if (!NAME.test(name)) throw new Error(`"${name}" is not a plain SQL name`);
		return `	IF to_regclass('${s.sequence}') IS NOT NULL AND to_regclass('${s.table}') IS NOT NULL THEN
		PERFORM setval('${s.sequence}', GREATEST(
			(SELECT last_value FROM ${s.sequence}),
			(SELECT COALESCE(MAX(${s.column}), 1) FROM ${s.table}),
			(SELECT COALESCE(MAX(stream_id), 1) FROM stream_positions WHERE stream_name = '${s.stream}')
		));
	END IF;`;
	});
	return `DO $$\nBEGIN\n${steps.join('\n')}\nEND\n$$;\n`;
}
