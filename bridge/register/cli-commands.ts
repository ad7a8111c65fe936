// The register's command line as a pure executor (STYLE.md, 6): arguments,
// a way to read the deployment (the roster and the site the flags or the
// environment name) and the clock's reading in; exit code and output text
// out. cli.ts wires it to the process and the files. Exit codes: 0 done (the
// chain is intact, and agrees with the witnessed heads when --witness names
// them), 1 the chain is broken or differs from the witnessed history, 2 the
// command could not run (usage, broken roster or site, missing file, wrong
// schema, a witness file that cannot be read) — each failure a one-line
// reason (one paragraph per problem of a deployment file). The deployment is
// read before any register is opened.
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { calendarDate, isRoomId, serversFromRoster } from '../../policies/cases/index.ts';
import { parseWitnessFile, WITNESS_LIMITS, type WitnessHead } from '../../policies/reports/index.ts';
import type { Result } from '../../policies/result.ts';
import type { AuthorityId, NetworkId, Roster } from '../../policies/roster/types.ts';
import { compareHistory, completenessText, type HistoryEvent } from './completeness.ts';
import { casesCsv, refusalsCsv, registerJson, transitionsCsv } from './export.ts';
import { readRefusals } from './refusals.ts';
import { openRegister, type Register } from './register.ts';
import { readRows, type RegisterRows } from './rows.ts';
import { networkStatsFor, registerPreservations } from './network-stats.ts';
import { registerStats } from './stats.ts';

/** What the command line takes from the roster and the site. */
export interface CliDeployment {
	/** The deployment's Roster (policies/roster/file/deployment.ts). */
	readonly roster: Roster;
	/** The site's authority: the register's, when no file is named. */
	readonly authority: AuthorityId;
	/** The site's paths.register: the register read when no file is named. */
	readonly registerFile: string;
	/** The site's paths.secrets: where the bridge keeps its session (verify --complete reads the room as the bridge). */
	readonly secretsDir?: string;
}

/** A room's history as the homeserver holds it, read as the bridge's account (cli.ts: bridge/matrix/room-history.ts). */
export interface ReadHistory {
	(request: {
		readonly room: string;
		/** --config: the bridge's config file, whose homeserverUrl is read. */
		readonly config: string | undefined;
		readonly deployment: CliDeployment;
	}): Promise<Result<{ readonly events: readonly HistoryEvent[]; readonly readAt: number }, string>>;
}

/** Reads the roster and site `--roster` and `--site` name (else the environment's); the error is the refusal's text. */
export type ReadCliDeployment = (flags: {
	readonly roster?: string | undefined;
	readonly site?: string | undefined;
}) => Result<CliDeployment, string>;

export interface CliOutcome {
	readonly code: 0 | 1 | 2;
	readonly stdout: string;
	readonly stderr: string;
}

const USAGE =
	"usage: cli.ts [--roster <roster.yaml>] [--site <site.yaml>] verify [--witness <heads.json>] [--authority <id>] [<file>] | verify --complete <room> --config <bridge config.json> [<file>] | export --format csv|json [--table cases|transitions|refused] [<file>] | stats [--authority <id>] [--today YYYY-MM-DD] [<file>] | network-stats --network <id> [--authority <id>] [--today YYYY-MM-DD] [<file>] (the register is the site's paths.register unless a file is named; ROGATORY_ROSTER and ROGATORY_SITE when the flags are left out)";

const fail = (reason: string): CliOutcome => ({ code: 2, stdout: '', stderr: `${reason}\n` });
const done = (stdout: string): CliOutcome => ({ code: 0, stdout, stderr: '' });

const OPTIONS = {
	roster: { type: 'string' },
	site: { type: 'string' },
	format: { type: 'string' },
	table: { type: 'string' },
	authority: { type: 'string' },
	today: { type: 'string' },
	witness: { type: 'string' },
	network: { type: 'string' },
	complete: { type: 'string' },
	config: { type: 'string' },
} as const;

function parse(
	argv: readonly string[],
): Result<ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: typeof OPTIONS }>>, CliOutcome> {
	try {
		return { ok: true, value: parseArgs({ args: [...argv], allowPositionals: true, options: OPTIONS }) };
	} catch (thrown) {
		return { ok: false, error: fail(`${thrown instanceof Error ? thrown.message : String(thrown)}; ${USAGE}`) };
	}
}

/**
 * Every command, `verify --complete` too, which reads the room's history
 * from the homeserver (`readHistory`) before opening the register: exit 0
 * when the register holds every event the homeserver returned, 1 naming each
 * missing one (and each it holds that the homeserver did not return), 2 when
 * it could not be judged (no such room, the bridge not in it, the homeserver
 * unreachable…).
 */
