// Which navigation link is the current one, from the route Kit matched (its
// id, such as "/(signed-in)/cases/[room]"): 'page' on the section's own
// page, 'true' on a page within it (a case under the requests), none elsewhere.
export function navCurrent(routeId: string | null, group: string, section: string): 'page' | 'true' | undefined {
	if (routeId === null) return undefined;
	const here = `${group}${section}`;
	if (routeId === here) return 'page';
	return routeId.startsWith(`${here}/`) ? 'true' : undefined;
}
