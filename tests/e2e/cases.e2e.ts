// A request tracked by two authorities on two homeservers, in two browsers:
// a prosecutor in Guatemala (gt-mp) opens an MLA request to Nigeria's central
// authority (ng-ca); the officer there finds it on the dashboard (the
// invitation accepted on its own), moves it to "received" then "additional
// information requested" with a reason; the prosecutor answers; both pages
// show the same status and history; a colleague of the prosecutor on a stock
// client answers too, from the same point (a conflict): both pages say so,
// the officer settles it, with a reason; an attachment the prosecutor uploads is
// downloaded and decrypted intact by the officer. Both set up cross-signing
// first: room keys go only to cross-signed devices. Throughout: no console or
// page error, no request beyond loopback.
import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import type { StatusId, TransitionId } from '../../policies/cases/index.ts';
import { sendCaseEvent } from '../support/case-room-node.ts';
import { countFiles, scanForMarkers } from '../support/marker-scan.ts';
import { startNodeClient } from '../support/matrix-node-client.ts';
import { freshAccount, homeserverOf, logOutRegistration } from './support/accounts.ts';
import { federation } from './support/env.ts';
import { downloadAttachment, move, openRequest } from './support/case-pages.ts';
import { en, expectClean } from './support/session-pages.ts';
import { twoParties } from './support/two-parties.ts';

test.setTimeout(180_000);

const history = (page: Page): Promise<string[]> => page.getByTestId('status-change-text').allInnerTexts();

