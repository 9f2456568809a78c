// Typed-but-uncommitted text of the page's own text boxes, sent 500 ms after the last keystroke (see
// __init__.py): each value typed since the last send. One listener per browser tab, on the page document;
// each render updates the keys and the sender.
const PAUSE_MS = 500;

function flush(live) {
  live.timer = null;
  live.seq += 1;
  const values = live.typed;
  live.typed = {};
  live.send("typed", { values, seq: live.seq });
}

function widgetKey(el) {
  const box = el.closest && el.closest('[class*="st-key-"]');
  if (!box) return null;
  const cls = [...box.classList].find((c) => c.startsWith("st-key-"));
  return cls ? cls.slice("st-key-".length) : null;
}

function onInput(live, event) {
  const el = event.target;
  if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) return;
  const key = widgetKey(el);
  if (!key || !live.keys.has(key)) return;
  live.typed[key] = el.value;
  clearTimeout(live.timer);
  live.timer = setTimeout(() => flush(live), PAUSE_MS);
}

export default function (component) {
  const { data, setStateValue } = component;
  const live = window.__drafterTyped || (window.__drafterTyped = { typed: {}, seq: 0, timer: null });
  live.keys = new Set((data && data.keys) || []);
  live.send = setStateValue;
  if (!live.listening) {
    live.listening = true;
    document.addEventListener("input", (event) => onInput(live, event), true);
  }
}
