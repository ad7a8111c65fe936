// Plenaries as records (issue 13, acceptance 1), across three homeservers:
// REFCO's secretariat (its staff account on Guatemala's homeserver, gt-mp,
// which hosts the secretariat) announces a plenary with three agenda items
// after confirming what it sends; a member of Guatemala's Public Ministry
// (gt-mp) and one of El Salvador's Attorney General's Office (sv-fgr), each
// having joined REFCO's rooms from the invitation their bridge sent, confirm
// attendance and vote for a decision the secretariat put to the vote with a
// quorum of two authorities; the secretariat closes it; all three see
// "Adopted" and the quorum; the minutes are posted, and the export's SHA-256
// is the same in both members' browsers (and is the SHA-256 of the file
// downloaded). The announcement carries a document, encrypted in the
// secretariat's browser; both members download it and get the same bytes. A member has no composer in the announcements room and the
// homeserver refuses a message sent there directly; a plenary a member posts in
// the clear is counted by no one; an account of Nigeria's
// central authority (ng-ca, WACAP: the third homeserver) cannot join REFCO's
// plenary room. The page is audited (axe, no sideways scroll) at 360 and
// 1280 px in English and Spanish, and the screenshots are kept.
// NOTE: needs the secretariat's keeper running in gt-mp's bridge (REFCO's space
// and rooms, the staff and each member bridge's people invited).
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { buildPlenaryContent } from '../../policies/plenary/index.ts';
import type { CountryCode } from '../../policies/roster/types.ts';
import { clientApi, roomIdOf } from './support/client-api.ts';
import { freshAccount, homeserverOf, logOutRegistration, rosterAccount } from './support/accounts.ts';
import { openNetwork } from './support/network-pages.ts';
import { rosterPersonSignedIn } from './support/roster-person.ts';
import { auditAtEverySize, VIEWPORTS } from './support/screen-audit.ts';
import { message } from './support/messages.ts';
import { en, expectClean, newBrowser } from './support/session-pages.ts';

test.setTimeout(900_000);

const SECRETARIAT = { authority: 'gt-mp', localpart: 'refco.secretariat' };
const MEMBER_GT = { authority: 'gt-mp', localpart: 'ana.lopez' };
const MEMBER_SV = { authority: 'sv-fgr', localpart: 'marta.alvarado' };
const OUTSIDER = 'ng-ca';
const SHOTS = '/work/notes/shots';

/** A start date of its own for each run (the plenary's id is the network and its first day). */
function runDates(): { start: string; end: string } {
	const day = 86_400_000;
	const start = Date.UTC(2030, 0, 1) + (Math.floor(Date.now() / 1000) % 20_000) * day;
	const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
	return { start: iso(start), end: iso(start + 2 * day) };
}

