import { describe, expect, it } from 'vitest';
import { demoRoster } from '#policies/roster/testing/demo.ts';
import { entryOf, type CaseRowFields } from './entry.ts';

const row: CaseRowFields = {
	roomId: '!r:hs',
	kind: 'mla',
	workflow: 'mla.v1',
	status: 'received',
	requesting: 'gt-mp',
	requested: 'ng-ca',
	requestingReference: 'MP-1',
	requestedReference: 'CA-9',
	title: 'Bank records',
	lastChangeAt: 5000,
	respondBy: null,
};

describe('entryOf', () => {
	it('reads the requesting side’s view', () => {
		expect(entryOf(row, 'gt-mp', demoRoster)).toEqual({
			roomId: '!r:hs',
			kind: 'mla',
			status: 'received',
			finished: false,
			side: 'requesting',
			counterpart: 'ng-ca',
			counterpartCountry: 'NG',
			ourReference: 'MP-1',
			theirReference: 'CA-9',
			title: 'Bank records',
			lastChangeAt: 5000,
			respondBy: undefined,
			history: undefined,
		});
	});

	it('carries the bridge’s last check of the room’s history', () => {
		expect(entryOf(row, 'gt-mp', demoRoster, { checkedAt: 9, complete: false, missing: 2, lastCompleteAt: null }).history).toEqual({
			checkedAt: 9,
			complete: false,
			missing: 2,
			lastCompleteAt: undefined,
		});
	});

	it('reads the requested side’s view: the other reference is ours', () => {
		expect(entryOf(row, 'ng-ca', demoRoster)).toMatchObject({
			side: 'requested',
			counterpart: 'gt-mp',
			counterpartCountry: 'GT',
			ourReference: 'CA-9',
			theirReference: 'MP-1',
		});
	});

	it('reads a request as finished once it is answered, before its file is closed', () => {
		expect(entryOf({ ...row, status: 'executed' }, 'gt-mp', demoRoster).finished).toBe(true);
		expect(entryOf({ ...row, status: 'partially-executed' }, 'gt-mp', demoRoster).finished).toBe(false);
	});

	it('leaves unknown what the row does not say', () => {
		const bare = {
			...row,
			kind: null,
			status: null,
			requested: null,
			requestedReference: null,
			title: null,
			lastChangeAt: null,
		};
		expect(entryOf(bare, 'gt-mp', demoRoster)).toMatchObject({
			kind: 'unknown',
			status: 'unknown',
			finished: false,
			counterpart: undefined,
			counterpartCountry: undefined,
			theirReference: undefined,
			title: undefined,
			lastChangeAt: undefined,
		});
	});
});
