// The person-verification panel as the end-to-end tests drive it: the
// panel, a person's trust in a case room's people, accepting a request and
// closing a finished verification. Shared by user-verification.e2e.ts and
// camera-verification.e2e.ts.
import { expect, type Page } from '@playwright/test';
import { en } from './session-pages.ts';

/** A message naming a person, whoever they are (the page names them by display name and authority). */
export const naming = (key: string): RegExp =>
	new RegExp(
		`^${en(key, { name: '\u0000' })
			.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
			.replace('\u0000', '.+')}$`,
	);

export const panel = (page: Page) => page.getByTestId('user-verification');

export const trustOf = (page: Page, userId: string) =>
	page.getByTestId('case-people').locator(`[data-testid="person-trust"][data-user-id="${userId}"]`);

/** Accepts the verification request from `from` once it shows. */
export async function accept(page: Page, from: string): Promise<void> {
	await expect(panel(page)).toHaveAttribute('data-state', 'incoming', { timeout: 60_000 });
	await expect(panel(page)).toHaveAttribute('data-user-id', from);
	await panel(page)
		.getByRole('button', { name: en('verify_accept') })
		.click();
	await expect(panel(page)).toHaveAttribute('data-state', 'ready');
}

/** Closes the panel once its verification is done. */
export async function closeDone(page: Page): Promise<void> {
	await expect(panel(page)).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
	await panel(page)
		.getByRole('button', { name: en('verify_close') })
		.click();
	await expect(panel(page)).toHaveCount(0);
}
