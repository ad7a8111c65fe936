// End to end, what follows the opening of a request, in two browsers on two
// homeservers of different networks (gt-mp, REFCO; ng-ca, WACAP):
// - answer-by dates on both dashboards, and an overdue request standing out;
// - amendments: each side is offered only the fields it may change, and both
//   see the history with each field before and after;
// - replies in the discussion, quoted with what they answer;
// - a message from a device its owner never cross-signed is withheld, and the
//   page says why;
// - an invitation the homeserver refuses to let in at first: shown as such on
//   the dashboard, and accepted on a later attempt;
// - going offline: what is sent (an attachment too) is queued and shown as
//   pending, then sent once when the connection returns — also when the homeserver's answer is
//   lost, and across a page reload.
import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { sendCaseEvent } from '../support/case-room-node.ts';
import { startNodeClient } from '../support/matrix-node-client.ts';
import { displayNameOf, freshAccount, homeserverOf, logOutRegistration } from './support/accounts.ts';
import { caseEntry, downloadAttachment, move, openFromDashboard, openRequest } from './support/case-pages.ts';
import { en, expectClean } from './support/session-pages.ts';
import { twoParties } from './support/two-parties.ts';

test.setTimeout(240_000);

const DAY = 86_400_000;
/** A calendar date `days` from today (the browsers run in the machine's zone, UTC here), YYYY-MM-DD. */
const dateIn = (days: number): string => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
const longDate = (date: string): string => new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(Date.parse(date));
const items = (page: Page, text: string) => page.getByTestId('timeline-item').filter({ hasText: text });

