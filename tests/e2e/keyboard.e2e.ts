// The whole journey from the keyboard alone (Tab, Shift+Tab, Enter, Space,
// arrows, typing; no click, no fill): a prosecutor in Guatemala (gt-mp)
// signs in, sets up the recovery key, opens a request to Nigeria's central
// authority (ng-ca) after one refused attempt, changes its status once the
// officer there has asked for more information, reads who wrote to them (the
// Matrix ID tooltip, reached with Tab, dismissed with Escape) and replies.
// After each action the test asserts where focus went — the next step's
// heading or field, the problem, the new status, the emptied reply field —
// and that the focused element shows a focus indicator. The officer's side is
// a second browser driven the usual way (it is the other party, not the
// journey under test).
import { randomBytes } from 'node:crypto';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { freshAccount, homeserverOf, logOutRegistration } from './support/accounts.ts';
import { move, openFromDashboard, signedIn } from './support/case-pages.ts';
import { en, expectClean, newBrowser, signInReady } from './support/session-pages.ts';

test.setTimeout(240_000);

/** The keys Tab stops at before giving up: more than any page here has controls. */
const MAX_TABS = 120;

/** Presses Tab (or Shift+Tab) until `target` has focus. */
async function tabTo(page: Page, target: Locator, direction: 'forward' | 'back' = 'forward'): Promise<void> {
	for (let pressed = 0; pressed < MAX_TABS; pressed += 1) {
		if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
		await page.keyboard.press(direction === 'forward' ? 'Tab' : 'Shift+Tab');
	}
	await expect(target, `reached with ${direction === 'forward' ? 'Tab' : 'Shift+Tab'}`).toBeFocused({ timeout: 1 });
}

/** What draws the focused element's focus indicator, or '' when nothing does. */
function focusIndicator(page: Page): Promise<string> {
	return page.evaluate(() => {
		const active = document.activeElement;
		if (!(active instanceof HTMLElement) || active === document.body) return '';
		const style = getComputedStyle(active);
		const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2 ? `outline ${style.outlineWidth}` : '';
		const shadow = style.boxShadow !== 'none' ? `box-shadow ${style.boxShadow}` : '';
		return [outline, shadow].filter(Boolean).join(', ');
	});
}

/** Focus is on `target`, and shows. */
async function expectFocus(page: Page, target: Locator, timeout = 60_000): Promise<void> {
	await expect(target).toBeFocused({ timeout });
	await expect.poll(() => focusIndicator(page), 'a visible focus indicator').not.toBe('');
}

/** Moves a closed <select> through its options with the arrow keys until it holds `value`. */
async function arrowToOption(page: Page, select: Locator, value: string): Promise<void> {
	for (let pressed = 0; pressed < 40 && (await select.inputValue()) !== value; pressed += 1) await page.keyboard.press('ArrowDown');
	await expect(select).toHaveValue(value);
}

