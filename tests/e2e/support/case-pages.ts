// Steps through the case pages as a person does, in English: signing in a
// fresh browser with its keys, opening a request from the dashboard, moving
// it. Shared by the case end-to-end tests.
import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';
import type { E2eAccount } from './accounts.ts';
import { en, setUpRecoveryKey, signInToKeys } from './session-pages.ts';

/** Signs in and sets up cross-signing and the recovery key: room keys go only to cross-signed devices. */
export async function signedIn(page: Page, account: E2eAccount): Promise<void> {
	await signInToKeys(page, account);
	await setUpRecoveryKey(page);
}

export interface NewRequest {
	readonly title: string;
	readonly requested: string;
	readonly reference?: string;
	readonly offence: string;
	readonly invite: readonly string[];
	/** YYYY-MM-DD */
	readonly respondBy?: string;
	/** The urgency's code (routine when left out). */
	readonly urgency?: 'routine' | 'urgent' | 'immediate';
}

/** From home, through the dashboard, opens an MLA request; resolves on its page, with its room ID. */
export async function openRequest(page: Page, request: NewRequest): Promise<string> {
	await page.getByRole('link', { name: en('home_cases_link'), exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: en('cases_heading') })).toBeVisible();
	await page.getByRole('link', { name: en('cases_new_link') }).click();
	await expect(page.getByRole('heading', { level: 1, name: en('newcase_heading') })).toBeVisible();
	await page.getByLabel(en('newcase_kind')).selectOption('mla');
	await page.getByLabel(en('newcase_requested')).selectOption(request.requested);
	await page.getByLabel(en('newcase_title'), { exact: true }).fill(request.title);
	if (request.reference !== undefined) await page.getByLabel(en('newcase_reference')).fill(request.reference);
	await page.getByLabel(request.offence, { exact: true }).check();
	await page.getByLabel(en('newcase_serious', { offence: request.offence })).check();
	if (request.respondBy !== undefined) await page.getByLabel(en('newcase_respond_by')).fill(request.respondBy);
	if (request.urgency !== undefined) await page.getByLabel(en('newcase_urgency')).selectOption(request.urgency);
	await page.getByLabel(en('newcase_invite'), { exact: true }).fill(request.invite.join(' '));
	await page.getByRole('button', { name: en('newcase_submit') }).click();
	await expect(page).toHaveURL(/\/en\/cases\/(?!new$)[^/]+$/);
	await expect(page.getByTestId('case-title')).toHaveText(request.title);
	return decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
}

/** Chooses a move by its label's start, with a reason if given, and sends it. */
export async function move(page: Page, status: string, reason?: string): Promise<void> {
	await page.getByRole('radio', { name: new RegExp(`^${status}`) }).check();
	if (reason !== undefined) await page.getByLabel(en('case_reason_label'), { exact: true }).fill(reason);
	await page.getByRole('button', { name: en('case_move_submit') }).click();
}

/**
 * The dashboard's entry for `title`, once it shows. When it does not, the
 * error says what the dashboard showed instead — its waiting invitations with
 * their state and why a join was refused among it: a run's output keeps that
 * where its screenshots are gone.
 */
export async function caseEntry(page: Page, title: string, timeout = 60_000): Promise<Locator> {
	const entry = page.getByTestId('case-entry').filter({ hasText: title });
	try {
		await expect(entry).toBeVisible({ timeout });
	} catch (error) {
		const shown = await page
			.locator('main')
			.ariaSnapshot({ timeout: 5_000 })
			.catch(() => '(no snapshot: the page did not answer)');
		const lines = shown.split('\n');
		const kept = lines.length > 60 ? [...lines.slice(0, 60), `… ${lines.length - 60} more lines`] : lines;
		throw new Error(`${error instanceof Error ? error.message : String(error)}\n\nThe dashboard showed instead:\n${kept.join('\n')}`, {
			cause: error,
		});
	}
	return entry;
}

/** The case's page, from the dashboard entry with this title. */
export async function openFromDashboard(page: Page, title: string): Promise<void> {
	await page.goto('/en/cases');
	const entry = await caseEntry(page, title);
	await entry.getByRole('link', { name: title }).click();
	await expect(page.getByTestId('case-title')).toHaveText(title);
}

/** Downloads the attachment `name` from the case page's discussion, once it shows; resolves with its decrypted bytes. */
export async function downloadAttachment(page: Page, name: string): Promise<Buffer> {
	const button = page.getByRole('button', { name: en('case_download', { name }) });
	await expect(button).toBeVisible();
	const download = page.waitForEvent('download');
	await button.click();
	return readFile(await (await download).path());
}

/** Sends a message to the case's discussion; resolves once it shows there. */
export async function sendMessage(page: Page, text: string): Promise<void> {
	await page.getByLabel(en('case_message_label')).fill(text);
	await page.getByRole('button', { name: en('case_message_send') }).click();
	await expect(page.getByTestId('timeline-item').filter({ hasText: text })).toBeVisible();
}

export interface NewPreservation {
	readonly custodian: string;
	readonly identifier: string;
	/** A rule id of the preservation rule table (us-2703f…). */
	readonly rule: string;
}

/** Records a preservation request on the case page; resolves once the page shows it. */
export async function requestPreservation(page: Page, request: NewPreservation): Promise<void> {
	// The form for a new preservation request may be folded away under its heading.
	const custodian = page.getByLabel(en('pres_custodian'));
	if (!(await custodian.isVisible())) await page.getByText(en('pres_new_heading')).click();
	await custodian.fill(request.custodian);
	await page.getByLabel(en('pres_identifiers_input')).fill(request.identifier);
	await page.getByLabel(en('pres_rule')).selectOption(request.rule);
	await page.getByRole('button', { name: en('pres_new_submit') }).click();
	await expect(page.getByTestId('preservation').getByRole('heading', { name: request.custodian })).toBeVisible({ timeout: 60_000 });
}
