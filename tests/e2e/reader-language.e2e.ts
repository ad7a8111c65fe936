// End to end, issue 11 acceptance 3: a case page read in Russian shows no
// English text from the case vocabulary or the preservation rules, and no
// Matrix ID in visible text where a display name exists. Two people on two
// homeservers, both with display names, work in English: the request is
// opened, moved, and a preservation recorded, so the room holds case and
// preservation events whose fallback bodies are English. The officer then
// reads the page in Russian. A string of the English message catalogues, of
// the case vocabulary or of the rule table on that page fails the test;
// names are excepted (the authorities', the people's, the languages' own,
// the product's), and what the parties wrote is in no language at all.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_BOOK, type Labels } from '../../policies/cases/index.ts';
import { BUILT_IN_RULES, RULE_WORDS } from '../../policies/preservation/index.ts';
import { freshAccount, homeserverOf, logOutRegistration, setDisplayName } from './support/accounts.ts';
import { move, openFromDashboard, openRequest, signedIn } from './support/case-pages.ts';
import { LANGUAGE_NAMES } from './support/messages.ts';
import { en, expectClean, newBrowser } from './support/session-pages.ts';

test.setTimeout(300_000);

const ROOT = join(import.meta.dirname, '..', '..');

/** Every message key of a locale's catalogues (the same files support/messages.ts reads). */
function catalogue(locale: 'en' | 'ru'): Record<string, string> {
	const settings = JSON.parse(readFileSync(join(ROOT, 'project.inlang', 'settings.json'), 'utf8')) as {
		'plugin.inlang.messageFormat': { pathPattern: string[] };
	};
	const files = settings['plugin.inlang.messageFormat'].pathPattern.map((p) => join(ROOT, p.replace('{locale}', locale)));
	return Object.assign({}, ...files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as Record<string, unknown>)) as Record<string, string>;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const word = (text: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(text)}(?![\\p{L}\\p{N}])`, 'u');

/**
 * The English strings a Russian page must not show: the English catalogues'
 * text (each placeholder a break) where Russian says otherwise, the case
 * vocabulary, and the rule table's instruments, laws and names. A string the
 * Russian catalogues contain too is not a leak.
 */
function englishStrings(): string[] {
	const english = catalogue('en');
	const russian = catalogue('ru');
	const russianText = Object.values(russian).join('\n');
	const fromCatalogue = Object.entries(english)
		.filter(([key, value]) => typeof value === 'string' && russian[key] !== value)
		.flatMap(([, value]) => value.split(/\{[^}]*\}/));
	const tables: readonly Readonly<Record<string, Labels>>[] = Object.values(DEFAULT_BOOK);
	const vocabulary = tables.flatMap((table) =>
		Object.values(table)
			.filter((l) => l.en !== l.ru)
			.map((l) => l.en),
	);
	const rules = BUILT_IN_RULES.flatMap((r) => [
		r.instrument,
		r.zone.law,
		r.id,
		RULE_WORDS[r.id]?.name.en ?? '',
		RULE_WORDS[r.id]?.law.en ?? '',
	]);
	return [...new Set([...fromCatalogue, ...vocabulary, ...rules].map((s) => s.trim()))].filter(
		(s) => /\p{L}{3}/u.test(s) && !word(s).test(russianText),
	);
}

/** The authorities' names, as the deployment's roster gives them. */
function authorityNames(): string[] {
	const roster = readFileSync(join(ROOT, 'deploy', 'roster', 'default.yaml'), 'utf8');
	return [...roster.matchAll(/^\s+name:\s*(.+?)\s*$/gm)].map((m) => (m[1] ?? '').replace(/^['"]|['"]$/g, ''));
}

/** What a sighted reader sees: the page's text without what is hidden or only for screen readers. */
function visibleText(page: Page): Promise<string> {
	// NOTE: through the CSSOM, which the page's Content-Security-Policy allows (an injected <style> it refuses).
	return page.evaluate(() => {
		const hidden = [...document.querySelectorAll<HTMLElement>('.visually-hidden')];
		for (const element of hidden) element.style.setProperty('display', 'none', 'important');
		const text = document.body.innerText;
		for (const element of hidden) element.style.removeProperty('display');
		return text;
	});
}

test('a Russian case page reads in Russian, people by name', async ({ browser }) => {
	const prosecutor = await freshAccount(homeserverOf('gt-mp'), 'e2e-ru-a');
	const officer = await freshAccount(homeserverOf('ng-ca'), 'e2e-ru-b');
	const people = { [prosecutor.userId]: 'Ana-7 Ω', [officer.userId]: 'Amina-7 Ω' };
	for (const account of [prosecutor, officer]) await setDisplayName(account, people[account.userId] ?? '');
	const first = await newBrowser(browser, prosecutor);
	const second = await newBrowser(browser, officer);
	const a = first.page;
	const b = second.page;
	await signedIn(a, prosecutor);
	await signedIn(b, officer);

	// ── In English: opened, moved by the other side, a preservation recorded ──
	const title = `Ω-${Date.now()}`;
	const roomId = await openRequest(a, { title, requested: 'ng-ca', offence: 'Kidnapping', invite: [officer.userId] });
	await openFromDashboard(b, title);
	await move(b, 'Received');
	await expect(b.getByTestId('case-status')).toHaveAttribute('data-status', 'received');
	// The form for a new preservation request is folded away under its heading.
	await a.getByText(en('pres_new_heading')).click();
	await a.getByLabel(en('pres_custodian')).fill('Ω Mail');
	await a.getByLabel(en('pres_identifiers_input')).fill('Ω-1');
	await a.getByLabel(en('pres_rule')).selectOption('us-2703f');
	await a.getByRole('button', { name: en('pres_new_submit') }).click();
	await expect(b.getByTestId('preservation').getByRole('heading', { name: 'Ω Mail' })).toBeVisible({ timeout: 60_000 });

	// ── The officer reads it in Russian ──
	await b.goto(`/ru/cases/${encodeURIComponent(roomId)}`);
	await expect(b.getByTestId('case-title')).toHaveText(title, { timeout: 60_000 });
	const updates = b.getByTestId('case-update');
	// The opening, draft → sent, sent → received, the preservation request.
	await expect(updates).toHaveCount(4, { timeout: 60_000 });
	await expect(updates.first()).toContainText(DEFAULT_BOOK.phrases.opened.ru);
	await expect(b.getByTestId('pres-rule')).toHaveText(RULE_WORDS['us-2703f']?.name.ru ?? '');

	let text = await visibleText(b);
	// Names are names: the authorities', the people's, each language's own, the product's.
	const names = [...authorityNames(), ...Object.values(people), ...Object.values(LANGUAGE_NAMES), 'Rogatory', title];
	for (const name of names.sort((x, y) => y.length - x.length)) text = text.split(name).join(' ');
	const leaks = englishStrings().filter((english) => word(english).test(text));
	expect(leaks, 'English strings on the Russian case page').toEqual([]);

	// ── People by display name with their authority; the Matrix ID on hover and for screen readers only ──
	const shown = await visibleText(b);
	for (const id of [prosecutor.userId, officer.userId]) expect(shown).not.toContain(id);
	const senders = b.getByTestId('person');
	await expect(senders.filter({ hasText: people[prosecutor.userId] ?? '' }).first()).toHaveAttribute('title', prosecutor.userId);
	await expect(senders.filter({ hasText: people[officer.userId] ?? '' }).first()).toHaveAttribute('title', officer.userId);
	await expect(senders.filter({ hasText: people[officer.userId] ?? '' }).first()).toContainText('Federal Ministry of Justice of Nigeria');

	expectClean(first.seen, 'prosecutor');
	expectClean(second.seen, 'officer');
	await first.context.close();
	await second.context.close();
	await logOutRegistration(prosecutor);
	await logOutRegistration(officer);
});
