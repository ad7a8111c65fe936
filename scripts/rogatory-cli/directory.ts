// `rogatory directory check [--roster <roster.yaml>] <file.vcf>` (issue 12,
// "Bulk import"): reads a vCard 4.0 file as import would, against the
// authorities of the roster, and prints the cards as jCard (RFC 7095) or every
// refused card's `file:line: card N: reason`. A pure executor (STYLE.md 6):
// the file and the roster come through the context. Exit 0 when every card is
// taken, 2 when anything is refused — nothing is imported then.
import { parseArgs } from 'node:util';
import { parseVcards, reasonText, toJcard } from '../../policies/directory/vcard/index.ts';
import type { Result } from '../../policies/result.ts';
import type { AuthorityId } from '../../policies/roster/types.ts';

/** Larger files are refused before they are read whole: split them. */
export const MAX_VCARD_BYTES = 5 * 1024 * 1024;

export interface DirectoryCliContext {
	/** Reads at most `limit` bytes of a file (more means the file is larger). */
	readonly readBytes: (path: string, limit: number) => Result<Uint8Array>;
	/** The authority ids of the roster file named, else of the roster this installation runs. */
	readonly authorities: (roster: string | undefined) => Result<readonly AuthorityId[]>;
}

export interface DirectoryOutcome {
	readonly code: 0 | 2;
	readonly stdout: string;
	readonly stderr: string;
}

export const DIRECTORY_USAGE = 'usage: rogatory directory check [--roster <roster.yaml>] <file.vcf>';

const oneLine = (text: string) => text.replace(/\r\n|\r|\n/g, '\\n');
const fail = (reason: string): DirectoryOutcome => ({ code: 2, stdout: '', stderr: `rogatory: ${oneLine(reason)}\n` });

export function runDirectory(argv: readonly string[], context: DirectoryCliContext): DirectoryOutcome {
	let parsed;
	try {
		parsed = parseArgs({ args: [...argv], allowPositionals: true, options: { roster: { type: 'string' } } });
	} catch (thrown) {
		return fail(`${thrown instanceof Error ? thrown.message : String(thrown)}; ${DIRECTORY_USAGE}`);
	}
	const [command, file, ...extra] = parsed.positionals;
	if (command !== 'check')
		return fail(command === undefined ? DIRECTORY_USAGE : `unknown directory command "${command}"; ${DIRECTORY_USAGE}`);
	if (file === undefined || extra.length > 0) return fail(DIRECTORY_USAGE);
	const authorities = context.authorities(parsed.values.roster);
	if (!authorities.ok) return fail(authorities.error);
	const bytes = context.readBytes(file, MAX_VCARD_BYTES + 1);
	if (!bytes.ok) return fail(`cannot read ${file}: ${bytes.error}`);
	if (bytes.value.length > MAX_VCARD_BYTES) return fail(`${file} is larger than 5 MB: split it into smaller files and check each`);
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.value);
	} catch {
		return fail(`${file} is not UTF-8 text: export it again as vCard 4.0, which is always UTF-8`);
	}
	const cards = parseVcards(text, { authorities: authorities.value });
	if (!cards.ok) {
		const lines = cards.error.map((r) => `${file}:${r.line}: card ${r.card}: ${oneLine(reasonText(r.reason))}\n`);
		return { code: 2, stdout: '', stderr: lines.join('') };
	}
	if (cards.value.length === 0) return fail(`${file} holds no card (BEGIN:VCARD … END:VCARD)`);
	// One card a line: still one JSON array, and easy to read and to diff.
	const json = toJcard(cards.value).map((card) => JSON.stringify(card));
	return { code: 0, stdout: `[\n${json.join(',\n')}\n]\n`, stderr: '' };
}
