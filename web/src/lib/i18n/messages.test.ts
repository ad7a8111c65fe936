// Every language says everything English says: no message missing, empty or
// left over, and every {placeholder} kept, in each of the project's locales.
// Messages may be split over several files (settings.json's pathPattern list),
// one per feature; a key may live in one of them only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..', '..');
const settings = JSON.parse(readFileSync(join(root, 'project.inlang', 'settings.json'), 'utf8')) as {
	baseLocale: string;
	locales: string[];
	'plugin.inlang.messageFormat': { pathPattern: string | string[] };
};
const patterns = [settings['plugin.inlang.messageFormat'].pathPattern].flat();

function messagesOf(locale: string): Record<string, unknown> {
	const all: Record<string, unknown> = {};
	for (const pattern of patterns) {
		const file = pattern.replace('{locale}', locale);
		const some = JSON.parse(readFileSync(join(root, file), 'utf8')) as Record<string, unknown>;
		delete some['$schema'];
		const twice = Object.keys(some).filter((key) => key in all);
		if (twice.length > 0) throw new Error(`${file} repeats ${twice.join(', ')}`);
		Object.assign(all, some);
	}
	return all;
}

const placeholders = (text: string): string[] => [...text.matchAll(/(?<!\\)\{\s*([A-Za-z_][\w]*)\s*\}/g)].map((m) => m[1] ?? '').sort();

/**
 * A message's texts: a simple message is one; a message with variants (plural
 * forms: an array of `{declarations, selectors, match}`) has one per variant.
 * Undefined when it is neither.
 */
function textsOf(message: unknown): string[] | undefined {
	if (typeof message === 'string') return [message];
	if (!Array.isArray(message) || message.length === 0) return undefined;
	const variants: readonly unknown[] = message;
	const texts = variants.flatMap((variant): unknown[] =>
		typeof variant === 'object' && variant !== null && 'match' in variant && typeof variant.match === 'object' && variant.match !== null
			? Object.values(variant.match)
			: [undefined],
	);
	return texts.every((t): t is string => typeof t === 'string') ? texts : undefined;
}

const filled = (message: unknown): boolean => textsOf(message)?.every((t) => t.trim() !== '') === true;

/** The placeholders a message uses: a simple message's as written, a message with variants' once each over all its variants. */
const placeholdersOf = (message: unknown): string[] =>
	typeof message === 'string' ? placeholders(message) : [...new Set((textsOf(message) ?? []).flatMap(placeholders))].sort();

const english = messagesOf(settings.baseLocale);

describe('messages', () => {
	it('are the five languages, English first', () => {
		expect(settings.baseLocale).toBe('en');
		expect([...settings.locales].sort()).toEqual(['en', 'es', 'fr', 'pt', 'ru']);
	});

	it('English has messages, none empty', () => {
		expect(Object.keys(english).length).toBeGreaterThan(0);
		for (const [key, text] of Object.entries(english)) expect(filled(text), `en: ${key} is empty`).toBe(true);
	});

	for (const locale of settings.locales.filter((l) => l !== settings.baseLocale)) {
		describe(locale, () => {
			const translated = messagesOf(locale);

			it('has every English message, none empty', () => {
				const problems = Object.keys(english).flatMap((key) => {
					const text = translated[key];
					if (text === undefined) return [`${key}: missing`];
					if (!filled(text)) return [`${key}: empty`];
					return [];
				});
				expect(problems, `${locale}.json`).toEqual([]);
			});

			it('has no message English lacks', () => {
				expect(Object.keys(translated).filter((key) => !(key in english))).toEqual([]);
			});

			it('keeps every placeholder', () => {
				const problems = Object.entries(english).flatMap(([key, text]) => {
					const other = translated[key];
					if (!filled(text) || !filled(other)) return [];
					const want = placeholdersOf(text);
					const got = placeholdersOf(other);
					return JSON.stringify(want) === JSON.stringify(got) ? [] : [`${key}: wants {${want.join('}, {')}} has {${got.join('}, {')}}`];
				});
				expect(problems, `${locale}.json`).toEqual([]);
			});
		});
	}
});
