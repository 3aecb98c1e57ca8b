/** The package's public entries: entry name → its file under src/, without `.ts`. */
export declare const PACKAGE_ENTRIES: Readonly<
  Record<'index' | 'analysis' | 'incidents' | 'outcomes' | 'testing', string>
>;
