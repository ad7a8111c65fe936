// Issue 11, acceptance 5, with two parties on two homeservers (gt-mp,
// REFCO; ng-ca, WACAP): after one visit (signed in, the case opened), with
// the homeserver unreachable and then the network cut too, the requested
// side's dashboard and case page load from what the browser kept (the
// service worker's pages, the sync state and the crypto store in
// IndexedDB) and say they are offline; a reply, a status change and a
// reference written offline are queued, each marked, survive a reload while
// offline, and are sent once when the connection returns — the other side
// sees each once. A status change queued offline that the other side's
// move has overtaken comes back refused, saying why, and is never sent.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { logOutRegistration } from './support/accounts.ts';
import { caseEntry, move, openRequest } from './support/case-pages.ts';
import { en } from './support/session-pages.ts';
import { twoParties } from './support/two-parties.ts';

test.setTimeout(420_000);

const items = (page: Page, text: string) => page.getByTestId('timeline-item').filter({ hasText: text });
/** Any Matrix client API request, on the homeserver's origin or the app's own. */
const MATRIX = (url: URL): boolean => url.pathname.startsWith('/_matrix/') || url.pathname.startsWith('/matrix/');

/** The homeserver stops answering this browser (the connection is refused); the app's own server still does. */
async function homeserverUnreachable(context: BrowserContext): Promise<void> {
	await context.route(MATRIX, (route) => route.abort('connectionrefused'));
}

async function reconnect(context: BrowserContext): Promise<void> {
	await context.setOffline(false);
	await context.unroute(MATRIX);
}

