// The authority's register as its bridge writes it (bridge/register), opened
// read-only for the pages: the web server never writes it.
// NOTE: until the bridge's statistics and export API lands, entries are read
// through its snapshot and the statistics and exports say they are not
// available; the pages show "cannot be read" for those.
import { err, ok, type Result } from '../../../../../policies/result.ts';
import type { Roster } from '../../../../../policies/roster/types.ts';
import { openRegister, type Register } from '../../../../../bridge/register/index.ts';
import { entryOf } from './entry.ts';
import type { ExportFormat, RegisterEntry, RegisterOpening, RegisterSource, RegisterStatistics } from './types.ts';

class BridgeRegisterSource implements RegisterSource {
	readonly #register: Register;
	readonly #self: string;
	readonly #roster: Roster;

	constructor(register: Register, self: string, roster: Roster) {
		this.#register = register;
		this.#self = self;
		this.#roster = roster;
	}

	entries(): Result<readonly RegisterEntry[], string> {
		const snapshot = this.#register.snapshot();
		if (!snapshot.ok) return err(snapshot.error.message);
		return ok(snapshot.value.cases.filter((row) => row.opened).map((row) => entryOf(row, this.#self, this.#roster)));
	}

	statistics(_now: number): Result<RegisterStatistics, string> {
		return err(`register ${this.#register.file}: the bridge register offers no statistics yet`);
	}

	exported(format: ExportFormat): Result<string, string> {
		return err(`register ${this.#register.file}: the bridge register offers no ${format} export yet`);
	}

	close(): void {
		this.#register.close();
	}
}

export function openBridgeRegister(file: string, self: string, roster: Roster): RegisterOpening {
	const opened = openRegister(file, { roster, servers: new Map() }, { readonly: true });
	if (!opened.ok) return { kind: 'unreadable', detail: opened.error.message };
	return { kind: 'open', source: new BridgeRegisterSource(opened.value, self, roster) };
}
