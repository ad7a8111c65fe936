import { describe, expect, it } from 'vitest';
import { raiseSequencesSql, STREAM_SEQUENCES } from './sequences.ts';

describe('the stream sequences raised after synapse_port_db', () => {
	it('raises each one that exists to the highest of its stream position and its tables’ ids', () => {
		const sql = raiseSequencesSql();
		expect(sql.startsWith('DO $$')).toBe(true);
		for (const s of STREAM_SEQUENCES) {
			expect(sql).toContain(`IF to_regclass('${s.sequence}') IS NOT NULL THEN`);
			expect(sql).toContain(
				`(SELECT COALESCE(MAX(stream_id), 1) FROM stream_positions WHERE stream_name = '${s.stream}')) INTO top FROM ${s.sequence};`,
			);
			expect(sql).toContain(`PERFORM setval('${s.sequence}', top);`);
		}
		expect(sql).toContain(
			"EXECUTE 'SELECT GREATEST($1, (SELECT COALESCE(MAX(stream_id), 1) FROM device_federation_outbox))' INTO top USING top;",
		);
		expect(sql).toContain('(SELECT COALESCE(MAX(id), 1) FROM pushers)');
		expect(sql).toContain('(SELECT COALESCE(MAX(stream_ordering), 1) FROM events)');
	});

	it('names the events, the streams that make Synapse refuse to start (to-device, the three port_db forgets)', () => {
		const names = STREAM_SEQUENCES.map((s) => s.stream);
		for (const stream of ['events', 'to_device', 'un_partial_stated_room_stream', 'sticky_events', 'thread_subscriptions'])
			expect(names).toContain(stream);
	});

	it('takes plain names only', () => {
		expect(() => raiseSequencesSql([{ sequence: "x'; DROP TABLE users; --", stream: 's', tables: [] }])).toThrow(/plain SQL name/);
	});
});
