// The directory's clock, outside the view models (whose Dates Svelte would
// want reactive): "now" for reachability, and the instant of a stamp. Tests
// give their own clock instead.
export const systemNow = (): Date => new Date();

/** The present instant, ISO 8601 in UTC, as an entry's `updated.at`. */
export const isoNow = (): string => new Date().toISOString();
