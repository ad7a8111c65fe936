// The escalation of an unacknowledged urgent request (issue 16, acceptances 1
// and 2) against the real federation, Nigeria's bridge as a child process and
// a real SMTP conversation on loopback (smtp-server over STARTTLS, with a
// certificate of the test's own CA; mailparser reads what it got). Guatemala
// opens an urgent request to Nigeria: Nigeria's bridge mails its 24/7 focal
// point on call — content-free: no title, reference or name of the case in
// the headers or the decoded body; nobody acknowledges, so after the wait
// (shortened through ROGATORY_ALERTS_ESCALATE_SECONDS) the next on the rota
// gets it, then the officer; the bridge is SIGKILLed between steps and no
// step is skipped or repeated; the register shows each step with its time. In
// a second case an `acknowledged` case event, sent as the web app sends it,
// stops the escalation after its first step. First, a routine request is
// batched: the people who take in requests are mailed once, and a second
// routine request within the batch window mails no one.
// The relay, the people with their addresses and the 24/7 rota are
// tests/support/alerts/alerts-site.ts's (the rota written into the bridge's
// directory state, as its directory presence keeps its editors' entries
// there: the directory room's own path is the directory tests').
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { messageIdOf } from '../../bridge/alerts/escalator.ts';
import { serverMap } from '../../bridge/bot/config.ts';
import { openRegister, type EscalationStepRow } from '../../bridge/register/index.ts';
import type { CaseReference, Opened } from '../../policies/cases/index.ts';
import { OPENED } from '../../policies/cases/testing/fixtures.ts';
import { demoRoster } from '../../policies/roster/testing/demo.ts';
import { alertsSite, type AlertsSite } from '../support/alerts/alerts-site.ts';
import { escalationSteps } from '../support/alerts/escalation-steps.ts';
import type { BotProcess, BotSetup } from '../support/bot/bot-process.ts';
import { caseRoomWithBots, crossSignedClient, until } from '../support/bot/bot-room.ts';
import { stoppedAfterAll } from '../support/bot/test-processes.ts';
import { sendCaseEvent } from '../support/case-room-node.ts';
import { homeserverOf } from '../support/federation-info.ts';

const federation = inject('federation');
const ng = homeserverOf(federation, 'ng-ca');
const WAIT_SECONDS = 25;

// What must never reach a mail: the case's title, its reference, a name in it.
const TITLE = 'Bank records of Marisol Quispe-Huaman, Operacion Kestrel';
const REFERENCE = 'MP-FECO-2026-7781';
const MARKERS = [TITLE, 'Quispe', 'Marisol', 'Kestrel', REFERENCE, '7781'];
const opened = (n: number, urgency: Opened['fields']['urgency'] = 'urgent'): Opened => ({
	...OPENED,
	fields: { ...OPENED.fields, title: `${TITLE} ${n}`, requestingReference: `${REFERENCE}-${n}` as CaseReference, urgency },
});

let site: AlertsSite | undefined;
const { clients, bot: startBot } = stoppedAfterAll(async () => {
	await site?.close();
});

let setup: BotSetup;
let FROM: string;
/** What the relay accepted so far. */
const received = (): ParsedMail[] => site!.received.map((r) => r.mail);
const userId = (localpart: string) => site!.userId(localpart);

beforeAll(async () => {
	site = await alertsSite(ng, federation.homeservers);
	setup = site.setup;
	FROM = site.from;
	process.env['ROGATORY_ALERTS_ESCALATE_SECONDS'] = String(WAIT_SECONDS);
	process.env['ROGATORY_ALERTS_EVERY_SECONDS'] = '1';
}, 180_000);
afterAll(() => {
	delete process.env['ROGATORY_ALERTS_ESCALATE_SECONDS'];
	delete process.env['ROGATORY_ALERTS_EVERY_SECONDS'];
});

/** Whether the bridge's register holds the event, read beside the running bridge. */
function holds(eventId: string): boolean {
	const reg = openRegister(
		setup.config.registerFile,
		{ roster: demoRoster, servers: serverMap(setup.config, demoRoster) },
		{ readonly: true },
	);
	if (!reg.ok) return false;
	try {
		const held = reg.value.holds(eventId);
		return held.ok && held.value;
	} finally {
		reg.value.close();
	}
}

/** The batched mails (bridge/alerts/digest.ts), known by their Message-IDs. */
const batched = (): ParsedMail[] => received().filter((m) => m.messageId?.startsWith('<digest.') === true);

const steps = (room: string): EscalationStepRow[] => escalationSteps(setup, room);

/** The mails of a room's alert: known by their Message-IDs (messageIdOf), as nothing else in them names the case. */
const mailsOf = (room: string): ParsedMail[] => {
	const ids = new Set(
		[0, 1, 2].flatMap((step) => ['tunde.adeyemi', 'ifeoma.nwosu', 'amina.bello'].map((p) => messageIdOf(room, step, userId(p), FROM))),
	);
	return received().filter((m) => m.messageId !== undefined && ids.has(m.messageId));
};
const recipient = (m: ParsedMail) => (m.to !== undefined && 'text' in m.to ? m.to.text : '');

function expectContentFree(mail: ParsedMail): void {
	const headers = [...mail.headers].map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join('\n');
	const all = `${headers}\n${mail.subject ?? ''}\n${mail.text ?? ''}\n${typeof mail.html === 'string' ? mail.html : ''}`;
	for (const marker of MARKERS) expect(all).not.toContain(marker);
	expect(mail.attachments).toEqual([]);
}

