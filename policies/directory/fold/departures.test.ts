// Departed people leave search, the finder and the directory's people: those
// their authority removed, and those whose account left the directory room.
import { describe, expect, it } from 'vitest';
import { GUATEMALA } from '../../roster/testing/demo.ts';
import { REFCO } from '../../roster/testing/networks.ts';
import type { AuthorityId, Roster } from '../../roster/types.ts';
import { findCompetent } from '../search/finder.ts';
import { searchDirectory } from '../search/search.ts';
import { ANA, arrival, authorityPayload, GT_ENTRY, GT_MP, GT_SERVER, LUCIA, personPayload, stamp } from '../testing/entries.ts';
import type { DirectoryPayload } from '../types.ts';
import { accountOf, departedAccounts, type MembershipFact } from './departures.ts';
import { foldDirectory, type DirectoryArrival } from './fold.ts';

const roster: Roster = { networks: [REFCO], authorities: [GUATEMALA], people: [], crossNetworkLinks: [] };
const serverOf = (a: AuthorityId) => (a === GT_MP ? GT_SERVER : undefined);
const BRIDGE = `@rogatory-bridge:${GT_SERVER}`;
const CARLOS = `@carlos.mendez:${GT_SERVER}`;
const NOW = new Date('2026-11-10T15:00:00Z');

const editors = arrival('$00', BRIDGE, {
	type: 'editors',
	authority: GT_MP,
	editors: [LUCIA.id],
	updated: stamp('2026-11-01T00:00:00Z', BRIDGE),
});
const entries = [
	editors,
	arrival('$01', BRIDGE, authorityPayload(GT_ENTRY, '2026-11-01T00:00:00Z')),
	arrival('$02', LUCIA.id, personPayload(LUCIA, '2026-11-02T00:00:00Z')),
	arrival('$03', LUCIA.id, personPayload(ANA, '2026-11-02T00:00:00Z')),
];
const removal = (why: 'departed' | 'removed', at: string): DirectoryPayload => ({
	type: 'removed',
	authority: GT_MP,
	person: ANA.id,
	why,
	updated: stamp(at),
});
const fold = (events: readonly DirectoryArrival[], memberships?: readonly MembershipFact[]) =>
	foldDirectory({ network: REFCO.id, roster, serverOf, events, ...(memberships === undefined ? {} : { memberships }) });
const names = (view: ReturnType<typeof fold>) => view.people.map((p) => p.entry.name);

const joined = (user: string): MembershipFact => ({ user, membership: 'join' });
const left = (user: string, previous?: string): MembershipFact => ({
	user,
	membership: 'leave',
	...(previous === undefined ? {} : { previous }),
});

describe('departedAccounts', () => {
	it('counts an account that joined and is out now, whether it left or was banned', () => {
		expect([...departedAccounts([joined('@a:x'), left('@a:x', 'join'), joined('@b:x'), { user: '@b:x', membership: 'ban' }])]).toEqual([
			'@a:x',
			'@b:x',
		]);
	});

	it('counts a leave whose replaced membership the server did not give (as /members answers): no one is invited into the room', () => {
		expect([...departedAccounts([left('@a:x')])]).toEqual(['@a:x']);
	});

	it('does not count an account that never joined: no membership, a refused invitation, a withdrawn knock, a ban of a stranger', () => {
		expect(departedAccounts([])).toEqual(new Set());
		expect(departedAccounts([left('@a:x', 'invite'), left('@b:x', 'knock'), { user: '@c:x', membership: 'ban' }])).toEqual(new Set());
	});

	it('does not count an account that joined again, nor one still joined or invited', () => {
		const facts = [joined('@a:x'), left('@a:x', 'join'), { user: '@a:x', membership: 'join', previous: 'leave' }, joined('@b:x')];
		expect(departedAccounts(facts)).toEqual(new Set());
	});

	it('knows a join from the membership a leave replaced', () => {
		expect([...departedAccounts([{ user: '@a:x', membership: 'ban', previous: 'join' }])]).toEqual(['@a:x']);
	});
});

describe('accountOf', () => {
	it('is the Matrix ID, else the id when it is a user ID, else none', () => {
		expect(accountOf(LUCIA)).toBe(LUCIA.matrixId);
		expect(accountOf(ANA)).toBe(ANA.id);
		expect(accountOf({ ...ANA, id: 'ana-lopez' })).toBeUndefined();
	});
});

