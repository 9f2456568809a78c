// Passage comments (批注) in the editor: stored comments are painted on their span (a layer between the coloured
// marks and the textarea) and listed under the text; a comment whose quote is gone is listed as "原文已修改".
// Where comments are allowed, selecting text (mouse, keyboard or a long press on a phone) shows "添加批注" next
// to the selection; the comment goes to Python as the trigger "comment" {start, end, quote, comment}.
// Pending comments can be removed (trigger "drop" {id}). Loaded before editor.js (one module).

// The quote's span in `text`: at `start` if still there, else the nearest occurrence, else null.
function anchorNote(quote, start, text) {
  if (!quote) return null;
  if (text.slice(start, start + quote.length) === quote) return [start, start + quote.length];
  let best = null, pos = text.indexOf(quote);
  while (pos !== -1) {
    if (best === null || Math.abs(pos - start) < Math.abs(best - start)) best = pos;
    pos = text.indexOf(quote, pos + 1);
  }
  return best === null ? null : [best, best + quote.length];
}

function currentNotes(inst) {
  const text = inst.ta.value;
  return (inst.data.notes || []).map((n) => {
    const span = anchorNote(n.quote, n.start, text);
    return { ...n, stale: !span, start: span ? span[0] : n.start, end: span ? span[1] : n.end };
  });
}

// The notes layer: each stretch of text covered by comments (or by the reviewer's chosen fact) in one span, and
// an empty marker at `caret` to place the comment box next to the selection.
function paintNotes(inst, caret) {
  const text = inst.ta.value;
  const notes = currentNotes(inst).filter((n) => !n.stale);
  const focus = (inst.data.focus || []).filter((f) => f[1] <= text.length);
  const cuts = new Set([0, text.length]);
  notes.forEach((n) => { cuts.add(n.start); cuts.add(n.end); });
  focus.forEach((f) => { cuts.add(f[0]); cuts.add(f[1]); });
  if (caret != null) cuts.add(caret);
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  let html = "";
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i], b = points[i + 1];
    if (caret === a) html += '<span class="dr-caret"></span>';
    const ids = notes.filter((n) => n.start <= a && b <= n.end).map((n) => n.id);
    const focused = focus.some((f) => f[0] <= a && b <= f[1]);
    const piece = esc(text.slice(a, b));
    if (!ids.length && !focused) { html += piece; continue; }
    const cls = (ids.length ? "dr-note" : "") + (focused ? " dr-focus" : "");
    html += `<span class="${cls.trim()}" data-notes="${ids.join(" ")}" data-start="${a}" data-end="${b}">${piece}</span>`;
  }
  if (caret === text.length) html += '<span class="dr-caret"></span>';
  inst.notesEl.innerHTML = html + "\n";
  inst.notesNow = notes;
}

function noteText(inst, ids) {
  const byId = Object.fromEntries((inst.notesNow || []).map((n) => [n.id, n]));
  return ids.filter((id) => byId[id])
    .map((id) => `批注（${byId[id].who}）：${byId[id].comment}` + (byId[id].reply ? `\n${byId[id].reply}` : ""))
    .join("\n");
}

function notesAt(inst, pos) {
  return (inst.notesNow || []).filter((n) => n.start <= pos && pos <= n.end).map((n) => n.id);
}

