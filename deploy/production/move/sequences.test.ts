import { describe, expect, it } from 'vitest';
import { FORGOTTEN_SEQUENCES, raiseSequencesSql } from './sequences.ts';

describe('the sequences synapse_port_db leaves behind', () => {
	it('raises each one that exists to the highest id of its table and of its stream position', () => {
		const sql = raiseSequencesSql();
		expect(sql.startsWith('DO $$')).toBe(true);
		for (const s of FORGOTTEN_SEQUENCES) {
			expect(sql).toContain(`IF to_regclass('${s.sequence}') IS NOT NULL AND to_regclass('${s.table}') IS NOT NULL THEN`);
			expect(sql).toContain(`(SELECT COALESCE(MAX(stream_id), 1) FROM stream_positions WHERE stream_name = '${s.stream}')`);
		}
		expect(sql).toContain("PERFORM setval('un_partial_stated_room_stream_sequence', GREATEST(");
	});

	it('takes plain names only', () => {
		expect(() => raiseSequencesSql([{ sequence: "x'; DROP TABLE users; --", stream: 's', table: 't', column: 'c' }])).toThrow(
			/plain SQL name/,
		);
	});
});
