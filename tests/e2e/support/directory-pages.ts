// The directory's pages as the end-to-end tests use them: an authority's
// editor writing a person entry, and a reader finding a person's card.
import { expect, type Browser, type Page } from '@playwright/test';
import { homeserverOf, logOutRegistration, rosterAccount } from './accounts.ts';
import { en, newBrowser } from './session-pages.ts';
import { leaveDirectoryRoom, rosterPersonSignedIn } from './roster-person.ts';

export interface ListedPerson {
	readonly name: string;
	readonly userId: string;
}

/**
 * An editor of `authority` (a roster person named in its people file), in a
 * browser of their own, writes a prosecutor's entry for each person in
 * `network`'s directory, then closes that browser.
 */
export async function listPeople(
	browser: Browser,
	editor: { readonly authority: string; readonly localpart: string },
	directory: { readonly network: string; readonly keeper: string },
	people: readonly ListedPerson[],
): Promise<void> {
	const account = await rosterAccount(editor.authority, editor.localpart);
	await leaveDirectoryRoom(account, directory.network, homeserverOf(directory.keeper).serverName);
	const opened = await newBrowser(browser, account);
	const page = opened.page;
	await rosterPersonSignedIn(page, account);
	// The edit page opens once the authority's bridge has named the editor in the directory.
	await page.goto('/en/directory/edit');
	await expect(page.getByTestId('authority-form')).toBeVisible({ timeout: 240_000 });
	for (const person of people) {
		await page.getByTestId('add-person').click();
		const form = page.getByTestId('person-form');
		await form.locator('#ep-name').fill(person.name);
		await form.locator('#ep-role-prosecutor').check();
		await form.locator('#ep-matrix').fill(person.userId);
		await form.getByRole('button', { name: en('directory_edit_save_person') }).click();
		await expect(page.getByTestId('editor-outcome')).toContainText(en('directory_edit_saved'), { timeout: 60_000 });
		await expect(page.getByTestId('editor-person').filter({ hasText: person.name })).toBeVisible({ timeout: 60_000 });
	}
	await opened.context.close();
	await logOutRegistration(account);
}

/**
 * The person's card on the directory page, searched for by name. Reached
 * through the app's navigation, as a person does: the page is not loaded
 * again (a new load replays the recent verification requests into a new
 * crypto — see lib/matrix/user-verification.ts).
 */
export async function directoryCard(page: Page, name: string) {
	await page.getByTestId('nav-directory').click();
	await expect(page.getByRole('heading', { level: 1, name: en('directory_heading') })).toBeVisible();
	await page.getByLabel(en('directory_search_label')).fill(name);
	return page.getByTestId('directory-person').filter({ hasText: name });
}