describe('the escalation of an unacknowledged urgent request', () => {
	it('mails the one on call, then the next on the rota, then the officer — content-free, each step once across a SIGKILL; an acknowledgement stops it', async () => {
		const ana = await crossSignedClient(federation, 'gt-mp', 'escalation-gt');
		const amina = await crossSignedClient(federation, 'ng-ca', 'escalation-ng');
		clients.push(ana, amina);
		let bot: BotProcess = startBot(setup);
		await bot.logged('bridge running');
		await bot.logged('alerts: escalating unacknowledged urgent requests by mail');

		// A routine request is batched: those who take in requests (the two 24/7 points and the officer) are mailed at
		// once, content-free; a second one within the batch window mails no one (acceptance 1).
		const routine = await caseRoomWithBots(ana, amina, [setup.userId]);
		await sendCaseEvent(ana, routine, opened(10, 'routine'), 'es');
		await until(() => batched().length >= 3, 'the batched mails', 1800);
		expect(
			batched()
				.map((m) => [recipient(m), m.subject])
				.sort(),
		).toEqual([
			['amina@ca.ng.example', 'You have 1 new request waiting in Rogatory'],
			['ifeoma@ca.ng.example', 'Vous avez 1 nouvelle demande en attente dans Rogatory'],
			['tunde@ca.ng.example', 'You have 1 new request waiting in Rogatory'],
		]);
		for (const m of batched()) expectContentFree(m);
		const routineAgain = await caseRoomWithBots(ana, amina, [setup.userId]);
		const again = await sendCaseEvent(ana, routineAgain, opened(11, 'routine'), 'es');
		await until(() => holds(again), 'the bridge logs the second routine request', 1800);
		await new Promise((r) => setTimeout(r, 5000));
		expect(batched()).toHaveLength(3);

		const room = await caseRoomWithBots(ana, amina, [setup.userId]);
		await sendCaseEvent(ana, room, opened(1), 'es');
		await until(() => mailsOf(room).length >= 1, 'the first mail', 1800);
		const first = mailsOf(room)[0]!;
		expect(recipient(first)).toBe('tunde@ca.ng.example');
		expect(first.subject).toBe('You have 1 urgent request waiting in Rogatory');
		expect(first.headers.get('auto-submitted')).toBe('auto-generated');
		expectContentFree(first);
		// Until the wait is over, no one else.
		await new Promise((r) => setTimeout(r, 5000));
		expect(mailsOf(room)).toHaveLength(1);

		// The bridge crashes between the steps, and comes back.
		await until(() => steps(room)[0]?.sentAt !== null && steps(room).length === 1, 'step 0 recorded as sent', 600);
		bot.child.kill('SIGKILL');
		await bot.exited;
		bot = startBot(setup);
		await bot.logged('bridge running');

		await until(() => mailsOf(room).length >= 2, 'the next on the rota is mailed', 1800);
		expect(recipient(mailsOf(room)[1]!)).toBe('ifeoma@ca.ng.example');
		expect(mailsOf(room)[1]!.subject).toBe('Vous avez 1 demande urgente en attente dans Rogatory');
		await until(() => mailsOf(room).length >= 3, 'the officer is mailed', 1800);
		expect(recipient(mailsOf(room)[2]!)).toBe('amina@ca.ng.example');
		for (const m of mailsOf(room)) expectContentFree(m);
		await new Promise((r) => setTimeout(r, (WAIT_SECONDS + 3) * 1000));
		expect(mailsOf(room).map(recipient)).toEqual(['tunde@ca.ng.example', 'ifeoma@ca.ng.example', 'amina@ca.ng.example']);
		const logged = steps(room);
		expect(logged.map((s) => [s.step, s.as, s.recipients])).toEqual([
			[0, 'on-call', [userId('tunde.adeyemi')]],
			[1, 'next-on-duty', [userId('ifeoma.nwosu')]],
			[2, 'officers', [userId('amina.bello')]],
		]);
		for (const [i, s] of logged.entries()) {
			expect(s.sentAt).not.toBeNull();
			if (i > 0) expect(s.recordedAt - logged[i - 1]!.sentAt!).toBeGreaterThanOrEqual(WAIT_SECONDS * 1000);
		}
		expect(bot.output()).not.toMatch(/Quispe|Kestrel|MP-FECO/);

		// A second request: acknowledged after its first mail, it goes no further.
		const second = await caseRoomWithBots(ana, amina, [setup.userId]);
		await sendCaseEvent(ana, second, opened(2), 'es');
		await until(() => mailsOf(second).length >= 1, 'the second request’s first mail', 1800);
		expect(recipient(mailsOf(second)[0]!)).toBe('tunde@ca.ng.example');
		await sendCaseEvent(amina, second, { type: 'acknowledged' }, 'en');
		await bot.logged(`alerts: ${second} acknowledged: no further step (1 taken)`);
		await new Promise((r) => setTimeout(r, (WAIT_SECONDS + 10) * 1000));
		expect(mailsOf(second)).toHaveLength(1);
		expect(steps(second).map((s) => s.step)).toEqual([0]);
		expect(mailsOf(room)).toHaveLength(3);
		bot.child.kill('SIGTERM');
		expect(await bot.exited).toBe(0);
	}, 420_000);
});
