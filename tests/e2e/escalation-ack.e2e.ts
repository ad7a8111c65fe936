// Issue 16, acceptance 2 in a browser: an acknowledgement made in the web app
// stops a running escalation, and the case page shows who was alerted.
// Nigeria's bridge, set up to mail through a relay on loopback with a short
// wait between steps, stands in for the orchestrator's (stand-in-bridge.ts:
// the case page believes alert steps only from the authority's own bridge
// account). Guatemala's prosecutor opens an urgent request to Nigeria in
// Chromium; the bridge mails the 24/7 focal point on call at once and tells
// the case room so. Then Nigeria's officer opens the request — which is the
// acknowledgement the app sends for an urgent one — and sees "Who was
// alerted" with that step; the bridge takes no further step (its log, its
// register, and no mail to the next on the rota once the wait is over); the
// prosecutor sees that a person has it. The case page's list is looked at in
// English and Spanish at a phone's and a desk's width.
// Then a lapse: Nigeria asks Guatemala, with a preservation request that
// Guatemala confirms as made some 89 days ago, so that it lapses within 48
// hours; Nigeria's bridge (the side that asked must act) mails its on-call
// point at once and tells the room; the officer, who has the case open, sees
// "Who was alerted" and that she has it in hand — her page said so for her —
// and the escalation stops. That page in the five languages, at both widths.
// Before each, Guatemala's homeserver lists the stand-in's new device as
// cross-signed (device-view.ts), which the prosecutor's browser needs before
// it shares a room key with it.
import { expect, test } from '@playwright/test';
import { messageIdOf } from '../../bridge/alerts/escalator.ts';
import { BUILT_IN_RULES, computeDeadline } from '../../policies/preservation/index.ts';
import { escalationSteps } from '../support/alerts/escalation-steps.ts';
import { homeserverOf } from './support/accounts.ts';
import { openFromDashboard, openRequest, requestPreservation } from './support/case-pages.ts';
import { LOCALES, message } from './support/messages.ts';
import { auditScreen, VIEWPORTS } from './support/screen-audit.ts';
import { en } from './support/session-pages.ts';
import { untilSeenCrossSigned } from './support/device-view.ts';
import { standInBridge, type StandInBridge } from './support/stand-in-bridge.ts';
import { endTwoParties, twoParties } from './support/two-parties.ts';

test.setTimeout(240_000);

/** How long a step waits for an acknowledgement (ROGATORY_ALERTS_ESCALATE_SECONDS). */
const WAIT_SECONDS = 30;
const ALERT_ENV = { ROGATORY_ALERTS_ESCALATE_SECONDS: String(WAIT_SECONDS), ROGATORY_ALERTS_EVERY_SECONDS: '1' };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The lapse mail's subject in English, the language of Nigeria's people (policies/alerts/mail-text.ts). */
const LAPSE_SUBJECT = 'A preservation in Rogatory needs attention within 48 hours';

/** Resolves once the room's next step would have gone (its wait after the first, and a pass) had no one acknowledged. */
async function pastNextStep(bridge: StandInBridge, room: string): Promise<void> {
	const nextDue = (escalationSteps(bridge.setup, room)[0]?.sentAt ?? Date.now()) + WAIT_SECONDS * 1000;
	await new Promise((resolve) => setTimeout(resolve, Math.max(0, nextDue + 5000 - Date.now())));
}

/**
 * The day (YYYY-MM-DD) to confirm a § 2703(f) preservation as made on, at
 * 10:00, so that its 90 days end between 6 and 42 hours from now — inside the
 * 48 hours before a lapse that raise its alert, whatever the browser's zone.
 */
function lapsingStart(now: number): string {
	const rule = BUILT_IN_RULES.find((r) => r.id === 'us-2703f');
	if (rule === undefined) throw new Error('us-2703f is not in the table');
	for (let back = 85; back <= 95; back++) {
		const day = new Date(now - back * DAY).toISOString().slice(0, 10);
		const deadline = computeDeadline({ rule, start: `${day}T10:00:00.000Z`, extensions: 0, zone: null });
		if (deadline.ok && deadline.value.expiresAt > now + 6 * HOUR && deadline.value.expiresAt < now + 42 * HOUR) return day;
	}
	throw new Error('no day makes a preservation lapse within 6 to 42 hours');
}