describe('foldDirectory: whose account left the directory room', () => {
	it('keeps a person whose account never joined the room', () => {
		expect(names(fold(entries, [joined(LUCIA.id)]))).toEqual(['Ana López', 'Lucía Ramírez']);
		expect(fold(entries, [joined(LUCIA.id)]).departed).toEqual([]);
	});

	it('hides a person whose account joined then left, and says they left with their last entry', () => {
		const view = fold(entries, [joined(ANA.id), joined(LUCIA.id), left(ANA.id, 'join')]);
		expect(names(view)).toEqual(['Lucía Ramírez']);
		expect(view.departed).toEqual([
			{ authority: GT_MP, person: ANA.id, why: 'left', entry: ANA, updated: stamp('2026-11-02T00:00:00Z', undefined) },
		]);
	});

	it('shows them again when the account joins again', () => {
		const view = fold(entries, [joined(ANA.id), left(ANA.id, 'join'), { user: ANA.id, membership: 'join', previous: 'leave' }]);
		expect(names(view)).toEqual(['Ana López', 'Lucía Ramírez']);
		expect(view.departed).toEqual([]);
	});

	it('judges the account an entry names, not the person who wrote it', () => {
		// Lucía wrote Ana's entry; Lucía leaving hides Lucía only.
		expect(names(fold(entries, [joined(LUCIA.id), left(LUCIA.id, 'join')]))).toEqual(['Ana López']);
		const noAccount = arrival('$04', LUCIA.id, personPayload({ ...ANA, id: 'ana-lopez' }, '2026-11-02T00:00:00Z'));
		expect(names(fold([editors, noAccount], [joined(ANA.id), left(ANA.id, 'join')]))).toEqual(['Ana López']);
	});

	it('drops them from search and the finder', () => {
		const memberships = [joined(LUCIA.id), left(LUCIA.id, 'join')];
		const before = fold(entries);
		const after = fold(entries, memberships);
		const people = (view: typeof before) =>
			searchDirectory([view], { text: 'Lucía' }, NOW).flatMap((h) => (h.kind === 'person' ? [h.person.name] : []));
		expect(people(before)).toEqual(['Lucía Ramírez']);
		expect(people(after)).toEqual([]);
		const contacts = (view: typeof before) =>
			findCompetent([view], { measure: 'preservation', country: GT_ENTRY.country }, NOW, 'es').flatMap((r) =>
				r.contacts.map((c) => c.person.name),
			);
		expect(contacts(before)).toContain('Lucía Ramírez');
		expect(contacts(after)).toEqual(['Ana López']);
	});
});

describe('foldDirectory: removed by their authority', () => {
	it('hides a person an editor removed, and says why', () => {
		const view = fold([...entries, arrival('$05', LUCIA.id, removal('departed', '2026-11-03T00:00:00Z'))]);
		expect(names(view)).toEqual(['Lucía Ramírez']);
		expect(view.departed).toEqual([{ authority: GT_MP, person: ANA.id, why: 'departed', updated: stamp('2026-11-03T00:00:00Z') }]);
		expect(searchDirectory([view], { text: 'Ana' }, NOW)).toEqual([]);
	});

	it('ignores a removal by someone who is not an editor of the authority, with the reason', () => {
		const view = fold([...entries, arrival('$05', CARLOS, removal('removed', '2026-11-03T00:00:00Z'))]);
		expect(names(view)).toEqual(['Ana López', 'Lucía Ramírez']);
		expect(view.departed).toEqual([]);
		expect(view.ignored).toEqual([{ eventId: '$05', sender: CARLOS, reason: { kind: 'not-editor', authority: GT_MP } }]);
	});

	it('is not undone by an older entry arriving after the removal, whatever the order', () => {
		const removed = arrival('$05', LUCIA.id, removal('removed', '2026-11-03T00:00:00Z'));
		const older = arrival('$06', LUCIA.id, personPayload(ANA, '2026-11-02T12:00:00Z'));
		for (const events of [
			[...entries, removed, older],
			[older, removed, ...entries],
		])
			expect(fold(events).departed.map((d) => [d.person, d.why])).toEqual([[ANA.id, 'removed']]);
		const newer = arrival('$07', LUCIA.id, personPayload(ANA, '2026-11-04T00:00:00Z'));
		expect(names(fold([...entries, removed, newer]))).toEqual(['Ana López', 'Lucía Ramírez']);
	});
});
