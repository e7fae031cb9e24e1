/**
 * A small XML grammar (chevrotain) for the agent's goal-state files. It never expands entities
 * (only the five predefined ones and character references are decoded), skips DOCTYPE
 * declarations without reading them, and refuses trees deeper than a limit.
 */
import type { IToken, Lexer as LexerT } from 'chevrotain';
import { createToken, Lexer, EmbeddedActionsParser } from './chevrotain.js';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const Comment = createToken({ name: 'Comment', pattern: /<!--[\s\S]*?-->/, group: Lexer.SKIPPED });
const CData = createToken({ name: 'CData', pattern: /<!\[CDATA\[[\s\S]*?\]\]>/ });
const DocType = createToken({ name: 'DocType', pattern: /<!DOCTYPE(?:[^<>[\]]|\[[^\]]*\])*>/i, group: 'doctype' });
const ProcInstr = createToken({ name: 'ProcInstr', pattern: /<\?[\s\S]*?\?>/, group: Lexer.SKIPPED });
const CloseOpen = createToken({ name: 'CloseOpen', pattern: /<\/[^\s>/]+\s*>/ });
const OpenStart = createToken({ name: 'OpenStart', pattern: /<[^\s>/!?]+/, push_mode: 'tag' });
const Text = createToken({ name: 'Text', pattern: /[^<]+/ });
const TagEnd = createToken({ name: 'TagEnd', pattern: />/, pop_mode: true });
const SelfClose = createToken({ name: 'SelfClose', pattern: /\/>/, pop_mode: true });
const AttrName = createToken({ name: 'AttrName', pattern: /[^\s=/>"']+/ });
const Equals = createToken({ name: 'Equals', pattern: /=/ });
const AttrValue = createToken({ name: 'AttrValue', pattern: /"[^"]*"|'[^']*'/ });
const Ws = createToken({ name: 'Ws', pattern: /\s+/, group: Lexer.SKIPPED });

// built on first use: a bundle without XML files never pays for it
let lexer: LexerT | null = null;
const newLexer = () => new Lexer({
  modes: {
    content: [Comment, CData, DocType, ProcInstr, CloseOpen, OpenStart, Text],
    tag: [Ws, SelfClose, TagEnd, Equals, AttrValue, AttrName],
  },
  defaultMode: 'content',
}, { positionTracking: 'onlyOffset', ensureOptimizations: false });

export const MAX_XML_DEPTH = 64;

class XmlParser extends EmbeddedActionsParser {
  depth = 0;
  constructor() {
    super([Comment, CData, DocType, ProcInstr, CloseOpen, OpenStart, Text, TagEnd, SelfClose, AttrName, Equals, AttrValue, Ws], { recoveryEnabled: false });
    this.performSelfAnalysis();
  }

  document = this.RULE('document', (): XmlElement | null => {
    let root: XmlElement | null = null;
    this.MANY(() => {
      this.OR([
        { ALT: () => { this.CONSUME(Text); } },
        { ALT: () => { const el = this.SUBRULE(this.element); if (!root) root = el; } },
      ]);
    });
    return root;
  });

  element = this.RULE('element', (): XmlElement => {
    const open = this.CONSUME(OpenStart);
    const el: XmlElement = { name: open.image.slice(1), attrs: {}, children: [], text: '' };
    this.ACTION(() => {
      if (++this.depth > MAX_XML_DEPTH) throw new XmlDepthError();
    });
    this.MANY(() => {
      const name = this.CONSUME(AttrName).image;
      this.OPTION(() => {
        this.CONSUME(Equals);
        const v = this.CONSUME(AttrValue).image;
        this.ACTION(() => { el.attrs[localName(name)] = decodeEntities(v.slice(1, -1)); });
      });
    });
    this.OR([
      { ALT: () => { this.CONSUME(SelfClose); } },
      {
        ALT: () => {
          this.CONSUME(TagEnd);
          this.MANY2(() => {
            this.OR2([
              { ALT: () => { const t = this.CONSUME2(Text); this.ACTION(() => { el.text += decodeEntities(t.image); }); } },
              { ALT: () => { const c = this.CONSUME(CData); this.ACTION(() => { el.text += c.image.slice(9, -3); }); } },
              { ALT: () => { const child = this.SUBRULE2(this.element); this.ACTION(() => el.children.push(child)); } },
            ]);
          });
          this.CONSUME(CloseOpen);
        },
      },
    ]);
    this.ACTION(() => { this.depth--; el.name = localName(el.name); el.text = el.text.trim(); });
    return el;
  });
}

export class XmlDepthError extends Error {
  constructor() { super(`XML nested deeper than ${MAX_XML_DEPTH} levels`); }
}

let parser: XmlParser | null = null; // chevrotain parsers are built once and reused

function localName(name: string): string {
  const i = name.indexOf(':');
  return i >= 0 && !name.startsWith('xmlns') ? name.slice(i + 1) : name;
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five predefined entities and character references; anything else stays literal. */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|\w+);/g, (all, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return PREDEFINED[ref] ?? all;
  });
}

export interface XmlResult { root: XmlElement | null; error: string | null; doctype: boolean }

export function parseXml(text: string): XmlResult {
  lexer ??= newLexer();
  const lexed = lexer.tokenize(text);
  const doctype = (lexed.groups['doctype'] as IToken[] | undefined)?.length ? true : false;
  parser ??= new XmlParser();
  parser.depth = 0;
  parser.input = lexed.tokens;
  try {
    const root = parser.document();
    const err = lexed.errors[0]?.message ?? parser.errors[0]?.message ?? null;
    return { root, error: err ? err.split('\n')[0]! : null, doctype };
  } catch (e) {
    return { root: null, error: (e as Error).message, doctype };
  }
}

/** First descendant (depth-first) with the given local name. */
export function find(el: XmlElement | null, name: string): XmlElement | null {
  if (!el) return null;
  if (el.name === name) return el;
  for (const c of el.children) { const f = find(c, name); if (f) return f; }
  return null;
}

export function findAll(el: XmlElement | null, name: string, out: XmlElement[] = []): XmlElement[] {
  if (!el) return out;
  if (el.name === name) out.push(el);
  for (const c of el.children) findAll(c, name, out);
  return out;
}

export const samples = [
  { text: '<a x="1"><b>t &amp; u</b><c/></a>', expect: { root: 'a', attr: { x: '1' }, childText: 't & u' } },
  { text: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]><x>&e;</x>', expect: { root: 'x', doctype: true, text: '&e;' } },
];
