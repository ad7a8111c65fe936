// "Today" for a deadline: the calendar date at an instant in a time zone,
// YYYY-MM-DD. The browser takes the viewer's zone, the bridge and the register
// the authority's legal one (DOMAIN.md: deadlines run in the calendar of the
// jurisdiction whose law applies, and are shown in each user's own zone).
/** The calendar date of `at` in `timeZone` (the runtime's own when left out). */
export function calendarDate(at: number | Date, timeZone?: string): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
