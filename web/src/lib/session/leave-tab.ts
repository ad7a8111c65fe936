// A tab signed out by another tab of this browser lets go of everything it
// held by loading the sign-in page afresh, not by a client-side navigation.
// Why: the Rust crypto of a stopped client can keep its IndexedDB connection
// open for as long as the page lives (until the next garbage collection —
// half a minute, sometimes more), and the signing-out tab's deletion of that
// database waits on it; a page that unloads closes every connection at once.
// The reason to show on the sign-in page rides along in this tab's own
// sessionStorage, read once and removed.

export type LeftReason = 'other-tab';

const REASON_KEY = 'rogatory.left-tab';

export interface TabPlatform {
	readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
	readonly replace: (href: string) => void;
}

function browserTab(): TabPlatform {
	return { storage: globalThis.sessionStorage, replace: (href) => globalThis.location.replace(href) };
}

/** Loads `href` afresh in place of this page, remembering why for the page it leads to. */
export function leaveTab(href: string, reason: LeftReason, tab: TabPlatform = browserTab()): void {
	// NOTE: a browser that refuses sessionStorage still leaves; the sign-in page then only lacks the reason.
	try {
		tab.storage.setItem(REASON_KEY, reason);
	} catch {
		// nothing to keep it in
	}
	tab.replace(href);
}

/** Why this tab was left, once: the mark is removed on reading. */
export function takeLeftReason(tab: Pick<TabPlatform, 'storage'> = browserTab()): LeftReason | undefined {
	try {
		const reason = tab.storage.getItem(REASON_KEY);
		tab.storage.removeItem(REASON_KEY);
		return reason === 'other-tab' ? reason : undefined;
	} catch {
		return undefined;
	}
}
