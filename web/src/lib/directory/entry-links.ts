// Where the directory's pages link: an entry's detail page, and the new
// request form with the counterpart (and the person to invite) filled in.
// Query strings, not path segments: the pages stay the same few the service
// worker keeps for offline use (lib/offline/cache-policy.ts).
export function personHref(network: string, authority: string, id: string): string {
	return `/directory/entry?${new URLSearchParams({ network, authority, person: id }).toString()}`;
}

export function authorityHref(network: string, authority: string): string {
	return `/directory/entry?${new URLSearchParams({ network, authority }).toString()}`;
}

/** The new-request form for `authority`, inviting `invite` when the person has a Matrix ID. */
export function newRequestHref(authority: string, invite?: string): string {
	const query = new URLSearchParams({ to: authority });
	if (invite !== undefined) query.set('invite', invite);
	return `/cases/new?${query.toString()}`;
}
