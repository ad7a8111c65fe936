// Issue 14, acceptance 4: an open case page on the receiving side while its
// homeserver crashes mid-flow. A case room between Guatemala (a Node
// client, cross-signed, sending through the client-server API for speed)
// and Nigeria (an officer with the case page open in a browser); Nigeria's
// Synapse is killed (SIGKILL) while encrypted case notes and a status change
// come from Guatemala, and the federation's supervisor starts it again
// (deploy/local/restart-policy.ts). ROGATORY_CATCHUP_FAULT=pause stops it
// instead (SIGSTOP for ROGATORY_CATCHUP_PAUSE_SECONDS: a partition). Back from such an
// outage a Synapse keeps a gap that /sync never fills and the SDK resets the
// room's live timeline (docs/matrix-notes.md); the page must say it is
// catching up, never fold a partial or unopened case, and end with the whole
// record and history without a reload (lib/matrix/catch-up.ts).
// Then the catching-up status in the five languages at 360 and 1280 px, on
// the case page and on the dashboard (the entry marked, a status line): the
// browser's sync and /messages requests are held (page.route) while more
// notes come, so that the reset and the catch-up last until the screenshot.
// NOTE: the stopped or killed homeserver is the shared test federation's: a
// stopped one is continued in a `finally`, whatever happens; a killed one is
// waited for until it answers again.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page, type Route } from '@playwright/test';
import type { MatrixClient } from 'matrix-js-sdk';
import { buildCaseContent, rendererFor, serverNameOf, type CaseEvent, type StatusId, type TransitionId } from '#policies/cases/index.ts';
import { caseRoomRequest } from '#policies/rooms/case-room.ts';
import { ACL_REVISION, reissuedAcl, type ServerAclContent } from '#policies/rooms/server-acl.ts';
import { clientAnswers } from '../../deploy/local/readiness.ts';
import { mlaOpening } from '../support/case-room-node.ts';
import { synapsePid } from '../support/faults/synapse-pid.ts';
import { crossSign, startNodeClient } from '../support/matrix-node-client.ts';
import { freshAccount, homeserverOf, type E2eAccount } from './support/accounts.ts';
import { signedIn } from './support/case-pages.ts';
import { clientApi } from './support/client-api.ts';
import { LOCALES, message } from './support/messages.ts';
import { auditAtEverySize, VIEWPORTS } from './support/screen-audit.ts';
import { newBrowser } from './support/session-pages.ts';

test.setTimeout(900_000);

/** Notes sent while Nigeria's homeserver is stopped (more than the ~100 a Synapse keeps queued for one room). */
const NOTES = Number(process.env['ROGATORY_CATCHUP_NOTES'] ?? 160);
const PAUSE_MS = Number(process.env['ROGATORY_CATCHUP_PAUSE_SECONDS'] ?? 30) * 1000;
const KILL = (process.env['ROGATORY_CATCHUP_FAULT'] ?? 'kill') === 'kill';

function content(event: CaseEvent): Record<string, unknown> {
	const built = buildCaseContent(event, rendererFor('en'));
	if (!built.ok) throw new Error(built.error.reason);
	return built.value as unknown as Record<string, unknown>;
}

/** Sends a case event as Guatemala's client; resolves with its event ID. */
async function send(client: MatrixClient, roomId: string, event: CaseEvent): Promise<string> {
	const { event_id } = await client.sendMessage(roomId, content(event) as never);
	return event_id;
}