test('two authorities open, move, answer and settle an MLA request, and share an encrypted attachment', async ({ browser }) => {
	const { prosecutor, officer, first, second, a, b } = await twoParties(browser, 'e2e-case');
	// A colleague of the prosecutor on a stock (Node) client, to make a conflict no UI would offer.
	const colleague = await freshAccount(homeserverOf('gt-mp'), 'e2e-case-colleague');
	const peer = await startNodeClient({ ...colleague, clientUrl: colleague.homeserver.clientUrl });
	await peer.getCrypto()?.bootstrapCrossSigning({ authUploadDeviceSigningKeys: (makeRequest) => makeRequest(null) });

	// ── A opens the request from the dashboard ──
	// Distinctive markers: none of them may ever reach a homeserver's disk in the clear (checked at the end).
	const tag = randomBytes(4).toString('hex');
	const title = `Bank records ROGMARK-title-${tag}`;
	const reference = `MP-FECO-ROGMARK-${tag}`;
	const theirReference = `CA/MLA/ROGMARK-${tag}`;
	const note = `The account numbers are in the attached file ROGMARK-note-${tag}.`;
	const fileMarker = `ROGMARK-file-${tag}`;
	const roomId = await openRequest(a, {
		title,
		requested: 'ng-ca',
		reference,
		offence: 'Corruption',
		invite: [officer.userId, colleague.userId],
	});
	await expect(a.getByTestId('case-status')).toHaveAttribute('data-status', 'sent');

	// ── B finds it on the dashboard and moves it ──
	await b.getByRole('link', { name: en('home_cases_link') }).click();
	// The banner's navigation marks where B is: the requests, and within them a request's page.
	const requests = b.getByRole('navigation', { name: en('nav_label') }).getByRole('link', { name: en('home_cases_link') });
	await expect(requests).toHaveAttribute('aria-current', 'page');
	const entry = b.getByTestId('case-entry').filter({ hasText: title });
	await expect(entry).toBeVisible({ timeout: 60_000 });
	await expect(entry.getByTestId('case-entry-status')).toHaveText('Sent');
	// The search runs over the decrypted records: by reference, then by a word that matches nothing.
	const search = b.getByLabel(en('cases_search_label'));
	await search.fill(reference.toLowerCase());
	await expect(entry).toBeVisible();
	await search.fill('no-such-request');
	await expect(entry).toHaveCount(0);
	await search.fill('');
	await entry.getByRole('link', { name: title }).click();
	await expect(b.getByTestId('case-status')).toHaveAttribute('data-status', 'sent');
	await expect(requests).toHaveAttribute('aria-current', 'true');
	await move(b, 'Received');
	await expect(b.getByTestId('case-status')).toHaveAttribute('data-status', 'received');
	// A reason is required here: the page says so before anything is sent.
	await move(b, 'Additional information requested');
	await expect(b.getByRole('alert')).toHaveText(en('case_error_reason'));
	await move(b, 'Additional information requested', 'Please send the account numbers and the period concerned');
	await expect(b.getByTestId('case-status')).toHaveAttribute('data-status', 'additional-info-requested');

	// ── A answers ──
	await expect(a.getByTestId('case-status')).toHaveAttribute('data-status', 'additional-info-requested');
	// Only the requesting side's moves are offered: the requested side's refusal is not.
	await expect(a.getByRole('radio', { name: /^Information provided/ })).toBeVisible();
	await expect(a.getByRole('radio', { name: /^Refused/ })).toHaveCount(0);
	await move(a, 'Information provided');
	await expect(a.getByTestId('case-status')).toHaveAttribute('data-status', 'info-provided');
	await expect(b.getByTestId('case-status')).toHaveAttribute('data-status', 'info-provided');

	// ── Both show the same record and history ──
	const expected = [
		'Draft → Sent',
		'Sent → Received',
		'Received → Additional information requested',
		'Additional information requested → Information provided',
	];
	await expect.poll(() => history(a)).toEqual(expected);
	await expect.poll(() => history(b)).toEqual(expected);

	// ── A conflict: the colleague answers the same request for information too, from the same point ──
	await peer.joinRoom(roomId);
	await expect.poll(() => peer.getRoom(roomId)?.getMyMembership()).toBe('join');
	const asked = (await a.getByTestId('status-change').nth(2).getAttribute('data-transition')) as TransitionId;
	const answered = await a.getByTestId('status-change').nth(3).getAttribute('data-transition');
	await sendCaseEvent(peer, roomId, {
		type: 'transition',
		follows: asked,
		from: 'additional-info-requested' as StatusId,
		to: 'info-provided' as StatusId,
	});
	for (const page of [a, b]) {
		await expect(page.getByRole('heading', { level: 2, name: en('case_conflict_heading') })).toBeVisible();
		await expect(page.getByTestId('case-status')).toHaveAttribute('data-status', 'additional-info-requested');
		await expect(page.getByRole('radio', { name: /^Information provided/ })).toHaveCount(2);
	}
	// B settles for A's answer; both sides are back on one status.
	await b.locator(`input[type=radio][value="${answered}"]`).check();
	await b.getByRole('button', { name: en('case_conflict_settle') }).click();
	await expect(b.getByRole('alert').filter({ hasText: en('case_error_reason') })).toBeVisible();
	await b.getByLabel(en('case_reason_label'), { exact: true }).fill('Agreed by telephone');
	await b.getByRole('button', { name: en('case_conflict_settle') }).click();
	for (const page of [a, b]) {
		await expect(page.getByRole('heading', { level: 2, name: en('case_conflict_heading') })).toHaveCount(0);
		await expect(page.getByTestId('case-status')).toHaveAttribute('data-status', 'info-provided');
	}
	peer.stopClient();

	// ── B records its own reference (an amendment); A sees it, with the amendment in the history ──
	await b.getByLabel(en('case_reference_label')).fill(theirReference);
	await b.getByLabel(en('case_reference_reason')).fill('Registered');
	await b.getByRole('button', { name: en('case_reference_submit') }).click();
	await expect(b.getByText(en('case_reference_current', { ref: theirReference }))).toBeVisible();
	await expect(a.getByText(en('cases_ref_requested', { ref: theirReference }))).toBeVisible();
	await expect(a.getByTestId('amendments').getByText(en('case_reason_shown', { reason: 'Registered' }))).toBeVisible();
	await expect(
		b
			.getByTestId('status-history')
			.getByText(en('case_reason_shown', { reason: 'Please send the account numbers and the period concerned' })),
	).toBeVisible();
	await expect(
		a
			.getByTestId('status-history')
			.getByText(en('case_reason_shown', { reason: 'Please send the account numbers and the period concerned' })),
	).toBeVisible();

	// ── A message in the discussion ──
	await a.getByLabel(en('case_message_label')).fill(note);
	await a.getByRole('button', { name: en('case_message_send') }).click();
	await expect(b.getByTestId('timeline-item').filter({ hasText: note })).toBeVisible();

	// ── An attachment from A, downloaded intact by B; one over the size limit is refused with a clear message ──
	await a
		.getByLabel(en('case_attach_label'))
		.setInputFiles({ name: 'huge.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(26 * 1024 * 1024) });
	await expect(a.getByRole('alert')).toHaveText(en('case_error_too_large', { size: '26 MB', limit: '25 MB' }));
	const bytes = Buffer.concat([randomBytes(150_000), Buffer.from(fileMarker), randomBytes(150_000)]);
	await a.getByLabel(en('case_attach_label')).setInputFiles({ name: 'evidence.bin', mimeType: 'application/octet-stream', buffer: bytes });
	await expect(a.getByRole('button', { name: en('case_download', { name: 'evidence.bin' }) })).toBeVisible();
	expect((await downloadAttachment(b, 'evidence.bin')).equals(bytes)).toBe(true);

	// ── Nothing of the case reached any homeserver's disk in the clear: databases, media stores, logs ──
	const roots = federation().homeservers.map((hs) => homeserverOf(hs.id).dataDir);
	expect(countFiles(roots)).toBeGreaterThan(roots.length * 3);
	expect(scanForMarkers(roots, [title, reference, theirReference, note, fileMarker, `ROGMARK-title-${tag}`])).toEqual([]);

	expectClean(first.seen, 'requesting browser');
	expectClean(second.seen, 'requested browser');
	await logOutRegistration(prosecutor);
	await logOutRegistration(officer);
	await logOutRegistration(colleague);
	await first.context.close();
	await second.context.close();
});
