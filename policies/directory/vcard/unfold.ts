// From file text to logical lines (RFC 6350 §3.2): a byte-order mark dropped,
// CRLF, LF or a lone CR all ending a line, and every line that begins with a
// space or a tab joined to the one before without that first character. Each
// logical line keeps the physical line it started on, for refusals.
// NOTE: empty lines are not allowed by the RFC but address-book programs write
// them between cards; they are skipped rather than refused.

export interface LogicalLine {
	/** 1-based physical line of the first line of the logical line. */
	readonly line: number;
	readonly text: string;
}

export function unfold(text: string): LogicalLine[] {
	const physical = (text.startsWith('\uFEFF') ? text.slice(1) : text).split(/\r\n|\r|\n/);
	const logical: { line: number; text: string }[] = [];
	physical.forEach((raw, index) => {
		const last = logical.at(-1);
		if ((raw.startsWith(' ') || raw.startsWith('\t')) && last !== undefined) {
			last.text += raw.slice(1);
		} else if (raw !== '') {
			logical.push({ line: index + 1, text: raw });
		}
	});
	return logical;
}
