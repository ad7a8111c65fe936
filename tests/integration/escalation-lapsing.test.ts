// The escalation of a lapsing preservation (issue 16) against the real
// federation, Nigeria's bridge as a child process and a real SMTP
// conversation on loopback (tests/support/alerts/alerts-site.ts, as the
// urgent requests' escalation.test.ts). Nigeria asks Guatemala for a case
// and a preservation, which Guatemala confirms as preserved 89½ days ago
// under 18 U.S.C. § 2703(f) (90 days): it lapses within 48 hours, and it is
// Nigeria — the side that must send the follow-up or renew before the lapse —
// whose bridge mails its 24/7 focal point on call, content-free (no title,
// reference, custodian or account in the headers or decoded body). Then the
// bridge tells the case room who was told when: an `org.rogatory.alert.step`
// event, end-to-end encrypted (the homeserver sees m.room.encrypted only),
// from the bridge's verified device; the same event sent by a member's
// account is not taken by the reader (policies/alerts/step-event.ts). A
// person of Nigeria says "I have it" (policies/alerts/alert-ack.ts): in the
// clear, or from the other side, it is not taken; encrypted from her signed
// device it stops the escalation.
import type { ParsedMail } from 'mailparser';
import * as sdk from 'matrix-js-sdk';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { messageIdOf } from '../../bridge/alerts/escalator.ts';
import type { EscalationStepRow } from '../../bridge/register/index.ts';
import { ALERT_STEP_TYPE, alertStepsOf, buildAlertAckContent, lapsingAlertId } from '../../policies/alerts/index.ts';
import type { CaseReference, Opened } from '../../policies/cases/index.ts';
import { OPENED } from '../../policies/cases/testing/fixtures.ts';
import { buildPreservationContent, type PreservationEvent } from '../../policies/preservation/record/index.ts';
import type { RuleId } from '../../policies/preservation/types.ts';
import { GUATEMALA, NIGERIA } from '../../policies/roster/testing/demo.ts';
import { alertsSite, type AlertsSite } from '../support/alerts/alerts-site.ts';
import { escalationSteps } from '../support/alerts/escalation-steps.ts';
import type { BotProcess, BotSetup } from '../support/bot/bot-process.ts';
import { caseRoomWithBots, crossSignedClient, until } from '../support/bot/bot-room.ts';
import { stoppedAfterAll } from '../support/bot/test-processes.ts';
import { sendCaseEvent } from '../support/case-room-node.ts';
import { homeserverOf } from '../support/federation-info.ts';

const federation = inject('federation');
const ng = homeserverOf(federation, 'ng-ca');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const TITLE = 'Mailbox of Marisol Quispe-Huaman, Operacion Kestrel';
const REFERENCE = 'NG-CA-2026-4417';
const CUSTODIAN = 'Lagoon Webmail Ltd.';
const ACCOUNT = 'marisol.quispe@lagoon.example';
const MARKERS = [TITLE, 'Quispe', 'Marisol', 'Kestrel', REFERENCE, '4417', CUSTODIAN, 'Lagoon', ACCOUNT];
const OPENING: Opened = {
	...OPENED,
	requesting: NIGERIA.id,
	requested: GUATEMALA.id,
	fields: { ...OPENED.fields, title: TITLE, requestingReference: REFERENCE as CaseReference, urgency: 'routine' },
};

let site: AlertsSite | undefined;
const { clients, bot: startBot } = stoppedAfterAll(async () => {
	await site?.close();
});
let setup: BotSetup;

beforeAll(async () => {
	site = await alertsSite(ng, federation.homeservers);
	setup = site.setup;
	process.env['ROGATORY_ALERTS_ESCALATE_SECONDS'] = '600';
	process.env['ROGATORY_ALERTS_EVERY_SECONDS'] = '1';
}, 180_000);
afterAll(() => {
	delete process.env['ROGATORY_ALERTS_ESCALATE_SECONDS'];
	delete process.env['ROGATORY_ALERTS_EVERY_SECONDS'];
});

async function sendPreservation(client: sdk.MatrixClient, room: string, event: PreservationEvent): Promise<string> {
	const content = buildPreservationContent(event, 'en');
	if (!content.ok) throw new Error(content.error.reason);
	return (await client.sendMessage(room, content.value as never)).event_id;
}

const steps = (room: string): EscalationStepRow[] => escalationSteps(setup, room);

function expectContentFree(mail: ParsedMail): void {
	const headers = [...mail.headers].map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join('\n');
	const all = `${headers}\n${mail.subject ?? ''}\n${mail.text ?? ''}\n${typeof mail.html === 'string' ? mail.html : ''}`;
	for (const marker of MARKERS) expect(all).not.toContain(marker);
	expect(mail.attachments).toEqual([]);
}

/** The room's alert-step events as `client` decrypted them. */
const stepEvents = (client: sdk.MatrixClient, room: string): sdk.MatrixEvent[] =>
	(client.getRoom(room)?.getLiveTimeline().getEvents() ?? []).filter((e) => e.getType() === ALERT_STEP_TYPE);

