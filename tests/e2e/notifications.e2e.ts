// Issue 16, acceptance 3: the notification centre and browser notifications.
// Nigeria's officer has Rogatory open in a tab that is out of sight (the tab's
// visibility is emulated: headless Chromium has no background tabs, and no
// system to show a notification on, so the page's calls to the browser's
// notification API are recorded instead); she allowed notifications.
// Guatemala opens an urgent request with her authority: the browser is asked
// to show one notification, "New urgent request from …", with nothing of the
// case in it (title, reference, a name: markers), and the centre lists the
// request as unread, counted in the navigation and marked on the dashboard.
// Opening the case reads it.
// She turns new requests off: a second request is neither listed nor
// announced, while a move of Guatemala's that leaves the next step to her
// side (a category still on) is. The centre is audited in the five languages
// at 360 and 1280 px (axe, no sideways scroll), and the screenshots kept.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { MatrixClient } from 'matrix-js-sdk';
import { serverNameOf, type StatusId, type TransitionId } from '#policies/cases/index.ts';
import { caseRoomRequest } from '#policies/rooms/case-room.ts';
import { mlaOpening, sendCaseEvent } from '../support/case-room-node.ts';
import { crossSign, startNodeClient } from '../support/matrix-node-client.ts';
import { freshAccount, homeserverOf, logOutRegistration, type E2eAccount } from './support/accounts.ts';
import { signedIn } from './support/case-pages.ts';
import { LOCALES, message } from './support/messages.ts';
import { auditAtEverySize, VIEWPORTS } from './support/screen-audit.ts';
import { expectClean, newBrowser } from './support/session-pages.ts';
import { webUrl } from './support/env.ts';

test.setTimeout(480_000);

const SHOTS = '/work/notes/shots/notifications';

interface Recorded {
	readonly title: string;
	readonly options: string;
}

