// A tiny recording DOM for node tests: enough for the search page and renderer, and it refuses innerHTML.
// A real browser test (Chromium) is separate.

export class FakeNode {
  constructor(doc) {
    this.ownerDocument = doc;
    this.parentNode = null;
    this.childNodes = [];
  }

  get firstChild() { return this.childNodes[0] ?? null; }

  get nextSibling() {
    if (!this.parentNode) return null;
    const s = this.parentNode.childNodes;
    return s[s.indexOf(this) + 1] ?? null;
  }

  appendChild(n) { return this.insertBefore(n, null); }

  insertBefore(n, ref) {
    if (n instanceof FakeFragment) {
      // a fragment's children move in, in order, and leave it empty (as the DOM does)
      for (const c of [...n.childNodes]) this.insertBefore(c, ref);
      return n;
    }
    if (n.parentNode) n.parentNode.removeChild(n);
    const i = ref ? this.childNodes.indexOf(ref) : -1;
    if (i < 0) this.childNodes.push(n);
    else this.childNodes.splice(i, 0, n);
    n.parentNode = this;
    this.ownerDocument.log.push(['append', this.tagName ?? '#', n.tagName ?? '#text']);
    return n;
  }

  removeChild(n) {
    this.childNodes.splice(this.childNodes.indexOf(n), 1);
    n.parentNode = null;
    return n;
  }

  remove() { this.parentNode?.removeChild(this); }

  replaceWith(n) {
    const parent = this.parentNode;
    if (!parent) return;
    parent.insertBefore(n, this);
    parent.removeChild(this);
  }

  replaceChildren(...nodes) {
    for (const c of [...this.childNodes]) this.removeChild(c);
    nodes.forEach((n) => this.appendChild(n));
  }

  get textContent() { return this.childNodes.map((c) => c.textContent).join(''); }

  set textContent(v) {
    this.ownerDocument.log.push(['textContent', this.tagName ?? '#text', String(v)]);
    this.replaceChildren();
    if (v !== '') this.appendChild(new FakeText(this.ownerDocument, String(v)));
  }
}

export class FakeText extends FakeNode {
  constructor(doc, text) {
    super(doc);
    this.data = text;
  }

  get textContent() { return this.data; }

  set textContent(v) { this.data = String(v); }
}

/** A DocumentFragment: its children move into the node it is inserted in. */
export class FakeFragment extends FakeNode {
  get children() { return this.childNodes.filter((c) => c instanceof FakeElement); }
}

export class FakeElement extends FakeNode {
  constructor(doc, tag) {
    super(doc);
    this.tagName = tag.toUpperCase();
    this.attributes = new Map();
    this.listeners = new Map();
    this.value = '';
    this.checked = false;
  }

  setAttribute(k, v) {
    this.ownerDocument.log.push(['setAttribute', this.tagName, k, String(v)]);
    this.attributes.set(k, String(v));
    if (k === 'checked') this.checked = true;
  }

  getAttribute(k) { return this.attributes.has(k) ? this.attributes.get(k) : null; }

  hasAttribute(k) { return this.attributes.has(k); }

  removeAttribute(k) { this.attributes.delete(k); }

  get hidden() { return this.attributes.has('hidden'); }

  set hidden(v) { if (v) this.attributes.set('hidden', ''); else this.attributes.delete('hidden'); }

  set innerHTML(v) { throw new Error(`innerHTML used on <${this.tagName.toLowerCase()}>: ${v}`); }

  get innerHTML() { throw new Error('innerHTML read'); }

  get children() { return this.childNodes.filter((c) => c instanceof FakeElement); }

  addEventListener(type, fn) {
    if (!this.listeners.has(type)) this.listeners.set(type, []);
    this.listeners.get(type).push(fn);
  }

  dispatch(type, props = {}) {
    const ev = { type, target: this, defaultPrevented: false, preventDefault() { this.defaultPrevented = true; }, ...props };
    for (let n = this; n; n = n.parentNode) {
      for (const fn of n.listeners?.get(type) ?? []) fn(ev);
    }
    return ev;
  }

  focus() { this.ownerDocument.activeElement = this; this.dispatch('focus'); }