test('answer-by dates, amendments, replies, and a message from an unverified device', async ({ browser }) => {
	const { prosecutor, officer, first, second, a, b } = await twoParties(browser, 'e2e-follow');
	const colleague = await freshAccount(homeserverOf('gt-mp'), 'e2e-follow-colleague');
	const stranger = await freshAccount(homeserverOf('gt-mp'), 'e2e-follow-unsigned');
	const peer = await startNodeClient({ ...colleague, clientUrl: colleague.homeserver.clientUrl });
	await peer.getCrypto()?.bootstrapCrossSigning({ authUploadDeviceSigningKeys: (makeRequest) => makeRequest(null) });
	// Never cross-signed: a device its owner has not vouched for.
	const unsigned = await startNodeClient({ ...stranger, clientUrl: stranger.homeserver.clientUrl });

	// ── Opened with an answer-by date ten days ahead: both dashboards show it ──
	const title = `Phone records ${Date.now()}`;
	const respondBy = dateIn(10);
	const roomId = await openRequest(a, {
		title,
		requested: 'ng-ca',
		offence: 'Kidnapping',
		invite: [officer.userId, colleague.userId],
		respondBy,
	});
	for (const page of [a, b]) {
		await page.goto('/en/cases');
		const entry = page.getByTestId('case-entry').filter({ hasText: title });
		await expect(entry.getByTestId('case-entry-deadline')).toHaveText(en('cases_deadline_later', { date: longDate(respondBy) }), {
			timeout: 60_000,
		});
	}

	// ── A colleague's stock client moves the date to yesterday: the request is overdue on both sides ──
	await peer.joinRoom(roomId);
	await expect.poll(() => peer.getRoom(roomId)?.getMyMembership()).toBe('join');
	const yesterday = dateIn(-1);
	await sendCaseEvent(peer, roomId, { type: 'amended', changes: { respondBy: yesterday }, reason: 'The hearing was brought forward' });
	for (const page of [a, b]) {
		const entry = page.getByTestId('case-entry').filter({ hasText: title });
		await expect(entry.getByText(en('cases_attention_overdue'))).toBeVisible();
		await expect(entry.getByTestId('case-entry-deadline')).toHaveText(en('cases_deadline_overdue', { date: longDate(yesterday), days: 1 }));
	}

	// ── The requested side may change the title only; A sees the change in the history ──
	await openFromDashboard(b, title);
	await openFromDashboard(a, title);
	// An amendment is made in a dialog, opened from the case page's other actions.
	await b.getByRole('button', { name: en('case_amend_heading') }).click();
	const fields = b.getByLabel(en('case_amend_field'));
	await expect(fields).toBeFocused();
	await expect(fields.locator('option')).toHaveText([en('case_amend_choose'), 'Title']);
	const newTitle = `${title} (Lagos branch)`;
	await fields.selectOption('title');
	await b.getByLabel('Title', { exact: true }).fill(newTitle);
	await b.getByRole('button', { name: en('case_amend_submit') }).click();
	await expect(b.getByRole('alert')).toHaveText(en('case_error_reason'));
	await b.locator('#amend-reason').fill('The account is held in Lagos');
	await b.getByRole('button', { name: en('case_amend_submit') }).click();
	// Queued, the dialog closes and focus is back on the button that opened it.
	await expect(b.getByRole('dialog')).toHaveCount(0);
	await expect(b.getByRole('button', { name: en('case_amend_heading') })).toBeFocused();
	await expect(a.getByTestId('case-title')).toHaveText(newTitle);
	await expect(a.getByTestId('amendments')).toContainText(en('case_amend_change', { field: 'Title', before: title, after: newTitle }));
	// The requesting side is offered the substance of the request.
	await a.getByRole('button', { name: en('case_amend_heading') }).click();
	await expect(a.getByLabel(en('case_amend_field')).locator('option')).toHaveText([
		en('case_amend_choose'),
		'Title',
		'Legal basis',
		'Offences',
		'Urgency',
		'Channel',
		'Answer requested by',
	]);
	// Escape closes the dialog and gives focus back to the button that opened it.
	await a.keyboard.press('Escape');
	await expect(a.getByRole('dialog')).toHaveCount(0);
	await expect(a.getByRole('button', { name: en('case_amend_heading') })).toBeFocused();

	// ── A reply, quoted with what it answers ──
	const question = 'Which accounts, exactly?';
	// People by display name and authority (the Matrix ID only on hover and for screen readers).
	const asker = en('person_of_authority', { name: await displayNameOf(prosecutor), authority: 'Ministerio Público de Guatemala' });
	await a.getByLabel(en('case_message_label')).fill(question);
	await a.getByRole('button', { name: en('case_message_send') }).click();
	await items(b, question)
		.getByRole('button', { name: en('case_reply_to', { who: asker }) })
		.click();
	await expect(b.getByTestId('replying-to')).toContainText(en('case_replying_to', { who: asker, excerpt: question }));
	const answer = 'The two accounts opened in March';
	await b.getByLabel(en('case_message_label')).fill(answer);
	await b.getByRole('button', { name: en('case_message_send') }).click();
	await expect(items(a, answer)).toContainText(en('case_in_reply_to', { who: asker, excerpt: question }));

	// ── A message from a device its owner never cross-signed is withheld, with the reason ──
	await peer.invite(roomId, stranger.userId);
	await expect.poll(() => unsigned.getRoom(roomId)?.getMyMembership(), { timeout: 30_000 }).toBe('invite');
	await unsigned.joinRoom(roomId);
	await expect.poll(() => unsigned.getRoom(roomId)?.getMyMembership()).toBe('join');
	await unsigned.sendTextMessage(roomId, 'Trust me');
	await expect(a.getByTestId('withheld').and(a.locator('[data-reason="unsigned-device"]'))).toHaveText(
		en('case_withheld_unsigned_device'),
		{ timeout: 60_000 },
	);
	await expect(items(a, 'Trust me')).toHaveCount(0);

	peer.stopClient();
	unsigned.stopClient();
	expectClean(first.seen, 'requesting browser');
	expectClean(second.seen, 'requested browser');
	for (const account of [prosecutor, officer, colleague, stranger]) await logOutRegistration(account);
	await first.context.close();
	await second.context.close();
});

