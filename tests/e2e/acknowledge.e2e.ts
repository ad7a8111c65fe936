// Issue 16, acknowledgement: a person of the requested authority says they
// have the request in hand, in an encrypted case event both sides fold (not a
// read receipt: that is per device, and servers read it). Opening an urgent
// request does it; a routine one waits for "I have it". The requesting side
// sees who has it and when; the button is gone once said; the requesting side
// is never offered it.
import { expect, test } from '@playwright/test';
import { logOutRegistration } from './support/accounts.ts';
import { openFromDashboard, openRequest } from './support/case-pages.ts';
import { message } from './support/messages.ts';
import { auditInEveryLocale } from './support/screen-audit.ts';
import { en } from './support/session-pages.ts';
import { twoParties } from './support/two-parties.ts';

test.setTimeout(300_000);

test('opening an urgent request says a person has it; a routine one waits for “I have it”; the other side sees who and when', async ({
	browser,
}, testInfo) => {
	const { prosecutor, officer, first, second, a, b } = await twoParties(browser, 'e2e-ack');
	const stamp = Date.now();

	// ── An urgent request: opened by the officer, acknowledged at once ──
	const urgent = `Urgent ack ${stamp}`;
	await openRequest(a, { title: urgent, requested: 'ng-ca', offence: 'Cybercrime', invite: [officer.userId], urgency: 'urgent' });
	await expect(a.getByTestId('acknowledgements-none')).toBeVisible();
	await expect(a.getByTestId('acknowledge')).toHaveCount(0);
	await openFromDashboard(b, urgent);
	const bAck = b.getByTestId('acknowledgement');
	await expect(bAck).toHaveCount(1, { timeout: 60_000 });
	await expect(b.getByTestId('acknowledge')).toHaveCount(0);
	const aAck = a.getByTestId('acknowledgement');
	await expect(aAck).toHaveCount(1, { timeout: 60_000 });
	await expect(aAck).toContainText(officer.userId.slice(1).split(':')[0]!);
	await expect(a.getByTestId('acknowledgements-none')).toHaveCount(0);

	// ── A routine request: nothing on opening, then “I have it” ──
	await a.goto('/en/home');
	const routine = `Routine ack ${stamp}`;
	await openRequest(a, { title: routine, requested: 'ng-ca', offence: 'Cybercrime', invite: [officer.userId] });
	await openFromDashboard(b, routine);
	await expect(b.getByTestId('acknowledge')).toBeVisible({ timeout: 60_000 });
	await expect(b.getByTestId('acknowledgements-none')).toBeVisible();
	// What the officer sees, in every language at a phone's and a desk's width: no sideways scroll, no axe violation.
	const path = new URL(b.url()).pathname.replace(/^\/en/, '');
	const problems = await auditInEveryLocale(b, testInfo, {
		name: 'case-acknowledge',
		path,
		ready: async (page, locale) => {
			await expect(page.getByRole('button', { name: message(locale, 'ack_button') })).toBeVisible({ timeout: 60_000 });
		},
	});
	expect(problems).toEqual([]);
	await b.goto(`/en${path}`);
	await b.getByRole('button', { name: en('ack_button') }).click();
	await expect(b.getByTestId('acknowledge')).toHaveCount(0);
	await expect(b.getByTestId('acknowledgement')).toHaveCount(1, { timeout: 60_000 });
	await expect(a.getByTestId('acknowledgement')).toHaveCount(1, { timeout: 60_000 });
	// Reloaded, the officer is not asked again, and it is still one.
	await b.reload();
	await expect(b.getByTestId('case-title')).toHaveText(routine);
	await expect(b.getByTestId('acknowledgement')).toHaveCount(1, { timeout: 60_000 });
	await expect(b.getByTestId('acknowledge')).toHaveCount(0);

	expect(second.seen.pageErrors).toEqual([]);
	expect(first.seen.pageErrors).toEqual([]);
	for (const account of [prosecutor, officer]) await logOutRegistration(account);
	await first.context.close();
	await second.context.close();
});