describe('the escalation of a lapsing preservation', () => {
	it('mails the on-call 24/7 point of the side that asked for it, content-free, and tells the case room who was told, encrypted', async () => {
		const amina = await crossSignedClient(federation, 'ng-ca', 'lapsing-ng');
		const ana = await crossSignedClient(federation, 'gt-mp', 'lapsing-gt');
		clients.push(amina, ana);
		// She is one of Nigeria's people (its people file), so her "I have it" counts for its bridge.
		appendFileSync(
			join(setup.sitePath, '..', `${ng.id}.people.yaml`),
			`  - localpart: ${amina.getSafeUserId().slice(1).split(':')[0]!}\n    display_name: Amina Lapsing\n    roles: [prosecutor]\n    language: en\n`,
		);
		const bot: BotProcess = startBot(setup);
		await bot.logged('bridge running');
		await bot.logged('alerts: escalating unacknowledged urgent requests by mail');

		const room = await caseRoomWithBots(amina, ana, [setup.userId]);
		await sendCaseEvent(amina, room, OPENING, 'en');
		const now = Date.now();
		const request = await sendPreservation(amina, room, {
			type: 'preservation-requested',
			custodian: CUSTODIAN,
			identifiers: [ACCOUNT],
			ranges: [],
			rule: 'us-2703f' as RuleId,
			sent: new Date(now - 90 * DAY).toISOString(),
		});
		await sendPreservation(ana, room, {
			type: 'preservation-confirmed',
			preservation: request as never,
			confirmedAt: new Date(now - 89 * DAY - 12 * HOUR).toISOString(),
		});

		await until(() => steps(room).some((s) => s.sentAt !== null), 'the first step is sent', 1800);
		const [first] = steps(room);
		expect(first).toMatchObject({ kind: 'preservation-lapsing', step: 0, as: 'on-call', recipients: [site!.userId('tunde.adeyemi')] });
		expect(first!.alertId.startsWith(`${request}#`)).toBe(true);
		const expires = Number(first!.alertId.slice(request.length + 1));
		expect(first!.alertId).toBe(lapsingAlertId(request, expires));
		expect(expires - now).toBeGreaterThan(0);
		expect(expires - now).toBeLessThan(48 * HOUR);
		const id = messageIdOf(first!.alertId, 0, site!.userId('tunde.adeyemi'), site!.from);
		await until(() => site!.received.some((r) => r.mail.messageId === id), 'the relay accepts the mail', 600);
		const mails = site!.received.map((r) => r.mail).filter((m) => m.messageId === id);
		expect(mails).toHaveLength(1);
		const mail = mails[0]!;
		expect(mail.to !== undefined && 'text' in mail.to ? mail.to.text : '').toBe(site!.people[0]!.email);
		expect(mail.subject).toBe('A preservation in Rogatory needs attention within 48 hours');
		expectContentFree(mail);

		// The case room is told, encrypted, by the bridge.
		await until(() => stepEvents(amina, room).length >= 1, 'the case room is told of the step', 1800);
		const told = stepEvents(amina, room)[0]!;
		expect(told.getSender()).toBe(setup.userId);
		expect(told.isEncrypted()).toBe(true);
		expect(told.getWireType()).toBe('m.room.encrypted');
		expect(told.getContent()).toMatchObject({
			v: 1,
			kind: 'preservation-lapsing',
			alert: first!.alertId,
			step: 0,
			as: 'on-call',
			told: [site!.userId('tunde.adeyemi')],
		});
		await until(() => bot.output().includes(`alerts: ${room} told of ${first!.alertId} step 0`), 'the bridge logs the step told', 600);

		// A member's account sends the same event: the reader does not take it.
		await amina.sendEvent(
			room,
			ALERT_STEP_TYPE as never,
			{ ...told.getContent<Record<string, unknown>>(), told: [amina.getUserId()!] } as never,
		);
		await until(() => stepEvents(ana, room).length >= 2, 'the other side has both events', 1800);
		const read = alertStepsOf(
			stepEvents(ana, room).map((e) => ({
				eventId: e.getId() ?? '',
				sender: e.getSender() ?? '',
				type: e.getType(),
				content: e.getContent(),
				counts: e.isEncrypted(),
			})),
			setup.userId,
		);
		expect(read.map((s) => [s.step, s.told])).toEqual([[0, [site!.userId('tunde.adeyemi')]]]);

		// "I have it": sent in the clear with her token, or by the other side's person, it is not taken; encrypted from
		// her signed device (as the web app sends it on opening the case), it stops the escalation for everyone.
		const alert = first!.alertId;
		const clear = await amina.http.authedRequest<{ event_id: string }>(
			sdk.Method.Put,
			`/rooms/${encodeURIComponent(room)}/send/m.room.message/ack-clear-${Date.now()}`,
			undefined,
			buildAlertAckContent(alert),
		);
		await bot.logged(`alerts: ${clear.event_id} from ${amina.getSafeUserId()}: acknowledgement not taken: sent in the clear`);
		const outsider = await ana.sendMessage(room, buildAlertAckContent(alert) as never);
		await bot.logged(
			`alerts: ${outsider.event_id} from ${ana.getSafeUserId()}: acknowledgement not taken: the sender is not one of this authority’s people`,
		);
		const ack = await amina.sendMessage(room, buildAlertAckContent(alert) as never);
		await bot.logged(`alerts: ${ack.event_id} from ${amina.getSafeUserId()}: acknowledges ${alert}`);
		await bot.logged(`alerts: ${alert} acknowledged: no further step (1 taken)`);
		expect(steps(room)).toHaveLength(1);
		expect(bot.output()).not.toMatch(/Quispe|Kestrel|NG-CA-2026|Lagoon/);
		bot.child.kill('SIGTERM');
		expect(await bot.exited).toBe(0);
	}, 420_000);
});