  matches(selector) {
    return selector.split(',').some((one) => matchOne(this, one.trim()));
  }

  closest(selector) {
    for (let n = this; n instanceof FakeElement; n = n.parentNode) if (n.matches(selector)) return n;
    return null;
  }

  querySelectorAll(selector) {
    const out = [];
    const walk = (n) => {
      for (const c of n.children) {
        if (c.matches(selector)) out.push(c);
        walk(c);
      }
    };
    walk(this);
    return out;
  }

  querySelector(selector) { return this.querySelectorAll(selector)[0] ?? null; }
}

function matchOne(el, sel) {
  const m = /^([a-z0-9]*)((?:\[[^\]]+\]|\.[\w-]+)*)$/i.exec(sel);
  if (!m) throw new Error(`fake DOM: unsupported selector ${sel}`);
  if (m[1] && el.tagName !== m[1].toUpperCase()) return false;
  const parts = m[2].match(/\[[^\]]+\]|\.[\w-]+/g) ?? [];
  return parts.every((p) => {
    if (p.startsWith('.')) return (el.getAttribute('class') ?? '').split(/\s+/).includes(p.slice(1));
    const a = /^\[([\w-]+)(?:="((?:[^"\\]|\\.)*)")?\]$/.exec(p);
    if (!a) throw new Error(`fake DOM: unsupported selector ${p}`);
    if (!el.hasAttribute(a[1])) return false;
    return a[2] === undefined || el.getAttribute(a[1]) === a[2].replace(/\\(.)/g, '$1');
  });
}

export class FakeDocument {
  constructor() {
    this.log = [];
    this.documentElement = new FakeElement(this, 'html');
    this.body = new FakeElement(this, 'body');
    this.documentElement.appendChild(this.body);
    this.activeElement = null;
  }

  createElement(tag) {
    this.log.push(['createElement', tag]);
    return new FakeElement(this, tag);
  }

  createDocumentFragment() { return new FakeFragment(this); }

  createTextNode(text) {
    this.log.push(['createTextNode', text]);
    return new FakeText(this, text);
  }

  querySelector(s) { return this.documentElement.querySelector(s); }

  querySelectorAll(s) { return this.documentElement.querySelectorAll(s); }
}

/** A window with location + history over a fake URL. */
export class FakeWindow {
  constructor(url) {
    this.url = new URL(url);
    this.listeners = new Map();
    this.stack = [this.url.href];
    this.history = {
      pushState: (_s, _t, u) => { this.url = new URL(u, this.url); this.stack.push(this.url.href); },
      replaceState: (_s, _t, u) => { this.url = new URL(u, this.url); this.stack[this.stack.length - 1] = this.url.href; },
      back: () => {
        this.stack.pop();
        this.url = new URL(this.stack[this.stack.length - 1]);
        for (const fn of this.listeners.get('popstate') ?? []) fn({ type: 'popstate' });
      },
    };
  }

  get location() {
    return { pathname: this.url.pathname, search: this.url.search, hash: this.url.hash, href: this.url.href };
  }

  addEventListener(type, fn) {
    if (!this.listeners.has(type)) this.listeners.set(type, []);
    this.listeners.get(type).push(fn);
  }
}

/** Builds the search page fragment of SEARCH-FORMAT.md in a fake document. */
export function searchPage(doc, { manifest, lang, otherManifest, otherLang }) {
  const el = (tag, attrs = {}, parent = doc.body) => {
    const e = doc.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    parent.appendChild(e);
    return e;
  };
  doc.documentElement.setAttribute('lang', lang);
  const root = el('div', {
    class: 'search', 'data-search-manifest': manifest, 'data-search-lang': lang,
    ...(otherManifest ? { 'data-search-other-manifest': otherManifest, 'data-search-other-lang': otherLang } : {}),
  });
  const form = el('form', { class: 'search-form', role: 'search', action: '', method: 'get' }, root);
  el('input', { id: 'search-q', name: 'q', type: 'search' }, form);
  el('button', { type: 'submit' }, form);
  el('p', { class: 'search-status', role: 'status', 'aria-live': 'polite' }, root);
  el('ol', { class: 'search-results' }, root);
  doc.log.length = 0;
  return root;
}