/** A case room from the parties-only template, created by Guatemala's client; the officer's page accepts the invitation on its own. */
async function caseRoom(requesting: MatrixClient, officer: E2eAccount): Promise<string> {
	const me = requesting.getUserId() ?? '';
	const request = caseRoomRequest({
		creatorServer: serverNameOf(me),
		partyServers: [serverNameOf(officer.userId)],
		invite: [officer.userId],
	});
	if (!request.ok) throw new Error(request.error);
	const { room_id } = await requesting.createRoom(request.value as never);
	await expect
		.poll(() => requesting.getRoom(room_id)?.getMember(officer.userId)?.membership, { timeout: 120_000, message: 'the officer joins' })
		.toBe('join');
	// Synapse caches "no ACL" on a joining server until a new ACL reaches it (policies/rooms/server-acl.ts).
	const acl = (await requesting.getStateEvent(room_id, 'm.room.server_acl', '')) as ServerAclContent;
	await requesting.sendStateEvent(room_id, 'm.room.server_acl' as never, reissuedAcl(acl) as never, '');
	await expect
		.poll(
			async () => (await clientApi(officer, 'GET', `/rooms/${encodeURIComponent(room_id)}/state/m.room.server_acl/`)).body[ACL_REVISION],
			{
				timeout: 60_000,
			},
		)
		.toBe(1);
	return room_id;
}

interface Seen {
	/** Whether the page said it was catching up, at any moment. */
	catchingUp: boolean;
	/** Whether the record's title went away (an unopened or missing case shown), at any moment. */
	titleLost: boolean;
	/** The status and the number of notes shown, each time either changed. */
	shown: string[];
}

/** Watches the page from now on (a MutationObserver, not timing): what it said and showed, kept in the page. */
async function watchPage(page: Page): Promise<void> {
	await page.evaluate((noteMark) => {
		const seen: Seen = { catchingUp: false, titleLost: false, shown: [] };
		(window as unknown as { catchUpSeen: Seen }).catchUpSeen = seen;
		let last = '';
		const look = (): void => {
			const status = document.querySelector('[data-testid="case-catching-up"]');
			if ((status?.textContent ?? '').trim() !== '') seen.catchingUp = true;
			if (document.querySelector('[data-testid="case-title"]') === null) seen.titleLost = true;
			const record = document.querySelector('[data-testid="case-status"]')?.getAttribute('data-status') ?? 'none';
			const notes = [...document.querySelectorAll('[data-testid="case-update"]')].filter((n) => n.textContent?.includes(noteMark)).length;
			const now = `${record}/${notes}`;
			if (now !== last) seen.shown.push(now);
			last = now;
		};
		look();
		new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
	}, NOTE_MARK);
}

const NOTE_MARK = 'Catch-up note';
const seenOn = (page: Page): Promise<Seen> => page.evaluate(() => (window as unknown as { catchUpSeen: Seen }).catchUpSeen);

interface Held {
	/** How many requests are held now. */
	count(): number;
	/** Sends the held requests on as they were, and lets the next ones through. */
	release(): Promise<void>;
}

/** Holds the page's requests whose URL matches until released. */
async function hold(page: Page, pattern: RegExp): Promise<Held> {
	const held: Route[] = [];
	let holding = true;
	const handler = (route: Route): void => {
		if (holding) held.push(route);
		else void route.continue().catch(() => undefined);
	};
	await page.route(pattern, handler);
	return {
		count: () => held.length,
		release: async () => {
			holding = false;
			await page.unroute(pattern, handler);
			for (const route of held.splice(0)) await route.continue().catch(() => undefined);
		},
	};
}

