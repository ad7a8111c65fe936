// Looks at one screen as it stands, at a phone's and a laptop's size (issue
// 11, acceptance 2): nothing scrolls sideways (WCAG 1.4.10), axe finds no
// WCAG 2.2 A/AA violation, and a full-page screenshot is kept in the test's
// output. Problems are returned, not thrown, so that a run lists every
// screen's problems before it fails.
import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { LOCALES, type Locale } from './messages.ts';

export const VIEWPORTS = [
	{ width: 360, height: 740 },
	{ width: 1280, height: 800 },
] as const;

export type Viewport = (typeof VIEWPORTS)[number];

/** WCAG 2.0, 2.1 and 2.2, levels A and AA (2.2 added no level-A rule that axe tests). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface Overflow {
	readonly scrollWidth: number;
	readonly innerWidth: number;
	/** The elements that reach past the window's right edge, innermost first, widest first. */
	readonly widest: readonly string[];
}

/**
 * The document's width against the window's, and if it is wider, the
 * elements that make it so: those whose box ends past the window's edge
 * (and none of whose children do, so the culprit rather than every
 * ancestor), outside any region that scrolls or clips on its own.
 */
function measureOverflow(page: Page): Promise<Overflow> {
	return page.evaluate(() => {
		const innerWidth = window.innerWidth;
		const scrollWidth = document.documentElement.scrollWidth;
		if (scrollWidth <= innerWidth) return { scrollWidth, innerWidth, widest: [] };
		const clips = (element: Element): boolean => {
			for (let parent = element.parentElement; parent !== null && parent !== document.body; parent = parent.parentElement)
				if (getComputedStyle(parent).overflowX !== 'visible') return true;
			return false;
		};
		const past = (element: Element): boolean => element.getBoundingClientRect().right > innerWidth + 0.5;
		const name = (element: Element): string => {
			const testId = element.getAttribute('data-testid');
			const id = element.id === '' ? '' : `#${element.id}`;
			const classes = [...element.classList]
				.filter((c) => !c.startsWith('svelte-'))
				.map((c) => `.${c}`)
				.join('');
			return `${element.tagName.toLowerCase()}${id}${classes}${testId === null ? '' : `[data-testid="${testId}"]`}`;
		};
		const selector = (element: Element): string => {
			const path: string[] = [];
			for (let at: Element | null = element; at !== null && at !== document.body && path.length < 4; at = at.parentElement)
				path.unshift(name(at));
			return path.join(' > ');
		};
		const offenders = [...document.body.querySelectorAll('*')].filter(
			(element) => past(element) && ![...element.children].some(past) && !clips(element),
		);
		return {
			scrollWidth,
			innerWidth,
			widest: offenders
				.map((element) => ({ element, rect: element.getBoundingClientRect() }))
				.sort((a, b) => b.rect.right - a.rect.right)
				.slice(0, 5)
				.map(({ element, rect }) => `${selector(element)} (left ${Math.round(rect.left)}, width ${Math.round(rect.width)} px)`),
		};
	});
}

async function axeViolations(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	return results.violations.map(
		(v) =>
			`axe ${v.id} (${v.impact ?? 'unknown'}): ${v.help} — ${v.nodes
				.slice(0, 4)
				.map((n) => n.target.join(' '))
				.join('; ')}${v.nodes.length > 4 ? ` and ${v.nodes.length - 4} more` : ''}`,
	);
}

/** Lets the browser lay the page out again after a change of window size. */
function settled(page: Page): Promise<void> {
	return page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/**
 * Audits the screen now on the page at one window size; returns its problems,
 * each prefixed with where they were seen. The screenshot goes to the test's
 * output folder (test-results/<test>/) as `<screen>-<locale>-<width>.png`, kept after the run.
 */
export async function auditScreen(page: Page, testInfo: TestInfo, screen: string, locale: string, viewport: Viewport): Promise<string[]> {
	await page.setViewportSize(viewport);
	await settled(page);
	const where = `${screen} [${locale}, ${viewport.width}×${viewport.height}]`;
	const problems: string[] = [];
	const overflow = await measureOverflow(page);
	if (overflow.scrollWidth > overflow.innerWidth)
		problems.push(
			`${where}: scrollWidth ${overflow.scrollWidth} > innerWidth ${overflow.innerWidth}; widest: ${overflow.widest.join(' | ') || '(none found outside scroll regions)'}`,
		);
	problems.push(...(await axeViolations(page)).map((v) => `${where}: ${v}`));
	const file = testInfo.outputPath(`${screen}-${locale}-${viewport.width}.png`);
	await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
	return problems;
}

/** Audits the screen at every size (the page stays at the last one). */
export async function auditAtEverySize(page: Page, testInfo: TestInfo, screen: string, locale: string): Promise<string[]> {
	const problems: string[] = [];
	for (const viewport of VIEWPORTS) problems.push(...(await auditScreen(page, testInfo, screen, locale, viewport)));
	return problems;
}

export interface Screen {
	/** A short name, for the screenshot's file and the problems' report. */
	readonly name: string;
	/** The route, without a language prefix ('' for the front page). */
	readonly path: string;
	/** Resolves once the screen shows what it is there to show, in `locale`. */
	ready(page: Page, locale: Locale): Promise<void>;
}

/**
 * Opens the screen in every language (the language from the URL: /es/…), at
 * a phone's width first, and audits it at every size. A screen that does not
 * come up is a problem too; it is audited as it stands.
 */
export async function auditInEveryLocale(page: Page, testInfo: TestInfo, screen: Screen): Promise<string[]> {
	const problems: string[] = [];
	for (const locale of LOCALES) {
		await page.setViewportSize(VIEWPORTS[0]);
		await page.goto(`/${locale}${screen.path}`);
		try {
			await screen.ready(page, locale);
		} catch (error) {
			problems.push(
				`${screen.name} [${locale}]: did not show as expected: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
			);
		}
		problems.push(...(await auditAtEverySize(page, testInfo, screen.name, locale)));
	}
	return problems;
}
