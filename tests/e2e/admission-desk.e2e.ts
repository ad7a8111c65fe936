// The secretariat's admission desk (issue 13, "Admission and removal reach
// every server"), across two homeservers: a fresh account on El Salvador's
// (sv-fgr: a member of REFCO, but the account is in no people file, so its
// bridge never invited it) knocks on REFCO's space with a reason; REFCO's
// secretariat (its staff account on gt-mp, which hosts the secretariat) sees
// it on the network page with its reason (as text, markup and all) and its
// authority, admits it after a confirmation naming what changes, and the
// homeserver holds the knocker as invited. A second knock is refused, with a
// reason, and ends as `leave`. Then "Publish a roster version": a version
// N+2 file is refused with the message saying only N+1 may be published; a
// version N+1 file (the demo roster with `version` raised and one link
// added) is described ("New links between networks…"), confirmed and sent;
// the admitted person, now in REFCO's rooms with a cross-signed node client,
// decrypts the announcement in the announcements room, and its SHA-256 is
// the file's. The page is audited (axe, no sideways scroll) at 360 and
// 1280 px in the five languages, and the screenshots are kept.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { MatrixClient } from 'matrix-js-sdk';
import { ROSTER_UPDATE_KEY } from '../../policies/roster-update/index.ts';
import { crossSign, decryptedMessage, startNodeClient } from '../support/matrix-node-client.ts';
import { clientApi, roomIdOf } from './support/client-api.ts';
import { openNetwork } from './support/network-pages.ts';
import { freshAccount, homeserverOf, logOutRegistration, rosterAccount, type E2eAccount } from './support/accounts.ts';
import { LOCALES, message } from './support/messages.ts';
import { rosterPersonSignedIn } from './support/roster-person.ts';
import { auditAtEverySize, VIEWPORTS } from './support/screen-audit.ts';
import { en, expectClean, newBrowser } from './support/session-pages.ts';

test.setTimeout(900_000);

const SECRETARIAT = { authority: 'gt-mp', localpart: 'refco.secretariat' };
const SHOTS = '/work/notes/shots/knocks';
const ROSTER = join(import.meta.dirname, '..', '..', 'deploy', 'roster', 'default.yaml');

/** Knocks on the space from `account`'s homeserver, through the secretariat's. */
async function knock(account: E2eAccount, space: string, via: string, reason: string): Promise<void> {
	const knocked = await clientApi(account, 'POST', `/knock/${encodeURIComponent(space)}?server_name=${encodeURIComponent(via)}`, {
		reason,
	});
	expect(knocked.status, `${account.userId} knocks: ${JSON.stringify(knocked.body)}`).toBe(200);
}

/** The membership of `userId` in `roomId` as `viewer`'s homeserver holds it. */
async function membershipOn(viewer: E2eAccount, roomId: string, userId: string): Promise<string | undefined> {
	const state = await clientApi(viewer, 'GET', `/rooms/${encodeURIComponent(roomId)}/state/m.room.member/${encodeURIComponent(userId)}`);
	return state.status === 200 ? String(state.body['membership']) : undefined;
}

/** REFCO's page through the navigation, its rooms joined; then the secretariat's admission desk. */
async function openRefco(page: Page): Promise<void> {
	await openNetwork(page);
	await expect(page.getByTestId('admission')).toBeVisible({ timeout: 120_000 });
}

