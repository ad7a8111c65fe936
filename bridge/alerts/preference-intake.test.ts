import { describe, expect, it } from 'vitest';
import { buildAlertPreferencesContent, type AlertPreferences } from '../../policies/alerts/index.ts';
import { judgeArrival } from '../../policies/trust/index.ts';
import type { IngestedEvent } from '../register/index.ts';
import { addresseesFor, LiveAddressees } from './addressees.ts';
import { pickPreferences, preferencesSink } from './preference-intake.ts';
import type { Addressee } from './settings.ts';

const T = Date.UTC(2026, 11, 5, 2);
const AMINA = '@amina.bello:ng.example';
const TUNDE = '@tunde.adeyemi:ng.example';
const PEOPLE = new Set([AMINA, TUNDE]);
const SECRET = 'amina.private@mail.example';
const COUNTS = { counts: true, verification: 'cross-signed' } as const;

const event = (id: string, preferences: Partial<AlertPreferences> = {}, over: Partial<IngestedEvent> = {}): IngestedEvent => ({
	room: '!dm:ng.example',
	eventId: id,
	sender: AMINA,
	originServerTs: T,
	content: buildAlertPreferencesContent({ version: T, email: SECRET, off: [], ...preferences }),
	trust: COUNTS,
	...over,
});

function pick(events: IngestedEvent[], held: Record<string, number> = {}) {
	const lines: string[] = [];
	const rows = pickPreferences(events, { people: PEOPLE, versionOf: (u) => held[u], log: (l) => lines.push(l) });
	return { rows, lines };
}

describe('the alert settings the bridge takes from a batch', () => {
	it('takes a person’s setting as their own, and logs it without the address', () => {
		const { rows, lines } = pick([event('$1')]);
		expect(rows).toEqual([{ userId: AMINA, version: T, email: SECRET, off: [], eventId: '$1', sentAt: T }]);
		expect(lines).toEqual([`alerts: $1 from ${AMINA}: alert setting taken (version ${T}, their own address)`]);
	});

	it('refuses one sent in the clear — a member’s access token is not enough — and logs why', () => {
		const clear = judgeArrival({ encrypted: false, roomEncrypted: true });
		const { rows, lines } = pick([event('$clear', {}, { trust: clear })]);
		expect(rows).toEqual([]);
		expect(lines[0]).toMatch(/^alerts: \$clear from @amina\.bello:ng\.example: alert setting not taken: sent in the clear/);
	});

	it('refuses one from a device its owner did not cross-sign', () => {
		const unsigned = judgeArrival({
			encrypted: true,
			roomEncrypted: true,
			shield: 'unsigned-device',
			identityChanged: false,
			senderVerified: false,
		});
		expect(pick([event('$u', {}, { trust: unsigned })]).rows).toEqual([]);
	});

	it('never sets another person’s address, and refuses people of other authorities', () => {
		const asTunde = event('$t', {}, { sender: TUNDE, content: { ...(event('$x').content as object), user_id: AMINA } });
		expect(pick([asTunde]).rows.map((r) => r.userId)).toEqual([TUNDE]);
		const { rows, lines } = pick([event('$gt', {}, { sender: '@ana.lopez:gt.example' })]);
		expect(rows).toEqual([]);
		expect(lines[0]).toContain('not one of this authority’s people');
	});

	it('does not let an older setting replayed win, and keeps one row of a flood: the newest', () => {
		expect(pick([event('$old', { version: T - 10 })], { [AMINA]: T - 5 }).rows).toEqual([]);
		const flood = Array.from({ length: 50 }, (_, i) => event(`$f${i}`, { version: T - 100 + i }));
		const { rows, lines } = pick([...flood, event('$late', { version: T - 200 })]);
		expect(rows).toEqual([{ userId: AMINA, version: T - 51, email: SECRET, off: [], eventId: '$f49', sentAt: T }]);
		for (const line of lines) expect(line).not.toContain(SECRET);
	});

	it('leaves other events alone and never logs a malformed address', () => {
		const chat = { ...event('$chat'), content: { msgtype: 'm.text', body: 'hello' } };
		expect(pick([chat])).toEqual({ rows: [], lines: [] });
		const bad = {
			...event('$bad'),
			content: { 'org.rogatory.alert_preferences': { v: 1, version: T, email: 'secret\r\nBcc: x', off: [] } },
		};
		const { rows, lines } = pick([bad]);
		expect(rows).toEqual([]);
		expect(lines[0]).not.toContain('secret');
	});
});

