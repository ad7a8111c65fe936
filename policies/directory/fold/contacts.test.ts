import { describe, expect, it } from 'vitest';
import { GUATEMALA, NIGERIA } from '../../roster/testing/demo.ts';
import { REFCO } from '../../roster/testing/networks.ts';
import type { AuthorityId, Roster } from '../../roster/types.ts';
import { buildDirectoryContent } from '../events/build.ts';
import { parseDirectoryContent } from '../events/parse.ts';
import { ANA, arrival, GT_MP, GT_SERVER, LUCIA, personPayload, stamp } from '../testing/entries.ts';
import type { DirectoryPayload, PersonEntry } from '../types.ts';
import { splitContact } from './contacts.ts';
import { foldDirectory, type DirectoryArrival } from './fold.ts';

const roster: Roster = { networks: [REFCO], authorities: [GUATEMALA, NIGERIA], people: [], crossNetworkLinks: [] };
const serverOf = (a: AuthorityId) => roster.authorities.find((x) => x.id === a)?.homeserver;
const BRIDGE = `@rogatory-bridge:${GT_SERVER}`;
const CARLOS = `@carlos.mendez:${GT_SERVER}`;
const named = arrival('$00editors', BRIDGE, {
	type: 'editors',
	authority: GT_MP,
	editors: [LUCIA.id],
	updated: stamp('2026-11-01T00:00:00Z', BRIDGE),
});

/** Ana keeps her phone and e-mail for the 24/7 points. */
const { phone: _p, email: _e, ...LUCIA_BARE } = LUCIA;
const HIDDEN: PersonEntry = { ...LUCIA_BARE, contactVisibility: 'points-247' };
const contact = (at: string, phone: string, email?: string): DirectoryPayload => ({
	type: 'contact',
	authority: GT_MP,
	person: LUCIA.id,
	phone,
	...(email === undefined ? {} : { email }),
	updated: stamp(at),
});
const entry = arrival('$01', LUCIA.id, personPayload(HIDDEN, '2026-11-02T00:00:00Z'));
const fold = (events: DirectoryArrival[], points247?: DirectoryArrival[]) =>
	foldDirectory({ network: REFCO.id, roster, serverOf, events, ...(points247 === undefined ? {} : { points247 }) });
const lucia = (view: ReturnType<typeof fold>) => view.people.find((p) => p.entry.id === LUCIA.id)?.entry;