test('the secretariat announces a plenary; two authorities attend and vote; everyone sees the result and the quorum; the minutes’ hash matches', async ({
	browser,
}, testInfo) => {
	const secretariat = await rosterAccount(SECRETARIAT.authority, SECRETARIAT.localpart);
	const memberGt = await rosterAccount(MEMBER_GT.authority, MEMBER_GT.localpart);
	const memberSv = await rosterAccount(MEMBER_SV.authority, MEMBER_SV.localpart);
	const gtServer = homeserverOf('gt-mp').serverName;
	const title = `XIII Plenaria ${Date.now()}`;
	const { start, end } = runDates();

	const [s, a, b] = await Promise.all([secretariat, memberGt, memberSv].map((account) => newBrowser(browser, account)));
	if (s === undefined || a === undefined || b === undefined) throw new Error('three browsers');
	await Promise.all([
		rosterPersonSignedIn(s.page, secretariat),
		rosterPersonSignedIn(a.page, memberGt),
		rosterPersonSignedIn(b.page, memberSv),
	]);
	await Promise.all([openNetwork(s.page), openNetwork(a.page), openNetwork(b.page)]);

	// The secretariat announces, after a confirmation saying what goes where.
	const S = s.page;
	await S.getByTestId('announce').locator('summary').click();
	const form = S.getByTestId('announce-form');
	await form.getByLabel(en('net_field_host'), { exact: true }).fill('SV');
	await form.getByLabel(en('net_field_start'), { exact: true }).fill(start);
	await form.getByLabel(en('net_field_end'), { exact: true }).fill(end);
	await form.getByLabel(en('net_field_title', { language: 'Spanish' }), { exact: true }).fill(title);
	await form.getByLabel(en('net_field_title', { language: 'English' }), { exact: true }).fill(`13th Plenary ${title}`);
	const items = [
		['Apertura', 'Opening'],
		['Guía de evidencia electrónica', 'Electronic evidence guide'],
		['Próxima sede', 'Next host'],
	] as const;
	for (const [i, [es, english]] of items.entries()) {
		if (i > 0) await form.getByTestId('agenda-add').click();
		await form.getByLabel(en('net_agenda_item_title', { number: i + 1, language: 'Spanish' }), { exact: true }).fill(es);
		await form.getByLabel(en('net_agenda_item_title', { number: i + 1, language: 'English' }), { exact: true }).fill(english);
	}
	// A working document goes with it, encrypted in the browser.
	const guide = Buffer.concat([Buffer.from(`Guía de evidencia electrónica ${title}\n`), randomBytes(40_000)]);
	await form.getByTestId('announce-documents').setInputFiles({ name: 'guia-evidencia.pdf', mimeType: 'application/pdf', buffer: guide });
	await form.getByTestId('announce-review').click();
	const confirm = form.getByTestId('confirm-step');
	await expect(confirm.getByRole('heading', { name: en('net_confirm_heading') })).toBeFocused();
	await expect(confirm.getByTestId('confirm-text')).toContainText('3 agenda items');
	await expect(confirm.getByTestId('confirm-text')).toContainText('plenary room of REFCO');
	await expect(confirm.getByTestId('confirm-more')).toHaveText(en('pd_confirm', { names: 'guia-evidencia.pdf' }));
	await confirm.getByTestId('confirm-send').click();
	await expect(form.getByRole('status').filter({ hasText: en('net_sent_announce') })).toBeVisible({ timeout: 60_000 });

	const card = (page: Page) => page.getByTestId('plenary').filter({ hasText: title });
	for (const page of [S, a.page, b.page]) {
		await expect(card(page)).toBeVisible({ timeout: 120_000 });
		await expect(card(page).getByTestId('agenda-item')).toHaveCount(3);
		await expect(card(page).getByTestId('plenary-votes-not-secret')).toBeVisible();
	}

	// Each member downloads the document: the bytes the secretariat chose, decrypted in their browser.
	for (const page of [a.page, b.page]) {
		const documents = card(page).getByTestId('plenary-documents');
		await expect(documents.getByTestId('plenary-document')).toHaveCount(1);
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			documents.getByRole('button', { name: en('pd_download', { name: 'guia-evidencia.pdf' }) }).click(),
		]);
		expect(download.suggestedFilename()).toBe('guia-evidencia.pdf');
		expect(readFileSync(await download.path()).equals(guide)).toBe(true);
	}

	// Both members confirm attendance.
	for (const page of [a.page, b.page]) {
		await card(page).getByTestId('attend-yes').click();
		await expect(card(page).getByTestId('attend-mine')).toHaveText(en('net_attend_mine_yes'), { timeout: 60_000 });
	}
	for (const page of [S, a.page, b.page])
		for (const who of [memberGt, memberSv])
			await expect(card(page).getByTestId('attendance-list').getByText(who.userId)).toBeVisible({ timeout: 120_000 });

	// The secretariat puts item 2 to the vote, quorum 2 authorities.
	const item = card(S).locator('[data-testid="agenda-item"][data-item="item-2"]');
	await item.getByTestId('put-to-vote').click();
	await item.getByLabel(en('net_vote_question'), { exact: true }).fill('¿Se aprueba la guía?');
	await item.getByLabel(en('net_vote_quorum'), { exact: true }).fill('2');
	await item.getByTestId('vote-review').click();
	await expect(item.getByTestId('confirm-text')).toContainText('a quorum of 2 authorities');
	await item.getByTestId('confirm-send').click();

	const decision = (page: Page) => card(page).getByTestId('decision').filter({ hasText: '¿Se aprueba la guía?' });
	for (const page of [a.page, b.page]) {
		await expect(decision(page)).toBeVisible({ timeout: 120_000 });
		await expect(decision(page).getByTestId('votes-not-secret')).toBeVisible();
		await decision(page).getByLabel('For', { exact: true }).check();
		await decision(page).getByTestId('vote-submit').click();
		await expect(decision(page).getByText(en('net_vote_sent'))).toBeVisible({ timeout: 60_000 });
	}
	// Attributable: the secretariat sees both ballots before it closes the vote.
	for (const who of [memberGt, memberSv])
		await expect(decision(S).getByTestId('decision-ballots').getByText(who.userId)).toBeVisible({ timeout: 120_000 });
	await decision(S).getByTestId('vote-close').click();
	await expect(decision(S).getByTestId('confirm-text')).toContainText('Adopted');
	await decision(S).getByTestId('confirm-send').click();

	for (const page of [S, a.page, b.page]) {
		await expect(decision(page).getByTestId('decision-result')).toHaveText(en('net_decision_result', { result: 'Adopted' }), {
			timeout: 120_000,
		});
		await expect(decision(page).getByTestId('decision-quorum')).toHaveText(en('net_decision_quorum', { answering: 2, quorum: 2 }));
		await expect(decision(page).getByTestId('decision-status')).toHaveAttribute('aria-live', 'polite');
	}

	// The minutes, posted (and pinned) by the secretariat.
	const minutes = card(S).getByTestId('minutes');
	await minutes.getByTestId('minutes-write').click();
	await minutes.getByLabel(en('net_minutes_text', { language: 'Spanish' }), { exact: true }).fill('Se abrió la sesión. Se aprobó la guía.');
	await minutes
		.getByLabel(en('net_minutes_text', { language: 'English' }), { exact: true })
		.fill('The session opened. The guide was adopted.');
	await expect(minutes.getByText(en('net_minutes_decisions', { count: 1 }))).toBeVisible();
	await minutes.getByTestId('minutes-review').click();
	await minutes.getByTestId('confirm-send').click();
	await expect(minutes.getByText(en('net_minutes_posted'))).toBeVisible({ timeout: 60_000 });

	// Each member exports the English minutes: the hash shown is the downloaded file's, and the same for both.
	const exported: string[] = [];
	for (const page of [a.page, b.page]) {
		const section = card(page).getByTestId('minutes');
		await expect(section.getByTestId('minutes-text')).toBeVisible({ timeout: 120_000 });
		await section.getByTestId('minutes-language').selectOption('en');
		const [download] = await Promise.all([page.waitForEvent('download'), section.getByTestId('minutes-export').click()]);
		const shown = (await section.getByTestId('minutes-sha256').textContent())?.trim() ?? '';
		expect(shown).toMatch(/^[0-9a-f]{64}$/);
		const file = readFileSync(await download.path());
		expect(createHash('sha256').update(file).digest('hex')).toBe(shown);
		expect(file.toString('utf8')).toContain('Votes are not secret');
		exported.push(shown);
	}
	expect(exported[0]).toBe(exported[1]);

	// A member has no composer in the announcements room, and the homeserver refuses a message sent there directly.
	const announcements = a.page.getByTestId('announcements');
	await expect(announcements.getByText(en('net_announcements_members'))).toBeVisible();
	await expect(announcements.locator('textarea, input, [contenteditable]')).toHaveCount(0);
	const announcementsRoom = await roomIdOf(memberGt, `#rogatory-refco-announcements:${gtServer}`);
	const attempt = await clientApi(
		memberGt,
		'PUT',
		`/rooms/${encodeURIComponent(announcementsRoom)}/send/m.room.message/e2e-${Date.now()}`,
		{
			msgtype: 'm.text',
			body: 'A member writing in the announcements room',
		},
	);
	expect(attempt.status).toBe(403);
	expect(attempt.body['errcode']).toBe('M_FORBIDDEN');

	// A forged announcement: El Salvador's member, from a device without keys, posts a plenary in the clear into the
	// plenary room. The homeserver takes it (members post there), but no reader counts it: it is listed as not counted,
	// and no plenary of that title appears.
	const plenaryRoom = await roomIdOf(memberGt, `#rogatory-refco-plenary:${gtServer}`);
	const notCounted = async (): Promise<number> => {
		const text =
			(await a.page
				.getByTestId('plenary-ignored')
				.textContent({ timeout: 1_000 })
				.catch(() => null)) ?? '';
		return Number(/(\d+)\s*$/.exec(text.trim())?.[1] ?? '0');
	};
	const before = await notCounted();
	const forgedTitle = `Plenaria falsa ${Date.now()}`;
	const forged = buildPlenaryContent({
		type: 'plenary',
		plenary: {
			id: `refco-forged-${Date.now()}`,
			host: 'SV' as CountryCode,
			start,
			end,
			level: 'ministerial',
			title: { es: forgedTitle, en: forgedTitle },
			languages: ['es', 'en'],
			agenda: [{ id: 'x', title: { es: 'X', en: 'X' } }],
			documents: [],
			cancelled: false,
		},
	});
	if (!forged.ok) throw new Error(forged.error);
	const posted = await clientApi(
		memberSv,
		'PUT',
		`/rooms/${encodeURIComponent(plenaryRoom)}/send/m.room.message/e2e-forged-${Date.now()}`,
		forged.value,
	);
	expect(posted.status).toBe(200);
	await expect.poll(notCounted, { timeout: 120_000 }).toBeGreaterThan(before);
	await expect(a.page.getByTestId('plenary').filter({ hasText: forgedTitle })).toHaveCount(0);

	// The third homeserver: an account of a WACAP authority cannot join REFCO's plenary room.
	const outsider = await freshAccount(homeserverOf(OUTSIDER), 'e2e-plenary-out');
	const joinAttempt = await clientApi(
		outsider,
		'POST',
		`/join/${encodeURIComponent(plenaryRoom)}?server_name=${encodeURIComponent(gtServer)}`,
		{},
	);
	expect(joinAttempt.status).toBeGreaterThanOrEqual(400);
	expect(['M_FORBIDDEN', 'M_UNKNOWN', 'M_NOT_FOUND']).toContain(joinAttempt.body['errcode']);

	// The page at a phone's and a laptop's width, in English and in Spanish: no sideways scroll, no axe violation.
	const problems = [
		...(await auditAtEverySize(a.page, testInfo, 'network-plenary', 'en')),
		...(await auditAtEverySize(S, testInfo, 'network-plenary-secretariat', 'en')),
	];
	await b.page.goto('/es/networks/refco');
	await expect(card(b.page).getByTestId('decision-result')).toHaveText(message('es', 'net_decision_result', { result: 'Aprobada' }), {
		timeout: 120_000,
	});
	problems.push(...(await auditAtEverySize(b.page, testInfo, 'network-plenary', 'es')));
	mkdirSync(SHOTS, { recursive: true });
	for (const [screen, locale] of [
		['network-plenary', 'en'],
		['network-plenary-secretariat', 'en'],
		['network-plenary', 'es'],
	] as const)
		for (const { width } of VIEWPORTS) {
			const name = `${screen}-${locale}-${width}.png`;
			copyFileSync(testInfo.outputPath(name), join(SHOTS, name));
		}
	expect(problems).toEqual([]);

	expectClean(s.seen, 'secretariat');
	expectClean(a.seen, 'member of gt-mp');
	await Promise.all([s.context.close(), a.context.close(), b.context.close()]);
	await Promise.all([secretariat, memberGt, memberSv, outsider].map((account) => logOutRegistration(account)));
});