/** Records the page's notification calls and lets the test say whether the tab is out of sight. */
function emulateBackgroundTab(): void {
	// NOTE: init scripts run in every frame, some without these APIs (not a secure context): left alone there.
	if (typeof ServiceWorkerRegistration === 'undefined' || typeof Notification === 'undefined') return;
	const calls: { title: string; options: string }[] = [];
	const w = window as unknown as { rogatoryNotices: typeof calls; rogatoryHidden: (hidden: boolean) => void };
	w.rogatoryNotices = calls;
	const record = (title: string, options: unknown): void => void calls.push({ title, options: JSON.stringify(options ?? {}) });
	ServiceWorkerRegistration.prototype.showNotification = function (title: string, options?: NotificationOptions) {
		record(title, options);
		return Promise.resolve();
	};
	const Original = window.Notification;
	class Recording extends Original {
		constructor(title: string, options?: NotificationOptions) {
			record(title, options);
			super(title, options);
		}
	}
	window.Notification = Recording;
	let hidden = false;
	Object.defineProperty(Document.prototype, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
	Object.defineProperty(Document.prototype, 'hidden', { configurable: true, get: () => hidden });
	w.rogatoryHidden = (value) => {
		hidden = value;
		document.dispatchEvent(new Event('visibilitychange'));
	};
}

const recorded = (page: Page): Promise<Recorded[]> =>
	page.evaluate(() => [...(window as unknown as { rogatoryNotices: Recorded[] }).rogatoryNotices]);

/** Guatemala's client opens a request with Nigeria (the officer's page accepts the invitation on its own). */
async function openRequest(requesting: MatrixClient, officer: E2eAccount, title: string, reference: string, urgency: 'urgent' | 'routine') {
	const request = caseRoomRequest({
		creatorServer: serverNameOf(requesting.getUserId() ?? ''),
		partyServers: [serverNameOf(officer.userId)],
		invite: [officer.userId],
	});
	if (!request.ok) throw new Error(request.error);
	const { room_id: roomId } = await requesting.createRoom(request.value as never);
	await expect
		.poll(() => requesting.getRoom(roomId)?.getMember(officer.userId)?.membership, { timeout: 120_000, message: 'the officer joins' })
		.toBe('join');
	const opened = await sendCaseEvent(
		requesting,
		roomId,
		mlaOpening({ requesting: 'gt-mp' as never, requested: 'ng-ca' as never, title, reference, urgency }),
	);
	return { roomId, opened };
}

test('a background tab is told of a new urgent request with no case content; the centre lists it; a category turned off stops', async ({
	browser,
}, testInfo) => {
	const officer = await freshAccount(homeserverOf('ng-ca'), 'notices-b');
	const sender = await freshAccount(homeserverOf('gt-mp'), 'notices-a');
	const requesting = await startNodeClient({ ...sender, clientUrl: sender.homeserver.clientUrl });
	try {
		await crossSign(requesting);
		const b = await newBrowser(browser, officer);
		await b.context.grantPermissions(['notifications'], { origin: webUrl() });
		await b.context.addInitScript(emulateBackgroundTab);
		const page = b.page;
		await signedIn(page, officer);
		await page.goto('/en/notifications');
		await expect(page.getByTestId('notices-permission')).toHaveAttribute('data-permission', 'granted');
		await expect(page.getByTestId('notices-none')).toBeVisible({ timeout: 120_000 });
		await expect(page.getByTestId('nav-notifications')).toHaveText(message('en', 'nav_notifications_none'));
		await page.evaluate(() => (window as unknown as { rogatoryHidden: (h: boolean) => void }).rogatoryHidden(true));

		// An urgent request from Guatemala, its title, reference and a name the markers.
		const tag = `${Date.now().toString(36)}`;
		const markers = [`NOTICE-TITLE-${tag}`, `NOTICE-REF-${tag}`, `Ximena Notarbartolo ${tag}`];
		const first = await openRequest(requesting, officer, `${markers[0]} for ${markers[2]}`, markers[1]!, 'urgent');
		await expect.poll(async () => (await recorded(page)).length, { timeout: 120_000, message: 'one notification' }).toBe(1);
		const [announced] = await recorded(page);
		expect(announced!.title).toMatch(/^New urgent request from /);
		for (const marker of markers) expect(`${announced!.title} ${announced!.options}`).not.toContain(marker);
		const notice = page.getByTestId('notice').filter({ has: page.locator(`a[href*="${encodeURIComponent(first.roomId)}"]`) });
		await expect(notice).toHaveAttribute('data-unread', 'true');
		await expect(notice).toHaveAttribute('data-category', 'new-request');
		await expect(notice).toContainText(announced!.title);
		for (const marker of markers) await expect(page.locator('main')).not.toContainText(marker);
		await expect(page.getByTestId('nav-notifications')).toHaveText(message('en', 'nav_notifications', { count: 1 }));

		// The dashboard marks it too; looking at the case reads it.
		await page.evaluate(() => (window as unknown as { rogatoryHidden: (h: boolean) => void }).rogatoryHidden(false));
		await page.getByTestId('nav-cases').click();
		const entry = page.locator(`[data-testid="case-entry"][data-room="${first.roomId}"]`);
		await expect(entry.getByTestId('case-entry-unread')).toHaveText(message('en', 'notice_unread_mark'), { timeout: 60_000 });
		await page.getByTestId('nav-notifications').click();
		await notice.getByRole('link').click();
		await expect(page.getByTestId('case-title')).toContainText(markers[0]!, { timeout: 120_000 });
		await page.getByTestId('nav-notifications').click();
		await expect(notice).toHaveAttribute('data-unread', 'false', { timeout: 60_000 });
		await expect(page.getByTestId('nav-notifications')).toHaveText(message('en', 'nav_notifications_none'));
		await page.getByTestId('nav-cases').click();
		await expect(entry).toBeVisible({ timeout: 60_000 });
		await expect(entry.getByTestId('case-entry-unread')).toHaveCount(0);

		// The centre in every language, at both widths.
		const problems: string[] = [];
		for (const locale of LOCALES) {
			await page.goto(`/${locale}/notifications`);
			await expect(page.getByTestId('notice').first()).toBeVisible({ timeout: 120_000 });
			problems.push(...(await auditAtEverySize(page, testInfo, 'notifications', locale)));
		}
		mkdirSync(SHOTS, { recursive: true });
		for (const locale of LOCALES)
			for (const { width } of VIEWPORTS) {
				const name = `notifications-${locale}-${width}.png`;
				copyFileSync(testInfo.outputPath(name), join(SHOTS, name));
			}
		expect(problems).toEqual([]);

		// New requests turned off: a second one is neither listed nor announced; a move that leaves the next step to her
		// side (on) is.
		await page.goto('/en/notifications');
		await page.getByTestId('notice-category-new-request').uncheck();
		// And on this device, the request's title in the notification, as she chose.
		await page.getByTestId('notices-details').check();
		await expect(page.getByTestId('notice').filter({ has: page.locator('[data-category="new-request"]') })).toHaveCount(0);
		await expect(page.locator('[data-testid="notice"][data-category="new-request"]')).toHaveCount(0);
		await page.evaluate(() => (window as unknown as { rogatoryHidden: (h: boolean) => void }).rogatoryHidden(true));
		const before = (await recorded(page)).length;
		const second = await openRequest(requesting, officer, `Second ${tag}`, `REF2-${tag}`, 'urgent');
		await sendCaseEvent(requesting, second.roomId, {
			type: 'transition',
			follows: second.opened as unknown as TransitionId,
			from: 'draft' as StatusId,
			to: 'sent' as StatusId,
		});
		await expect.poll(async () => (await recorded(page)).length, { timeout: 120_000, message: 'the move is announced' }).toBe(before + 1);
		const titles = (await recorded(page)).slice(before).map((r) => r.title);
		expect(titles).toEqual([expect.stringMatching(/moved a request: your side is next$/)]);
		expect((await recorded(page)).slice(before).map((r) => (JSON.parse(r.options) as { body?: string }).body)).toEqual([`Second ${tag}`]);
		await expect(page.locator('[data-testid="notice"][data-category="awaits-us"]')).toHaveCount(1);
		await expect(page.locator('[data-testid="notice"][data-category="new-request"]')).toHaveCount(0);
		// And the setting holds after a reload.
		await page.reload();
		await expect(page.getByTestId('notice-category-new-request')).not.toBeChecked();
		await expect(page.getByTestId('notices-details')).toBeChecked();

		expectClean(b.seen, 'Nigeria’s officer');
		await b.context.close();
	} finally {
		requesting.stopClient();
		await logOutRegistration(officer);
		await logOutRegistration(sender);
	}
});