export async function runCliAsync(
	argv: readonly string[],
	readDeployment: ReadCliDeployment,
	readHistory: ReadHistory,
	now: Date,
): Promise<CliOutcome> {
	const parsed = parse(argv);
	if (!parsed.ok) return parsed.error;
	const { complete: room, config, witness } = parsed.value.values;
	if (room === undefined) return runCli(argv, readDeployment, now);
	const [command, named, ...extra] = parsed.value.positionals;
	if (command !== 'verify' || extra.length > 0) return fail(`--complete applies to verify only; ${USAGE}`);
	if (witness !== undefined) return fail('verify: --complete and --witness are two checks; run them one at a time');
	if (!isRoomId(room)) return fail(`verify --complete: ${room.slice(0, 80)} is not a room ID (like !abc:matrix.example.org)`);
	const deployment = readDeployment({ roster: parsed.value.values.roster, site: parsed.value.values.site });
	if (!deployment.ok) return fail(deployment.error);
	const history = await readHistory({ room, config, deployment: deployment.value });
	if (!history.ok) return fail(`verify --complete: ${history.error}`);
	const file = named ?? deployment.value.registerFile;
	return withRegister(file, deployment.value.roster, (register) => {
		const held = register.held(room);
		if (!held.ok) return fail(held.error.message);
		// NOTE: the bridge logs its case rooms only; a directory, network, 24/7 or reports room would be "all missing".
		if (held.value.held.length === 0 && !held.value.invited)
			return fail(
				`verify --complete: register ${register.file} holds nothing of ${room} and was never invited to it: it is not one of this register's case rooms (directory, network, 24/7 and reports rooms are not logged). Check the room ID, or name the register of the authority whose case it is.`,
			);
		const report = compareHistory({ history: history.value.events, ...held.value, readAt: history.value.readAt });
		const text = completenessText(register.file, room, report);
		return report.complete ? done(text) : { code: 1, stdout: '', stderr: text };
	});
}

export function runCli(argv: readonly string[], readDeployment: ReadCliDeployment, now: Date): CliOutcome {
	const read = parse(argv);
	if (!read.ok) return read.error;
	const parsed = read.value;
	const [command, named, ...extra] = parsed.positionals;
	if (command === undefined || extra.length > 0) return fail(USAGE);
	const { format, table, today, witness, network } = parsed.values;
	if (parsed.values.complete !== undefined) return fail('verify --complete reads the homeserver: run it through runCliAsync');
	if (parsed.values.config !== undefined) return fail(`--config applies to verify --complete only; ${USAGE}`);
	if (witness !== undefined && command !== 'verify') return fail(`--witness applies to verify only; ${USAGE}`);
	if (network !== undefined && command !== 'network-stats') return fail(`--network applies to network-stats only; ${USAGE}`);
	if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today)) return fail(`${command}: --today must be a date like 2026-03-31`);
	const deployment = readDeployment({ roster: parsed.values.roster, site: parsed.values.site });
	if (!deployment.ok) return fail(deployment.error);
	const { roster } = deployment.value;
	const file = named ?? deployment.value.registerFile;
	// The site's own register is its authority's; another named file's authority is told from its cases.
	const authority = parsed.values.authority ?? (named === undefined ? deployment.value.authority : undefined);
	if (command === 'verify') {
		if (witness === undefined) return withRegister(file, roster, verify);
		const heads = readWitness(witness);
		if (!heads.ok) return fail(heads.error);
		const own = authority ?? onlyAuthority(heads.value);
		if (own === undefined)
			return fail(
				`verify --witness: name the register’s authority with --authority <id> (${witness} holds heads of ${[...new Set(heads.value.map((h) => h.authority))].sort().join(', ')})`,
			);
		return withRegister(file, roster, (r) => verifyWitness(r, heads.value, own as AuthorityId));
	}
	if (command === 'network-stats') {
		if (network === undefined) return fail(`network-stats: name the secretariat's network with --network <id>; ${USAGE}`);
		if (!roster.networks.some((n) => n.id === network)) return fail(`network-stats: the roster has no network "${network}"`);
		return withRegister(file, roster, (r) => networkStats(r, roster, network as NetworkId, authority, today, now));
	}
	if (command === 'export') {
		if (format !== 'csv' && format !== 'json') return fail(`export: --format must be csv or json; ${USAGE}`);
		if (table !== undefined && table !== 'cases' && table !== 'transitions' && table !== 'refused')
			return fail(`export: --table must be cases, transitions or refused; ${USAGE}`);
		if (format === 'json' && table !== undefined) return fail('export: --table applies to csv only (json holds every table)');
		return withRegister(file, roster, (r) => {
			if (format === 'json') return done(registerJson(readRows(r.db), readRefusals(r.db)));
			if (table === 'refused') return done(refusalsCsv(readRefusals(r.db)));
			const rows = readRows(r.db);
			return done(table === 'transitions' ? transitionsCsv(rows) : casesCsv(rows));
		});
	}
	if (command === 'stats') {
		return withRegister(file, roster, (r) => stats(readRows(r.db), roster, authority, today, now));
	}
	return fail(`unknown command "${command}"; ${USAGE}`);
}

