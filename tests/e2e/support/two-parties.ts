// The two sides of most case tests: a prosecutor of Guatemala's Public
// Ministry and an officer of Nigeria's central authority, new accounts, each
// signed in with keys set up in a browser of their own.
import type { Browser, Page } from '@playwright/test';
import { freshAccount, homeserverOf, logOutRegistration, type E2eAccount } from './accounts.ts';
import { signedIn } from './case-pages.ts';
import { expectClean, newBrowser, type TestBrowser } from './session-pages.ts';

export interface TwoParties {
	readonly prosecutor: E2eAccount;
	readonly officer: E2eAccount;
	/** The prosecutor's browser and page. */
	readonly first: TestBrowser;
	readonly a: Page;
	/** The officer's browser and page. */
	readonly second: TestBrowser;
	readonly b: Page;
}

/** Accounts `<label>-a` (gt-mp) and `<label>-b` (ng-ca). */
export async function twoParties(browser: Browser, label: string): Promise<TwoParties> {
	const prosecutor = await freshAccount(homeserverOf('gt-mp'), `${label}-a`);
	const officer = await freshAccount(homeserverOf('ng-ca'), `${label}-b`);
	const first = await newBrowser(browser, prosecutor);
	const second = await newBrowser(browser, officer);
	await signedIn(first.page, prosecutor);
	await signedIn(second.page, officer);
	return { prosecutor, officer, first, a: first.page, second, b: second.page };
}

/** The end of a two-party test: neither browser did anything unexpected; both accounts logged out, both browsers closed. */
export async function endTwoParties(parties: TwoParties): Promise<void> {
	expectClean(parties.first.seen, 'Guatemala’s prosecutor');
	expectClean(parties.second.seen, 'Nigeria’s officer');
	for (const account of [parties.prosecutor, parties.officer]) await logOutRegistration(account);
	await parties.first.context.close();
	await parties.second.context.close();
}