function listNotes(inst) {
  const box = inst.root.querySelector(".dr-notes-list");
  const notes = currentNotes(inst);
  box.innerHTML = "";
  box.hidden = !notes.length;
  if (!notes.length) return;
  const title = document.createElement("div");
  title.className = "dr-title";
  title.textContent = `批注（${notes.length}）`;
  box.appendChild(title);
  notes.forEach((n) => {
    const row = document.createElement("div");
    row.className = "dr-note-item" + (n.stale ? " dr-stale" : "") + (n.pending ? " dr-pending" : "");
    row.dataset.id = n.id;
    const quote = document.createElement("button");
    quote.type = "button";
    quote.className = "dr-note-quote";
    quote.innerHTML = (n.stale ? '<span class="dr-stale-tag">原文已修改</span>' : "") +
      `<span class="dr-q">“${esc(n.quote.slice(0, 60))}${n.quote.length > 60 ? "…" : ""}”</span>`;
    if (n.stale) quote.disabled = true;
    else quote.addEventListener("click", () => jumpNote(inst, n));
    const body = document.createElement("div");
    body.className = "dr-note-body";
    body.textContent = `${n.comment}（${n.who}）`;
    row.append(quote, body);
    if (n.reply) {
      const reply = document.createElement("div");
      reply.className = "dr-note-reply";
      reply.textContent = n.reply;
      row.appendChild(reply);
    }
    if (n.pending) {
      const drop = document.createElement("button");
      drop.type = "button";
      drop.className = "dr-note-drop";
      drop.textContent = "移除";
      drop.addEventListener("click", () => inst.setTriggerValue("drop", { id: n.id }));
      row.appendChild(drop);
    }
    box.appendChild(row);
  });
}

function jumpNote(inst, n) {
  inst.ta.focus({ preventScroll: true });
  inst.ta.setSelectionRange(n.start, n.end);
  const span = inst.notesEl.querySelector(`span[data-start="${n.start}"]`);
  if (span) {
    span.scrollIntoView({ block: "center", behavior: "smooth" });
    showTipText(inst, span, noteText(inst, [n.id]));
  }
}

// Selecting text where comments are allowed: the box with "添加批注" appears under the selection.
function setupSelection(inst) {
  const check = () => {
    clearTimeout(inst.selTimer);
    inst.selTimer = setTimeout(() => selectionChanged(inst), 80);
  };
  ["select", "mouseup", "keyup", "touchend"].forEach((ev) => inst.ta.addEventListener(ev, check));
  // a phone's long press and its selection handles change the selection without a mouse or key event
  document.addEventListener("selectionchange", () => {
    if (inst.root.isConnected && inst.root.getRootNode().activeElement === inst.ta) check();
  });
  const pop = inst.pop;
  pop.querySelector(".dr-add").addEventListener("click", () => {
    pop.classList.add("dr-writing");
    pop.querySelector(".dr-note-text").focus();
  });
  pop.querySelector(".dr-note-cancel").addEventListener("click", () => closePop(inst));
  pop.querySelector(".dr-note-ok").addEventListener("click", () => {
    const comment = pop.querySelector(".dr-note-text").value.trim();
    if (!comment || !inst.selection) {
      pop.querySelector(".dr-note-text").focus();
      return;
    }
    inst.setTriggerValue("comment", { ...inst.selection, comment });
    closePop(inst);
  });
}

function selectionChanged(inst) {
  if (!inst.data.can_comment || inst.pop.classList.contains("dr-writing")) return;
  const ta = inst.ta, start = ta.selectionStart, end = ta.selectionEnd;
  const quote = ta.value.slice(start, end);
  if (end <= start || !quote.trim()) return closePop(inst);
  inst.selection = { start, end, quote };
  hideTip(inst);
  paintNotes(inst, end);
  const caret = inst.notesEl.querySelector(".dr-caret");
  const wrap = inst.root.querySelector(".dr-wrap");
  inst.pop.hidden = false;
  inst.pop.querySelector(".dr-quote").textContent = `“${quote.length > 30 ? quote.slice(0, 30) + "…" : quote}”`;
  const top = caret ? caret.offsetTop + caret.offsetHeight + 6 : 0;
  inst.pop.style.top = top + "px";
  const left = caret ? caret.offsetLeft : 0;
  inst.pop.style.left = Math.max(0, Math.min(left, wrap.clientWidth - inst.pop.offsetWidth)) + "px";
}

function closePop(inst) {
  inst.pop.hidden = true;
  inst.pop.classList.remove("dr-writing");
  inst.pop.querySelector(".dr-note-text").value = "";
  inst.selection = null;
}