test('an urgent request acknowledged in the web app after its first mail goes no further; the case page shows who was alerted', async ({
	browser,
}, testInfo) => {
	const parties = await twoParties(browser, 'e2e-esc');
	const { prosecutor, officer, a, b } = parties;
	const bridge = await standInBridge(homeserverOf('ng-ca'), ALERT_ENV);
	try {
		// Guatemala's homeserver learns of the stand-in's device by federation; the prosecutor's browser shares the
		// request's room key only once it lists the device cross-signed.
		const waited = await untilSeenCrossSigned(prosecutor, bridge.setup.userId, bridge.deviceId);
		console.log(`gt-mp listed the stand-in bridge's device cross-signed after ${waited} ms`);
		const onCall = bridge.userId(bridge.people.onCall);
		const mailsOf = (room: string) => {
			const people = Object.values(bridge.people).map((p) => bridge.userId(p));
			const ids = new Set([0, 1, 2].flatMap((step) => people.map((p) => messageIdOf(room, step, p, bridge.from))));
			return bridge.received.filter((r) => r.mail.messageId !== undefined && ids.has(r.mail.messageId));
		};

		// ── Guatemala opens an urgent request; Nigeria's on-call focal point is mailed at once ──
		const title = `Escalation ack ${Date.now()}`;
		const room = await openRequest(a, { title, requested: 'ng-ca', offence: 'Cybercrime', invite: [officer.userId], urgency: 'urgent' });
		await expect.poll(() => mailsOf(room).length, { timeout: 60_000, message: 'the first mail' }).toBe(1);
		const firstMail = mailsOf(room)[0]!;
		expect(firstMail.mail.to !== undefined && 'text' in firstMail.mail.to ? firstMail.mail.to.text : '').toBe(
			`${bridge.people.onCall.split('.')[0]}@${bridge.from.split('@')[1]}`,
		);
		expect(firstMail.mail.subject).toBe('You have 1 urgent request waiting in Rogatory');
		expect(`${firstMail.mail.subject ?? ''}\n${firstMail.mail.text ?? ''}`).not.toContain(title);
		const [step0] = escalationSteps(bridge.setup, room);
		expect(step0).toMatchObject({ step: 0, as: 'on-call', recipients: [onCall] });

		// ── Nigeria's officer opens it: that acknowledges it, and the page shows who was alerted ──
		await openFromDashboard(b, title);
		await expect(b.getByTestId('acknowledgement')).toHaveCount(1, { timeout: 60_000 });
		const alerted = b.getByTestId('alert-steps');
		await expect(alerted.getByRole('heading', { name: en('alert_steps_heading') })).toBeVisible({ timeout: 60_000 });
		const line = alerted.getByTestId('alert-step');
		await expect(line).toHaveCount(1);
		await expect(line).toContainText(`${en('alert_kind_urgent')}: told`);
		await expect(line).toContainText(`(${en('alert_role_on_call')})`);
		await expect(line).toContainText(/Tunde Adeyemi|tunde\.adeyemi/);

		// ── The escalation stops: logged, no further step in the register, no mail once the wait is over ──
		await bridge.bot.logged(`alerts: ${room} acknowledged: no further step (1 taken)`);
		// The prosecutor sees that a person has it.
		await expect(a.getByTestId('acknowledgement')).toHaveCount(1, { timeout: 60_000 });
		await expect(a.getByTestId('acknowledgement')).toContainText(officer.userId.slice(1).split(':')[0]!);
		await expect(a.getByTestId('alert-steps')).toHaveCount(0);
		// Said once: one acknowledgement in the conversation (the officer sends nothing else).
		const officerName = officer.userId.slice(1).split(':')[0]!;
		const acks = (page: typeof b) => page.getByTestId('timeline-item').filter({ hasText: officerName });
		await expect(acks(b)).toHaveCount(1);

		// What the officer sees, in English and in Spanish, at a phone's and a desk's width.
		const path = new URL(b.url()).pathname.replace(/^\/en/, '');
		const problems: string[] = [];
		for (const locale of ['en', 'es'] as const) {
			await b.goto(`/${locale}${path}`);
			const heading = b.getByRole('heading', { name: message(locale, 'alert_steps_heading') });
			await expect(heading).toBeVisible({ timeout: 60_000 });
			await expect(b.getByTestId('alert-step')).toContainText(message(locale, 'alert_role_on_call'));
			await expect(b.getByTestId('acknowledgement')).toHaveCount(1);
			for (const viewport of VIEWPORTS) {
				problems.push(...(await auditScreen(b, testInfo, 'case-alert-steps', locale, viewport)));
				await b.getByTestId('alert-steps').screenshot({ path: testInfo.outputPath(`alert-steps-${locale}-${viewport.width}.png`) });
			}
		}
		expect(problems).toEqual([]);

		// Past the time the next step would have gone (its wait after the first, and a pass), still the one mail.
		await pastNextStep(bridge, room);
		expect(mailsOf(room)).toHaveLength(1);
		// Said once, though the page was opened three times: one acknowledgement in either side's conversation.
		await expect(acks(b)).toHaveCount(1);
		await expect(acks(a)).toHaveCount(1);
		expect(escalationSteps(bridge.setup, room).map((s) => s.step)).toEqual([0]);
		expect(bridge.bot.output()).not.toContain(`alerts: urgent-request ${room} unacknowledged: step 1`);
	} finally {
		await bridge.stop();
	}

	await endTwoParties(parties);
});

