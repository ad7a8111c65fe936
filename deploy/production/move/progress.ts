// synapse_port_db's progress as it prints it without --curses: a state
// ("Creating port tables...") or a table's share copied so far
// ("events: 100% (1234/1234)", after each batch). What a move shows of it:
// every state, and each table once, when it is whole; and, when it fails,
// its own reason without the log lines around it. Pure.

export type PortLine =
	| { readonly kind: 'state'; readonly state: string }
	| { readonly kind: 'table'; readonly table: string; readonly percent: number; readonly done: number; readonly total: number };

const TABLE = /^(\S+): (\d+)% \((\d+)\/(\d+)\)$/;
const STATE = /^(\S.*)\.\.\.$/;

export function parsePortLine(line: string): PortLine | undefined {
	const trimmed = line.trim();
	const table = TABLE.exec(trimmed);
	if (table !== null) {
		const [, name = '', percent = '0', done = '0', total = '0'] = table;
		return { kind: 'table', table: name, percent: Number(percent), done: Number(done), total: Number(total) };
	}
	const state = STATE.exec(trimmed);
	return state === null ? undefined : { kind: 'state', state: state[1] ?? '' };
}

/** The line a move shows for one of synapse_port_db's, or nothing (a table still being copied; anything else). */
export function progressText(line: string): string | undefined {
	const parsed = parsePortLine(line);
	if (parsed === undefined) return undefined;
	if (parsed.kind === 'state') return `  ${parsed.state}`;
	return parsed.done >= parsed.total ? `  ${parsed.table}: ${parsed.total} rows` : undefined;
}

const LOG_LINE = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ - /;

/** What synapse_port_db says when it fails: its lines that are not its log's (the reason, a traceback), else its last lines. */
export function failureReason(stderr: string, count = 12): string {
	const lines = stderr.split('\n').filter((line) => line.trim() !== '');
	const own = lines.filter((line) => !LOG_LINE.test(line));
	return (own.length > 0 ? own : lines).slice(-count).join('\n');
}