function withRegister(file: string, roster: Roster, run: (register: Register) => CliOutcome): CliOutcome {
	const opened = openRegister(file, { roster, servers: serversFromRoster(roster) }, { readonly: true });
	if (!opened.ok) return fail(opened.error.message);
	try {
		return run(opened.value);
	} catch (thrown) {
		return fail(`register ${file}: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
	} finally {
		opened.value.close();
	}
}

function verify(register: Register): CliOutcome {
	const report = register.verify();
	if (!report.ok) return fail(report.error.message);
	if (report.value.intact) return done(`register ${register.file}: intact (${report.value.rows} rows)\n`);
	return { code: 1, stdout: '', stderr: `register ${register.file}: broken at ${report.value.reason}\n` };
}

/** At most this many bytes are read of a witness file (a character is at most 4 bytes in UTF-8). */
const WITNESS_FILE_BYTES = WITNESS_LIMITS.fileChars * 4;

function readWitness(path: string): Result<WitnessHead[], string> {
	let text: string;
	try {
		if (statSync(path).size > WITNESS_FILE_BYTES)
			return { ok: false, error: `witness file ${path}: larger than ${WITNESS_FILE_BYTES} bytes` };
		text = readFileSync(path, 'utf8');
	} catch (thrown) {
		return { ok: false, error: `witness file ${path}: ${thrown instanceof Error ? thrown.message : String(thrown)}` };
	}
	const parsed = parseWitnessFile(text);
	if (parsed.ok) return parsed;
	const { entry, reason } = parsed.error;
	return { ok: false, error: `witness file ${path}: ${entry === null ? '' : `entry ${entry}: `}${reason}` };
}

/** The one authority whose heads a witness file holds, if it holds one authority's only. */
function onlyAuthority(heads: readonly WitnessHead[]): AuthorityId | undefined {
	const authorities = new Set(heads.map((h) => h.authority));
	return authorities.size === 1 ? [...authorities][0] : undefined;
}

function verifyWitness(register: Register, heads: readonly WitnessHead[], authority: AuthorityId): CliOutcome {
	const report = register.verifyWitness(heads, authority);
	if (!report.ok) return fail(report.error.message);
	const r = report.value;
	if (r.verdict === 'refused') return fail(`register ${register.file}: ${r.reason}`);
	if (r.verdict === 'agrees') return done(`register ${register.file}: intact (${r.rows} rows) and ${r.reason}\n`);
	return { code: 1, stdout: '', stderr: `register ${register.file}: differs from the witnessed history: ${r.reason}\n` };
}

function networkStats(
	register: Register,
	roster: Roster,
	network: NetworkId,
	named: string | undefined,
	today: string | undefined,
	now: Date,
): CliOutcome {
	const rows = readRows(register.db);
	const authority = named ?? ownAuthority(rows);
	if (authority === undefined)
		return fail('network-stats: name the register’s authority with --authority <id> (it could not be told from the cases)');
	const entry = roster.authorities.find((a) => a.id === authority);
	if (entry === undefined) return fail(`network-stats: the roster has no authority "${authority}"`);
	const preservations = registerPreservations(register, rows, serversFromRoster(roster));
	if (!preservations.ok) return fail(preservations.error.message);
	const day = today ?? calendarDate(now, entry.timeZone);
	const payload = networkStatsFor({ rows, preservations: preservations.value, roster, authority: entry.id, network, today: day, now });
	return done(JSON.stringify(payload, null, '\t') + '\n');
}

function stats(rows: RegisterRows, roster: Roster, named: string | undefined, today: string | undefined, now: Date): CliOutcome {
	const authority = named ?? ownAuthority(rows);
	if (authority === undefined)
		return fail('stats: name the register’s authority with --authority <id> (it could not be told from the cases)');
	const entry = roster.authorities.find((a) => a.id === authority);
	if (entry === undefined) return fail(`stats: the roster has no authority "${authority}"`);
	const day = today ?? calendarDate(now, entry.timeZone);
	return done(JSON.stringify(registerStats({ rows, roster, authority: entry.id, today: day }), null, '\t') + '\n');
}

/** The one authority that is a party to every case, if there is exactly one. */
function ownAuthority(rows: RegisterRows): AuthorityId | undefined {
	const [first, ...rest] = rows.cases;
	if (first === undefined) return undefined;
	const candidates = [first.requesting, first.requested].filter(
		(a) => a !== null && rest.every((c) => c.requesting === a || c.requested === a),
	);
	return candidates.length === 1 ? (candidates[0] as AuthorityId) : undefined;
}
