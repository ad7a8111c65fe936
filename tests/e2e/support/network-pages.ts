// A network's page in a test browser: reached through the navigation, its
// rooms joined from the invitation when they are not joined yet (the
// invitation comes from the person's bridge, or for the staff from the
// keeper, once the rooms exist).
import { expect, type Page } from '@playwright/test';

export async function openNetwork(page: Page, network = 'REFCO'): Promise<void> {
	await page.getByTestId('nav-networks').click();
	await page.locator(`[data-testid="network-link"][data-network="${network}"]`).click();
	await expect(page.getByTestId('network-heading')).toHaveText(network);
	const join = page.getByTestId('network-join');
	const joined = page.getByTestId('announcements');
	await expect(join.or(joined)).toBeVisible({ timeout: 300_000 });
	if (await join.isVisible()) {
		await join.click();
		await expect(joined).toBeVisible({ timeout: 120_000 });
	}
}
