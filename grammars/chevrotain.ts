/**
 * chevrotain from its single-file build. The package entry pulls in ~640 lodash-es modules, which
 * cost ~0.6 s of start-up on these machines; the bundled build is one file of the same release.
 */
import type * as Chevrotain from 'chevrotain';

// the package's exports only expose the entry, so the build is found beside it (lib/src/api.js → lib/chevrotain.mjs)
const build = new URL('../chevrotain.mjs', import.meta.resolve('chevrotain')).href;
const chevrotain = (await import(build)) as typeof Chevrotain;

export const { createToken, Lexer, EmbeddedActionsParser } = chevrotain;
