// One problem found in a roster, site or people file: the file, the key path
// (`authorities[3].homeserver.server_name`), the 1-based line where it was
// found and what is wrong. Shown to the administrator as one paragraph, so a
// program that refuses to start says exactly which key to mend.

export interface RosterError {
	/** The file as the caller named it (a path, or a label such as "roster"). */
	readonly file: string;
	/** The key path, e.g. `authorities[3].homeserver.server_name`; empty for the whole document. */
	readonly path: string;
	/** 1-based line in the file; undefined when the problem has no place (an unreadable file). */
	readonly line: number | undefined;
	/** What is wrong and, where it helps, what would be right; one or two sentences. */
	readonly message: string;
}

/** `deploy/roster/default.yaml, line 12, authorities[3].country: "gt" must be …` as one paragraph. */
export function describeError(error: RosterError): string {
	const where = [error.file, error.line === undefined ? undefined : `line ${error.line}`, error.path === '' ? undefined : error.path]
		.filter((part) => part !== undefined)
		.join(', ');
	return `${where}: ${error.message}`;
}

/** All the problems, one paragraph each, separated by blank lines. */
export function describeErrors(errors: readonly RosterError[]): string {
	return errors.map(describeError).join('\n\n');
}
