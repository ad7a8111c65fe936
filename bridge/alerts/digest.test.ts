import { afterEach, describe, expect, it } from 'vitest';
import type { MailText } from '../../policies/alerts/index.ts';
import type { Opened, RoomId } from '../../policies/cases/index.ts';
import { AMINA, ANA, envelope, OPENED } from '../../policies/cases/testing/fixtures.ts';
import { err, ok } from '../../policies/result.ts';
import { NIGERIA } from '../../policies/roster/testing/demo.ts';
import { batch, inRoom, must, open, tempDir } from '../register/testing.ts';
import { digester, digestMessageIdOf } from './digest.ts';
import type { MailFailure } from './mailer.ts';
import type { Addressee } from './settings.ts';

const M = 60_000;
const T = Date.UTC(2026, 11, 4, 9);
const FROM = 'rogatory@ca.ng.example';
const id = (localpart: string) => `@${localpart}:${NIGERIA.homeserver}`;
const PEOPLE = new Map<string, Addressee>([
	[id('ada'), { email: 'ada@ca.ng.example', language: 'en', roles: ['focal-point-24-7'] }],
	[id('off'), { email: 'off@ca.ng.example', language: 'fr', roles: ['central-authority-officer'] }],
	[id('pros'), { email: 'pros@ca.ng.example', language: 'en', roles: ['prosecutor'] }],
	[id('none'), { language: 'en', roles: ['focal-point'] }],
]);
const routine = (n: number): Opened => ({ ...OPENED, fields: { ...OPENED.fields, title: `Routine ${n}`, urgency: 'routine' } });
const room = (n: number) => `!routine${n}:mp.gt.example` as RoomId;

interface Sent {
	readonly to: string;
	readonly text: MailText;
	readonly messageId: string | undefined;
}

function setup(options: { fail?: () => boolean } = {}) {
	const dir = tempDir();
	const register = open(dir.file('r.sqlite'));
	const sent: Sent[] = [];
	let now = T;
	const engine = digester({
		register,
		authority: NIGERIA.id,
		people: PEOPLE,
		mailer: {
			send: (to, text, o) => {
				if (options.fail?.() === true) return Promise.resolve(err<MailFailure>({ kind: 'unreachable', message: 'down' }));
				sent.push({ to, text, messageId: o?.messageId });
				return Promise.resolve(ok({ response: '250 OK' }));
			},
		},
		from: FROM,
		link: 'https://rogatory.ca.ng.example',
		batchMinutes: 60,
		now: () => now,
		log: () => undefined,
	});
	return {
		register,
		sent,
		open: (n: number, at: number) => must(register.ingest(batch(inRoom(room(n), [envelope(`$open${n}`, ANA, at, routine(n))])))),
		at: async (t: number) => {
			now = t;
			await engine.pass();
		},
		cleanup: () => {
			register.close();
			dir.cleanup();
		},
	};
}

describe('the batched mails about new routine requests', () => {
	let done: (() => void) | undefined;
	afterEach(() => done?.());

	it('go at once to those who take in requests and have an address, then at most one per window per person', async () => {
		const s = setup();
		done = s.cleanup;
		s.open(1, T);
		await s.at(T + M);
		expect(s.sent.map((m) => [m.to, m.text.subject])).toEqual([
			['ada@ca.ng.example', 'You have 1 new request waiting in Rogatory'],
			['off@ca.ng.example', 'Vous avez 1 nouvelle demande en attente dans Rogatory'],
		]);
		expect(s.sent[0]!.messageId).toBe(digestMessageIdOf(id('ada'), T + M, FROM));
		for (const m of s.sent) expect(`${m.text.subject}\n${m.text.body}`).not.toMatch(/Routine|MP-FECO|Guatemala/);
		// A second request within the window: no second mail, at any pass.
		s.open(2, T + 10 * M);
		s.open(3, T + 20 * M);
		await s.at(T + 11 * M);
		await s.at(T + 60 * M);
		expect(s.sent).toHaveLength(2);
		// The window over: one mail each, counting both.
		await s.at(T + 61 * M);
		expect(s.sent.slice(2).map((m) => [m.to, m.text.subject])).toEqual([
			['ada@ca.ng.example', 'You have 2 new requests waiting in Rogatory'],
			['off@ca.ng.example', 'Vous avez 2 nouvelles demandes en attente dans Rogatory'],
		]);
		await s.at(T + 200 * M);
		expect(s.sent).toHaveLength(4);
	});

	it('count nothing acknowledged, and wait after an escalation’s mail to the person', async () => {
		const s = setup();
		done = s.cleanup;
		s.open(1, T);
		must(s.register.ingest(batch(inRoom(room(1), [envelope('$ack1', AMINA, T + 1, { type: 'acknowledged' })]))));
		await s.at(T + M);
		expect(s.sent).toEqual([]);
		must(
			s.register.escalations.record({
				alertId: '!urgent',
				kind: 'urgent-request',
				room: '!urgent',
				step: 0,
				as: 'on-call',
				recipients: [id('ada')],
				dueAt: T + M,
				recordedAt: T + M,
				held: [],
			}),
		);
		must(s.register.escalations.markSent('!urgent', 0, T + 2 * M));
		s.open(2, T + 3 * M);
		await s.at(T + 4 * M);
		expect(s.sent.map((m) => m.to)).toEqual(['off@ca.ng.example']);
		await s.at(T + 62 * M);
		expect(s.sent.map((m) => m.to)).toEqual(['off@ca.ng.example', 'ada@ca.ng.example']);
	});

	it('send a mail the relay refused again with its Message-ID, and record no second one meanwhile', async () => {
		let down = true;
		const s = setup({ fail: () => down });
		done = s.cleanup;
		s.open(1, T);
		await s.at(T + M);
		await s.at(T + 2 * M);
		expect(s.sent).toEqual([]);
		expect(must(s.register.digests.unsent()).map((r) => [r.recipient, r.recordedAt])).toEqual([
			[id('ada'), T + M],
			[id('off'), T + M],
		]);
		down = false;
		await s.at(T + 3 * M);
		expect(s.sent.map((m) => [m.to, m.messageId])).toEqual([
			['ada@ca.ng.example', digestMessageIdOf(id('ada'), T + M, FROM)],
			['off@ca.ng.example', digestMessageIdOf(id('off'), T + M, FROM)],
		]);
		expect(must(s.register.digests.unsent())).toEqual([]);
		await s.at(T + 4 * M);
		expect(s.sent).toHaveLength(2);
	});
});
