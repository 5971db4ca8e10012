// wdta-quiz party: the phone page. Every text from the server (names, prompts, options)
// is set with textContent, never parsed as HTML. The token that lets this phone rejoin
// as the same player after a reload or a locked screen stays in localStorage.
"use strict";

const SHAPES = ["▲", "◆", "●", "■", "★", "✚"];
const LETTERS = "ABCDEF";
const TOKEN_KEY = "wdta-party-token";
let ws = null;
let me = null;        // {name, seat}
let asked = null;     // the open question message
let picked = [];      // order questions: option indices tapped so far
let retries = 0;
let deadline = null;
let timerId = null;
let removed = false;  // the host removed this player: never reconnect on our own

const $ = (id) => document.getElementById(id);

function show(view) {
  for (const section of document.querySelectorAll(".view")) {
    section.classList.toggle("shown", section.id === view);
  }
  if (view !== "question") stopTimer();
}

function say(text) { $("error").textContent = text || ""; }

function send(message) {
  if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
}

function connect() {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  ws = new WebSocket(`${scheme}//${location.host}/ws`);
  ws.addEventListener("open", () => {
    retries = 0;
    const token = localStorage.getItem(TOKEN_KEY);
    if (token) send({ type: "rejoin", token });
    else show("join");
  });
  ws.addEventListener("message", (event) => {
    let message;
    try { message = JSON.parse(event.data); } catch { return; }
    handle(message);
  });
  ws.addEventListener("close", () => {
    if (removed) return;
    if (me === null && !localStorage.getItem(TOKEN_KEY)) return;
    if (retries < 20) {
      retries += 1;
      setTimeout(connect, Math.min(500 * retries, 4000));
    } else {
      gone("Disconnected", "Lost the connection to the big screen.");
    }
  });
}

function gone(title, text, retry = true) {
  $("g-title").textContent = title;
  $("g-text").textContent = text;
  $("g-retry").style.display = retry ? "" : "none";
  show("gone");
}

// Points as the big screen writes them: 1,866.
function points(n) {
  return typeof n === "number" ? n.toLocaleString("en-US") : String(n);
}

// The header: the player's name, and their points and place once the game started.
function header(name, score, place) {
  if (name !== undefined) $("who").textContent = name;
  if (typeof score !== "number") return;
  $("score").textContent = place ? `${points(score)} pts · ${place}` : `${points(score)} pts`;
}

function handle(message) {
  switch (message.type) {
    case "welcome": return welcome(message);
    case "question": return ask(message);
    case "locked": say(""); return show("locked");
    case "refused": return say(message.reason);
    case "reveal": return reveal(message);
    case "paused": return show("paused");
    case "final": return final(message.result || {});
    case "kicked":
      // The token is kept: the server refuses it for good, so a reload or another
      // "try again" in this browser says this again instead of joining anew.
      removed = true; me = null;
      $("who").textContent = ""; $("score").textContent = "";
      return gone("Removed", message.reason || "The host removed you from this party", false);
    case "ended":
      localStorage.removeItem(TOKEN_KEY);
      return gone("The party is over", "Thanks for playing!");
    case "error":
      if (message.reason === "unknown player: join again") {
        localStorage.removeItem(TOKEN_KEY); me = null; show("join");
      }
      return say(message.reason);
    default: return undefined;
  }
}

function welcome(message) {
  me = { name: message.name, seat: message.seat };
  localStorage.setItem(TOKEN_KEY, message.token);
  header(message.name, message.score, message.place);
  say("");
  switch (message.stage) {
    case "lobby":
      $("lobby-count").textContent = `${message.players} joined so far`;
      return show("lobby");
    case "question": return ask(message.ask);
    case "locked": return show("locked");
    case "reveal": return reveal(message.reveal || {});
    case "paused": return show("paused");
    case "final": return final(message.result || {});
    default:  // joined during a game: in from the next question
      $("lobby-count").textContent = "You play from the next question.";
      return show("lobby");
  }
}

function ask(message) {
  asked = message;
  picked = [];
  say("");
  $("q-number").textContent = `Question ${message.number} of ${message.of} · ${message.category}`;
  $("q-prompt").textContent = message.prompt;
  const options = $("q-options");
  options.replaceChildren();
  $("q-typed").style.display = "none";
  $("q-order").style.display = "none";
  if (message.kind === "choice" || message.kind === "truefalse") {
    message.options.forEach((text, index) => options.append(optionButton(text, index)));
  } else if (message.kind === "order") {
    $("q-order").style.display = "block";
    message.options.forEach((text, index) => options.append(orderButton(text, index)));
    drawOrder();
  } else {
    typedField(message);
  }
  startTimer(message.seconds);
  show("question");
}

