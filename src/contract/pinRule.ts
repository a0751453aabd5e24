/** A responder's PIN: 6 to 12 digits (issue 8). The renderer checks it too before sending. */
export const PIN_RULE = /^\d{6,12}$/;
