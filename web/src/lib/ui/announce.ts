// A polite live region for what happened that has no place to focus: "your
// message was added to the discussion". One region for the whole page, made
// on first use; the text is set a frame later so that a region that has just
// appeared is already watched by the screen reader when it changes.

let region: HTMLElement | undefined;

function liveRegion(): HTMLElement {
	if (region?.isConnected === true) return region;
	const made = document.createElement('div');
	made.setAttribute('role', 'status');
	made.setAttribute('aria-live', 'polite');
	made.dataset['testid'] = 'announcer';
	// Visually hidden, still read (not display: none).
	Object.assign(made.style, {
		position: 'absolute',
		width: '1px',
		height: '1px',
		overflow: 'hidden',
		clipPath: 'inset(50%)',
		whiteSpace: 'nowrap',
	});
	document.body.append(made);
	region = made;
	return made;
}

/** Says `text` to screen readers without moving focus. */
export function announce(text: string): void {
	const target = liveRegion();
	target.textContent = '';
	requestAnimationFrame(() => {
		target.textContent = text;
	});
}
