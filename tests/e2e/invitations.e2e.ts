// End to end, an invitation the homeserver will not let the invitee accept,
// in two browsers on two homeservers (gt-mp, ng-ca). The invitee's joins are
// answered by a route, as Synapse answers them:
// - permanently: 403 M_FORBIDDEN "Server is banned from room" (a server ACL).
//   The dashboard says the invitation cannot be accepted, tries no more, and
//   dismissing it declines it and keeps it dismissed across a reload;
// - transiently: 503 then 429, then the real homeserver. The dashboard says
//   it tries again on its own, and the room is joined.
// Nowhere on the dashboard is the homeserver's own text (MatrixError, an
// errcode, a /_matrix URL).
import { expect, test, type Page } from '@playwright/test';
import { logOutRegistration } from './support/accounts.ts';
import { caseEntry, openRequest } from './support/case-pages.ts';
import { en } from './support/session-pages.ts';
import { twoParties } from './support/two-parties.ts';

test.setTimeout(240_000);

const JOIN = /\/_matrix\/client\/v3\/join\//;
const RAW = /MatrixError|M_[A-Z_]+|https?:\/\/.*_matrix/;

async function noRawText(page: Page): Promise<void> {
	expect(await page.locator('body').innerText()).not.toMatch(RAW);
}

test('an invitation that can never be accepted is said so, stops, and can be dismissed; a passing refusal is tried again', async ({
	browser,
}) => {
	const { prosecutor, officer, first, second, a, b } = await twoParties(browser, 'e2e-invite');

	// ── Permanent: the room's server ACL bans the invitee's homeserver ──
	let banned = 0;
	await b.route(JOIN, async (route) => {
		banned += 1;
		await route.fulfill({ status: 403, json: { errcode: 'M_FORBIDDEN', error: 'Server is banned from room' } });
	});
	await b.goto('/en/cases');
	const bannedTitle = `Banned ${Date.now()}`;
	const bannedRoom = await openRequest(a, { title: bannedTitle, requested: 'ng-ca', offence: 'Cybercrime', invite: [officer.userId] });
	const invitation = b.getByTestId('waiting-invitation');
	await expect(invitation).toHaveAttribute('data-state', 'impossible', { timeout: 60_000 });
	await expect(invitation).toContainText(prosecutor.userId);
	await expect(invitation.getByRole('button', { name: en('cases_invitation_retry') })).toHaveCount(0);
	await noRawText(b);
	// It tries no more: the schedule's next attempt would come within 3 s.
	await b.waitForTimeout(8_000);
	expect(banned).toBe(1);
	await invitation.getByRole('button', { name: en('cases_invitation_dismiss') }).click();
	await expect(invitation).toHaveCount(0);
	await b.reload();
	await expect(b.getByRole('heading', { level: 1, name: en('cases_heading') })).toBeVisible();
	await b.waitForTimeout(5_000);
	await expect(b.getByTestId('waiting-invitation')).toHaveCount(0);
	expect(banned).toBe(1);
	await b.unroute(JOIN);

	// ── Transient: 503, then 429, then the homeserver lets the invitee in ──
	let passing = 0;
	await b.route(JOIN, async (route) => {
		if (passing >= 2) return route.fallback();
		passing += 1;
		if (passing === 1) return route.fulfill({ status: 503, json: { errcode: 'M_UNKNOWN', error: 'Service Unavailable' } });
		return route.fulfill({ status: 429, json: { errcode: 'M_LIMIT_EXCEEDED', error: 'Too Many Requests', retry_after_ms: 10 } });
	});
	const passingTitle = `Passing ${Date.now()}`;
	await openRequest(a, { title: passingTitle, requested: 'ng-ca', offence: 'Cybercrime', invite: [officer.userId] });
	await expect(invitation).toContainText(en('cases_invitation_why_busy'), { timeout: 60_000 });
	await expect(invitation).toHaveAttribute('data-state', 'joining');
	await noRawText(b);
	await caseEntry(b, passingTitle);
	await expect(invitation).toHaveCount(0);
	expect(passing).toBe(2);
	await expect(b.getByTestId('case-entry').filter({ hasText: bannedTitle })).toHaveCount(0);
	expect(bannedRoom).not.toBe('');
	await noRawText(b);

	for (const account of [prosecutor, officer]) await logOutRegistration(account);
	await first.context.close();
	await second.context.close();
});