test('an open case page catches up after its homeserver was cut off mid-flow, without a reload', async ({ browser }, testInfo) => {
	const ng = homeserverOf('ng-ca');
	const officer = await freshAccount(ng, 'catchup-b');
	const sender = await freshAccount(homeserverOf('gt-mp'), 'catchup-a');
	const requesting = await startNodeClient({ ...sender, clientUrl: sender.homeserver.clientUrl });
	let stopped: number | undefined;
	try {
		await crossSign(requesting);
		const second = await newBrowser(browser, officer);
		const b = second.page;
		// What the case-room feed says of its catch-ups (lib/matrix/case-room-feed.ts), for the log.
		const catchUps: string[] = [];
		b.on('console', (m) => {
			if (m.text().startsWith('[case rooms] catching up')) catchUps.push(m.text());
		});
		await signedIn(b, officer);

		const roomId = await caseRoom(requesting, officer);
		const title = `Catch-up ${Date.now()}`;
		const opened = await send(requesting, roomId, mlaOpening({ requesting: 'gt-mp' as never, requested: 'ng-ca' as never, title }));
		const sent = await send(requesting, roomId, {
			type: 'transition',
			follows: opened as TransitionId,
			from: 'draft' as StatusId,
			to: 'sent' as StatusId,
		});

		await b.goto(`/en/cases/${encodeURIComponent(roomId)}`);
		await expect(b.getByTestId('case-title')).toHaveText(title, { timeout: 120_000 });
		await expect(b.getByTestId('case-status')).toHaveAttribute('data-status', 'sent');
		await watchPage(b);
		await b.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

		// Nigeria's homeserver killed (or stopped); the notes and a withdrawal come from Guatemala meanwhile.
		const pid = await synapsePid(ng);
		if (KILL) {
			process.kill(pid, 'SIGKILL');
			await expect.poll(() => clientAnswers(ng.clientUrl), { timeout: 10_000, message: `${ng.id} down` }).toBe(false);
		} else {
			stopped = pid;
			process.kill(pid, 'SIGSTOP');
		}
		const pausedAt = Date.now();
		for (let n = 1; n <= NOTES; n++) await send(requesting, roomId, { type: 'note', text: `${NOTE_MARK} ${n}` });
		await send(requesting, roomId, {
			type: 'transition',
			follows: sent as TransitionId,
			from: 'sent' as StatusId,
			to: 'withdrawn' as StatusId,
			reason: 'Withdrawn while Nigeria was cut off',
		});
		console.log(`catch-up e2e: ${NOTES} notes and a withdrawal sent in ${Date.now() - pausedAt} ms while ${ng.id} was down`);
		if (KILL) {
			// The supervisor starts it again after its pause (10 s) and Synapse's own start.
			await expect.poll(() => clientAnswers(ng.clientUrl), { timeout: 300_000, message: `${ng.id} restarted` }).toBe(true);
		} else {
			const left = PAUSE_MS - (Date.now() - pausedAt);
			if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
			process.kill(pid, 'SIGCONT');
			stopped = undefined;
		}
		const resumedAt = Date.now();

		// The whole record and history, without a reload: the last status, and every note in the discussion.
		await expect(b.getByTestId('case-status')).toHaveAttribute('data-status', 'withdrawn', { timeout: 300_000 });
		await expect(b.getByTestId('case-update').filter({ hasText: NOTE_MARK })).toHaveCount(NOTES, { timeout: 300_000 });
		await expect(b.getByTestId('case-catching-up')).toHaveText('', { timeout: 120_000 });
		const seen = await seenOn(b);
		console.log(
			`catch-up e2e: complete ${Date.now() - resumedAt} ms after ${ng.id} was back (${KILL ? 'SIGKILL, restarted' : 'SIGSTOP, SIGCONT'}); shown (status/notes): ${seen.shown.join(' → ')}; ` +
				`said catching up: ${seen.catchingUp}; the feed: ${catchUps.join(' | ')}`,
		);
		expect(await b.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
		expect(seen.titleLost, 'the page never showed the case as missing or unopened').toBe(false);
		expect(seen.catchingUp, 'the page said it was catching up').toBe(true);
		// Never fewer notes than before: the page kept the last complete record while it caught up.
		const counts = seen.shown.map((s) => Number(s.split('/')[1]));
		expect(counts).toEqual([...counts].sort((x, y) => x - y));
		expect(second.seen.pageErrors).toEqual([]);

		// The catching-up status in the five languages, at 360 and 1280 px.
		const shots = testInfo.outputPath('catching-up');
		await mkdir(shots, { recursive: true });
		const problems: string[] = [];
		let extra = 0;
		for (const locale of LOCALES) {
			await b.setViewportSize({ width: 1280, height: 800 });
			await b.goto(`/${locale}/cases/${encodeURIComponent(roomId)}`);
			await expect(b.getByTestId('case-status')).toHaveAttribute('data-status', 'withdrawn', { timeout: 120_000 });
			await expect(b.getByTestId('case-update').filter({ hasText: NOTE_MARK })).toHaveCount(NOTES + extra, { timeout: 120_000 });
			// More than a sync's timeline limit (10) at once: the SDK resets the live timeline; the catch-up's reads wait.
			// NOTE: the sync request under way when the hold begins is not held; a first note ends it (or its timeout
			// does), and the next one, held, then finds all the others at once.
			const sync = await hold(b, /\/_matrix\/client\/v3\/sync\?/);
			const messages = await hold(b, /\/_matrix\/client\/v3\/rooms\/[^/]+\/messages\?/);
			await send(requesting, roomId, { type: 'note', text: `${NOTE_MARK} ${locale} first` });
			await expect.poll(() => sync.count(), { timeout: 60_000, message: 'a sync request held' }).toBeGreaterThan(0);
			for (let n = 0; n < 15; n++) await send(requesting, roomId, { type: 'note', text: `${NOTE_MARK} ${locale} ${n}` });
			extra += 16;
			await sync.release();
			const status = b.getByTestId('case-catching-up');
			await expect(status).toHaveText(message(locale, 'case_catching_up'), { timeout: 60_000 });
			problems.push(...(await auditAtEverySize(b, testInfo, 'case-catching-up', locale)));
			// The audit's screenshots are of the whole (long) page; these show the status where it is, at the top.
			for (const viewport of VIEWPORTS) {
				await b.setViewportSize(viewport);
				await b.screenshot({ path: join(shots, `case-catching-up-${locale}-${viewport.width}.png`), animations: 'disabled' });
			}
			await messages.release();
			await expect(status).toHaveText('', { timeout: 120_000 });
			await expect(b.getByTestId('case-update').filter({ hasText: NOTE_MARK })).toHaveCount(NOTES + extra, { timeout: 120_000 });
		}

		// The dashboard says so too: the request's entry is marked, and a status line counts the requests catching up.
		for (const locale of LOCALES) {
			await b.setViewportSize({ width: 1280, height: 800 });
			await b.goto(`/${locale}/cases`);
			const entry = b.locator(`[data-testid="case-entry"][data-room="${roomId}"]`);
			await expect(entry).toBeVisible({ timeout: 120_000 });
			const statusBefore = await entry.getByTestId('case-entry-status').textContent();
			const sync = await hold(b, /\/_matrix\/client\/v3\/sync\?/);
			const messages = await hold(b, /\/_matrix\/client\/v3\/rooms\/[^/]+\/messages\?/);
			await send(requesting, roomId, { type: 'note', text: `${NOTE_MARK} ${locale} dashboard first` });
			await expect.poll(() => sync.count(), { timeout: 60_000, message: 'a sync request held' }).toBeGreaterThan(0);
			for (let n = 0; n < 15; n++) await send(requesting, roomId, { type: 'note', text: `${NOTE_MARK} ${locale} dashboard ${n}` });
			await sync.release();
			const marker = entry.getByTestId('case-entry-catching-up');
			await expect(marker).toHaveText(message(locale, 'cases_entry_catching_up'), { timeout: 60_000 });
			await expect(b.getByTestId('cases-catching-up')).toHaveText(message(locale, 'cases_catching_up', { count: 1 }));
			// The entry keeps its last complete record meanwhile.
			await expect(entry.getByTestId('case-entry-status')).toHaveText(statusBefore ?? '');
			problems.push(...(await auditAtEverySize(b, testInfo, 'cases-catching-up', locale)));
			for (const viewport of VIEWPORTS) {
				await b.setViewportSize(viewport);
				await b.screenshot({ path: join(shots, `cases-catching-up-${locale}-${viewport.width}.png`), animations: 'disabled' });
			}
			await messages.release();
			await expect(marker).toHaveCount(0, { timeout: 120_000 });
			await expect(b.getByTestId('cases-catching-up')).toHaveText('');
		}
		expect(problems).toEqual([]);
	} finally {
		if (stopped !== undefined) process.kill(stopped, 'SIGCONT');
		requesting.stopClient();
	}
});
