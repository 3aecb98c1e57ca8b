import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './snippets';

// docs/languages.md shows the wrong-size shoe's message (`c-wrong-item`) by channel in each language, as
// ```text blocks of `[kind] text` lines. They are not programs, so code.test.ts does not run them: each
// is held here to the message snapshot of that scenario and channel
// (test/rationale/__snapshots__/message.<locale>.txt, which the rationale's snapshot test keeps true), so
// that a changed sentence changes the page too.
const page = readFileSync(join(root, 'docs/languages.md'), 'utf8');
const LANGUAGES = { English: 'en', Turkish: 'tr', Persian: 'fa' } as const;

interface Block {
  readonly locale: string;
  readonly channel: string;
  readonly text: string;
}

function blocks(): Block[] {
  const found: Block[] = [];
  let locale: string | undefined;
  const pattern = /^### (English|Turkish|Persian)$|^`(\w+)`:\n\n```text\n([\s\S]*?)```$/gm;
  for (const m of page.matchAll(pattern)) {
    if (m[1]) locale = LANGUAGES[m[1] as keyof typeof LANGUAGES];
    else if (locale && m[2] && m[3] !== undefined) found.push({ locale, channel: m[2], text: m[3] });
  }
  return found;
}

/** The snapshot's message of `c-wrong-item` on a channel, each `[kind]` joined to its text's first line. */
function snapshot(locale: string, channel: string): string | undefined {
  const file = readFileSync(join(root, `test/rationale/__snapshots__/message.${locale}.txt`), 'utf8');
  const section = file.split(`## c-wrong-item @${channel}\n`)[1]?.split('\n## ')[0];
  return section?.trim().replace(/^\[(\w+)\]\n/gm, '[$1] ');
}

const shown = blocks();

describe('the messages docs/languages.md shows', () => {
  it('are an email, a chat and a review in each language', () => {
    expect(shown.map((b) => `${b.locale} ${b.channel}`)).toEqual(
      ['en', 'tr', 'fa'].flatMap((l) => ['email', 'chat', 'review'].map((c) => `${l} ${c}`)),
    );
  });

  it.each(shown.map((b) => [`${b.locale} ${b.channel}`, b] as const))('%s is the snapshot', (_, block) => {
    expect(block.text.trim()).toBe(snapshot(block.locale, block.channel));
  });
});
