// The draft editor: a plain <textarea> (native undo/redo survives every check) over a backdrop that paints the
// checked numbers and claims in colour. The text goes to Python 300 ms after the last keystroke; the check comes
// back as `marks`. A problem list above the editor scrolls to each problem; hover or tap shows the reason.
// Passage comments (notes.js) are painted on a layer above the marks and listed under the text.
const PAUSE_MS = 300;
const instances = new WeakMap();

function esc(s) {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// Marks of an older text moved onto the current one (unchanged prefix and suffix keep their marks).
function shifted(marks, old, cur) {
  if (old === cur) return marks;
  let p = 0;
  while (p < old.length && p < cur.length && old[p] === cur[p]) p++;
  let s = 0;
  while (s < old.length - p && s < cur.length - p && old[old.length - 1 - s] === cur[cur.length - 1 - s]) s++;
  const tail = old.length - s, delta = cur.length - old.length;
  return marks.filter((m) => m.end <= p || m.start >= tail)
    .map((m) => (m.start >= tail ? { ...m, start: m.start + delta, end: m.end + delta } : m));
}

function countText(text) {
  const chars = text.replace(/\s/g, "").length;
  const cjk = (text.match(/[\u3400-\u9fff\uf900-\ufaff]/g) || []).length;
  const words = (text.replace(/[\u3400-\u9fff\uf900-\ufaff]/g, " ").match(/[A-Za-z0-9][A-Za-z0-9.%'-]*/g) || []).length;
  return `字数 ${cjk + words} · 字符 ${chars}（不含空格）`;
}

function build(root, inst) {
  const ta = root.querySelector(".dr-text");
  const grow = () => { ta.style.height = "auto"; ta.style.height = ta.scrollHeight + 2 + "px"; };
  inst.grow = grow;
  ta.addEventListener("input", () => {
    grow();
    paint(inst);
    inst.stateEl.textContent = "正在输入…";
    clearTimeout(inst.timer);
    inst.timer = setTimeout(() => send(inst), PAUSE_MS);
  });
  ta.addEventListener("blur", () => { clearTimeout(inst.timer); send(inst); });
  ta.addEventListener("mousemove", (e) => hover(inst, e.clientX, e.clientY));
  ta.addEventListener("mouseleave", () => hideTip(inst));
  ta.addEventListener("click", () => caretTip(inst));
  ta.addEventListener("keyup", (e) => { if (e.key.startsWith("Arrow")) caretTip(inst); });
  window.addEventListener("resize", grow);
  setupSelection(inst);
}

function send(inst) {
  const text = inst.ta.value;
  if (text === inst.sentText) return;
  inst.sentText = text;
  inst.stateEl.textContent = "正在核对…";
  inst.setStateValue("doc", { text, revision: inst.revision });
}

function currentMarks(inst) {
  const d = inst.data;
  return shifted(d.marks || [], d.checked || "", inst.ta.value);
}

function paint(inst) {
  const text = inst.ta.value;
  const marks = currentMarks(inst).slice().sort((a, b) => a.start - b.start);
  let html = "", pos = 0;
  marks.forEach((m, i) => {
    if (m.start < pos || m.end > text.length) return;
    html += esc(text.slice(pos, m.start));
    html += `<mark class="k-${m.kind}" data-i="${i}" data-kind="${m.kind}" data-start="${m.start}" data-end="${m.end}"` +
      ` title="${esc(m.reason || "").replace(/"/g, "&quot;")}">${esc(text.slice(m.start, m.end))}</mark>`;
    pos = m.end;
  });
  html += esc(text.slice(pos)) + "\n";
  inst.backdrop.innerHTML = html;
  inst.shown = marks;
  inst.countEl.textContent = countText(text);
  paintNotes(inst, null);
}

function elementsAt(inst, x, y) {
  const host = inst.root.getRootNode();
  return (host.elementsFromPoint ? host : document).elementsFromPoint(x, y);
}

function markAt(inst, x, y) {
  return elementsAt(inst, x, y).find((el) => el.tagName === "MARK" && inst.backdrop.contains(el)) || null;
}

function showTip(inst, mark, extra) {
  const text = [mark ? mark.getAttribute("title") : "", extra || ""].filter(Boolean).join("\n");
  showTipText(inst, mark, text);
}

function showTipText(inst, anchorEl, text) {
  if (!anchorEl || !text) return hideTip(inst);
  const wrap = inst.root.querySelector(".dr-wrap");
  inst.tip.textContent = text;
  inst.tip.hidden = false;
  const top = anchorEl.offsetTop + anchorEl.offsetHeight + 4;
  inst.tip.style.top = top + "px";
  inst.tip.style.left = Math.max(0, Math.min(anchorEl.offsetLeft, wrap.clientWidth - inst.tip.offsetWidth)) + "px";
}

function hideTip(inst) { inst.tip.hidden = true; }

function hover(inst, x, y) {
  const mark = markAt(inst, x, y);
  const note = elementsAt(inst, x, y).find((el) => el.dataset && el.dataset.notes && inst.notesEl.contains(el));
  const ids = note ? note.dataset.notes.split(" ").filter(Boolean) : [];
  showTip(inst, mark || note || null, noteText(inst, ids));
}

function caretTip(inst) {
  const pos = inst.ta.selectionStart;
  const mark = [...inst.backdrop.querySelectorAll("mark")].find(
    (m) => +m.dataset.start <= pos && pos <= +m.dataset.end);
  const ids = notesAt(inst, pos);
  const note = ids.length ? [...inst.notesEl.querySelectorAll("span[data-notes]")].find(
    (s) => +s.dataset.start <= pos && pos <= +s.dataset.end) : null;
  showTip(inst, mark || note || null, noteText(inst, ids));
}

function jump(inst, start, end) {
  const ta = inst.ta;
  ta.focus({ preventScroll: true });
  ta.setSelectionRange(start, end);
  const mark = [...inst.backdrop.querySelectorAll("mark")].find((m) => +m.dataset.start === start);
  inst.backdrop.querySelectorAll("mark.dr-active").forEach((m) => m.classList.remove("dr-active"));
  if (mark) {
    mark.classList.add("dr-active");
    mark.scrollIntoView({ block: "center", behavior: "smooth" });
    showTip(inst, mark);
  }
}

function heading(box, text) {
  const title = document.createElement("div");
  title.className = "dr-title";
  title.textContent = text;
  box.appendChild(title);
}

function buttons(inst, box, list) {
  list.forEach((p) => {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "dr-problem";
    b.innerHTML = `<span class="dr-tag k-${p.kind}" style="background:${p.bg};color:${p.fg}">${esc(p.label)}</span>` +
      esc(p.text);
    if (p.mark == null) b.disabled = true;
    else b.addEventListener("click", () => {
      const m = currentMarks(inst).find((x) => x.id === p.mark);
      if (m) jump(inst, m.start, m.end);
    });
    box.appendChild(b);
  });
}

function problems(inst) {
  const all = inst.data.problems || [];
  const list = all.filter((p) => p.kind !== "unverified");
  const reads = all.filter((p) => p.kind === "unverified");  // 请核对: wordings to read, not problems
  const box = inst.root.querySelector(".dr-problems");
  box.innerHTML = "";
  box.hidden = inst.data.show_problems === false;
  if (!list.length) box.innerHTML = `<div class="dr-ok">${esc(inst.data.ok_text || "没有需要处理的问题")}</div>`;
  else heading(box, `需要处理的问题（${list.length}）：点击一条跳到正文中的位置`);
  buttons(inst, box, list);
  if (reads.length) heading(box, `请读一遍的新说法（${reads.length}，不算问题）：`);
  buttons(inst, box, reads);
}

export default function (component) {
  const { data, parentElement, setStateValue, setTriggerValue } = component;
  const root = parentElement.querySelector(".dr-editor");
  let inst = instances.get(root);
  if (!inst) {
    inst = { root, ta: root.querySelector(".dr-text"), backdrop: root.querySelector(".dr-backdrop"),
      tip: root.querySelector(".dr-tip"), countEl: root.querySelector(".dr-count"),
      stateEl: root.querySelector(".dr-state"), notesEl: root.querySelector(".dr-notes"),
      pop: root.querySelector(".dr-pop"), revision: null, sentText: null, data: {} };
    instances.set(root, inst);
    build(root, inst);
  }
  inst.setStateValue = setStateValue;
  inst.setTriggerValue = setTriggerValue;
  inst.data = data || {};
  if (inst.data.revision !== inst.revision) {
    inst.revision = inst.data.revision;
    inst.ta.value = inst.data.text || "";
    inst.sentText = inst.ta.value;
  }
  inst.ta.readOnly = !!inst.data.readonly;
  inst.stateEl.textContent = inst.ta.value === inst.data.checked ? (inst.data.status_text || "已核对") : "";
  problems(inst);
  paint(inst);
  listNotes(inst);
  inst.grow();
  if (inst.data.scroll && inst.data.scroll !== inst.scrolled) {
    inst.scrolled = inst.data.scroll;
    setTimeout(() => root.scrollIntoView({ block: "start", behavior: "smooth" }), 50);
  }
}
