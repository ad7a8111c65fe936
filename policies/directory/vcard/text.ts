// Text values (RFC 6350 §3.4): "\\", "\n" (or "\N"), "\," and "\;" in the
// file stand for a backslash, a newline, a comma and a semicolon. Structured
// values (N, ORG) split into components at the semicolons that are not
// escaped. A CR or CRLF in a value is written as a newline: a vCard cannot
// carry a CR of its own.

/** Reads one text value. Any other escaped character is taken as itself. */
export function unescapeText(value: string): string {
	return value.replace(/\\(.)?/gs, (_, c: string | undefined) => (c === 'n' || c === 'N' ? '\n' : (c ?? '\\')));
}

export const escapeText = (value: string): string =>
	value.replace(/\r\n|[\r\n\\,;]/g, (c) => (c === '\\' ? '\\\\' : c === ',' ? '\\,' : c === ';' ? '\\;' : '\\n'));

/** The components of a structured value, each unescaped. */
export function components(value: string): string[] {
	const parts: string[] = [];
	let start = 0;
	for (let i = 0; i < value.length; i += 1) {
		if (value[i] === '\\') i += 1;
		else if (value[i] === ';') {
			parts.push(value.slice(start, i));
			start = i + 1;
		}
	}
	parts.push(value.slice(start));
	return parts.map(unescapeText);
}
