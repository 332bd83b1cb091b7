// The phone page of a rating round. Served inline by lardesk (no external scripts); its data comes from the
// JSON block #round-data. The contract it speaks is in the README ("Rating from phones").
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("round-data").textContent);
  var t = data.strings;
  var key = "lardesk:" + data.base;
  var el = function (id) { return document.getElementById(id); };
  var status = el("status");

  function fmt(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, name) { return name in values ? values[name] : all; });
  }
  function load() {
    try { return JSON.parse(window.sessionStorage.getItem(key) || "null"); } catch (e) { return null; }
  }
  function save(state) {
    try { window.sessionStorage.setItem(key, JSON.stringify(state)); } catch (e) { /* private mode: kept in memory */ }
  }
  function forget() {
    try { window.sessionStorage.removeItem(key); } catch (e) { /* nothing kept */ }
  }
  function say(text, kind) {
    status.textContent = text;
    status.className = kind || "";
  }
  function post(path, body) {
    return window.fetch(data.base + path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      credentials: "omit",
      cache: "no-store"
    });
  }
  function trouble(response) {
    if (response === null) { say(t.offline, "problem"); return; }
    if (response.status === 404) { say(t.closed, "problem"); return; }
    if (response.status === 429) { say(t.too_many, "problem"); return; }
    say(fmt(t.error, { status: response.status }), "problem");
  }

  var state = load() || {};

  // -- taking a seat ---------------------------------------------------------------------------------
  function showStart() {
    el("answer").hidden = true;
    el("start").hidden = false;
    el("intro").textContent = data.open ? t.intro_open : t.intro_anonymous;
    el("begin").textContent = t.begin;
    if (data.open) {
      el("who").hidden = false;
      el("who-legend").textContent = t.who;
      var names = el("names");
      names.textContent = "";
      data.choices.forEach(function (choice, index) {
        var box = document.createElement("div");
        var input = document.createElement("input");
        input.type = "radio"; input.name = "who"; input.id = "who-" + index; input.value = choice.key;
        var label = document.createElement("label");
        label.htmlFor = input.id; label.textContent = choice.name;
        box.appendChild(input); box.appendChild(label); names.appendChild(box);
      });
      if (!data.choices.length) { say(t.full, "problem"); el("begin").disabled = true; }
    }
  }

  el("begin").addEventListener("click", function () {
    var body = {};
    var chosenName = "";
    if (data.open) {
      var chosen = document.querySelector("input[name=who]:checked");
      if (!chosen) {
        say(t.choose_name, "problem");
        var first = document.querySelector("input[name=who]");
        if (first) { first.focus(); }
        return;
      }
      body.participant = chosen.value;
      chosenName = chosen.labels[0].textContent;
    }
    el("begin").disabled = true;
    say(t.wait);
    post("seat", body).then(function (response) {
      if (response.ok) {
        return response.json().then(function (seat) {
          state = { seat: seat.seat, scales: seat.scales, answer: {}, sent: false, name: chosenName };
          save(state);
          say("");
          showForm();
        });
      }
      el("begin").disabled = false;
      if (response.status === 409) {
        say(data.open ? t.taken : t.full, "problem");
        var gone = document.querySelector("input[name=who]:checked");
        if (gone && gone.parentNode) { gone.parentNode.parentNode.removeChild(gone.parentNode); }
        return undefined;
      }
      trouble(response);
      return undefined;
    }, function () { el("begin").disabled = false; trouble(null); });
  });

  // -- the answer ------------------------------------------------------------------------------------
  function showForm() {
    el("start").hidden = true;
    el("answer").hidden = false;
    el("ends").textContent = fmt(t.ends, { low: data.low, high: data.high });
    if (state.name) {
      el("as").hidden = false;
      el("as").textContent = fmt(t.answering_as, { name: state.name });
    }
    var holder = el("scales");
    holder.textContent = "";
    state.scales.forEach(function (scale) {
      var set = document.createElement("fieldset");
      set.className = "scale";
      set.id = "scale-" + scale.scale;
      var legend = document.createElement("legend");
      var number = document.createElement("span");
      number.className = "num"; number.textContent = String(scale.scale);
      legend.appendChild(number);
      legend.appendChild(document.createTextNode(scale.label));
      set.appendChild(legend);
      var question = document.createElement("p");
      question.className = "question"; question.id = "q-" + scale.scale; question.textContent = scale.question;
      set.appendChild(question);
      set.setAttribute("aria-describedby", question.id);
      var values = document.createElement("div");
      values.className = "values";
      for (var v = 1; v <= 10; v += 1) {
        values.appendChild(choice(scale.scale, String(v), String(v), v === 1 ? data.low : v === 10 ? data.high : ""));
      }
      set.appendChild(values);
      var abstain = choice(scale.scale, "abstain", t.abstain, "");
      abstain.className += " abstain";
      set.appendChild(abstain);
      holder.appendChild(set);
    });
    el("send").textContent = state.sent ? t.send_again : t.send;
  }

  function choice(scale, value, text, hint) {
    var box = document.createElement("div");
    box.className = "choice";
    var input = document.createElement("input");
    input.type = "radio"; input.name = "s" + scale; input.value = value; input.id = "s" + scale + "-" + value;
    var stored = state.answer[String(scale)];
    input.checked = stored !== undefined && (stored === null ? value === "abstain" : String(stored) === value);
    input.addEventListener("change", function () {
      state.answer[String(scale)] = value === "abstain" ? null : Number(value);
      save(state);
      var set = el("scale-" + scale);
      if (set) { set.classList.remove("missing"); }
    });
    var label = document.createElement("label");
    label.htmlFor = input.id;
    label.textContent = text;
    if (hint) {
      var more = document.createElement("span");
      more.className = "sr"; more.textContent = " – " + hint;
      label.appendChild(more);
    }
    box.appendChild(input); box.appendChild(label);
    return box;
  }

  el("answer").addEventListener("submit", function (event) {
    event.preventDefault();
    var missing = state.scales.filter(function (s) { return !(String(s.scale) in state.answer); });
    state.scales.forEach(function (s) {
      el("scale-" + s.scale).classList.toggle("missing", missing.indexOf(s) >= 0);
    });
    if (missing.length) {
      say(fmt(t.missing, { list: missing.map(function (s) { return s.scale; }).join(", ") }), "problem");
      document.getElementById("s" + missing[0].scale + "-1").focus();
      return;
    }
    el("send").disabled = true;
    say(t.sending);
    post("answer", { seat: state.seat, ratings: state.answer }).then(function (response) {
      el("send").disabled = false;
      if (response.ok) {
        state.sent = true;
        save(state);
        el("send").textContent = t.send_again;
        say(t.saved, "done");
        return;
      }
      if (response.status === 403 || response.status === 409) {  // 409: its participant was typed in meanwhile
        forget();
        state = {};
        say(t.seat_gone, "problem");
        return;
      }
      trouble(response);
    }, function () { el("send").disabled = false; trouble(null); });
  });

  if (state.seat && state.scales) { showForm(); } else { showStart(); }
}());