test('sign-in, key setup, a new request, a status change and a reply, from the keyboard alone', async ({ browser }) => {
	const prosecutor = await freshAccount(homeserverOf('gt-mp'), 'e2e-kbd-a');
	const officer = await freshAccount(homeserverOf('ng-ca'), 'e2e-kbd-b');
	const first = await newBrowser(browser, prosecutor);
	const second = await newBrowser(browser, officer);
	const a = first.page;
	const b = second.page;
	const officerSignedIn = signedIn(b, officer);

	// ── Sign-in: Tab to the fields, type, Enter ──
	await a.goto('/en/sign-in');
	await signInReady(a);
	const userId = a.getByLabel(en('signin_user_id_label'));
	await tabTo(a, userId);
	await expectFocus(a, userId);
	await a.keyboard.type(prosecutor.userId);
	const password = a.getByLabel(en('signin_password_label'));
	await tabTo(a, password);
	await expectFocus(a, password);
	await a.keyboard.type(prosecutor.password);
	await a.keyboard.press('Enter');

	// ── Key setup: each step's heading takes focus; Enter confirms the typed key ──
	await expect(a).toHaveURL(/\/en\/keys$/, { timeout: 60_000 });
	await expectFocus(a, a.getByRole('heading', { level: 1, name: en('keys_setup_heading') }));
	await tabTo(a, a.getByRole('button', { name: en('keys_setup_create') }));
	await a.keyboard.press('Enter');
	await expectFocus(a, a.getByRole('heading', { level: 1, name: en('keys_show_heading') }));
	const recoveryKey = (await a.getByTestId('recovery-key').innerText()).trim();
	await tabTo(a, a.getByRole('button', { name: en('keys_show_continue') }));
	await a.keyboard.press('Enter');
	await expectFocus(a, a.getByRole('heading', { level: 1, name: en('keys_confirm_heading') }));
	const typedKey = a.getByLabel(en('keys_confirm_label'));
	await tabTo(a, typedKey);
	await expectFocus(a, typedKey);
	await a.keyboard.type(recoveryKey);
	await a.keyboard.press('Enter');
	await expectFocus(a, a.getByRole('heading', { level: 1, name: en('keys_done_heading') }));
	await tabTo(a, a.getByRole('button', { name: en('keys_continue') }));
	await a.keyboard.press('Enter');

	// ── Home → requests → new request: each page's heading takes focus on arrival ──
	await expectFocus(a, a.getByRole('heading', { level: 1, name: en('home_heading') }));
	await tabTo(a, a.getByRole('link', { name: en('home_cases_link') }));
	await a.keyboard.press('Enter');
	await expectFocus(a, a.getByRole('heading', { level: 1, name: en('cases_heading') }));
	await tabTo(a, a.getByRole('link', { name: en('cases_new_link') }));
	await a.keyboard.press('Enter');
	await expectFocus(a, a.getByRole('heading', { level: 1, name: en('newcase_heading') }));

	const requested = a.getByLabel(en('newcase_requested'));
	await tabTo(a, requested);
	await arrowToOption(a, requested, 'ng-ca');
	// Enter in the still empty title: refused here, and focus goes to the problem that says why.
	const title = a.getByLabel(en('newcase_title'), { exact: true });
	await tabTo(a, title);
	await a.keyboard.press('Enter');
	await expectFocus(a, a.getByRole('alert').filter({ hasText: en('newcase_error_title') }));
	await tabTo(a, title, 'back');
	await expectFocus(a, title);
	const requestTitle = `Keyboard request ${randomBytes(4).toString('hex')}`;
	await a.keyboard.type(requestTitle);
	await tabTo(a, a.getByLabel('Corruption', { exact: true }));
	await a.keyboard.press('Space');
	const serious = a.getByLabel(en('newcase_serious', { offence: 'Corruption' }));
	await tabTo(a, serious);
	await a.keyboard.press('Space');
	await expect(serious).toBeChecked();
	const invite = a.getByLabel(en('newcase_invite'), { exact: true });
	await tabTo(a, invite);
	await a.keyboard.type(officer.userId);
	await a.keyboard.press('Enter');

	// ── The new request's page: its heading (the request's title) takes focus ──
	await expect(a).toHaveURL(/\/en\/cases\/(?!new$)[^/]+$/, { timeout: 60_000 });
	await expectFocus(a, a.getByTestId('case-title'));
	await expect(a.getByTestId('case-title')).toHaveText(requestTitle);

	// ── The officer receives it and asks for more information ──
	await officerSignedIn;
	await openFromDashboard(b, requestTitle);
	await move(b, 'Received');
	await expect(b.getByTestId('case-status')).toHaveAttribute('data-status', 'received');
	await move(b, 'Additional information requested', 'Which accounts, and for which period?');
	await expect(b.getByTestId('case-status')).toHaveAttribute('data-status', 'additional-info-requested');
	const question = `Please send the account numbers ${randomBytes(3).toString('hex')}`;
	await b.getByLabel(en('case_message_label')).fill(question);
	await b.getByRole('button', { name: en('case_message_send') }).click();

	// ── Status change: Space chooses the move, Enter sends it; focus goes to the status, which becomes the new one ──
	await expect(a.getByTestId('case-status')).toHaveAttribute('data-status', 'additional-info-requested', { timeout: 60_000 });
	const answer = a.getByRole('radio', { name: /^Information provided/ });
	await tabTo(a, answer);
	await a.keyboard.press('Space');
	await expect(answer).toBeChecked();
	await tabTo(a, a.getByRole('button', { name: en('case_move_submit') }));
	await a.keyboard.press('Enter');
	const status = a.getByTestId('case-status');
	await expectFocus(a, status);
	await expect(status).toHaveAttribute('data-status', 'info-provided', { timeout: 60_000 });
	await expect(status).toHaveText('Information provided');
	await expectFocus(a, status);
	await expect(b.getByTestId('case-status')).toHaveAttribute('data-status', 'info-provided', { timeout: 60_000 });

	// ── Who wrote: the name reached with Tab shows the Matrix ID; Escape hides it ──
	const asked = a.getByTestId('timeline-item').filter({ hasText: question });
	await expect(asked).toBeVisible({ timeout: 60_000 });
	const writer = asked.getByTestId('person').first();
	const tip = writer.getByTestId('person-id');
	await expect(tip).toHaveClass(/visually-hidden/);
	await tabTo(a, writer);
	await expectFocus(a, writer);
	await expect(tip).not.toHaveClass(/visually-hidden/);
	await expect(tip).toBeVisible();
	await expect(tip).toContainText(en('person_id_tip', { id: officer.userId }));
	await a.keyboard.press('Escape');
	await expect(tip).toHaveClass(/visually-hidden/);
	await expect(writer).toBeFocused();

	// ── Reply: Enter on "Reply" puts focus in the message field; once sent, focus is back in the emptied field ──
	await tabTo(a, asked.getByRole('button', { name: /^Reply to / }));
	await a.keyboard.press('Enter');
	const field = a.getByLabel(en('case_message_label'));
	await expectFocus(a, field);
	await expect(a.getByTestId('replying-to')).toBeVisible();
	const reply = `Attached below ${randomBytes(3).toString('hex')}`;
	await a.keyboard.type(reply);
	await tabTo(a, a.getByRole('button', { name: en('case_message_send') }));
	await a.keyboard.press('Enter');
	await expectFocus(a, field);
	await expect(field).toHaveValue('');
	await expect(a.getByTestId('replying-to')).toHaveCount(0);
	await expect(a.getByTestId('announcer')).toHaveText(en('case_message_added'));
	await expect(b.getByTestId('timeline-item').filter({ hasText: reply })).toBeVisible({ timeout: 60_000 });
	await expect(a.getByTestId('timeline-item').filter({ hasText: reply })).toBeVisible({ timeout: 60_000 });

	expectClean(first.seen, 'keyboard browser');
	expectClean(second.seen, 'other party');
	await logOutRegistration(prosecutor);
	await logOutRegistration(officer);
	await first.context.close();
	await second.context.close();
});
