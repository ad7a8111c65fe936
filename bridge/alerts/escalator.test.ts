import { afterEach, describe, expect, it } from 'vitest';
import type { MailText } from '../../policies/alerts/index.ts';
import { AMINA, ANA, envelope, OPENED, ROOM } from '../../policies/cases/testing/fixtures.ts';
import type { RoomId } from '../../policies/cases/index.ts';
import type { PersonEntry } from '../../policies/directory/types.ts';
import { ok, err } from '../../policies/result.ts';
import { NIGERIA } from '../../policies/roster/testing/demo.ts';
import { batch, inRoom, must, open, REGISTER_CONTEXT, tempDir } from '../register/testing.ts';
import { escalator, messageIdOf, STARTS_WITHIN_MS, stepTxnIdOf, type CaseRoomSender } from './escalator.ts';
import type { MailFailure } from './mailer.ts';
import type { Addressee } from './settings.ts';

const M = 60_000;
const H = 60 * M;
const T = Date.UTC(2026, 11, 4, 9);
const NG = NIGERIA.homeserver;
const id = (localpart: string) => `@${localpart}:${NG}`;

const point = (localpart: string, from: number, to: number): PersonEntry => ({
	id: id(localpart),
	authority: NIGERIA.id,
	name: localpart,
	roles: ['focal-point-24-7'],
	languages: ['en'],
	matrixId: id(localpart),
	rota: [{ from: new Date(from).toISOString(), to: new Date(to).toISOString() }],
});
const ENTRIES = [point('ada', T - H, T + 8 * H), point('ben', T + 8 * H, T + 16 * H)];
const PEOPLE = new Map<string, Addressee>([
	[id('ada'), { email: 'ada@ca.ng.example', language: 'en', roles: ['focal-point-24-7'] }],
	[id('ben'), { email: 'ben@ca.ng.example', language: 'fr', roles: ['focal-point-24-7'] }],
	[id('off'), { language: 'en', roles: ['central-authority-officer'] }],
]);

interface Sent {
	readonly to: string;
	readonly text: MailText;
	readonly messageId: string | undefined;
}

/** Further urgent requests to Nigeria, each in a room of its own, opened at T. */
const moreRooms = (n: number): RoomId[] => Array.from({ length: n }, (_, i) => `!flood${i}:${NG}` as RoomId);