test('a preservation lapsing within 48 hours: the requesting side’s on-call point is mailed, its page shows who was alerted, and having it open says a person has it in hand', async ({
	browser,
}, testInfo) => {
	const parties = await twoParties(browser, 'e2e-lapse');
	const { prosecutor, officer, a, b } = parties;
	// The officer is one of Nigeria's people to its bridge, which takes "I have it" from them alone.
	const bridge = await standInBridge(homeserverOf('ng-ca'), ALERT_ENV, [officer.userId.slice(1).split(':')[0]!]);
	try {
		await untilSeenCrossSigned(prosecutor, bridge.setup.userId, bridge.deviceId);
		const lapseMails = () => bridge.received.filter((r) => r.mail.subject === LAPSE_SUBJECT);

		// ── Nigeria asks Guatemala, with a preservation request; Guatemala confirms it as made some 89 days ago ──
		const title = `Lapsing preservation ${Date.now()}`;
		const custodian = `Example Mail ${Date.now()}`;
		const room = await openRequest(b, { title, requested: 'gt-mp', offence: 'Cybercrime', invite: [prosecutor.userId] });
		await requestPreservation(b, { custodian, identifier: 'suspect@example.com', rule: 'us-2703f' });
		expect(lapseMails()).toHaveLength(0);
		await openFromDashboard(a, title);
		const confirmed = a.getByTestId('preservation');
		await expect(confirmed.getByRole('heading', { name: custodian })).toBeVisible({ timeout: 60_000 });
		await a.getByLabel(en('pres_confirm_at')).fill(`${lapsingStart(Date.now())}T10:00`);
		await a.getByRole('button', { name: en('pres_confirm_submit') }).click();
		await expect(confirmed.getByTestId('pres-status')).toHaveText(en('pres_status_confirmed'), { timeout: 60_000 });

		// ── It lapses within 48 hours: Nigeria's bridge mails its on-call point at once, with nothing of the case ──
		await expect.poll(() => lapseMails().length, { timeout: 60_000, message: 'the lapse mail' }).toBe(1);
		const mail = lapseMails()[0]!.mail;
		expect(mail.to !== undefined && 'text' in mail.to ? mail.to.text : '').toBe(
			`${bridge.people.onCall.split('.')[0]}@${bridge.from.split('@')[1]}`,
		);
		for (const secret of [title, custodian, 'suspect@example.com'])
			expect(`${mail.subject ?? ''}\n${mail.text ?? ''}`).not.toContain(secret);
		const [step0] = escalationSteps(bridge.setup, room);
		expect(step0).toMatchObject({ step: 0, as: 'on-call', recipients: [bridge.userId(bridge.people.onCall)] });

		// ── The officer who asked has the case open: her page shows the step, says she has it in hand, and tells her so ──
		const alerted = b.getByTestId('alert-steps');
		await expect(alerted.getByTestId('alert-step')).toContainText(`${en('alert_kind_lapsing')}: told`, { timeout: 60_000 });
		await expect(alerted.getByTestId('alert-step')).toContainText(`(${en('alert_role_on_call')})`);
		await expect(b.getByTestId('announcer')).toHaveText(en('alert_ack_sent'), { timeout: 60_000 });
		const officerName = officer.userId.slice(1).split(':')[0]!;
		const held = alerted.getByTestId('alert-ack');
		await expect(held).toHaveCount(1, { timeout: 60_000 });
		await expect(held).toContainText(`${en('alert_kind_lapsing')}: `);
		await expect(held).toContainText(officerName);
		// Her page's "I have it" is what the bridge took (not only her message after its reminder).
		await bridge.bot.logged(`from ${officer.userId}: acknowledges `);
		await bridge.bot.logged(/alerts: \S+ acknowledged: no further step \(1 taken\)/);
		// Guatemala's side sees no alert of Nigeria's.
		await expect(a.getByTestId('alert-steps')).toHaveCount(0);

		// The same page in the five languages, at a phone's and a desk's width; opened again, it says nothing twice.
		const path = new URL(b.url()).pathname.replace(/^\/en/, '');
		const problems: string[] = [];
		for (const locale of LOCALES) {
			await b.goto(`/${locale}${path}`);
			const section = b.getByTestId('alert-steps');
			await expect(section.getByRole('heading', { name: message(locale, 'alert_steps_heading') })).toBeVisible({ timeout: 60_000 });
			await expect(section.getByTestId('alert-step')).toContainText(message(locale, 'alert_kind_lapsing'));
			await expect(section.getByTestId('alert-ack')).toContainText(message(locale, 'alert_kind_lapsing'));
			for (const viewport of VIEWPORTS) {
				problems.push(...(await auditScreen(b, testInfo, 'case-alert-lapsing', locale, viewport)));
				await section.screenshot({ path: testInfo.outputPath(`alert-lapsing-${locale}-${viewport.width}.png`) });
			}
		}
		expect(problems).toEqual([]);

		// Past the time the next step would have gone, still the one mail and the one step.
		await pastNextStep(bridge, room);
		expect(lapseMails()).toHaveLength(1);
		expect(escalationSteps(bridge.setup, room).map((s) => s.step)).toEqual([0]);
		expect(bridge.bot.output()).not.toMatch(/alerts: preservation-lapsing \S+ unacknowledged: step 1/);
	} finally {
		await bridge.stop();
	}

	await endTwoParties(parties);
});
