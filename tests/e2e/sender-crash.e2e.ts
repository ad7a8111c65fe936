// Issue 14, acceptance 3: the sending homeserver crashes mid-burst and
// nothing the user wrote is lost or doubled. Guatemala's prosecutor writes a
// run of messages into a case with Nigeria's officer, whose case page is
// open; after the fourth, Guatemala's Synapse is killed (SIGKILL) and the
// prosecutor goes on writing — messages and the authority's reference — into
// the web app's outbox. The federation's supervisor starts the homeserver
// again (deploy/local/restart-policy.ts), the outbox sends what waited (the
// same transaction ID for a retry, so a request the server took just before
// it died is not taken twice), and the officer's page shows every message
// exactly once and the reference, without a reload.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { clientAnswers } from '../../deploy/local/readiness.ts';
import { homeserverOf as localHomeserver, type FederationInfo } from '../support/federation-info.ts';
import { synapsePid } from '../support/faults/synapse-pid.ts';
import { logOutRegistration } from './support/accounts.ts';
import { openFromDashboard, openRequest } from './support/case-pages.ts';
import { en } from './support/session-pages.ts';
import { twoParties } from './support/two-parties.ts';

test.setTimeout(600_000);

const items = (page: Page, text: string) => page.getByTestId('timeline-item').filter({ hasText: text });

async function until(check: () => Promise<boolean>, what: string, limitMs: number): Promise<void> {
	for (const end = Date.now() + limitMs; Date.now() < end;) {
		if (await check()) return;
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`gave up waiting: ${what}`);
}

test('the sending homeserver killed mid-burst: every message written is delivered once, and the other side sees all without a reload', async ({
	browser,
}) => {
	const described = JSON.parse(readFileSync(process.env['ROGATORY_FEDERATION'] ?? '', 'utf8')) as FederationInfo;
	const gt = localHomeserver(described, 'gt-mp');
	const { prosecutor, officer, first, second, a, b } = await twoParties(browser, 'e2e-crash');

	const title = `Crash registry ${Date.now()}`;
	await openRequest(a, { title, requested: 'ng-ca', offence: 'Cybercrime', invite: [officer.userId] });
	await openFromDashboard(b, title);

	const written = Array.from({ length: 12 }, (_, i) => `Crash note ${i + 1} of ${title}`);
	const write = async (text: string): Promise<void> => {
		await a.getByLabel(en('case_message_label')).fill(text);
		await a.getByRole('button', { name: en('case_message_send') }).click();
		await expect(a.getByLabel(en('case_message_label'))).toHaveValue('');
	};
	for (const text of written.slice(0, 4)) await write(text);

	// ── Killed right after the fourth, which may be in flight ──
	process.kill(await synapsePid(gt), 'SIGKILL');
	await until(async () => !(await clientAnswers(gt.clientUrl)), `${gt.id} down`, 10_000);
	for (const text of written.slice(4)) await write(text);
	const reference = `GT-MP-CRASH-${Date.now()}`;
	await a.getByLabel(en('case_reference_label')).fill(reference);
	await a.getByLabel(en('case_reference_reason')).fill('Registered during the outage');
	await a.getByRole('button', { name: en('case_reference_submit') }).click();
	await expect(a.getByTestId('queued-item').first()).toBeVisible();

	// ── Restarted by the supervisor: the outbox empties, each message once on both pages ──
	await until(() => clientAnswers(gt.clientUrl), `${gt.id} restarted by the federation's supervisor`, 300_000);
	await expect(a.getByTestId('queued-item')).toHaveCount(0, { timeout: 180_000 });
	for (const text of written) await expect(items(b, text)).toHaveCount(1, { timeout: 120_000 });
	await expect(b.getByTestId('amendments')).toContainText(reference, { timeout: 60_000 });
	// A later message shows the officer's page has caught up: a duplicate would have arrived before it.
	await write('After the restart');
	await expect(items(b, 'After the restart')).toHaveCount(1, { timeout: 60_000 });
	for (const text of written) {
		await expect(items(b, text)).toHaveCount(1);
		await expect(items(a, text)).toHaveCount(1);
	}
	await expect(b.getByTestId('case-title')).toHaveText(title);

	expect(second.seen.pageErrors).toEqual([]);
	expect(first.seen.pageErrors).toEqual([]);
	for (const account of [prosecutor, officer]) await logOutRegistration(account);
	await first.context.close();
	await second.context.close();
});
