// The date a request should be answered by (`fields.respondBy`, YYYY-MM-DD),
// read defensively: the field is optional in CaseFields and older records
// may lack it, so anything but a calendar date reads as "none".
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function respondByOf(fields: object): string | undefined {
	const value = (fields as { readonly respondBy?: unknown }).respondBy;
	return typeof value === 'string' && DATE.test(value) ? value : undefined;
}
