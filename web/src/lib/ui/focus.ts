// Moving focus on purpose, for keyboard and screen-reader users: an element
// that is not focusable by nature (a heading, a status, a problem) is made
// focusable by script only (tabindex="-1", never a Tab stop), then focused and
// scrolled into view. Whether the ring shows is the browser's call
// (:focus-visible): after a keyboard action it does, after a click on a
// button that moves focus to a heading it need not.

const NATIVELY_FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]';

/** Focuses `element`, giving it tabindex="-1" first when it cannot take focus otherwise. */
export function moveFocus(element: HTMLElement): boolean {
	if (!element.isConnected) return false;
	if (!element.matches(NATIVELY_FOCUSABLE)) element.setAttribute('tabindex', '-1');
	element.focus();
	return document.activeElement === element;
}

/** Focus is nowhere in particular: on the body (where navigation and removed elements leave it) or gone. */
export function focusIsLost(): boolean {
	const active = document.activeElement;
	return active === null || active === document.body || active === document.documentElement;
}

const FIELDS = 'input:not([type=hidden]), select, textarea, button, a[href], summary, [tabindex]:not([tabindex="-1"])';

/** The first field or control inside `container` a person can use, if any. */
export function firstField(container: ParentNode): HTMLElement | undefined {
	for (const candidate of container.querySelectorAll<HTMLElement>(FIELDS)) {
		if (candidate.matches(':disabled') || candidate.closest('[inert], [hidden]') !== null) continue;
		if (candidate.getClientRects().length === 0) continue; // not rendered (display: none)
		return candidate;
	}
	return undefined;
}