function setup(options: { fail?: () => boolean; caseRoom?: CaseRoomSender; mailsPerHour?: number; more?: readonly RoomId[] } = {}) {
	const dir = tempDir();
	const register = open(dir.file('r.sqlite'));
	must(register.ingest(batch(inRoom(ROOM, [envelope('$open', ANA, T, OPENED)]))));
	for (const [i, room] of (options.more ?? []).entries())
		must(register.ingest(batch(inRoom(room, [envelope(`$open${i}`, ANA, T, OPENED)]), `s-more${i}`)));
	const sent: Sent[] = [];
	const lines: string[] = [];
	let now = T;
	const engine = escalator({
		register,
		authority: NIGERIA.id,
		servers: REGISTER_CONTEXT.servers,
		entries: () => ENTRIES,
		officers: [id('off')],
		people: PEOPLE,
		mailer: {
			send: (to, text, o) => {
				if (options.fail?.() === true) return Promise.resolve(err<MailFailure>({ kind: 'unreachable', message: 'down' }));
				sent.push({ to, text, messageId: o?.messageId });
				return Promise.resolve(ok({ response: '250 OK' }));
			},
		},
		from: 'rogatory@ca.ng.example',
		link: 'https://rogatory.ca.ng.example',
		ackWithinMinutes: 30,
		mailsPerHour: options.mailsPerHour ?? 10,
		now: () => now,
		log: (line) => lines.push(line),
		caseRoom: () => options.caseRoom,
	});
	const steps = () => must(register.escalations.ofAlert(ROOM)).map((s) => [s.step, s.as, s.recipients, s.recordedAt, s.sentAt]);
	return {
		register,
		sent,
		lines,
		steps,
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

describe('the escalation of an unacknowledged urgent request', () => {
	let done: (() => void) | undefined;
	afterEach(() => done?.());

	it('mails the one on call at once, the next on duty after the wait, then the officers; each step once, in the register', async () => {
		const s = setup();
		done = s.cleanup;
		await s.at(T + M);
		await s.at(T + 2 * M);
		expect(s.sent.map((m) => m.to)).toEqual(['ada@ca.ng.example']);
		expect(s.sent[0]!.text.subject).toBe('You have 1 urgent request waiting in Rogatory');
		expect(s.sent[0]!.messageId).toBe(messageIdOf(ROOM, 0, id('ada'), 'rogatory@ca.ng.example'));
		await s.at(T + 30 * M);
		expect(s.sent).toHaveLength(1);
		await s.at(T + 31 * M);
		expect(s.sent.map((m) => m.to)).toEqual(['ada@ca.ng.example', 'ben@ca.ng.example']);
		expect(s.sent[1]!.text.subject).toMatch(/Rogatory/);
		expect(s.sent[1]!.text.subject).not.toBe(s.sent[0]!.text.subject);
		await s.at(T + 61 * M);
		await s.at(T + 200 * M);
		expect(s.sent).toHaveLength(2);
		expect(s.steps()).toEqual([
			[0, 'on-call', [id('ada')], T + M, T + M],
			[1, 'next-on-duty', [id('ben')], T + 31 * M, T + 31 * M],
			[2, 'officers', [id('off')], T + 61 * M, T + 61 * M],
		]);
		expect(s.lines.some((l) => l.includes(`${id('off')} has no e-mail address`))).toBe(true);
		expect(s.lines.join('\n')).not.toMatch(/Cóndor|MP-FECO|ca\.ng\.example>|ada@/);
	});

	it('sends a recorded step again when its mail failed, with the same Message-ID, and takes no next step before', async () => {
		let down = true;
		const s = setup({ fail: () => down });
		done = s.cleanup;
		await s.at(T + M);
		expect(s.steps()).toEqual([[0, 'on-call', [id('ada')], T + M, null]]);
		await s.at(T + 40 * M);
		expect(s.steps()).toHaveLength(1);
		down = false;
		await s.at(T + 41 * M);
		expect(s.sent.map((m) => [m.to, m.messageId])).toEqual([
			['ada@ca.ng.example', messageIdOf(ROOM, 0, id('ada'), 'rogatory@ca.ng.example')],
		]);
		// The wait for the next step counts from when the step went.
		await s.at(T + 70 * M);
		expect(s.steps()).toHaveLength(1);
		await s.at(T + 71 * M);
		expect(s.steps().map((r) => r[1])).toEqual(['on-call', 'next-on-duty']);
	});

	it('stops once someone of the requested side acknowledged', async () => {
		const s = setup();
		done = s.cleanup;
		await s.at(T + M);
		must(s.register.ingest(batch(inRoom(ROOM, [envelope('$ack', AMINA, T + 5 * M, { type: 'acknowledged' })]), 's2')));
		await s.at(T + 31 * M);
		await s.at(T + 90 * M);
		expect(s.sent).toHaveLength(1);
		expect(s.steps()).toHaveLength(1);
		expect(s.lines.filter((l) => l.includes('acknowledged: no further step'))).toHaveLength(1);
	});

	it('does not start on a request raised long before the bridge first looked', async () => {
		const s = setup();
		done = s.cleanup;
		await s.at(T + STARTS_WITHIN_MS + M);
		expect(s.sent).toHaveLength(0);
		expect(s.steps()).toHaveLength(0);
	});

	it('goes on with an escalation under way, however long ago the request was opened', async () => {
		const s = setup();
		done = s.cleanup;
		await s.at(T + M);
		await s.at(T + STARTS_WITHIN_MS + M);
		expect(s.steps().map((r) => r[1])).toEqual(['on-call', 'next-on-duty']);
	});

	it('tells the case room of each step once its mails went, encrypted by the bot, once — again at the next pass if the room could not be told', async () => {
		const told: { room: string; type: string; content: Record<string, unknown>; txnId: string }[] = [];
		let down = true;
		const s = setup({
			caseRoom: (room, type, content, txnId) => {
				if (down) return Promise.resolve(err({ final: false, message: 'not known yet as an encrypted room' }));
				told.push({ room, type, content, txnId });
				return Promise.resolve(ok(`$step${told.length}`));
			},
		});
		done = s.cleanup;
		await s.at(T + M);
		expect(told).toEqual([]);
		down = false;
		await s.at(T + 2 * M);
		await s.at(T + 3 * M);
		expect(told).toEqual([
			{
				room: ROOM,
				type: 'org.rogatory.alert.step',
				content: { v: 1, kind: 'urgent-request', alert: ROOM, step: 0, as: 'on-call', told: [id('ada')], at: T + M },
				txnId: stepTxnIdOf(ROOM, 0),
			},
		]);
		await s.at(T + 31 * M);
		expect(told.map((t) => [t.content['step'], t.content['as'], t.content['told']])).toEqual([
			[0, 'on-call', [id('ada')]],
			[1, 'next-on-duty', [id('ben')]],
		]);
		// The officer has no address: not mailed, so the room is not told he was.
		await s.at(T + 61 * M);
		await s.at(T + 62 * M);
		expect(s.steps().map((r) => r[1])).toEqual(['on-call', 'next-on-duty', 'officers']);
		expect(told).toHaveLength(2);
		expect(s.lines.some((l) => l.includes('no one of it was mailed'))).toBe(true);
		expect(JSON.stringify(told)).not.toMatch(/Cóndor|MP-FECO|@ca\.ng\.example/);
	});

	it('mails one person at most the cap in an hour however many urgent requests come; the rest are held, logged, not named to the case, and the chain goes on', async () => {
		const told: { room: string; told: unknown }[] = [];
		const more = moreRooms(4);
		const s = setup({
			mailsPerHour: 3,
			more,
			caseRoom: (room, _type, content) => {
				told.push({ room, told: content['told'] });
				return Promise.resolve(ok(`$step${told.length}`));
			},
		});
		done = s.cleanup;
		await s.at(T + M);
		expect(s.sent.map((m) => m.to)).toEqual(['ada@ca.ng.example', 'ada@ca.ng.example', 'ada@ca.ng.example']);
		const rooms = [ROOM, ...more];
		const stepsOf = (room: string) => must(s.register.escalations.ofAlert(room));
		for (const room of rooms) expect(stepsOf(room).map((r) => [r.step, r.sentAt])).toEqual([[0, T + M]]);
		expect(rooms.map((room) => stepsOf(room)[0]!.held)).toEqual([[], [], [], [id('ada')], [id('ada')]]);
		expect(s.lines.filter((l) => l.endsWith(`${id('ada')} not mailed: 3 escalation mails in the last hour`))).toHaveLength(2);
		// The case rooms are told only of those mailed.
		await s.at(T + 2 * M);
		expect(told.filter((t) => JSON.stringify(t.told) === JSON.stringify([id('ada')]))).toHaveLength(3);
		expect(told).toHaveLength(3);
		// Nothing held goes later: the one on call was mailed three times, each saying to open Rogatory.
		await s.at(T + 20 * M);
		expect(s.sent).toHaveLength(3);
		// The chain goes on for all five on time: the next on duty has a cap of his own.
		await s.at(T + 31 * M);
		for (const room of rooms) expect(stepsOf(room).map((r) => r.as)).toEqual(['on-call', 'next-on-duty']);
		expect(s.sent.filter((m) => m.to === 'ben@ca.ng.example')).toHaveLength(3);
		// An hour after the first mails, the one on call can be mailed again.
		must(s.register.ingest(batch(inRoom('!late:x' as RoomId, [envelope('$late', ANA, T + 62 * M, OPENED)]), 's-late')));
		await s.at(T + 62 * M);
		expect(s.sent.filter((m) => m.to === 'ada@ca.ng.example')).toHaveLength(4);
	});
});
