// Where each key of a parsed file was found, kept with the site and people
// documents so that checks made later against the roster (site-checks.ts) can
// still name the file and the line of what they refuse.

export interface SourceMap {
	readonly file: string;
	/** Key path → 1-based line. */
	readonly lines: ReadonlyMap<string, number>;
}

export function errorAt(source: SourceMap, path: string, message: string) {
	return { file: source.file, path, line: source.lines.get(path), message } as const;
}
