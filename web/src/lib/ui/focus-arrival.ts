// After the app moves to another page (a link, a form that opens the next
// step), focus goes to the new page's main heading, so a screen reader says
// where the person now is and Tab continues from there, not from the top of
// the page. SvelteKit would put it on the body. A page that is still loading
// gets its heading focused when it appears — unless the person has moved
// focus themselves by then. The first load of a page is left to the browser
// (the skip link comes first). Called once, by the root layout.
import { afterNavigate } from '$app/navigation';
import { focusIsLost, moveFocus } from './focus.ts';

const HEADING = 'main h1';

/** Waits for the main heading and focuses it; the returned function stops waiting. */
function focusHeadingWhenShown(): () => void {
	const tryNow = (): boolean => {
		if (!focusIsLost()) return true; // the person (or the page itself) put focus somewhere: leave it
		const heading = document.querySelector<HTMLElement>(HEADING);
		return heading !== null && moveFocus(heading);
	};
	if (tryNow()) return () => {};
	const observer = new MutationObserver(() => {
		if (tryNow()) observer.disconnect();
	});
	observer.observe(document.body, { childList: true, subtree: true });
	return () => observer.disconnect();
}

export function focusHeadingOnArrival(): void {
	let stop = (): void => {};
	afterNavigate(({ type }) => {
		stop();
		stop = type === 'enter' ? () => {} : focusHeadingWhenShown();
	});
}
