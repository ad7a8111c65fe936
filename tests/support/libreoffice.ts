// Debian's LibreOffice Calc, headless, as the spreadsheet that opens the
// register's exports in the security tests. When it is missing and we are
// root, install it from Debian's packages (as scripts/chromium.ts does for
// Chromium); otherwise say how. Each conversion runs with a fresh profile in a
// temporary folder (no user settings, no first-start dialogs) and is given the
// CSV import options explicitly, so the result depends on nothing else.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { err, ok, type Result } from '../../policies/result.ts';
import { run } from '../../scripts/child.ts';

const CANDIDATES = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'];

const found = (): string | undefined => CANDIDATES.find((path) => existsSync(path));

/** The soffice binary, installing Debian's libreoffice-calc first when it is missing and we may. */
export async function ensureLibreOffice(): Promise<Result<string, string>> {
	const present = found();
	if (present !== undefined) return ok(present);
	if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
		console.log("rogatory: installing Debian's libreoffice-calc package for the spreadsheet tests (once only)");
		const env = { DEBIAN_FRONTEND: 'noninteractive' };
		if (
			(await run('apt-get', ['update', '-qq'], env, true)) === 0 &&
			(await run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'libreoffice-calc'], env, true)) === 0
		) {
			const installed = found();
			if (installed !== undefined) return ok(installed);
		}
	}
	return err(
		'LibreOffice Calc is missing (no soffice in /usr/bin or /usr/lib/libreoffice/program); the spreadsheet tests open the exports with it. Install it (Debian/Ubuntu: sudo apt-get install libreoffice-calc), then run the tests again.',
	);
}

/**
 * CSV import options of LibreOffice's "Text - txt - csv (StarCalc)" filter, in
 * the order its token string takes them (sc/source/ui/dbgui/asciiopt.cxx).
 * Booleans left out take the worst case for a spreadsheet injection: quoted
 * fields not forced to text, special numbers detected, formulas evaluated.
 */
export interface CsvImport {
	/** Field separators, e.g. [';'] or [',', ';', '\t']. */
	readonly separators: readonly string[];
	/** The text delimiter: `"` unless given (LibreOffice's dialog also offers `'`). */
	readonly quote?: string;
	/** Trim spaces around each field. */
	readonly trimSpaces: boolean;
}

export function csvFilter({ separators, quote = '"', trimSpaces }: CsvImport): string {
	const tokens = [
		separators.map((s) => s.charCodeAt(0)).join('/'), // 0 field separators
		String(quote.charCodeAt(0)), // 1 text delimiter
		'76', // 2 character set: UTF-8
		'1', // 3 first line
		'', // 4 column formats: all Standard
		'1033', // 5 language: English (USA)
		'false', // 6 quoted field as text
		'true', // 7 detect special numbers
		'false', // 8 save as shown (export only)
		'false', // 9 save formulas (export only)
		String(trimSpaces), // 10 trim spaces
		'0', // 11 sheet (export only)
		'true', // 12 evaluate formulas
	];
	return `Text - txt - csv (StarCalc):${tokens.join(',')}`;
}

/**
 * Opens each CSV file with the import options and saves it as flat ODF
 * (.fods) into `outDir`; resolves with the paths written, or the reason.
 */
export function convertToFods(
	soffice: string,
	files: readonly string[],
	options: CsvImport,
	outDir: string,
): Promise<Result<string[], string>> {
	const profile = mkdtempSync(join(tmpdir(), 'rogatory-lo-profile-'));
	const args = [
		`-env:UserInstallation=${pathToFileURL(profile).href}`,
		'--headless',
		'--norestore',
		'--nolockcheck',
		`--infilter=${csvFilter(options)}`,
		'--convert-to',
		'fods',
		'--outdir',
		outDir,
		...files,
	];
	return new Promise((resolve) => {
		let output = '';
		const child = spawn(soffice, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SAL_USE_VCLPLUGIN: 'svp' } });
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.on('error', (error) => resolve(err(`soffice could not run: ${error.message}`)));
		child.on('exit', (code) => {
			rmSync(profile, { recursive: true, force: true });
			const written = files.map((file) => join(outDir, basename(file).replace(/\.[^.]*$/, '.fods')));
			const missing = written.filter((path) => !readdirSync(outDir).includes(basename(path)));
			if (code !== 0 || missing.length > 0)
				resolve(err(`soffice exited with ${code} without writing ${missing.join(', ')}: ${output.trim()}`));
			else resolve(ok(written));
		});
	});
}
