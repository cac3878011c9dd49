// A small rollup plugin that shrinks the static parts of Lit's css`` and html`` templates
// (terser keeps template text as written). It parses each module (rollup's own parser), so only
// real tagged templates are touched, and it only removes what cannot change the result:
// - css``: comments, whitespace runs (to one space), spaces around { } ; , and after :
//   (never before ":", which separates selectors such as "a :hover"; never around + or -, which
//   calc() needs); the ";" before "}"; the 0 of a number below 1 after ":", a space, "(" or ","
//   (0.75em → .75em; never after "-", "/", a letter or a digit, as in -0.5, a/0.5.png, 10.5);
// - html``: whitespace runs that hold a line break become one space (what the browser renders
//   anyway), except in templates with <pre> or <textarea>, where whitespace is content.
// Interpolations (${…}) are left exactly as they are.
import MagicString from 'magic-string';

const CSS_TAGS = new Set(['css']);
const HTML_TAGS = new Set(['html', 'svg']);

function tagName(tag) {
  if (tag.type === 'Identifier') return tag.name;
  // A namespace import or a renamed binding after bundling: lit.html, x.css
  if (tag.type === 'MemberExpression' && !tag.computed && tag.property.type === 'Identifier') return tag.property.name;
  return undefined;
}

export function minifyCss(text, { first, last }) {
  let out = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ');
  out = out.replace(/ ?([{};,]) ?/g, '$1').replace(/: /g, ':');
  out = out.replace(/;}/g, '}').replace(/([: (,])0\.(\d)/g, '$1.$2');
  if (first) out = out.replace(/^ /, '');
  if (last) out = out.replace(/ $/, '');
  return out;
}

export function minifyHtml(text) {
  return text.replace(/\s*\n\s*/g, ' ');
}

function walk(node, visit) {
  if (!node || typeof node.type !== 'string') return;
  visit(node);
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (Array.isArray(value)) for (const child of value) walk(child, visit);
    else if (value && typeof value.type === 'string') walk(value, visit);
  }
}

export default function minifyLiterals() {
  return {
    name: 'citopia-minify-literals',
    transform(code, id) {
      if (!/\.m?js$/.test(id) || !/\b(css|html|svg)\s*`/.test(code)) return null;
      const ast = this.parse(code);
      const s = new MagicString(code);
      let changed = false;
      walk(ast, (node) => {
        if (node.type !== 'TaggedTemplateExpression') return;
        const name = tagName(node.tag);
        const isCss = CSS_TAGS.has(name);
        const isHtml = HTML_TAGS.has(name);
        if (!isCss && !isHtml) return;
        const quasis = node.quasi.quasis;
        if (isHtml && quasis.some((q) => /<(pre|textarea)\b/i.test(q.value.raw))) return;
        quasis.forEach((q, i) => {
          const raw = q.value.raw;
          const next = isCss ? minifyCss(raw, { first: i === 0, last: i === quasis.length - 1 }) : minifyHtml(raw);
          if (next !== raw && q.end > q.start) {
            s.overwrite(q.start, q.end, next);
            changed = true;
          }
        });
      });
      if (!changed) return null;
      return { code: s.toString(), map: s.generateMap({ hires: true }) };
    },
  };
}