test('the secretariat admits one knock and refuses another, then publishes roster version N+1 that a member decrypts', async ({
	browser,
}, testInfo) => {
	const stamp = Date.now();
	const gtServer = homeserverOf('gt-mp').serverName;
	const secretariat = await rosterAccount(SECRETARIAT.authority, SECRETARIAT.localpart);
	const space = await roomIdOf(secretariat, `#rogatory-refco-space:${gtServer}`);
	const announcements = await roomIdOf(secretariat, `#rogatory-refco-announcements:${gtServer}`);

	const admitted = await freshAccount(homeserverOf('sv-fgr'), 'e2e-knock-in');
	const refused = await freshAccount(homeserverOf('sv-fgr'), 'e2e-knock-out');
	const waiting = await freshAccount(homeserverOf('sv-fgr'), 'e2e-knock-wait');
	const reasonIn = `<b>Fiscalía</b> asks to take part ${stamp}`;
	await knock(admitted, space, gtServer, reasonIn);
	await knock(refused, space, gtServer, `Second request ${stamp}`);

	const s = await newBrowser(browser, secretariat);
	const S = s.page;
	await rosterPersonSignedIn(S, secretariat);
	await openRefco(S);

	// The queue: each knocker with their reason, as text, and their authority.
	const row = (account: E2eAccount) => S.locator(`[data-testid="knock"][data-user="${account.userId}"]`);
	await expect(row(admitted)).toBeVisible({ timeout: 120_000 });
	await expect(row(admitted).getByTestId('knock-reason')).toHaveText(reasonIn);
	await expect(row(admitted).locator('b')).toHaveCount(0);
	await expect(row(admitted).getByTestId('knock-authority')).toHaveAttribute('data-authority', 'sv-fgr');
	await expect(row(admitted).getByTestId('knock-needs-roster')).toHaveCount(0);

	// Admit, after the confirmation that says what will change.
	await row(admitted).getByTestId('knock-admit').click();
	const confirmIn = row(admitted).getByTestId('knock-confirm');
	await expect(confirmIn.getByRole('heading', { name: en('adm_confirm_heading') })).toBeFocused();
	await expect(confirmIn.getByTestId('knock-confirm-text')).toContainText(admitted.userId);
	await expect(confirmIn.getByTestId('knock-confirm-text')).toContainText('space of REFCO');
	expect(await membershipOn(secretariat, space, admitted.userId)).toBe('knock');
	await confirmIn.getByTestId('knock-confirm-send').click();
	await expect(S.getByTestId('knock-outcome')).toHaveText(en('adm_admitted', { user: admitted.userId, network: 'REFCO' }), {
		timeout: 60_000,
	});
	await expect(S.getByTestId('knock-outcome').locator('p')).toBeFocused();
	await expect(row(admitted)).toHaveCount(0, { timeout: 60_000 });
	await expect.poll(() => membershipOn(secretariat, space, admitted.userId), { timeout: 60_000 }).toBe('invite');

	// Refuse the second, with a reason.
	await row(refused).getByTestId('knock-refuse').click();
	const confirmOut = row(refused).getByTestId('knock-confirm');
	await expect(confirmOut.getByTestId('knock-confirm-text')).toHaveText(
		en('adm_confirm_refuse', { user: refused.userId, network: 'REFCO' }),
	);
	await confirmOut.getByLabel(en('adm_refuse_reason_label')).fill('Not a member authority’s request.');
	await S.keyboard.press('Tab');
	await expect(confirmOut.getByTestId('knock-confirm-send')).toBeFocused();
	await S.keyboard.press('Enter');
	await expect(S.getByTestId('knock-outcome')).toHaveText(en('adm_refused', { user: refused.userId }), { timeout: 60_000 });
	await expect.poll(() => membershipOn(secretariat, space, refused.userId), { timeout: 60_000 }).toBe('leave');

	// The admitted person joins REFCO's space and announcements room with a cross-signed node client.
	const sent = { id: '' };
	const dir = mkdtempSync(join(tmpdir(), 'rogatory-roster-'));
	const nextFile = join(dir, 'roster-next.yaml');
	const jumpFile = join(dir, 'roster-jump.yaml');
	const member: MatrixClient = await startNodeClient({ ...admitted, clientUrl: admitted.homeserver.clientUrl });
	try {
		await crossSign(member);
		await member.joinRoom(space, { viaServers: [gtServer] });
		await member.joinRoom(announcements, { viaServers: [gtServer] });
		await expect.poll(() => membershipOn(secretariat, announcements, admitted.userId), { timeout: 60_000 }).toBe('join');

		// Publish a roster version: N+2 is refused, N+1 described, confirmed and sent.
		const current = readFileSync(ROSTER, 'utf8');
		const version = Number(/^version: (\d+)$/m.exec(current)?.[1]);
		expect(version).toBeGreaterThan(0);
		const link = '  - between: [gt-mp, ng-ca]\n';
		expect(current).toContain(link);
		const next = current
			.replace(/^version: \d+$/m, `version: ${version + 1}`)
			.replace(link, `  - between: [sv-fgr, ng-ca]\n    why: 'End-to-end test: a harmless link.'\n${link}`);
		writeFileSync(nextFile, next);
		writeFileSync(jumpFile, next.replace(/^version: \d+$/m, `version: ${version + 2}`));

		await S.getByTestId('roster-publish-section').locator('summary').click();
		const input = S.getByLabel(en('adm_file_label'));
		await input.setInputFiles(jumpFile);
		await expect(S.getByTestId('roster-refused')).toHaveText(
			en('adm_check_not_next', { uploaded: version + 2, running: version, next: version + 1 }),
			{ timeout: 30_000 },
		);
		await expect(S.getByTestId('roster-change')).toHaveCount(0);

		await input.setInputFiles(nextFile);
		const sha256 = createHash('sha256').update(readFileSync(nextFile)).digest('hex');
		await expect(S.getByTestId('roster-change')).toBeVisible({ timeout: 30_000 });
		await expect(S.getByTestId('roster-refused')).toHaveCount(0);
		await expect(S.getByTestId('roster-change-line')).toHaveCount(1);
		await expect(S.getByTestId('roster-change-line')).toContainText(en('adm_change_links_added', { links: '' }).trim());
		await expect(S.getByTestId('roster-sha')).toHaveText(sha256);
		await S.getByTestId('roster-review').click();
		await expect(S.getByTestId('roster-confirm').getByRole('heading', { name: en('adm_confirm_heading') })).toBeFocused();
		await expect(S.getByTestId('roster-confirm-text')).toHaveText(
			en('adm_confirm_publish', { version: version + 1, sha: sha256, network: 'REFCO' }),
		);
		const read = decryptedMessage(member, announcements, (body) => body.startsWith(`Roster version ${version + 1} is published`), 120_000);
		await S.getByTestId('roster-publish').click();
		await expect(S.getByTestId('roster-published')).toHaveText(en('adm_published', { version: version + 1, network: 'REFCO' }), {
			timeout: 60_000,
		});
		await expect(S.getByTestId('roster-published')).toBeFocused();
		const event = await read;
		const announced = event.getContent()[ROSTER_UPDATE_KEY] as { roster: { version: number; sha256: string; file: string } };
		expect(announced.roster.version).toBe(version + 1);
		expect(announced.roster.sha256).toBe(sha256);
		expect(createHash('sha256').update(announced.roster.file, 'utf8').digest('hex')).toBe(sha256);
		expect(event.getSender()).toBe(secretariat.userId);
		sent.id = event.getId() ?? '';
	} finally {
		member.stopClient();
	}

	// A knock waiting, for the audits and screenshots; the page in the five languages at both widths.
	await knock(waiting, space, gtServer, `Solicitud pendiente de la Fiscalía General ${stamp}: queremos participar en las plenarias.`);
	await expect(row(waiting)).toBeVisible({ timeout: 120_000 });
	const problems: string[] = [];
	for (const locale of LOCALES) {
		await S.setViewportSize(VIEWPORTS[0]);
		await S.goto(`/${locale}/networks/refco`);
		await expect(row(waiting)).toBeVisible({ timeout: 120_000 });
		// The screens in between: the refusal's confirmation, and a version's change with its confirmation (not sent).
		await row(waiting).getByTestId('knock-refuse').click();
		await expect(row(waiting).getByLabel(message(locale, 'adm_refuse_reason_label'))).toBeVisible();
		await S.getByTestId('roster-publish-section').locator('summary').click();
		await S.getByLabel(message(locale, 'adm_file_label')).setInputFiles(nextFile);
		await S.getByTestId('roster-review').click({ timeout: 30_000 });
		await expect(S.getByTestId('roster-confirm-text')).toBeVisible();
		problems.push(...(await auditAtEverySize(S, testInfo, 'network-admission', locale)));
	}
	mkdirSync(SHOTS, { recursive: true });
	for (const locale of LOCALES)
		for (const { width } of VIEWPORTS) {
			const name = `network-admission-${locale}-${width}.png`;
			copyFileSync(testInfo.outputPath(name), join(SHOTS, name));
		}
	expect(problems).toEqual([]);

	// NOTE: the announcement is redacted once read: the other tests' members join REFCO's rooms later, and a message sent
	// before one joined makes their browser ask its own key backup for the key (a 404 in the console, which they forbid).
	const redacted = await clientApi(
		secretariat,
		'PUT',
		`/rooms/${encodeURIComponent(announcements)}/redact/${encodeURIComponent(sent.id)}/e2e-${stamp}`,
		{ reason: 'End-to-end test announcement' },
	);
	expect(redacted.status).toBe(200);
	// The waiting knock is refused from outside, so a later run starts with an empty queue.
	expect((await clientApi(secretariat, 'POST', `/rooms/${encodeURIComponent(space)}/kick`, { user_id: waiting.userId })).status).toBe(200);
	expectClean(s.seen, 'secretariat');
	await s.context.close();
	await Promise.all([secretariat, admitted, refused, waiting].map((account) => logOutRegistration(account)));
});
