// parseRoster: a roster file's text (YAML, or JSON) → the roster document, or
// every problem found, each with the file, key path and line.
import type { Result } from '../../result.ts';
import type { RosterError } from './errors.ts';
import { parseWith } from './parse-document.ts';
import { checkRoster } from './roster-checks.ts';
import type { RosterDocument } from './roster-document.ts';
import { rosterShape } from './roster-shape.ts';

export function parseRoster(text: string, file: string): Result<RosterDocument, RosterError[]> {
	return parseWith(text, file, rosterShape, (shaped, lines) => {
		const document: RosterDocument = { ...shaped, links: shaped.links ?? [], secretariats: shaped.secretariats ?? [] };
		return { document, problems: checkRoster(document, lines) };
	});
}
