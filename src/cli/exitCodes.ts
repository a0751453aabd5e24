// The CLI's promise to scripts: 0 success, 1 failure with nothing changed, 2 partial success.
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_PARTIAL = 2;
