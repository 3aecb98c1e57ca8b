/** Where Debian's headless Chromium is (`CHROMIUM_PATH` overrides). */
export declare const CHROMIUM: string;
/** The command-line switches redress starts headless Chromium with. */
export declare const CHROMIUM_ARGS: string[];