describe('the sink that hands the settings to the register', () => {
	it('commits a batch’s settings with the batch, and a batch without any as it was', () => {
		const committed: unknown[] = [];
		const sink = preferencesSink(
			{ load: () => undefined, commit: (b) => (committed.push(b), { ok: true, value: undefined }) },
			{ people: PEOPLE, versionOf: () => undefined, log: () => undefined },
		);
		const checkpoint = { syncToken: 's', store: new Uint8Array([1]) };
		const plain = { events: [], invitations: [], undecryptable: [], checkpoint };
		expect(sink.commit(plain).ok).toBe(true);
		expect(sink.commit({ ...plain, events: [event('$1')] }).ok).toBe(true);
		expect(committed[0]).toBe(plain);
		expect(committed[1]).toMatchObject({ alertPreferences: [{ userId: AMINA, email: SECRET, eventId: '$1' }] });
	});
});

describe('the alert settings’ sink', () => {
	it('says it took one only once the register kept the batch', () => {
		const lines: string[] = [];
		let fail = true;
		const sink = preferencesSink(
			{ load: () => undefined, commit: () => (fail ? { ok: false, error: 'disk full' } : { ok: true, value: undefined }) },
			{ people: PEOPLE, versionOf: () => undefined, log: (l) => lines.push(l) },
		);
		const batch = { events: [event('$1')], invitations: [], undecryptable: [], checkpoint: { syncToken: 's', store: new Uint8Array([1]) } };
		expect(sink.commit(batch).ok).toBe(false);
		expect(lines).toEqual([]);
		fail = false;
		expect(sink.commit(batch).ok).toBe(true);
		expect(lines).toEqual([`alerts: $1 from ${AMINA}: alert setting taken (version ${T}, their own address)`]);
	});
});

describe('the addressees with people’s own settings', () => {
	const base = new Map<string, Addressee>([
		[AMINA, { email: 'amina@ca.ng.example', language: 'en', roles: ['central-authority-officer'] }],
		[TUNDE, { email: 'tunde@ca.ng.example', language: 'en', roles: ['focal-point'] }],
	]);
	const row = (userId: string, email: string | null, off: string[]) => ({ userId, version: 1, email, off, eventId: '$e', sentAt: 1 });

	it('mails a person at their own address, the people file’s when they set none', () => {
		const rows = [row(AMINA, SECRET, []), row(TUNDE, null, [])];
		expect(addresseesFor(base, rows, 'urgent').get(AMINA)?.email).toBe(SECRET);
		expect(addresseesFor(base, rows, 'urgent').get(TUNDE)?.email).toBe('tunde@ca.ng.example');
	});

	it('leaves out a category the person turned off, but never urgent mails for an officer or 24/7 point', () => {
		const rows = [row(AMINA, SECRET, ['urgent', 'new-requests']), row(TUNDE, null, ['new-requests'])];
		expect(addresseesFor(base, rows, 'urgent').get(AMINA)?.email).toBe(SECRET);
		expect(addresseesFor(base, rows, 'new-requests').get(AMINA)?.email).toBeUndefined();
		expect(addresseesFor(base, rows, 'new-requests').get(TUNDE)?.email).toBeUndefined();
		expect(addresseesFor(base, rows, 'new-requests').get(TUNDE)?.language).toBe('en');
	});

	it('adds no one who is not in the people file', () => {
		expect([...addresseesFor(base, [row('@eve:ng.example', SECRET, [])], 'urgent').keys()]).toEqual([AMINA, TUNDE]);
	});

	it('reads the settings again at every use, and falls back to the people file when they cannot be read (logged)', () => {
		let rows: ReturnType<typeof row>[] = [];
		let broken = false;
		const lines: string[] = [];
		const live = new LiveAddressees(
			base,
			() => (broken ? { ok: false, error: { message: 'disk I/O error' } } : { ok: true, value: rows }),
			'new-requests',
			(l) => lines.push(l),
		);
		expect(live.get(TUNDE)?.email).toBe('tunde@ca.ng.example');
		rows = [row(TUNDE, SECRET, [])];
		expect(live.get(TUNDE)?.email).toBe(SECRET);
		expect([...live].map(([u, a]) => [u, a.email])).toEqual([
			[AMINA, 'amina@ca.ng.example'],
			[TUNDE, SECRET],
		]);
		broken = true;
		expect(live.get(TUNDE)?.email).toBe('tunde@ca.ng.example');
		expect(lines).toHaveLength(1);
		expect(lines[0]).not.toContain(SECRET);
	});
});
