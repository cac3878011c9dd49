/**
 * A failed assertion on DOM nodes must be reported, not hang its test file: the runner sends
 * results with structuredClone, which throws on a node (reportable-failures.ts says more).
 */
import { expect } from '@open-wc/testing';
import { reportable, reportableFailure } from '../src/reportable-failures.js';

type Err = Error & { actual?: unknown; expected?: unknown };
const sendable = (err: Err) => structuredClone({ message: err.message, actual: err.actual, expected: err.expected });

describe('reportable failures', () => {
  it('is registered on every test page, as a root afterEach', () => {
    const root = (window as unknown as { mocha: { suite: { _afterEach: { fn: { name: string } }[] } } }).mocha.suite;
    expect(root._afterEach.map((hook) => hook.fn.name)).to.include('reportableFailure');
  });

  it('turns a failure on shadow-root elements into one the runner can send', () => {
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<button part="retry" id="r">Try   again</button><p>other</p>';
    document.body.append(host);
    let err: Err | undefined;
    try {
      expect(root.querySelector('button')).to.equal(root.querySelector('p'));
    } catch (e) {
      err = e as Err;
    }
    host.remove();
    expect(err, 'the assertion failed').to.not.equal(undefined);
    expect(() => sendable(err!), 'the trap: a node cannot be sent').to.throw();
    reportableFailure.call({ currentTest: { err } });
    expect(() => sendable(err!)).to.not.throw();
    expect(err!.actual).to.equal('<button id="r" part="retry">Try again</button> (in the shadow root of <div>)');
    expect(err!.expected).to.equal('<p>other</p> (in the shadow root of <div>)');
  });

  it('describes nodes inside arrays and plain objects, and leaves sendable values as they are', () => {
    const el = document.createElement('span');
    el.textContent = 'x';
    expect(reportable([el, { at: el, n: 1 }])).to.deep.equal(['<span>x</span>', { at: '<span>x</span>', n: 1 }]);
    expect(reportable({ width: 24, name: 'a', list: [1, 2] })).to.deep.equal({ width: 24, name: 'a', list: [1, 2] });
    expect(reportable(new Map([[1, 2]]))).to.be.instanceOf(Map);
    expect(reportable(document.createTextNode('hello'))).to.equal('#text "hello"');
  });

  it('does nothing for a test that passed', () => {
    const test = { err: undefined };
    reportableFailure.call({ currentTest: test });
    expect(test.err).to.equal(undefined);
  });
});