test('offline after one visit: the dashboard and the case from the browser, writing queued across a reload and sent once, an overtaken move refused', async ({
	browser,
}) => {
	const { prosecutor, officer, first, second, a, b } = await twoParties(browser, 'e2e-offcase');

	// ── One visit: B sees the request on its dashboard and opens it; A has asked something ──
	const title = `Offline registry ${Date.now()}`;
	const roomId = await openRequest(a, { title, requested: 'ng-ca', offence: 'Cybercrime', invite: [officer.userId] });
	const question = 'Please confirm you have it';
	await a.getByLabel(en('case_message_label')).fill(question);
	await a.getByRole('button', { name: en('case_message_send') }).click();
	await b.goto('/en/cases');
	await caseEntry(b, title);
	await b.waitForFunction(
		async () => (await navigator.serviceWorker.ready).active?.state === 'activated' && navigator.serviceWorker.controller !== null,
	);
	// NOTE: the case is opened through the dashboard, never loaded by its address while online: offline, the worker serves it all the same.
	const caseUrl = `/en/cases/${encodeURIComponent(roomId)}`;
	await b.getByTestId('case-entry').filter({ hasText: title }).getByRole('link', { name: title }).click();
	await expect(b.getByTestId('case-title')).toHaveText(title);
	await expect(items(b, question)).toHaveCount(1, { timeout: 60_000 });
	await b.goto('/en/cases');
	await expect(b.getByTestId('case-entry').filter({ hasText: title })).toBeVisible();

	// ── The homeserver cannot be reached: the dashboard opens from the kept sync and says so ──
	await homeserverUnreachable(second.context);
	await b.reload();
	await expect(b.getByTestId('case-entry').filter({ hasText: title })).toBeVisible();
	await expect(b.getByRole('status').filter({ hasText: en('session_offline') })).toBeVisible();

	// ── And the network cut too: the dashboard, then the case through it and by its address ──
	await second.context.setOffline(true);
	await b.goto('/en/cases');
	await expect(b.getByTestId('offline-notice')).toHaveText(en('offline_notice'));
	await expect(b.getByRole('status').filter({ hasText: en('session_offline') })).toBeVisible();
	const entry = b.getByTestId('case-entry').filter({ hasText: title });
	await expect(entry.getByTestId('case-entry-status')).toHaveText('Sent');
	await entry.getByRole('link', { name: title }).click();
	const caseShown = async (): Promise<void> => {
		await expect(b.getByTestId('case-title')).toHaveText(title);
		await expect(b.getByTestId('case-status')).toHaveAttribute('data-status', 'sent');
		await expect(items(b, question)).toHaveCount(1);
		await expect(b.getByTestId('offline-notice')).toBeVisible();
	};
	await caseShown();
	await b.goto(caseUrl);
	await caseShown();

	// ── Written offline: a reply, a status change, the authority's reference; each queued and marked ──
	const reply = 'Received offline, registering it now';
	await b.getByLabel(en('case_message_label')).fill(reply);
	await b.getByRole('button', { name: en('case_message_send') }).click();
	await move(b, 'Received');
	const reference = `NG-CA-OFF-${Date.now()}`;
	await b.getByLabel(en('case_reference_label')).fill(reference);
	await b.getByLabel(en('case_reference_reason')).fill('Registered offline');
	await b.getByRole('button', { name: en('case_reference_submit') }).click();
	const queued = b.getByTestId('queued-item');
	const queuedAsWaiting = async (): Promise<void> => {
		await expect(queued).toHaveCount(3);
		for (const item of await queued.all()) {
			await expect(item).toHaveAttribute('data-state', 'queued');
			await expect(item.getByTestId('queued-state')).toHaveText(en('case_queued'));
		}
		await expect(queued.first()).toContainText(reply);
		await expect(b.getByTestId('moves-none')).toHaveText(en('case_move_waiting'));
	};
	await queuedAsWaiting();

	// ── Reloaded while offline: all still there, still waiting ──
	await b.reload();
	await caseShown();
	await queuedAsWaiting();

	// ── The connection returns: each sent once, and A sees each ──
	await reconnect(second.context);
	await expect(queued).toHaveCount(0, { timeout: 120_000 });
	await expect(b.getByRole('status').filter({ hasText: en('session_offline') })).toHaveCount(0);
	await expect(b.getByTestId('offline-notice')).toHaveCount(0);
	await expect(b.getByTestId('case-status')).toHaveAttribute('data-status', 'received');
	await expect(a.getByTestId('case-status')).toHaveAttribute('data-status', 'received', { timeout: 60_000 });
	await expect(items(a, reply)).toHaveCount(1);
	await expect(a.getByTestId('amendments')).toContainText(reference);
	// A later message shows A's page has caught up, so a duplicate would have arrived before it.
	await b.getByLabel(en('case_message_label')).fill('Back online');
	await b.getByRole('button', { name: en('case_message_send') }).click();
	await expect(items(a, 'Back online')).toHaveCount(1, { timeout: 60_000 });
	await expect(items(a, reply)).toHaveCount(1);
	const changes = await a.getByTestId('status-change').count();

	// ── Offline again, B accepts; meanwhile A withdraws the request: B's move comes back refused, and is never sent ──
	await homeserverUnreachable(second.context);
	await second.context.setOffline(true);
	await expect(b.getByTestId('offline-notice')).toBeVisible();
	await move(b, 'Accepted');
	await expect(queued).toHaveCount(1);
	await expect(queued.getByTestId('queued-state')).toHaveText(en('case_queued'));
	await move(a, 'Withdrawn');
	await expect(a.getByTestId('case-status')).toHaveAttribute('data-status', 'withdrawn');
	await reconnect(second.context);
	await expect(b.getByTestId('case-status')).toHaveAttribute('data-status', 'withdrawn', { timeout: 120_000 });
	await expect(queued).toHaveAttribute('data-state', 'refused');
	await expect(queued.getByTestId('queued-state')).toHaveText(en('offline_refused_moved', { status: 'Withdrawn' }));
	await expect(queued.getByRole('button', { name: en('case_queued_retry') })).toHaveCount(0);
	await queued.getByRole('button', { name: en('case_queued_discard') }).click();
	await expect(queued).toHaveCount(0);
	await b.getByLabel(en('case_message_label')).fill('Understood, closing our file');
	await b.getByRole('button', { name: en('case_message_send') }).click();
	await expect(items(a, 'Understood, closing our file')).toHaveCount(1, { timeout: 60_000 });
	// The refused move never reached the room: A's record has no conflict and only its own withdrawal after "received".
	await expect(a.getByTestId('case-status')).toHaveAttribute('data-status', 'withdrawn');
	await expect(a.getByTestId('status-change')).toHaveCount(changes + 1);

	expect(second.seen.pageErrors).toEqual([]);
	expect(first.seen.pageErrors).toEqual([]);
	for (const account of [prosecutor, officer]) await logOutRegistration(account);
	await first.context.close();
	await second.context.close();
});
