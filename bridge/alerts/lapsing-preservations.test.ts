import { afterEach, describe, expect, it } from 'vitest';
import { LAPSING_WITHIN_MS, lapsingAlertId, type MailText } from '../../policies/alerts/index.ts';
import { AMINA, ANA, envelope, OPENED, ROOM } from '../../policies/cases/testing/fixtures.ts';
import type { PersonEntry } from '../../policies/directory/types.ts';
import { foldPreservations } from '../../policies/preservation/record/index.ts';
import { content, PCONTEXT } from '../../policies/preservation/record/testing/fixtures.ts';
import type { RuleId } from '../../policies/preservation/types.ts';
import { ok } from '../../policies/result.ts';
import { GUATEMALA, NIGERIA } from '../../policies/roster/testing/demo.ts';
import { registerSchema } from '../register/index.ts';
import { batch, inRoom, must, open, REGISTER_CONTEXT, tempDir } from '../register/testing.ts';
import { escalator, messageIdOf } from './escalator.ts';
import { lapsingSubjects } from './lapsing-preservations.ts';
import type { Addressee } from './settings.ts';

const M = 60_000;
const H = 60 * M;
const T0 = Date.UTC(2026, 8, 1, 9);
const GT = GUATEMALA.homeserver;
const id = (localpart: string) => `@${localpart}:${GT}`;
const SERVERS = REGISTER_CONTEXT.servers;

// Guatemala asked Nigeria for the case, and for a preservation Nigeria confirmed at T0 (90 days, 18 U.S.C. § 2703(f)).
const KEPT = [
	{
		room: ROOM,
		eventId: '$req',
		sender: ANA,
		originServerTs: T0 - H,
		content: content({
			type: 'preservation-requested',
			custodian: 'Example Mail Ltd.',
			identifiers: ['marisol@example.com'],
			ranges: [],
			rule: 'us-2703f' as RuleId,
			sent: new Date(T0 - 2 * H).toISOString(),
		}),
	},
	{
		room: ROOM,
		eventId: '$conf',
		sender: AMINA,
		originServerTs: T0 + M,
		content: content({ type: 'preservation-confirmed', preservation: '$req' as never, confirmedAt: new Date(T0).toISOString() }),
	},
];
const EXPIRES = (() => {
	const fold = foldPreservations(
		KEPT.map((k) => ({ ...k })),
		PCONTEXT,
	);
	return fold.records[0]!.deadline!.expiresAt;
})();
const RAISED = EXPIRES - LAPSING_WITHIN_MS;
const ALERT = lapsingAlertId('$req', EXPIRES);

const point = (localpart: string, from: number, to: number): PersonEntry => ({
	id: id(localpart),
	authority: GUATEMALA.id,
	name: localpart,
	roles: ['focal-point-24-7'],
	languages: ['es'],
	matrixId: id(localpart),
	rota: [{ from: new Date(from).toISOString(), to: new Date(to).toISOString() }],
});
const PEOPLE = new Map<string, Addressee>([
	[id('eva'), { email: 'eva@mp.gt.example', language: 'es', roles: ['focal-point-24-7'] }],
	[id('off'), { email: 'off@mp.gt.example', language: 'en', roles: ['central-authority-officer'] }],
]);

function setup(entries: () => PersonEntry[] = () => [point('eva', RAISED - H, RAISED + 8 * H)]) {
	const dir = tempDir();
	const register = open(dir.file('r.sqlite'));
	must(register.ingest(batch(inRoom(ROOM, [envelope('$open', ANA, T0 - 2 * H, OPENED)]))));
	must(register.schedule.keep(KEPT));
	const sent: { to: string; text: MailText; messageId: string | undefined }[] = [];
	let now = RAISED;
	const engine = (authority: typeof GUATEMALA.id) =>
		escalator({
			register,
			authority,
			servers: SERVERS,
			entries,
			officers: [id('off')],
			people: PEOPLE,
			mailer: {
				send: (to, text, o) => {
					sent.push({ to, text, messageId: o?.messageId });
					return Promise.resolve(ok({ response: '250 OK' }));
				},
			},
			from: 'rogatory@mp.gt.example',
			link: 'https://rogatory.mp.gt.example',
			ackWithinMinutes: 30,
			mailsPerHour: 10,
			now: () => now,
			log: () => {},
		});
	return {
		register,
		sent,
		engine,
		set: (t: number) => {
			now = t;
		},
		cleanup: () => {
			register.close();
			dir.cleanup();
		},
	};
}

