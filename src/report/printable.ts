// User text (model names, file names from exports) on a terminal: control characters (C0, DEL, C1, and the
// bidirectional overrides) are shown as \u{…} escapes, so an export cannot move the cursor or recolour the screen.
const unsafe = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

export const printable = (text: string): string => text.replace(unsafe, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