function optionButton(text, index) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = `option o${index % 6}`;
  const shape = document.createElement("span");
  shape.className = "shape";
  shape.textContent = `${SHAPES[index % 6]}${LETTERS[index] || ""}`;
  const label = document.createElement("span");
  label.textContent = text;
  button.append(shape, label);
  button.addEventListener("click", () => answer(index));
  return button;
}

function orderButton(text, index) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "order-item";
  button.dataset.index = String(index);
  button.textContent = text;
  button.addEventListener("click", () => {
    if (!picked.includes(index)) { picked.push(index); drawOrder(); }
  });
  return button;
}

function drawOrder() {
  const list = $("q-order-picked");
  list.replaceChildren();
  for (const index of picked) {
    const item = document.createElement("li");
    item.textContent = asked.options[index];
    list.append(item);
  }
  for (const button of document.querySelectorAll(".order-item")) {
    button.disabled = picked.includes(Number(button.dataset.index));
  }
  $("q-order-send").disabled = picked.length !== asked.options.length;
}

function typedField(message) {
  const form = $("q-typed");
  const input = $("q-input");
  form.style.display = "block";
  input.value = "";
  if (message.kind === "number") {
    input.type = "number";
    input.inputMode = "decimal";
    input.min = String(message.low);
    input.max = String(message.high);
    input.step = "any";
    const unit = message.unit ? ` ${message.unit}` : "";
    $("q-hint").textContent = `A number from ${message.low} to ${message.high}${unit}`;
  } else {
    input.type = "text";
    input.inputMode = "text";
    input.removeAttribute("min");
    input.removeAttribute("max");
    $("q-hint").textContent = "Type your answer (small typos are fine)";
  }
}

function answer(response) {
  if (!asked) return;
  send({ type: "answer", question: asked.question, response });
}

function startTimer(seconds) {
  stopTimer();
  if (typeof seconds !== "number") { $("q-timer").textContent = ""; return; }
  deadline = Date.now() + seconds * 1000;
  const draw = () => {
    const left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
    $("q-timer").textContent = `${left}s left`;
  };
  draw();
  timerId = setInterval(draw, 250);
}

function stopTimer() {
  if (timerId !== null) clearInterval(timerId);
  timerId = null;
}

function reveal(message) {
  const verdict = $("r-verdict");
  verdict.textContent = message.correct ? "Right!" : message.points > 0 ? "Close!" : "Not this time";
  verdict.className = message.correct ? "right" : "wrong";
  $("r-points").textContent = `+${points(message.points)}`;
  $("r-answer").textContent = message.answer;
  $("r-yours").textContent = message.yours;
  $("r-place").textContent = `You are ${message.place} with ${points(message.score)} points`;
  $("r-explanation").textContent = message.explanation || "";
  header(undefined, message.score, message.place);
  show("reveal");
}

function final(result) {
  $("f-place").textContent = result.place ? `You finished ${result.place}` : "Game over";
  $("f-score").textContent = result.score !== undefined ? `${points(result.score)} points` : "";
  $("f-players").textContent = result.players ? `out of ${result.players} players` : "";
  header(undefined, result.score, result.place);
  show("final");
}

function setUp() {
  const code = decodeURIComponent(location.hash.slice(1)).toUpperCase();
  if (code) {
    $("code").value = code;
    $("code").style.display = "none";
    $("code-label").style.display = "none";
  }
  $("join-form").addEventListener("submit", (event) => {
    event.preventDefault();
    send({ type: "join", code: $("code").value, name: $("name").value });
  });
  $("q-typed").addEventListener("submit", (event) => {
    event.preventDefault();
    const raw = $("q-input").value.trim();
    if (!raw) return say("Type an answer first");
    if (asked.kind === "number") {
      const value = Number(raw.replace(",", "."));
      if (!Number.isFinite(value)) return say("Type a number");
      return answer(value);
    }
    return answer(raw);
  });
  $("q-order-undo").addEventListener("click", () => { picked.pop(); drawOrder(); });
  $("q-order-send").addEventListener("click", () => answer(picked));
  $("g-retry").addEventListener("click", () => { retries = 0; connect(); });
  show("join");
  connect();
}

document.addEventListener("DOMContentLoaded", setUp);