describe('the escalation of a lapsing preservation', () => {
	let done: (() => void) | undefined;
	afterEach(() => done?.());

	it('is raised 48 hours before the expiry for the authority that asked for it, not the one asked, and ends at the lapse', () => {
		const s = setup();
		done = s.cleanup;
		const subjects = (own: typeof GUATEMALA.id, now: number) => must(lapsingSubjects(s.register, own, SERVERS, now));
		expect(subjects(GUATEMALA.id, RAISED + H)).toEqual([
			{ alert: { kind: 'preservation-lapsing', room: ROOM, id: ALERT, raisedAt: RAISED }, acknowledged: false },
		]);
		expect(subjects(NIGERIA.id, RAISED + H)).toEqual([]);
		expect(subjects(GUATEMALA.id, RAISED - M)).toEqual([]);
		expect(subjects(GUATEMALA.id, EXPIRES)).toEqual([]);
	});

	it('mails the one on call a content-free mail, then the officers; an answered reminder of the preservation stops it', async () => {
		const s = setup();
		done = s.cleanup;
		const engine = s.engine(GUATEMALA.id);
		s.set(RAISED + M);
		await engine.pass();
		expect(s.sent.map((m) => [m.to, m.text.subject, m.messageId])).toEqual([
			[
				'eva@mp.gt.example',
				'Una conservación de datos en Rogatory requiere atención en las próximas 48 horas',
				messageIdOf(ALERT, 0, id('eva'), 'rogatory@mp.gt.example'),
			],
		]);
		expect(JSON.stringify(s.sent)).not.toMatch(/marisol|Example Mail|Cóndor|MP-FECO/);
		expect(must(s.register.escalations.ofAlert(ALERT)).map((r) => [r.kind, r.step, r.as, r.room])).toEqual([
			['preservation-lapsing', 0, 'on-call', ROOM],
		]);
		// Nigeria's bridge, asked, tells no one.
		await s.engine(NIGERIA.id).pass();
		expect(s.sent).toHaveLength(1);
		s.set(RAISED + 31 * M);
		await engine.pass();
		expect(s.sent.map((m) => m.to)).toEqual(['eva@mp.gt.example', 'off@mp.gt.example']);
		expect(s.sent[1]!.text.subject).toBe('A preservation in Rogatory needs attention within 48 hours');
	});

	it('tells the one on call when the first step goes, not when the alert was raised (the bridge saw it late)', async () => {
		const s = setup(() => [point('eva', RAISED - H, RAISED + 8 * H), point('fil', RAISED + 8 * H, RAISED + 16 * H)]);
		done = s.cleanup;
		const engine = s.engine(GUATEMALA.id);
		s.set(RAISED + 10 * H);
		await engine.pass();
		s.set(RAISED + 10 * H + 31 * M);
		await engine.pass();
		expect(must(s.register.escalations.ofAlert(ALERT)).map((r) => [r.step, r.as, r.recipients])).toEqual([
			[0, 'on-call', [id('fil')]],
			[1, 'officers', [id('off')]],
		]);
	});

	it('stops once a person the preservation reminder mentioned answered it after the alert was raised', async () => {
		const s = setup();
		done = s.cleanup;
		const store = s.register.schedule;
		const row = {
			id: 'r48',
			room: ROOM,
			preservation: '$req',
			kind: 'reminder' as const,
			offsetMs: LAPSING_WITHIN_MS,
			expires: EXPIRES,
			dueAt: RAISED,
			state: 'scheduled' as const,
			txnId: 't48',
			escalates: null,
			sentAt: null,
			eventId: null,
			acknowledgedAt: null,
			acknowledgedBy: null,
		};
		must(store.reconcile([{ room: ROOM, rows: [row] }]));
		must(store.claim('r48'));
		must(store.sent('r48', RAISED, '$notice', [ANA]));
		const engine = s.engine(GUATEMALA.id);
		s.set(RAISED + M);
		await engine.pass();
		expect(s.sent).toHaveLength(1);
		must(store.acknowledge([{ room: ROOM, sender: ANA, at: RAISED + 5 * M }]));
		expect(must(lapsingSubjects(s.register, GUATEMALA.id, SERVERS, RAISED + 6 * M))[0]?.acknowledged).toBe(true);
		s.set(RAISED + 40 * M);
		await engine.pass();
		expect(s.sent).toHaveLength(1);
		expect(must(s.register.escalations.ofAlert(ALERT))).toHaveLength(1);
	});

	it('stops for everyone once a person of the authority said “I have it” for the alert after it was raised — not an earlier one, nor for another expiry', async () => {
		const s = setup();
		done = s.cleanup;
		const engine = s.engine(GUATEMALA.id);
		s.set(RAISED + M);
		await engine.pass();
		expect(s.sent).toHaveLength(1);
		const ack = (eventId: string, alertId: string, at: number) => ({ alertId, room: ROOM, userId: id('eva'), eventId, at });
		// One said before the alert was raised (a replay of an earlier lapse's), one for another expiry: neither stops it.
		must(
			s.register.ingest({
				...batch([], 's-early'),
				alertAcks: [ack('$early', ALERT, RAISED - M), ack('$other', lapsingAlertId('$req', EXPIRES + H), RAISED + 2 * M)],
			}),
		);
		expect(must(lapsingSubjects(s.register, GUATEMALA.id, SERVERS, RAISED + 3 * M))[0]?.acknowledged).toBe(false);
		must(s.register.ingest({ ...batch([], 's-ack'), alertAcks: [ack('$ack', ALERT, RAISED + 5 * M)] }));
		// The same event again (a re-read batch) is one row.
		must(s.register.ingest({ ...batch([], 's-ack2'), alertAcks: [ack('$ack', ALERT, RAISED + 5 * M)] }));
		expect(must(lapsingSubjects(s.register, GUATEMALA.id, SERVERS, RAISED + 6 * M))[0]?.acknowledged).toBe(true);
		s.set(RAISED + 40 * M);
		await engine.pass();
		expect(s.sent).toHaveLength(1);
		expect(must(s.register.escalations.ofAlert(ALERT))).toHaveLength(1);
		const rows = s.register.db.select().from(registerSchema.alertAcks).all();
		expect(rows.map((r) => r.eventId).sort()).toEqual(['$ack', '$early', '$other']);
	});

	it('refuses a batch whose acknowledgement is malformed, keeping nothing of it', () => {
		const s = setup();
		done = s.cleanup;
		const bad = s.register.ingest({
			...batch([], 's-bad'),
			alertAcks: [{ alertId: ALERT, room: ROOM, userId: id('eva'), eventId: '$b', at: -1 }],
		});
		expect(bad.ok).toBe(false);
		expect(s.register.db.select().from(registerSchema.alertAcks).all()).toEqual([]);
	});
});
