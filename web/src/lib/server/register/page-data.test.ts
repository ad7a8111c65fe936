import { describe, expect, it } from 'vitest';
import type { AuthorityId } from '#policies/roster/types.ts';
import { exportResponse } from './export-response.ts';
import { FakeRegisterSource } from './fake-source.ts';
import { applyFilter, filterFromQuery } from './filter.ts';
import { listData, refusalsData, statisticsData } from './page-data.ts';
import { demoRoster } from '#policies/roster/testing/demo.ts';
import { sessionUser } from '../sessions/user.ts';
import type { RegisterEntry, RegisterOpening } from './types.ts';

const access = { kind: 'allowed', authority: { id: 'gt-mp' as AuthorityId, name: 'MP' } } as const;
const entry = (roomId: string, status: string, kind: string, lastChangeAt?: number): RegisterEntry => ({
	roomId,
	kind,
	status,
	finished: false,
	side: 'requesting',
	counterpart: 'ng-ca',
	counterpartCountry: 'NG',
	ourReference: undefined,
	theirReference: undefined,
	title: roomId,
	lastChangeAt,
	respondBy: undefined,
	history: undefined,
});
const entries = [entry('!a', 'sent', 'mla', 1), entry('!b', 'received', 'extradition', 3), entry('!c', 'sent', 'extradition', 2)];
const noFilter = { status: undefined, kind: undefined };

describe('register page data', () => {
	it('says the register is missing when the bridge has written none', () => {
		const log: string[] = [];
		expect(
			listData(
				access,
				() => ({ kind: 'missing' }),
				noFilter,
				(m) => log.push(m),
			),
		).toEqual({ kind: 'missing' });
		expect(log).toEqual([]);
	});

	it('says unreadable and logs why, and closes the register', () => {
		const log: string[] = [];
		const source = new FakeRegisterSource({ failing: 'disk on fire' });
		expect(
			listData(
				access,
				() => ({ kind: 'open', source }),
				noFilter,
				(m) => log.push(m),
			),
		).toEqual({ kind: 'unreadable' });
		expect(log).toEqual(['disk on fire']);
		expect(source.closed).toBe(true);
		expect(
			statisticsData(
				access,
				() => ({ kind: 'unreadable', detail: 'locked' }),
				0,
				(m) => log.push(m),
			),
		).toEqual({
			kind: 'unreadable',
		});
		expect(log).toContain('locked');
	});

	it('lists the authority’s entries newest change first, filtered, with the choices of the whole register', () => {
		const opened: string[] = [];
		const source = new FakeRegisterSource({ entries });
		const open = (id: string): RegisterOpening => (opened.push(id), { kind: 'open', source });
		const data = listData(access, open, { status: 'sent', kind: undefined }, () => undefined);
		expect(opened).toEqual(['gt-mp']);
		expect(data).toMatchObject({ kind: 'ready', total: 3, statuses: ['received', 'sent'], kinds: ['extradition', 'mla'] });
		if (data.kind === 'ready') expect(data.entries.map((e) => e.roomId)).toEqual(['!c', '!a']);
		expect(source.closed).toBe(true);
	});

	it('reads filters from the query, ignoring blanks', () => {
		expect(filterFromQuery(new URLSearchParams('status=sent&kind='))).toEqual({ status: 'sent', kind: undefined });
		expect(applyFilter(entries, { status: undefined, kind: 'extradition' }).map((e) => e.roomId)).toEqual(['!b', '!c']);
	});
});

describe('register downloads', () => {
	const open = (): RegisterOpening => ({ kind: 'open', source: new FakeRegisterSource({ entries }) });
	const user = (localpart: string, hs: string) => sessionUser(`@${localpart}:x`, hs, demoRoster);

	it('answer 401 without a session and 403 to anyone but officers and administrators', () => {
		expect(exportResponse(undefined, 'csv', open, () => undefined).status).toBe(401);
		expect(exportResponse(user('ana.lopez', 'gt-mp'), 'csv', open, () => undefined).status).toBe(403);
		expect(exportResponse(user('carlos.mendez', 'ng-ca'), 'json', open, () => undefined).status).toBe(403);
	});

	it('answer 404 while there is no register', () => {
		expect(
			exportResponse(
				user('carlos.mendez', 'gt-mp'),
				'csv',
				() => ({ kind: 'missing' }),
				() => undefined,
			).status,
		).toBe(404);
	});

	it('give the officer the file as an attachment named after the authority and the day', async () => {
		const response = exportResponse(user('carlos.mendez', 'gt-mp'), 'json', open, () => undefined, new Date('2026-11-23T10:00:00Z'));
		expect(response.status).toBe(200);
		expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
		expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="register-gt-mp-2026-11-23.json"');
		expect(JSON.parse(await response.text())).toHaveLength(3);
	});

	it('gives the refused events and changed identities, and closes the register', () => {
		const refusals = {
			events: [{ roomId: '!a', caseTitle: 'A', eventId: '$f', sender: '@m:hs', at: 5, source: 'arrival' as const, code: 'not-encrypted' }],
			identities: [{ userId: '@m:hs', since: 4, approved: undefined }],
		};
		const source = new FakeRegisterSource({ refusals });
		expect(
			refusalsData(
				access,
				() => ({ kind: 'open', source }),
				() => {},
			),
		).toEqual({ kind: 'ready', refusals });
		expect(source.closed).toBe(true);
		const log: string[] = [];
		expect(
			refusalsData(
				access,
				() => ({ kind: 'open', source: new FakeRegisterSource({ failing: 'gone' }) }),
				(m) => log.push(m),
			),
		).toEqual({
			kind: 'unreadable',
		});
		expect(log).toEqual(['gone']);
	});
});
