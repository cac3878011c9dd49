// The CDN build's template minifier (scripts/rollup-minify-literals.mjs) removes only what cannot
// change how a browser reads the CSS or the HTML: each rule here, and what it must leave alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minifyCss, minifyHtml } from '../../scripts/rollup-minify-literals.mjs';

const css = (text) => minifyCss(text, { first: true, last: true });

test('css: comments and whitespace go, a space before ":" stays (it separates "a :hover")', () => {
  assert.equal(css('\n  /* why */\n  a :hover ,\n  b > c {\n    color : red ;\n  }\n'), 'a :hover,b > c{color :red}');
});

test('css: the ; before } goes', () => {
  assert.equal(css(':host { display: block; margin: 0; }'), ':host{display:block;margin:0}');
});

test('css: the 0 of a number below 1 goes after ":", a space, "(" or ","', () => {
  assert.equal(css('a { margin: 0.75em 0 0.5rem; transform: scale(0.9) translate(1px, 0.25px); opacity:0.4 }'), 'a{margin:.75em 0 .5rem;transform:scale(.9) translate(1px,.25px);opacity:.4}');
});

test('css: numbers that are not a lone leading 0 stay as written', () => {
  assert.equal(css('a { width: 10.5px; top: -0.5px; background: url(a/0.5.png); z-index: 0 }'), 'a{width:10.5px;top:-0.5px;background:url(a/0.5.png);z-index:0}');
});

test('css: calc() keeps the spaces around + and -', () => {
  assert.equal(css('a { width: calc(100% - 0.5rem + 2px) }'), 'a{width:calc(100% - .5rem + 2px)}');
});

test('html: whitespace runs with a line break become one space; others stay', () => {
  assert.equal(minifyHtml('<p>\n    Hello  <b>you</b>\n  </p>'), '<p> Hello  <b>you</b> </p>');
});