test('offline: what is sent is queued, shown as pending, and sent once when the connection returns', async ({ browser }) => {
	const { prosecutor, officer, first, second, a, b } = await twoParties(browser, 'e2e-offline');
	// ── The homeserver refuses the first two joins, as Synapse does while a remote invitation is not stored yet:
	// the dashboard says so, and the invitation is tried again on its own ──
	let refusedJoins = 0;
	await b.route(/\/_matrix\/client\/v3\/join\//, async (route) => {
		if (refusedJoins >= 2) return route.fallback();
		refusedJoins += 1;
		await route.fulfill({ status: 403, json: { errcode: 'M_FORBIDDEN', error: 'You are not invited to this room.' } });
	});
	await b.goto('/en/cases');
	const title = `Subscriber data ${Date.now()}`;
	await openRequest(a, { title, requested: 'ng-ca', offence: 'Cybercrime', invite: [officer.userId] });
	const invitation = b.getByTestId('waiting-invitation');
	await expect(invitation).toContainText(en('cases_invitation_why_not_settled'), { timeout: 60_000 });
	await expect(invitation).toContainText(prosecutor.userId);
	await caseEntry(b, title);
	await expect(invitation).toHaveCount(0);
	expect(refusedJoins).toBe(2);
	await b.unroute(/\/_matrix\/client\/v3\/join\//);
	await openFromDashboard(b, title);

	// ── Offline: a message and a status change wait, shown as queued; the next move waits for them ──
	await second.context.setOffline(true);
	await b.getByLabel(en('case_message_label')).fill('Received, registering it now');
	await b.getByRole('button', { name: en('case_message_send') }).click();
	await move(b, 'Received');
	const evidence = randomBytes(200_000);
	await b
		.getByLabel(en('case_attach_label'))
		.setInputFiles({ name: 'offline-evidence.bin', mimeType: 'application/octet-stream', buffer: evidence });
	const queued = b.getByTestId('queued-item');
	await expect(queued).toHaveCount(3);
	await expect(queued.first()).toContainText(en('case_queued'));
	await expect(queued.last()).toContainText('offline-evidence.bin');
	await expect(b.getByTestId('moves-none')).toHaveText(en('case_move_waiting'));
	await expect(b.getByTestId('case-status')).toHaveAttribute('data-status', 'sent');

	// ── Back online: sent, in order, once ──
	await second.context.setOffline(false);
	await expect(queued).toHaveCount(0, { timeout: 90_000 });
	await expect(b.getByTestId('case-status')).toHaveAttribute('data-status', 'received');
	await expect(a.getByTestId('case-status')).toHaveAttribute('data-status', 'received');
	await expect(items(a, 'Received, registering it now')).toHaveCount(1);
	// The attachment chosen while offline was uploaded and sent after the rest, and arrives intact.
	expect((await downloadAttachment(a, 'offline-evidence.bin')).equals(evidence)).toBe(true);

	// ── The homeserver stores a message but its answer is lost: sent again with the same transaction ID, kept once ──
	const sendUrl = /\/_matrix\/client\/v3\/rooms\/[^/]+\/send\/m\.room\.encrypted\/rog-/;
	let lost = 0;
	await b.route(sendUrl, async (route) => {
		if (lost > 0) return route.fallback();
		lost += 1;
		await route.fetch();
		await route.abort('connectionreset');
	});
	await b.getByLabel(en('case_message_label')).fill('Sent twice, kept once');
	await b.getByRole('button', { name: en('case_message_send') }).click();
	await expect(queued).toHaveCount(0, { timeout: 90_000 });
	expect(lost).toBe(1);
	await expect(items(b, 'Sent twice, kept once')).toHaveCount(1);
	await expect(items(a, 'Sent twice, kept once')).toHaveCount(1);
	// A later message shows that A's page has caught up, so a duplicate would have arrived before it.
	await b.getByLabel(en('case_message_label')).fill('And a later one');
	await b.getByRole('button', { name: en('case_message_send') }).click();
	await expect(items(a, 'And a later one')).toHaveCount(1);
	await expect(items(a, 'Sent twice, kept once')).toHaveCount(1);
	await b.unroute(sendUrl);

	// ── Queued, then the page is reloaded: the message is still there, and sent once the homeserver answers ──
	await b.route(sendUrl, (route) => route.abort('internetdisconnected'));
	await b.getByLabel(en('case_message_label')).fill('Written before a reload');
	await b.getByRole('button', { name: en('case_message_send') }).click();
	const kept = randomBytes(120_000);
	await b
		.getByLabel(en('case_attach_label'))
		.setInputFiles({ name: 'kept-across-reload.bin', mimeType: 'application/octet-stream', buffer: kept });
	await expect(queued).toHaveCount(2);
	await b.reload();
	await expect(b.getByTestId('case-title')).toHaveText(title);
	await expect(queued).toHaveCount(2);
	await expect(queued.first()).toContainText('Written before a reload');
	await expect(queued.last()).toContainText('kept-across-reload.bin');
	// Signing out now would delete them: the sign-out page says so before anything is done.
	const caseUrl = b.url();
	await b.goto('/en/sign-out');
	await expect(b.getByTestId('unsent-warning')).toHaveText(en('signout_unsent_warning', { count: 2 }));
	await b.goto(caseUrl);
	await expect(queued).toHaveCount(2);
	await b.unroute(sendUrl);
	await expect(queued).toHaveCount(0, { timeout: 90_000 });
	await expect(items(a, 'Written before a reload')).toHaveCount(1);
	expect((await downloadAttachment(a, 'kept-across-reload.bin')).equals(kept)).toBe(true);

	expect(second.seen.pageErrors).toEqual([]);
	expectClean(first.seen, 'requesting browser');
	for (const account of [prosecutor, officer]) await logOutRegistration(account);
	await first.context.close();
	await second.context.close();
});
