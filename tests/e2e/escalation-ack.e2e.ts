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
// NOTE: not in `npm test` yet. Run alone (ROGATORY_E2E_STAND_IN=1 npm run e2e --
// tests/e2e/escalation-ack.e2e.ts) it passed 3 times in 3; in the full suite
// the stand-in's first sync of the bridge account, which by then is in every
// room the earlier tests made, outlasted the wait for the first mail (its
// register still empty after 60 s, in this stop's clean-clone run). Until
// the stand-in starts from the real bridge's position, it runs on request.
import { expect, test } from '@playwright/test';
import { messageIdOf } from '../../bridge/alerts/escalator.ts';
import { escalationSteps } from '../support/alerts/escalation-steps.ts';
import { homeserverOf, logOutRegistration } from './support/accounts.ts';
import { openFromDashboard, openRequest } from './support/case-pages.ts';
import { message } from './support/messages.ts';
import { auditScreen, VIEWPORTS } from './support/screen-audit.ts';
import { en, expectClean } from './support/session-pages.ts';
import { standInBridge } from './support/stand-in-bridge.ts';
import { twoParties } from './support/two-parties.ts';

test.setTimeout(240_000);

/** How long a step waits for an acknowledgement (ROGATORY_ALERTS_ESCALATE_SECONDS). */
const WAIT_SECONDS = 30;

test.skip(
	process.env['ROGATORY_E2E_STAND_IN'] !== '1',
	'on request only (ROGATORY_E2E_STAND_IN=1): in the full suite the stand-in bridge’s first sync outlasts the wait — see the NOTE above',
);

test('an urgent request acknowledged in the web app after its first mail goes no further; the case page shows who was alerted', async ({
	browser,
}, testInfo) => {
	const { prosecutor, officer, first, second, a, b } = await twoParties(browser, 'e2e-esc');
	const bridge = await standInBridge(homeserverOf('ng-ca'), {
		ROGATORY_ALERTS_ESCALATE_SECONDS: String(WAIT_SECONDS),
		ROGATORY_ALERTS_EVERY_SECONDS: '1',
	});
	try {
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
		const taken = escalationSteps(bridge.setup, room)[0];
		const nextDue = (taken?.sentAt ?? Date.now()) + WAIT_SECONDS * 1000;
		await new Promise((resolve) => setTimeout(resolve, Math.max(0, nextDue + 5000 - Date.now())));
		expect(mailsOf(room)).toHaveLength(1);
		// Said once, though the page was opened three times: one acknowledgement in either side's conversation.
		await expect(acks(b)).toHaveCount(1);
		await expect(acks(a)).toHaveCount(1);
		expect(escalationSteps(bridge.setup, room).map((s) => s.step)).toEqual([0]);
		expect(bridge.bot.output()).not.toContain(`alerts: urgent-request ${room} unacknowledged: step 1`);
	} finally {
		await bridge.stop();
	}

	expectClean(first.seen, 'Guatemala’s prosecutor');
	expectClean(second.seen, 'Nigeria’s officer');
	for (const account of [prosecutor, officer]) await logOutRegistration(account);
	await first.context.close();
	await second.context.close();
});
