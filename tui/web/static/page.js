// The participant's page and the room view: follow the meeting over one websocket.
// The server sends ready-made, escaped HTML per region; this script only puts it in place,
// counts the timer down between updates, sends what the person submits, and reconnects by
// itself (the code stays in the page's fragment, which browsers never send to a server).
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const view = document.body.dataset.view;
  const words = JSON.parse(document.body.dataset.words || "{}");
  const REGIONS = ["head", "status", "guide", "items", "form", "rules"];
  let code = null;
  let ws = null;
  let retry = 0;
  let admitted = false;
  let ended = false;
  let sig = null;
  let req = 0;
  const pending = new Map(); // request number -> text sent, until the server answers
  let editing = null; // the id of the own contribution being edited
  let deferredItems = null; // items that arrived while editing, shown after
  let deadline = null;
  let running = false;
  let frozen = 0;

  function codeFromHash() {
    const found = /(?:^#|&)code=([^&]*)/.exec(location.hash);
    return found ? decodeURIComponent(found[1]) : null;
  }

  function show(section) {
    for (const id of ["join", "meeting", "ended"]) $(id).hidden = id !== section;
  }

  function say(text) {
    $("message").textContent = text || "";
  }

  function connect() {
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    ws = new WebSocket(scheme + "//" + location.host + "/ws");
    ws.onopen = () => {
      ws.send(JSON.stringify({ t: "hello", code: code, view: view }));
    };
    ws.onmessage = (event) => receive(JSON.parse(event.data));
    ws.onclose = () => {
      ws = null;
      unconfirmed();
      if (ended) return;
      if (!admitted) {
        $("code-form").querySelector("button").disabled = false;
        return;
      }
      $("conn").hidden = false;
      $("conn").textContent = words.reconnecting;
      setTimeout(connect, Math.min(500 * 2 ** retry++, 5000));
    };
  }

  function send(message) {
    if (!ws || ws.readyState !== WebSocket.OPEN) {
      say(words.offline);
      return false;
    }
    ws.send(JSON.stringify(message));
    return true;
  }

  function receive(m) {
    if (m.t === "refused") {
      $("code-message").textContent = m.message;
      const button = $("code-form").querySelector("button");
      button.disabled = m.locked;
      $("code").disabled = m.locked;
      if (!m.locked) $("code").select();
      if (m.locked) ended = true;
    } else if (m.t === "admitted") {
      admitted = true;
      retry = 0;
      $("conn").hidden = true;
      history.replaceState(null, "", "#code=" + encodeURIComponent(code));
      show("meeting");
    } else if (m.t === "view") {
      render(m);
    } else if (m.t === "ack") {
      pending.delete(m.req);
      say(m.message || words.sent);
    } else if (m.t === "error") {
      refused(m.req, m.message);
    } else if (m.t === "ended") {
      ended = true;
      $("ended-title").textContent = m.title;
      $("ended-message").textContent = m.message;
      show("ended");
      if (ws) ws.close();
    }
  }

  function render(m) {
    for (const region of REGIONS) {
      const html = m.regions[region] || "";
      const element = $(region);
      if (region === "form") {
        if (m.sig !== sig || !m.sig) {
          sig = m.sig;
          if (element.innerHTML !== html) element.innerHTML = html;
        }
      } else if (region === "items" && editing !== null) {
        deferredItems = html;
      } else if (element.innerHTML !== html) {
        element.innerHTML = html;
      }
    }
    if (m.timer) {
      running = m.timer.running;
      frozen = m.timer.remaining;
      deadline = Date.now() + m.timer.remaining * 1000;
      $("timer").hidden = false;
    } else {
      deadline = null;
      $("timer").hidden = true;
    }
    tick();
  }

  function tick() {
    if (deadline === null) return;
    const left = running ? (deadline - Date.now()) / 1000 : frozen;
    const total = Math.round(Math.abs(left));
    const text = (left < 0 ? "-" : "") + Math.floor(total / 60) + ":" + String(total % 60).padStart(2, "0");
    const timer = $("timer");
    if (timer.textContent !== text) timer.textContent = text;
    timer.classList.toggle("over", left < 0);
    timer.classList.toggle("stopped", !running);
  }

  // -- sending -------------------------------------------------------------------------

  function textField(form) {
    return form.querySelector("[name=text]");
  }

  function submit(form) {
    const fields = {};
    for (const [name, value] of new FormData(form).entries()) fields[name] = value;
    const field = textField(form);
    const text = field ? field.value : "";
    if (field && field.required && !text.trim()) return;
    req += 1;
    if (!send({ t: "add", req: req, sig: form.dataset.sig, fields: fields })) return;
    pending.set(req, text);
    if (field) field.value = ""; // the next one starts empty, whatever the answer
    say(words.sending);
  }

  function refused(number, message) {
    const text = pending.get(number);
    pending.delete(number);
    putBack(text, message);
  }

  function putBack(text, message) {
    const form = $("capture");
    const field = form ? textField(form) : null;
    if (text && field && !field.value) {
      field.value = text; // kept, selected: typing replaces it, nothing is glued to it
      field.focus();
      field.select();
      say(message + " " + words.kept);
    } else if (text) {
      say(message + " " + words.notSent + " “" + text + "”");
    } else {
      say(message);
    }
  }

  function unconfirmed() {
    for (const text of pending.values()) putBack(text, words.unconfirmed);
    pending.clear();
  }

  document.addEventListener("submit", (event) => {
    event.preventDefault();
    const form = event.target;
    if (form.id === "code-form") {
      const typed = $("code").value.trim();
      if (!typed) return;
      code = typed;
      form.querySelector("button").disabled = true;
      $("code-message").textContent = words.checking;
      if (ws && ws.readyState === WebSocket.OPEN) {
        ws.send(JSON.stringify({ t: "hello", code: code, view: view }));
      } else {
        connect();
      }
    } else if (form.id === "capture") {
      submit(form);
    } else if (form.classList.contains("edit")) {
      const text = form.querySelector("textarea").value;
      req += 1;
      if (send({ t: "edit", req: req, id: form.dataset.id, text: text })) stopEditing();
    }
  });

  document.addEventListener("keydown", (event) => {
    const target = event.target;
    if (event.key !== "Enter" || event.shiftKey || event.isComposing) return;
    if (target.tagName === "TEXTAREA" && target.form) {
      event.preventDefault();
      target.form.requestSubmit();
    }
  });

  document.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!button) return;
    if (button.dataset.edit) {
      startEditing(button.dataset.edit);
    } else if (button.dataset.mark) {
      req += 1;
      send({ t: "mark", req: req, id: button.dataset.mark, mark: button.dataset.value || null });
    } else if (button.dataset.remove) {
      if (window.confirm(words.confirmRemove)) {
        req += 1;
        send({ t: "remove", req: req, id: button.dataset.remove });
      }
    } else if (button.classList.contains("cancel")) {
      stopEditing();
    }
  });

  function startEditing(id) {
    stopEditing();
    const row = document.querySelector("#items li[data-id='" + CSS.escape(id) + "']");
    if (!row) return;
    editing = id;
    const form = document.createElement("form");
    form.className = "edit";
    form.dataset.id = id;
    const area = document.createElement("textarea");
    area.value = row.dataset.text || "";
    area.maxLength = 2000;
    area.rows = 3;
    area.setAttribute("aria-label", words.edit);
    const save = document.createElement("button");
    save.type = "submit";
    save.textContent = words.save;
    const cancel = document.createElement("button");
    cancel.type = "button";
    cancel.className = "cancel";
    cancel.textContent = words.cancel;
    form.append(area, save, cancel);
    row.append(form);
    area.focus();
  }

  function stopEditing() {
    editing = null;
    if (deferredItems !== null) {
      $("items").innerHTML = deferredItems;
      deferredItems = null;
    } else {
      for (const form of document.querySelectorAll("#items form.edit")) form.remove();
    }
  }

  setInterval(tick, 250);
  code = codeFromHash();
  if (code) {
    $("code").value = code;
    $("code-message").textContent = words.checking;
    connect();
  } else {
    $("code").focus();
  }
})();