describe('contact details for 24/7 points only', () => {
	it('shows a reader without the 24/7 room that they exist, and neither phone nor e-mail', () => {
		const view = fold([named, entry]);
		expect(view.points247).toBe(false);
		expect(lucia(view)).toEqual(HIDDEN);
		expect(lucia(view)).not.toHaveProperty('phone');
		expect(lucia(view)).not.toHaveProperty('email');
	});

	it('merges the latest counted contact into the entry for a reader of the 24/7 room, whatever the arrival order', () => {
		const older = arrival('$11', LUCIA.id, contact('2026-11-02T00:00:00Z', '+502 5555 0000', 'old@mp.gob.gt'));
		const newer = arrival('$10', LUCIA.id, contact('2026-11-03T00:00:00Z', '+502 5555 0101', 'lramirez@mp.gob.gt'));
		for (const points of [
			[older, newer],
			[newer, older],
		]) {
			const view = fold([named, entry], points);
			expect(view.points247).toBe(true);
			expect(lucia(view)).toEqual({ ...HIDDEN, phone: '+502 5555 0101', email: 'lramirez@mp.gob.gt' });
			expect(view.ignored).toEqual([]);
		}
	});

	it('ignores a contact forged by someone who is not the person’s editor, with its reason', () => {
		const forged = arrival('$12', CARLOS, contact('2026-11-05T00:00:00Z', '+502 6666 6666'));
		const view = fold([named, entry], [forged]);
		expect(lucia(view)).toEqual(HIDDEN);
		expect(view.ignored).toEqual([{ eventId: '$12', sender: CARLOS, reason: { kind: 'not-editor', authority: GT_MP } }]);
	});

	it('ignores a contact that does not pass the trust rule', () => {
		const refused = { counts: false, code: 'not-encrypted', reason: 'sent in the clear' } as const;
		const clear = arrival('$13', LUCIA.id, contact('2026-11-05T00:00:00Z', '+502 6666 6666'), refused);
		const view = fold([named, entry], [clear]);
		expect(lucia(view)).toEqual(HIDDEN);
		expect(view.ignored).toEqual([
			{ eventId: '$13', sender: LUCIA.id, reason: { kind: 'untrusted', code: 'not-encrypted', authority: GT_MP } },
		]);
	});

	it('keeps each room to its own payloads: a contact in the directory room and an entry in the 24/7 room are ignored', () => {
		const leaked = arrival('$14', LUCIA.id, contact('2026-11-05T00:00:00Z', '+502 6666 6666'));
		const misplaced = arrival('$15', LUCIA.id, personPayload({ ...ANA, name: 'Ana Elsewhere' }, '2026-11-05T00:00:00Z'));
		const view = fold([named, entry, leaked], [misplaced]);
		expect(lucia(view)).toEqual(HIDDEN);
		expect(view.people.map((p) => p.entry.name)).toEqual([LUCIA.name]);
		expect(view.ignored).toEqual([
			{ eventId: '$14', sender: LUCIA.id, reason: { kind: 'wrong-room', authority: GT_MP } },
			{ eventId: '$15', sender: LUCIA.id, reason: { kind: 'wrong-room', authority: GT_MP } },
		]);
	});

	it('uses no contact for a person whose entry shows their details to everyone', () => {
		const open = arrival('$02', LUCIA.id, personPayload(LUCIA, '2026-11-04T00:00:00Z'));
		const stale = arrival('$16', LUCIA.id, contact('2026-11-03T00:00:00Z', '+502 6666 6666'));
		expect(lucia(fold([named, entry, open], [stale]))).toEqual(LUCIA);
	});

	it('lets the bridge write a contact for its authority, like an entry', () => {
		const byBridge = arrival('$17', BRIDGE, contact('2026-11-05T00:00:00Z', '+502 5555 0101'));
		expect(lucia(fold([named, entry], [byBridge]))?.phone).toBe('+502 5555 0101');
	});
});

describe('the contact payload', () => {
	it('round-trips through the builder and parser, its body naming neither phone nor e-mail', () => {
		const payload = contact('2026-11-03T00:00:00Z', '+502 5555 0101', 'lramirez@mp.gob.gt');
		const content = buildDirectoryContent(payload);
		expect(parseDirectoryContent(content)).toEqual({ ok: true, value: payload });
		expect(String(content['body'])).not.toMatch(/5555|lramirez@/);
	});

	it('refuses a malformed phone', () => {
		const content = buildDirectoryContent(contact('2026-11-03T00:00:00Z', 'call me'));
		expect(parseDirectoryContent(content)).toMatchObject({ ok: false });
	});

	it('refuses a restricted person entry that carries a phone or an e-mail anyway', () => {
		const content = buildDirectoryContent(personPayload({ ...LUCIA, contactVisibility: 'points-247' }, '2026-11-03T00:00:00Z'));
		const parsed = parseDirectoryContent(content);
		expect(parsed.ok).toBe(false);
		expect(!parsed.ok && parsed.error).toMatch(/24\/7 points only/);
		expect(parseDirectoryContent(buildDirectoryContent(personPayload(HIDDEN, '2026-11-03T00:00:00Z')))).toMatchObject({ ok: true });
	});
});

describe('splitContact', () => {
	const at = stamp('2026-11-03T00:00:00Z');
	it('sends an entry whose details are for everyone as it is', () => {
		expect(splitContact(LUCIA, at)).toEqual({ entry: LUCIA });
	});

	it('splits a restricted entry into the bare entry and a contact with the same stamp, which fold back into the whole', () => {
		const { entry: bare, contact: split } = splitContact({ ...LUCIA, contactVisibility: 'points-247' }, at);
		expect(bare).toEqual(HIDDEN);
		expect(split).toEqual({ type: 'contact', authority: GT_MP, person: LUCIA.id, phone: LUCIA.phone, email: LUCIA.email, updated: at });
		const view = fold([named, arrival('$30', LUCIA.id, { type: 'person', entry: bare, updated: at })], [arrival('$31', LUCIA.id, split!)]);
		expect(lucia(view)).toEqual({ ...LUCIA, contactVisibility: 'points-247' });
	});
});
