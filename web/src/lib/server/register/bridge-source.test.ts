// The pages' reading of a real register file that the bridge's own code wrote
// (bridge/register), opened read-only as the web server opens it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { batch, MLA_HISTORY, must, open, OTHER_HISTORY, tempDir } from '../../../../../bridge/register/testing.ts';
import { demoRoster } from '#policies/roster/testing/demo.ts';
import type { AuthorityId } from '#policies/roster/types.ts';
import { openBridgeRegister } from './bridge-source.ts';
import type { RegisterSource } from './types.ts';

const NIGERIA = 'ng-ca' as AuthorityId;
let dir: ReturnType<typeof tempDir>;
let file: string;

beforeEach(() => {
	dir = tempDir();
	file = dir.file('register.sqlite');
	const register = open(file);
	must(register.ingest(batch([...MLA_HISTORY, ...OTHER_HISTORY])));
	// The bridge's last reconciliation of the MLA room found two events missing, and added them.
	must(register.ingest({ ...batch([]), reconciled: [{ room: MLA_HISTORY[0]!.room, at: 7000, complete: true, missing: 2 }] }));
	register.close();
});
afterEach(() => dir.cleanup());

function source(): RegisterSource {
	const opening = openBridgeRegister(file, NIGERIA, demoRoster);
	if (opening.kind !== 'open') throw new Error(JSON.stringify(opening));
	return opening.source;
}

describe('the bridge register, read by the pages', () => {
	it('reads entries, statistics and exports, and writes nothing', () => {
		const register = source();
		const entries = register.entries();
		if (!entries.ok) throw new Error(entries.error);
		const mla = entries.value.find((e) => e.roomId === MLA_HISTORY[0]?.room);
		expect(mla).toMatchObject({
			kind: 'mla',
			status: 'under-execution',
			side: 'requested',
			counterpart: 'gt-mp',
			counterpartCountry: 'GT',
			ourReference: 'CA/MLA/2025/041',
			theirReference: 'MP-FECO-2025-0113',
			lastChangeAt: 5000,
			history: { checkedAt: 7000, complete: true, missing: 2, lastCompleteAt: 7000 },
		});
		// The other room: Nigeria asked Guatemala; its history not checked yet.
		expect(entries.value.find((e) => e.roomId === OTHER_HISTORY[0]?.room)).toMatchObject({
			side: 'requesting',
			counterpart: 'gt-mp',
			status: 'sent',
			history: undefined,
		});
		const statistics = register.statistics(Date.UTC(2026, 5, 1));
		if (!statistics.ok) throw new Error(statistics.error);
		expect(statistics.value.total).toBe(2);
		expect(statistics.value.byCountry).toEqual([{ key: 'GT', count: 2 }]);
		expect(statistics.value.byNetwork).toEqual([{ key: 'REFCO', count: 2 }]);
		// The MLA request's answer date (2026-03-31) has passed on 1 June 2026 and it is not finished.
		expect(statistics.value.overdue).toEqual({ total: 1, byKind: [{ key: 'mla', count: 1 }] });
		expect(statistics.value.stages.map((s) => s.status)).toContain('sent');
		const csv = register.exported('csv');
		const json = register.exported('json');
		expect(csv.ok && csv.value.split('\n')[0]).toContain('room_id');
		expect(json.ok && (JSON.parse(json.value) as { cases: unknown[] }).cases).toHaveLength(2);
		register.close();
	});

	it('says unreadable for a file that is not a register', () => {
		const opening = openBridgeRegister(dir.file('nothing.sqlite'), NIGERIA, demoRoster);
		expect(opening.kind).toBe('unreadable');
	});
});
