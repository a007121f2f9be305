// Agent console: the page where Northbeam support agents work the queues. Plain JavaScript with no
// build step; the page allows scripts from our own origin only, so everything lives in this file.
//
// Everything the server sends (customer text above all) is put on the page with textContent or as
// a DOM property, never as HTML.
(function () {
  'use strict';

  const LOGIN_URL = '/agent/login';
  const TICK_MS = 30000; // relative times and SLA countdowns
  const REFRESH_DEBOUNCE_MS = 250; // live events come in bursts; one refresh per burst
  const METRICS_INTERVAL_MS = 5000; // figures over every case cost more to compute than the lists
  const TOAST_MS = 2600;
  const SOON_MS = 15 * 60000; // a first response due this soon is shown as at risk
  const FILTERS_KEY = 'nb.agentConsole.filters';
  const ROW_TAGS = 4; // tags a work-list row shows before "+n"
  const MAX_ALERTS = 4; // escalation alerts on screen at once; the oldest goes first

  const STATUS_LABELS = {
    new: 'New',
    queued: 'Queued',
    assigned: 'Assigned',
    waitingOnCustomer: 'Waiting on customer',
    waitingOnThirdParty: 'Waiting on third party',
    resolved: 'Resolved',
    closed: 'Closed'
  };
  const LEVEL_LABELS = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' };
  const SLA_LABELS = { onTrack: 'On track', atRisk: 'At risk', breached: 'Breached', paused: 'Paused' };
  // Keys as the case API sends them; the metrics name the reasons in PascalCase (see handoffLabel).
  const HANDOFF_LABELS = {
    asked: 'Customer asked for a person',
    frustrated: 'Customer seemed frustrated',
    notUnderstood: 'The bot did not understand',
    notSolved: 'Articles did not solve it'
  };
  const CALLBACK_LABELS = { chat: 'Live chat', email: 'Email', phone: 'Phone' };
  const ROLE_LABELS = { agent: 'Agent', supervisor: 'Supervisor', admin: 'Admin' };
  const FILTER_TITLES = { open: 'Open cases', mine: 'My cases', escalated: 'Escalated cases', resolved: 'Resolved cases', all: 'All cases' };
  // Who is alerted when the live feed reports an escalation.
  const ALERTED_ROLES = new Set(['supervisor', 'admin']);
  const ACRONYMS = { vip: 'VIP', sla: 'SLA', api: 'API', sso: 'SSO', webchat: 'Web chat', sms: 'SMS' };
  const CLOSED = new Set(['resolved', 'closed']);
  const WAITING = new Set(['waitingOnCustomer', 'waitingOnThirdParty']);

  const state = {
    me: null,
    queues: [],
    team: [], // the roster with presence and load, from /api/agents
    teamLoaded: false,
    cases: [], // the work list in the server's order
    visible: [], // the work list after the text filter
    casesLoaded: false,
    dispositions: [],
    canned: [],
    queue: null, // queue filter, null for all
    status: 'open',
    text: '',
    cursorRef: null, // the row j/k have moved to
    openRef: null,
    openCase: null,
    lastRef: null, // the case that was open when the dashboard opened, to go back to
    dashboard: false, // the main pane shows the dashboard instead of cases
    mode: 'reply',
    drafts: new Map(), // reference -> { reply, note }; kept while the page is open
    fresh: new Map(), // reference -> time a case.created event arrived, to flash the row
    busy: false,
    tagging: false, // a tag change is on its way
    taking: false, // a take-next request is on its way
    leaving: false
  };

  const $ = (id) => document.getElementById(id);

  // ---------------------------------------------------------------------------------------------
  // Small helpers

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function humanize(code) {
    if (code === null || code === undefined || code === '') return '';
    if (ACRONYMS[String(code).toLowerCase()]) return ACRONYMS[String(code).toLowerCase()];
    const words = String(code)
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/[_\-.]+/g, ' ')
      .trim()
      .toLowerCase();
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  function formatNumber(value) {
    const n = Number(value);
    if (!Number.isFinite(n)) return '—';
    return Number.isInteger(n) ? String(n) : n.toFixed(1);
  }

  function percent(confidence) {
    const n = Number(confidence);
    if (!Number.isFinite(n)) return '';
    return Math.round(n <= 1 ? n * 100 : n) + '%';
  }

  function queueName(id) {
    const q = state.queues.find((x) => x.id === id);
    return q && q.name ? q.name : humanize(id);
  }

  function isMine(owner) {
    return !!(state.me && owner && owner === state.me.id);
  }

  function ownerText(owner) {
    if (!owner) return 'Unassigned';
    return isMine(owner) ? 'You' : owner;
  }

  // ---------------------------------------------------------------------------------------------
  // Time: relative on the page, absolute in the title

  const absoluteFormat = new Intl.DateTimeFormat('en-GB', {
    weekday: 'short', day: 'numeric', month: 'short', year: 'numeric',
    hour: '2-digit', minute: '2-digit', timeZoneName: 'short'
  });
  const clockFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
  const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

  function parseTime(value) {
    if (!value) return null;
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? null : d;
  }

  function duration(ms) {
    const minutes = Math.floor(Math.abs(ms) / 60000);
    if (minutes < 1) return '<1 min';
    if (minutes < 60) return minutes + ' min';
    const hours = Math.floor(minutes / 60);
    if (hours < 24) {
      const m = minutes % 60;
      return m ? hours + ' h ' + m + ' min' : hours + ' h';
    }
    const days = Math.floor(hours / 24);
    const h = hours % 24;
    return h && days < 7 ? days + ' d ' + h + ' h' : days + ' d';
  }

  function relative(date, now) {
    const diff = now - date.getTime();
    if (Math.abs(diff) < 45000) return 'just now';
    return diff > 0 ? duration(diff) + ' ago' : 'in ' + duration(diff);
  }

  // A <time> that tick() keeps current. mode: 'ago' ("12 min ago") or 'since' ("12 min").
  function timeEl(value, mode, className) {
    const t = el('time', className);
    const d = parseTime(value);
    if (!d) {
      t.textContent = '—';
      return t;
    }
    t.dateTime = d.toISOString();
    t.title = absoluteFormat.format(d);
    t.dataset.rel = mode || 'ago';
    renderTime(t, Date.now());
    return t;
  }

  function renderTime(t, now) {
    const d = parseTime(t.dateTime);
    if (!d) return;
    t.textContent = t.dataset.rel === 'since' ? duration(Math.max(0, now - d.getTime())) : relative(d, now);
  }

  // The first-response countdown: "due in 35 min", "overdue 5 min", "paused", "responded".
  function slaView(info, now) {
    if (CLOSED.has(info.caseStatus)) return { text: STATUS_LABELS[info.caseStatus].toLowerCase(), level: 'done' };
    const at = parseTime(info.at);
    if (at) return { text: 'responded', level: 'done', title: 'First response ' + absoluteFormat.format(at) };
    if (info.status === 'paused' || WAITING.has(info.caseStatus)) return { text: 'paused', level: 'paused', title: 'The SLA clock is paused while the case waits' };
    const due = parseTime(info.due);
    if (!due) return { text: 'no target', level: 'none' };
    const left = due.getTime() - now;
    const title = 'First response due ' + absoluteFormat.format(due);
    if (left < 0) return { text: 'overdue ' + duration(left), level: 'breached', title: title };
    const level = info.status === 'breached' ? 'breached'
      : (info.status === 'atRisk' || left <= SOON_MS) ? 'atRisk' : 'onTrack';
    return { text: left < 60000 ? 'due now' : 'due in ' + duration(left), level: level, title: title };
  }

  function slaChip(info) {
    const chip = el('span', 'sla-chip');
    chip.slaInfo = info;
    renderSla(chip, Date.now());
    return chip;
  }

  function renderSla(chip, now) {
    const view = slaView(chip.slaInfo, now);
    chip.textContent = view.text;
    chip.dataset.level = view.level;
    chip.title = view.title || '';
  }

  function tick() {
    const now = Date.now();
    document.querySelectorAll('time[data-rel]').forEach((t) => renderTime(t, now));
    document.querySelectorAll('.sla-chip').forEach((chip) => renderSla(chip, now));
    // Without live updates, keep the lists and figures from going stale.
    if (liveState !== 'live') {
      scheduleRefresh({ withCase: true });
      scheduleMetrics();
    } else {
      // Presence and load come as live events; this only catches anything the feed could not say.
      loadQueues();
      loadTeam();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Server calls

  class ApiError extends Error {
    constructor(message, status) {
      super(message);
      this.status = status;
    }
  }

  function goToLogin() {
    if (state.leaving) return;
    state.leaving = true;
    if (events) events.close();
    location.href = LOGIN_URL;
  }

  function sentToLogin(response) {
    // Cookie authentication may answer an expired session with a redirect to the login page.
    if (!response.redirected) return false;
    try {
      return new URL(response.url).pathname.toLowerCase().startsWith(LOGIN_URL);
    } catch (e) {
      return false;
    }
  }

  async function api(path, options) {
    const method = (options && options.method) || 'GET';
    const init = { method: method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
    if (method !== 'GET') {
      init.headers['Content-Type'] = 'application/json';
      init.headers['X-Helpdesk-Console'] = '1';
      if (options && options.body !== undefined) init.body = JSON.stringify(options.body);
    }

    let response;
    try {
      response = await fetch(path, init);
    } catch (e) {
      throw new ApiError('Cannot reach the server. Check your connection; the console keeps trying.', 0);
    }

    if (response.status === 401 || sentToLogin(response)) {
      goToLogin();
      throw new ApiError('Your session has ended.', 401);
    }
    if (!response.ok) {
      let message = 'The server answered ' + response.status + (response.statusText ? ' ' + response.statusText : '') + '.';
      try {
        const body = await response.json();
        if (body && typeof body.error === 'string' && body.error.trim()) message = body.error;
      } catch (e) { /* not JSON: keep the status line */ }
      throw new ApiError(message, response.status);
    }
    if (response.status === 204) return null;
    const text = await response.text();
    if (!text) return null;
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new ApiError('The server sent something the console cannot read.', response.status);
    }
  }

  function casePath(reference, action) {
    return '/api/cases/' + encodeURIComponent(reference) + (action ? '/' + action : '');
  }

  // ---------------------------------------------------------------------------------------------
  // Banners (errors, dismissible) and toasts (confirmations)

  function banner(message, kind) {
    if (state.leaving || !message) return;
    const host = $('banners');
    const existing = Array.from(host.children).find((b) => b.dataset.message === message);
    if (existing) {
      existing.classList.remove('is-repeat');
      void existing.offsetWidth; // restart the attention animation
      existing.classList.add('is-repeat');
      return;
    }
    while (host.children.length >= 3) host.firstElementChild.remove();

    const node = el('div', 'banner banner--' + (kind || 'error'));
    node.dataset.message = message;
    node.setAttribute('role', kind === 'info' ? 'status' : 'alert');
    node.append(el('span', 'banner__icon', kind === 'info' ? 'i' : '!'));
    node.append(el('span', 'banner__text', message));
    const close = el('button', 'banner__close');
    close.type = 'button';
    close.setAttribute('aria-label', 'Dismiss message');
    close.textContent = '×';
    close.addEventListener('click', () => node.remove());
    node.append(close);
    host.append(node);
  }

  function dismissBanners() {
    $('banners').replaceChildren();
  }

  let toastTimer = 0;
  function toast(message) {
    const node = $('toast');
    node.textContent = message;
    node.classList.add('is-shown');
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => node.classList.remove('is-shown'), TOAST_MS);
  }

  function reportError(error) {
    if (error && error.status === 401) return;
    banner(error && error.message ? error.message : 'Something went wrong.');
  }

  // ---------------------------------------------------------------------------------------------
  // Agent

  function renderMe() {
    const me = state.me;
    if (!me) return;
    $('agent-name').textContent = me.name || me.id;
    $('agent-role').textContent = ROLE_LABELS[me.role] || humanize(me.role);
    $('agent-role').dataset.role = me.role || '';
    const initials = String(me.name || me.id || '?').split(/\s+/).filter(Boolean).slice(0, 2).map((w) => w.charAt(0).toUpperCase()).join('');
    $('agent-avatar').textContent = initials;
    $('agent').title = (me.queues && me.queues.length ? 'Your queues: ' + me.queues.map(queueName).join(', ') : '');
  }

  // ---------------------------------------------------------------------------------------------
  // Queue overview

  let queuesToken = 0;

  async function loadQueues() {
    const token = ++queuesToken;
    try {
      const queues = await api('/api/queues');
      if (token !== queuesToken) return;
      state.queues = Array.isArray(queues) ? queues : [];
      if (state.queue && !state.queues.some((q) => q.id === state.queue)) {
        state.queue = null;
        saveFilters();
        loadCases();
      }
      renderQueues();
      renderMe();
    } catch (e) {
      if (token !== queuesToken) return;
      reportError(e);
      if (!state.queues.length) $('queue-list').replaceChildren(el('p', 'placeholder', 'Queues could not be loaded.'));
    }
  }

  function renderQueues() {
    const host = $('queue-list');
    const totals = { waiting: 0, atRisk: 0, assigned: 0, escalated: 0, oldestWaitingSince: null };
    let oldest = null;
    for (const q of state.queues) {
      totals.waiting += Number(q.waiting) || 0;
      totals.atRisk += Number(q.atRisk) || 0;
      totals.assigned += Number(q.assigned) || 0;
      totals.escalated += Number(q.escalated) || 0;
      const since = parseTime(q.oldestWaitingSince);
      if (since && (!oldest || since < oldest)) oldest = since;
    }
    totals.oldestWaitingSince = oldest ? oldest.toISOString() : null;
    // Across queues, from the roster: an agent in several queues counts once.
    if (state.teamLoaded) {
      const online = state.team.filter((a) => a.online);
      totals.agentsOnline = online.length;
      totals.capacity = online.reduce((sum, a) => sum + (Number(a.capacity) || 0), 0);
      totals.freeCapacity = online.reduce((sum, a) => sum + Math.max(0, (Number(a.capacity) || 0) - (Number(a.openCases) || 0)), 0);
    }

    const cards = [queueCard(null, 'All queues', totals)];
    for (const q of state.queues) cards.push(queueCard(q.id, q.name || humanize(q.id), q));
    if (!state.queues.length) cards.push(el('p', 'placeholder', 'No queues.'));

    const focusedQueue = document.activeElement && document.activeElement.classList.contains('queue')
      ? document.activeElement.dataset.queue : undefined;
    host.replaceChildren(...cards);
    if (focusedQueue !== undefined) {
      const again = Array.from(host.querySelectorAll('.queue')).find((b) => b.dataset.queue === focusedQueue);
      if (again) again.focus();
    }

    document.title = (totals.waiting ? '(' + totals.waiting + ') ' : '') + 'Agent console · Northbeam Support';
  }

  function queueCard(id, name, q) {
    const card = el('button', 'queue' + (id === null ? ' queue--all' : ''));
    card.type = 'button';
    card.dataset.queue = id === null ? '' : id;
    card.setAttribute('aria-pressed', String((state.queue || null) === id));
    if (id !== null && state.me && Array.isArray(state.me.queues) && !state.me.queues.includes(id)) {
      card.classList.add('queue--other');
      card.title = 'You are not a member of this queue';
    }

    const top = el('span', 'queue__top');
    top.append(el('span', 'queue__name', name));
    if (q.oldestWaitingSince) {
      const oldest = el('span', 'queue__oldest');
      oldest.append(clockIcon());
      oldest.append(el('span', 'visually-hidden', 'oldest waiting '));
      const t = timeEl(q.oldestWaitingSince, 'since');
      t.title = 'Oldest waiting case since ' + t.title;
      oldest.append(t);
      top.append(oldest);
    }
    card.append(top);

    const stats = el('span', 'queue__stats');
    stats.append(stat(q.waiting, 'waiting', 'stat--waiting'));
    stats.append(stat(q.atRisk, 'at risk', Number(q.atRisk) > 0 ? 'stat--risk' : 'stat--calm'));
    stats.append(stat(q.assigned, 'assigned', ''));
    card.append(stats);

    const escalated = Number(q.escalated) || 0;
    if (escalated > 0) {
      const line = el('span', 'queue__escalated', escalated + ' escalated');
      line.title = (escalated === 1 ? 'One open case is' : escalated + ' open cases are') + ' escalated to the supervisors';
      card.append(line);
      card.dataset.escalated = String(escalated);
    }

    const staff = staffLine(q);
    if (staff) {
      card.append(staff);
      card.dataset.staff = staff.dataset.staff;
    }

    card.addEventListener('click', () => {
      const next = id === null || state.queue === id ? null : id;
      if (next === state.queue && id !== null) return;
      state.queue = next;
      saveFilters();
      renderQueues();
      renderScope();
      loadCases();
    });
    return card;
  }

  // Who can take the queue's cases: "2 online · 3 free". Waiting cases with nobody online, or with
  // everyone online already at capacity, are marked: those cases wait until someone comes or finishes.
  function staffLine(q) {
    if (q.agentsOnline === undefined || q.agentsOnline === null) return null;
    const online = Number(q.agentsOnline) || 0;
    const free = Number(q.freeCapacity) || 0;
    const capacity = Number(q.capacity) || 0;
    const waiting = Number(q.waiting) || 0;
    const level = !online ? (waiting ? 'unstaffed' : 'idle') : !free ? (waiting ? 'full' : 'busy') : 'ok';

    const node = el('span', 'queue__staff');
    node.dataset.staff = level;
    const dot = el('span', 'queue__staff-dot');
    dot.setAttribute('aria-hidden', 'true');
    node.append(dot);
    node.append(el('span', 'queue__staff-text', online
      ? online + ' online · ' + (free ? free + ' free' : 'none free')
      : 'Nobody online'));

    const cases = waiting === 1 ? 'The waiting case' : 'The ' + waiting + ' waiting cases';
    const wait = waiting === 1 ? ' waits' : ' wait';
    node.title = !online
      ? 'No agent who serves this queue is online.' + (waiting ? ' ' + cases + wait + ' until one comes online.' : '')
      : plural(online, 'agent') + ' online ' + (online === 1 ? 'serves' : 'serve') + ' this queue; '
        + (free ? free + (free === 1 ? ' more case fits' : ' more cases fit') + ' within their capacity of ' + capacity + '.' : 'all of them are at capacity.')
        + (!free && waiting ? ' ' + cases + wait + ' until one of them finishes a case.' : '');
    return node;
  }

  function clockIcon() {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 16 16');
    svg.setAttribute('width', '11');
    svg.setAttribute('height', '11');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    svg.setAttribute('class', 'queue__clock');
    const circle = document.createElementNS(ns, 'circle');
    circle.setAttribute('cx', '8');
    circle.setAttribute('cy', '8');
    circle.setAttribute('r', '6.5');
    const hands = document.createElementNS(ns, 'path');
    hands.setAttribute('d', 'M8 4.5V8l2.5 1.5');
    svg.append(circle, hands);
    return svg;
  }

  function stat(value, label, className) {
    const node = el('span', 'stat ' + (className || ''));
    node.append(el('span', 'stat__num', formatNumber(Number(value) || 0)));
    node.append(el('span', 'stat__label', label));
    return node;
  }

  // ---------------------------------------------------------------------------------------------
  // Team: the roster, who is online (their console's live feed is open) and how loaded they are

  let teamToken = 0;

  async function loadTeam() {
    const token = ++teamToken;
    try {
      const agents = await api('/api/agents');
      if (token !== teamToken) return;
      state.team = Array.isArray(agents) ? agents : [];
      state.teamLoaded = true;
      renderTeam();
      renderMyLoad();
      if (state.queues.length) renderQueues(); // the "All queues" card counts the roster
    } catch (e) {
      if (token !== teamToken) return;
      reportError(e);
      if (!state.teamLoaded) $('team-list').replaceChildren(el('li', 'placeholder', 'The team could not be loaded.'));
    }
  }

  function renderTeam() {
    const list = $('team-list');
    const online = state.team.filter((a) => a.online).length;
    $('team-count').textContent = state.team.length ? online + ' of ' + state.team.length + ' online' : '';
    if (!state.team.length) {
      list.replaceChildren(el('li', 'placeholder', 'Nobody is on the roster.'));
      return;
    }
    // Online first, each group in roster order.
    const ordered = state.team.filter((a) => a.online).concat(state.team.filter((a) => !a.online));
    list.replaceChildren(...ordered.map(memberItem));
  }

  // open >= capacity is "full" (an agent can take no more); supervisors may go "over".
  function loadLevel(open, capacity) {
    if (capacity <= 0) return 'none';
    return open > capacity ? 'over' : open === capacity ? 'full' : 'ok';
  }

  function memberItem(a) {
    const open = Number(a.openCases) || 0;
    const capacity = Number(a.capacity) || 0;
    const li = el('li', 'member');
    li.dataset.agent = a.id;
    li.dataset.online = String(!!a.online);
    li.dataset.load = loadLevel(open, capacity);
    if (isMine(a.id)) li.classList.add('is-me');

    const top = el('div', 'member__top');
    const dot = el('span', 'member__dot');
    dot.setAttribute('aria-hidden', 'true');
    top.append(dot);
    const name = el('span', 'member__name', a.name || a.id);
    name.title = a.id;
    top.append(name);
    if (isMine(a.id)) top.append(el('span', 'member__you', '(you)'));
    top.append(el('span', 'visually-hidden', a.online ? ', online, ' : ', offline, '));
    const load = el('span', 'member__load', open + ' of ' + capacity);
    load.title = plural(open, 'open case') + '; capacity ' + capacity;
    top.append(load);
    li.append(top);

    const bar = el('meter', 'member__meter');
    bar.min = 0;
    bar.max = Math.max(1, capacity);
    bar.value = Math.min(open, bar.max);
    // "n of m" beside it says the same in words.
    bar.setAttribute('aria-hidden', 'true');
    li.append(bar);

    const queues = Array.isArray(a.queues) ? a.queues.map(queueName).join(' · ') : '';
    const role = a.role && a.role !== 'agent' ? ROLE_LABELS[a.role] || humanize(a.role) : '';
    if (queues || role) {
      const line = el('div', 'member__queues');
      if (role) line.append(el('span', 'member__role', role), document.createTextNode(' '));
      line.append(document.createTextNode(queues));
      line.title = (role ? role + '\n' : '') + 'Queues: ' + queues + (Array.isArray(a.skills) && a.skills.length ? '\nSkills: ' + a.skills.map(humanize).join(', ') : '');
      li.append(line);
    }
    li.title = (a.name || a.id) + (a.online ? ' is online' : ' is offline');
    return li;
  }

  // The signed-in agent's own load, beside "Take next".
  function renderMyLoad() {
    const node = $('my-load');
    if (!state.me || !state.teamLoaded) {
      node.textContent = '';
      return;
    }
    const me = state.team.find((a) => a.id === state.me.id);
    if (!me) {
      node.textContent = 'No capacity limit';
      node.title = 'You are not on the roster in routing.json, so no capacity applies to you.';
      node.dataset.load = 'none';
      return;
    }
    const open = Number(me.openCases) || 0;
    const capacity = Number(me.capacity) || 0;
    const level = loadLevel(open, capacity);
    const agent = (me.role || state.me.role) === 'agent';
    node.dataset.load = level;
    node.textContent = open + ' of ' + capacity + ' open' + (level === 'ok' || level === 'none' ? '' : level === 'over' ? ' · over capacity' : ' · at capacity');
    node.title = 'You own ' + plural(open, 'open case') + '; your capacity is ' + capacity + '.'
      + (level === 'ok' || level === 'none' ? '' : agent
        ? ' Resolve, hand back or transfer a case before you take another.'
        : ' As a ' + (ROLE_LABELS[me.role] || me.role).toLowerCase() + ' you may take more when you choose to.');
  }

  // ---------------------------------------------------------------------------------------------
  // Take next: the server picks the most urgent waiting case of the agent's queues and claims it

  async function takeNext() {
    if (state.taking) return;
    state.taking = true;
    // Not disabled, which would drop the keyboard focus: a second press waits for the first.
    const button = $('take-next');
    button.setAttribute('aria-disabled', 'true');
    try {
      const c = await api('/api/cases/next', { method: 'POST' });
      if (!c || !c.reference) throw new ApiError('The server sent an empty case.', 0);
      toast('Took ' + c.reference);
      openCase(c.reference);
      scheduleRefresh();
    } catch (e) {
      // Nothing waiting (404) and no room for more (409) are answers, not failures.
      if (e.status === 404 || e.status === 409) banner(e.message, 'info');
      else reportError(e);
      if (e.status === 409) loadTeam();
    } finally {
      state.taking = false;
      button.removeAttribute('aria-disabled');
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Work list

  let listToken = 0;

  async function loadCases() {
    const token = ++listToken;
    const params = new URLSearchParams();
    if (state.queue) params.set('queue', state.queue);
    params.set('status', state.status);
    $('case-list').setAttribute('aria-busy', 'true');
    try {
      const cases = await api('/api/cases?' + params.toString());
      if (token !== listToken) return;
      state.cases = Array.isArray(cases) ? cases : [];
      state.casesLoaded = true;
      renderCases();
    } catch (e) {
      if (token !== listToken) return;
      reportError(e);
      if (!state.casesLoaded) {
        const empty = $('case-list-empty');
        empty.textContent = 'Cases could not be loaded.';
        empty.hidden = false;
      }
    } finally {
      if (token === listToken) $('case-list').removeAttribute('aria-busy');
    }
  }

  function matches(c, needle) {
    const fields = [c.reference, c.problem, c.customerName, c.intent, humanize(c.intent), c.queue, queueName(c.queue), c.owner, c.priorityLevel, STATUS_LABELS[c.status]]
      .concat(Array.isArray(c.tags) ? c.tags : [], c.escalated ? ['escalated'] : []);
    return fields.some((f) => f && String(f).toLowerCase().includes(needle));
  }

  function renderScope() {
    $('worklist-title').textContent = FILTER_TITLES[state.status] || 'Cases';
    $('worklist-scope').textContent = state.queue ? 'in ' + queueName(state.queue) : '';
  }

  function renderCases() {
    renderScope();
    const needle = state.text.trim().toLowerCase();
    state.visible = needle ? state.cases.filter((c) => matches(c, needle)) : state.cases.slice();

    const list = $('case-list');
    const focusedRef = list.contains(document.activeElement) ? document.activeElement.dataset.ref : null;
    if (state.cursorRef && !state.visible.some((c) => c.reference === state.cursorRef)) state.cursorRef = null;

    const now = Date.now();
    for (const [ref, at] of state.fresh) if (now - at > 8000) state.fresh.delete(ref);

    list.replaceChildren(...state.visible.map(caseRow));
    updateRowMarks();
    if (focusedRef) {
      const row = rowFor(focusedRef);
      if (row) row.focus({ preventScroll: true });
    }

    const count = $('worklist-count');
    count.textContent = needle && state.visible.length !== state.cases.length
      ? state.visible.length + ' of ' + state.cases.length
      : String(state.cases.length);

    const empty = $('case-list-empty');
    if (state.visible.length) {
      empty.hidden = true;
    } else {
      empty.hidden = false;
      empty.textContent = needle ? 'No case matches “' + state.text.trim() + '”.'
        : state.status === 'mine' ? 'You have no cases here.'
          : state.status === 'open' ? 'No open cases' + (state.queue ? ' in ' + queueName(state.queue) : '') + '. Nice work.'
            : state.status === 'escalated' ? 'No open case is escalated' + (state.queue ? ' in ' + queueName(state.queue) : '') + '.'
              : 'No cases.';
    }
  }

  function caseRow(c) {
    const li = el('li', 'case-item');
    const row = el('a', 'case-row');
    row.href = '#case=' + encodeURIComponent(c.reference);
    row.dataset.ref = c.reference;
    row.tabIndex = -1;
    if (state.fresh.has(c.reference)) row.classList.add('is-fresh');

    const top = el('span', 'case-row__top');
    top.append(priorityBadge(c.priorityLevel, c.priorityScore, true));
    top.append(el('span', 'case-row__ref', c.reference));
    if (c.escalated) {
      top.append(escalatedFlag());
      row.classList.add('is-escalated');
    }
    if (WAITING.has(c.status) || CLOSED.has(c.status) || c.status === 'new') {
      const pill = el('span', 'pill pill--small', STATUS_LABELS[c.status] || humanize(c.status));
      pill.dataset.status = c.status;
      top.append(pill);
    }
    top.append(slaChip({ due: c.firstResponseDue, at: c.firstResponseAt, status: c.slaStatus, caseStatus: c.status }));
    row.append(top);

    const problem = el('span', 'case-row__problem', c.problem || '(no description)');
    if (c.problem) problem.title = c.problem;
    row.append(problem);

    const meta = el('span', 'case-row__meta');
    meta.append(el('span', 'case-row__customer' + (c.customerName ? '' : ' is-muted'), c.customerName || 'No name'));
    meta.append(el('span', 'case-row__queue', queueName(c.queue)));
    const owner = el('span', 'case-row__owner' + (c.owner ? (isMine(c.owner) ? ' is-mine' : '') : ' is-unassigned'), ownerText(c.owner));
    owner.title = c.owner ? 'Owner: ' + c.owner : 'Nobody owns this case yet';
    meta.append(owner);
    meta.append(timeEl(c.createdAt, 'ago', 'case-row__age'));
    row.append(meta);

    const tags = Array.isArray(c.tags) ? c.tags.filter(Boolean) : [];
    if (tags.length) {
      const line = el('span', 'case-row__tags');
      line.append(el('span', 'visually-hidden', 'Tags: '));
      tags.slice(0, ROW_TAGS).forEach((t) => line.append(el('span', 'row-tag', t)));
      if (tags.length > ROW_TAGS) {
        const more = el('span', 'row-tag row-tag--more', '+' + (tags.length - ROW_TAGS));
        more.setAttribute('aria-label', (tags.length - ROW_TAGS) + ' more');
        line.append(more);
      }
      line.title = 'Tags: ' + tags.join(', ');
      row.append(line);
    }

    row.addEventListener('click', () => {
      state.cursorRef = c.reference;
      updateRowMarks();
      // The same case again: the hash does not change, so refresh it here.
      if (c.reference === state.openRef) loadCase(c.reference, { quiet: true });
    });
    row.addEventListener('focus', () => {
      if (state.cursorRef !== c.reference) {
        state.cursorRef = c.reference;
        updateRowMarks();
      }
    });

    li.append(row);
    return li;
  }

  function rowFor(ref) {
    return Array.from($('case-list').querySelectorAll('.case-row')).find((r) => r.dataset.ref === ref) || null;
  }

  // The open row is marked aria-current; the cursor row is the one Tab lands on (roving tabindex).
  function updateRowMarks() {
    const rows = Array.from($('case-list').querySelectorAll('.case-row'));
    const tabRef = state.cursorRef || (rows.some((r) => r.dataset.ref === state.openRef) ? state.openRef : rows.length ? rows[0].dataset.ref : null);
    for (const row of rows) {
      const ref = row.dataset.ref;
      if (ref === state.openRef) row.setAttribute('aria-current', 'true');
      else row.removeAttribute('aria-current');
      row.classList.toggle('is-cursor', ref === state.cursorRef);
      row.tabIndex = ref === tabRef ? 0 : -1;
    }
  }

  function moveCursor(delta) {
    const rows = state.visible;
    if (!rows.length) return;
    let index = rows.findIndex((c) => c.reference === state.cursorRef);
    if (index < 0) index = rows.findIndex((c) => c.reference === state.openRef);
    index = index < 0 ? (delta > 0 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, index + delta));
    state.cursorRef = rows[index].reference;
    updateRowMarks();
    const row = rowFor(state.cursorRef);
    if (row) {
      row.focus({ preventScroll: true });
      row.scrollIntoView({ block: 'nearest' });
    }
  }

  function openCursor() {
    const ref = state.cursorRef || (state.visible[0] && state.visible[0].reference);
    if (ref) openCase(ref);
  }

  function openCase(ref) {
    state.cursorRef = ref;
    const hash = '#case=' + encodeURIComponent(ref);
    if (location.hash === hash) loadCase(ref, { quiet: true });
    else location.hash = hash;
  }

  // The mark of a case escalated to the supervisors in a work-list row: a red "!" where the row has
  // little room, with the word for screen readers and in the tooltip; the row also gets a red edge.
  function escalatedFlag() {
    const flag = el('span', 'esc-flag esc-flag--icon');
    flag.title = 'Escalated to the supervisors';
    const mark = el('span', null, '!');
    mark.setAttribute('aria-hidden', 'true');
    flag.append(mark, el('span', 'visually-hidden', 'Escalated'));
    return flag;
  }

  function priorityBadge(level, score, compact) {
    const badge = el('span', 'badge');
    badge.dataset.level = level || 'none';
    badge.textContent = LEVEL_LABELS[level] || humanize(level) || '—';
    const hasScore = score !== null && score !== undefined && Number.isFinite(Number(score));
    if (!compact && hasScore) badge.append(el('span', 'badge__score', formatNumber(score)));
    badge.title = 'Priority ' + (LEVEL_LABELS[level] || level || 'unknown') + (hasScore ? ', score ' + formatNumber(score) : '');
    return badge;
  }

  // ---------------------------------------------------------------------------------------------
  // The open case

  let caseToken = 0;

  function refFromHash() {
    const match = /^#case=(.+)$/.exec(location.hash);
    if (!match) return null;
    try {
      return decodeURIComponent(match[1]);
    } catch (e) {
      return null;
    }
  }

  function onHashChange() {
    if (location.hash === DASHBOARD_HASH) {
      showDashboard();
      return;
    }
    hideDashboard();
    const ref = refFromHash();
    if (ref) {
      if (ref !== state.openRef || !state.openCase) loadCase(ref);
    } else if (state.openRef) {
      closeCase();
    }
  }

  async function loadCase(ref, options) {
    const quiet = options && options.quiet;
    const token = ++caseToken;
    if (ref !== state.openRef) {
      saveDraft();
      state.openRef = ref;
      state.openCase = null;
      state.cursorRef = ref;
      closeInlineForms();
      showCaseShell(ref);
      updateRowMarks();
      renderViews();
    }
    $('case-loading').hidden = !!quiet;
    try {
      const c = await api(casePath(ref));
      if (token !== caseToken) return;
      if (!c || !c.reference) throw new ApiError('The server sent an empty case.', 0);
      showCase(c);
    } catch (e) {
      if (token !== caseToken) return;
      reportError(e);
      if (e.status === 404) {
        history.replaceState(null, '', location.pathname + location.search);
        closeCase();
      }
    } finally {
      if (token === caseToken) $('case-loading').hidden = true;
    }
  }

  function closeCase() {
    saveDraft();
    caseToken++;
    state.openRef = null;
    state.openCase = null;
    $('case').hidden = true;
    $('case-empty').hidden = false;
    updateRowMarks();
    renderViews();
  }

  // While the first load of a case runs: its reference and nothing stale from the previous case.
  function showCaseShell(ref) {
    $('case-empty').hidden = true;
    $('case').hidden = false;
    $('case-ref').textContent = ref;
    for (const id of ['case-priority', 'case-status', 'case-meta', 'case-problem', 'conversation-meta']) $(id).textContent = '';
    $('case-priority').hidden = true;
    $('case-status').hidden = true;
    $('case-escalation').hidden = true;
    $('case-escalation-box').hidden = true;
    $('case-tags').replaceChildren();
    $('tag-input').value = '';
    setTagError('');
    $('transcript').replaceChildren(el('li', 'placeholder', 'Loading the case…'));
    for (const id of ['customer', 'facts', 'sla', 'understanding', 'priority', 'routing', 'timeline']) $(id).replaceChildren();
    loadDraft();
    updateAbilities(null);
  }

  function showCase(c) {
    const switching = !state.openCase || state.openCase.reference !== c.reference;
    state.openCase = c;
    $('case-empty').hidden = true;
    $('case').hidden = false;
    renderHeader(c);
    renderTags(c);
    renderTranscript(c, switching);
    renderCustomer(c);
    renderFacts(c);
    renderSlaCard(c);
    renderUnderstanding(c);
    renderPriority(c);
    renderRouting(c);
    renderTimeline(c);
    fillTransferQueues(c);
    updateAbilities(c);
    updateComposer();
    if (switching) $('details').scrollTop = 0;
  }

  function renderHeader(c) {
    $('case-ref').textContent = c.reference;

    const priority = c.priority || {};
    const badge = $('case-priority');
    badge.hidden = false;
    badge.replaceWith(Object.assign(priorityBadge(priority.level, priority.score, false), { id: 'case-priority' }));

    const status = $('case-status');
    status.hidden = false;
    status.textContent = STATUS_LABELS[c.status] || humanize(c.status);
    status.dataset.status = c.status || '';

    const meta = $('case-meta');
    meta.replaceChildren();
    const item = (label, value, className) => {
      const span = el('span', 'meta-item ' + (className || ''));
      span.append(el('span', 'meta-item__label', label));
      if (value instanceof Node) span.append(value);
      else span.append(document.createTextNode(value));
      meta.append(span);
    };
    item('Queue', queueName(c.queue));
    item('Owner', c.owner ? (isMine(c.owner) ? 'You (' + c.owner + ')' : c.owner) : 'Unassigned', c.owner ? (isMine(c.owner) ? 'is-mine' : '') : 'is-unassigned');
    const sla = c.sla || {};
    item('First response', slaChip({ due: sla.firstResponseDue, at: sla.firstResponseAt, status: sla.status, caseStatus: c.status }));
    item('Opened', timeEl(c.createdAt, 'ago'));
    if (Number(c.reassignments) > 0) item('Transfers', String(c.reassignments));

    $('case-problem').textContent = c.problem || '';
    $('case-problem').title = c.problem || '';
    $('case-problem').hidden = !c.problem;

    renderEscalation(c);
  }

  // Escalated: a mark beside the status, and every reason raised in a box under the problem.
  function renderEscalation(c) {
    const escalation = Array.isArray(c.escalation) ? c.escalation.filter(Boolean) : [];
    const flag = $('case-escalation');
    flag.hidden = !escalation.length;
    flag.title = escalation.length ? 'Escalated to the supervisors: ' + escalation.join('; ') : '';

    const box = $('case-escalation-box');
    box.hidden = !escalation.length;
    box.classList.toggle('is-past', CLOSED.has(c.status));
    $('escalation-reasons').replaceChildren(...escalation.map((reason) => el('li', null, reason)));
    const last = lastEscalation(c);
    const when = $('escalation-when');
    when.replaceChildren();
    if (last && parseTime(last.at)) when.append(document.createTextNode('· '), timeEl(last.at, 'ago'));
  }

  function lastEscalation(c) {
    const entries = (Array.isArray(c.timeline) ? c.timeline : []).filter((e) => e.kind === 'escalated');
    return entries.length ? entries[entries.length - 1] : null;
  }

  // The reasons the newest escalation raised ("to supervisors: a; b"), else every reason on the case.
  function newestReasons(c) {
    const last = lastEscalation(c);
    const text = last && typeof last.text === 'string' ? last.text.replace(/^to supervisors:\s*/i, '') : '';
    const reasons = text ? text.split(/;\s*/).filter(Boolean) : [];
    return reasons.length ? reasons : (Array.isArray(c.escalation) ? c.escalation.filter(Boolean) : []);
  }

  // ---------------------------------------------------------------------------------------------
  // Tags: chips with a remove button each, and a field that adds one with Enter

  function renderTags(c) {
    const list = $('case-tags');
    const focused = list.contains(document.activeElement) ? document.activeElement.dataset.tag : null;
    const tags = Array.isArray(c.tags) ? c.tags.filter(Boolean) : [];
    list.replaceChildren(...tags.map(tagChip));
    if (!tags.length) list.append(el('li', 'chips__none', 'None'));
    if (focused) {
      const again = Array.from(list.querySelectorAll('.chip__remove')).find((b) => b.dataset.tag === focused);
      if (again) again.focus();
      else $('tag-input').focus();
    }

    // Suggest the tags other cases in the list carry.
    const known = new Set();
    for (const other of state.cases) (Array.isArray(other.tags) ? other.tags : []).forEach((t) => known.add(t));
    tags.forEach((t) => known.delete(t));
    $('tag-suggestions').replaceChildren(...Array.from(known).sort().map((t) => new Option(t)));
  }

  function tagChip(tag) {
    const li = el('li', 'chip');
    li.dataset.tag = tag;
    li.append(el('span', 'chip__text', tag));
    const remove = el('button', 'chip__remove', '×');
    remove.type = 'button';
    remove.dataset.tag = tag;
    remove.setAttribute('aria-label', 'Remove tag ' + tag);
    remove.title = 'Remove tag';
    remove.addEventListener('click', () => removeTag(tag));
    li.append(remove);
    return li;
  }

  function setTagError(message) {
    const node = $('tag-error');
    node.textContent = message || '';
    $('tag-input').setAttribute('aria-invalid', String(!!message));
  }

  // The server checks every tag (letters, digits and dashes, at most 40; at most 20 a case) and
  // says what is wrong; that answer is shown beside the field.
  async function changeTags(add, remove) {
    const c = state.openCase;
    if (!c || state.tagging) return false;
    const ref = c.reference;
    state.tagging = true;
    setTagError('');
    $('case-tags-row').setAttribute('aria-busy', 'true');
    try {
      const updated = await api(casePath(ref, 'tags'), { method: 'POST', body: { add: add, remove: remove } });
      if (state.openRef === ref) {
        if (updated && updated.reference === ref) showCase(updated);
        else loadCase(ref, { quiet: true });
      }
      toast((add.length ? 'Tagged ' + add.join(', ') : 'Removed tag ' + remove.join(', ')) + ' · ' + ref);
      scheduleRefresh();
      return true;
    } catch (e) {
      if ((e.status === 409 || e.status === 400) && state.openRef === ref) {
        setTagError(e.message);
        if (e.status === 409) loadCase(ref, { quiet: true });
      } else {
        reportError(e);
      }
      return false;
    } finally {
      state.tagging = false;
      $('case-tags-row').removeAttribute('aria-busy');
    }
  }

  async function addTags() {
    const input = $('tag-input');
    const tags = input.value.split(',').map((t) => t.trim()).filter(Boolean);
    if (!tags.length) {
      setTagError('Type a tag, then press Enter.');
      return;
    }
    if (await changeTags(tags, [])) input.value = '';
    input.focus();
  }

  async function removeTag(tag) {
    const buttons = Array.from($('case-tags').querySelectorAll('.chip__remove'));
    const index = buttons.findIndex((b) => b.dataset.tag === tag);
    if (!(await changeTags([], [tag]))) return;
    // The focus goes to the chip that took its place, else the field.
    const after = Array.from($('case-tags').querySelectorAll('.chip__remove'));
    const next = after[Math.min(Math.max(index, 0), after.length - 1)];
    (next || $('tag-input')).focus();
  }

  function roleName(role, c) {
    if (role === 'user') return (c.customer && c.customer.name) || 'Customer';
    if (role === 'bot') return 'Assistant';
    if (role === 'agent') return 'Agent';
    return humanize(role);
  }

  function isNoteEvent(entry) {
    return /note/i.test(String(entry.kind || ''));
  }

  function renderTranscript(c, switching) {
    const list = $('transcript');
    const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 60;

    // Internal notes live on the timeline; show them in the conversation too, where agents look.
    const items = [];
    (Array.isArray(c.transcript) ? c.transcript : []).forEach((m, i) => items.push({ kind: 'message', at: m.at, order: i, m: m }));
    (Array.isArray(c.timeline) ? c.timeline : []).filter(isNoteEvent).forEach((e, i) => items.push({ kind: 'note', at: e.at, order: 100000 + i, e: e }));
    items.sort((a, b) => {
      const ta = parseTime(a.at);
      const tb = parseTime(b.at);
      if (ta && tb && ta.getTime() !== tb.getTime()) return ta - tb;
      return a.order - b.order;
    });

    const nodes = items.map((item) => {
      if (item.kind === 'note') {
        const li = el('li', 'msg msg--note');
        const head = el('div', 'msg__head');
        head.append(el('span', 'msg__who', 'Internal note' + (item.e.actor ? ' · ' + item.e.actor : '')));
        head.append(timeEl(item.e.at, 'ago', 'msg__time'));
        li.append(head);
        li.append(el('div', 'msg__bubble', item.e.text || ''));
        return li;
      }
      const m = item.m;
      const role = ['user', 'bot', 'agent'].includes(m.role) ? m.role : 'bot';
      const li = el('li', 'msg msg--' + role);
      const head = el('div', 'msg__head');
      head.append(el('span', 'msg__who', roleName(m.role, c)));
      head.append(timeEl(m.at, 'ago', 'msg__time'));
      li.append(head);
      li.append(el('div', 'msg__bubble', m.text || ''));
      return li;
    });
    if (!nodes.length) nodes.push(el('li', 'placeholder', 'No messages yet.'));
    list.replaceChildren(...nodes);

    const count = Array.isArray(c.transcript) ? c.transcript.length : 0;
    $('transcript-download').href = '/api/cases/' + encodeURIComponent(c.reference) + '/transcript';
    $('conversation-meta').textContent = [c.channel ? humanize(c.channel) : '', count + (count === 1 ? ' message' : ' messages')].filter(Boolean).join(' · ');

    if (switching || nearBottom) list.scrollTop = list.scrollHeight;
  }

  function kvRow(dl, label, value, className) {
    const dt = el('dt', null, label);
    const dd = el('dd', className || null);
    if (value instanceof Node) dd.append(value);
    else if (value === null || value === undefined || value === '') {
      dd.textContent = '—';
      dd.classList.add('is-muted');
    } else dd.textContent = String(value);
    dl.append(dt, dd);
    return dd;
  }

  function renderCustomer(c) {
    const host = $('customer');
    const cu = c.customer;
    if (!cu) {
      host.replaceChildren(el('p', 'muted', 'Not matched to a customer record. Check the facts below.'));
      return;
    }
    const head = el('div', 'customer__head');
    const avatar = el('span', 'customer__avatar', String(cu.name || '?').split(/\s+/).filter(Boolean).slice(0, 2).map((w) => w.charAt(0).toUpperCase()).join(''));
    avatar.setAttribute('aria-hidden', 'true');
    head.append(avatar);
    const who = el('div', 'customer__who');
    const nameRow = el('div', 'customer__name-row');
    nameRow.append(el('span', 'customer__name', cu.name || 'Unnamed customer'));
    if (cu.isVip) nameRow.append(el('span', 'tag tag--vip', 'VIP'));
    if (cu.tier) nameRow.append(el('span', 'tag tag--tier', humanize(cu.tier)));
    who.append(nameRow);
    const org = [cu.company, cu.country].filter(Boolean).join(' · ');
    if (org) who.append(el('div', 'customer__org', org));
    head.append(who);

    const dl = el('dl', 'kv');
    const renewal = parseTime(cu.renewalDate);
    if (renewal) {
      const days = Math.round((renewal.getTime() - Date.now()) / 86400000);
      const span = el('span', null, dateFormat.format(renewal));
      const when = days === 0 ? 'today' : days > 0 ? 'in ' + days + (days === 1 ? ' day' : ' days') : Math.abs(days) + ' days ago';
      span.append(el('span', 'muted', ' (' + when + ')'));
      kvRow(dl, 'Renewal', span, days >= 0 && days <= 30 ? 'is-warn' : null);
    } else {
      kvRow(dl, 'Renewal', null);
    }
    if (cu.hasOpenInvoices === true) kvRow(dl, 'Invoices', 'Open invoices', 'is-warn');
    else if (cu.hasOpenInvoices === false) kvRow(dl, 'Invoices', 'None open');
    else kvRow(dl, 'Invoices', null);

    const nodes = [head, dl];
    if (cu.notes) nodes.push(el('p', 'customer__notes', cu.notes));
    host.replaceChildren(...nodes);
  }

  function renderFacts(c) {
    const dl = $('facts');
    dl.replaceChildren();
    const f = c.facts || {};
    kvRow(dl, 'Account', f.accountId, 'mono');
    kvRow(dl, 'Email', f.email, 'wrap');
    kvRow(dl, 'Phone', f.phone);
    const callback = f.callback ? (CALLBACK_LABELS[f.callback] || humanize(f.callback)) + (f.timeWindow ? ', ' + f.timeWindow : '') : (f.timeWindow || null);
    kvRow(dl, 'Contact by', callback);
    if (c.urgency) kvRow(dl, 'Urgency', humanize(c.urgency));
    kvRow(dl, 'Channel', c.channel ? humanize(c.channel) : null);
    if (c.conversationId) {
      const dd = kvRow(dl, 'Conversation', c.conversationId, 'mono wrap small');
      dd.title = c.conversationId;
    }
  }

  function renderSlaCard(c) {
    const dl = $('sla');
    dl.replaceChildren();
    const sla = c.sla || {};
    const status = el('span', 'pill pill--sla', SLA_LABELS[sla.status] || humanize(sla.status) || '—');
    status.dataset.sla = sla.status || '';
    kvRow(dl, 'Status', status);
    if (sla.firstResponseAt) {
      const wrap = el('span');
      wrap.append(document.createTextNode('Sent '), timeEl(sla.firstResponseAt, 'ago'));
      const due = parseTime(sla.firstResponseDue);
      const at = parseTime(sla.firstResponseAt);
      if (due && at) wrap.append(el('span', at <= due ? 'ok-text' : 'late-text', at <= due ? ' · in time' : ' · late by ' + duration(at - due)));
      kvRow(dl, 'First response', wrap);
    } else {
      const wrap = el('span', 'kv__chip');
      wrap.append(slaChip({ due: sla.firstResponseDue, at: null, status: sla.status, caseStatus: c.status }));
      const due = parseTime(sla.firstResponseDue);
      if (due) wrap.append(el('span', 'muted', ' ' + clockFormat.format(due)));
      kvRow(dl, 'First response', wrap);
    }
    kvRow(dl, 'Resolve due', sla.resolveDue ? timeEl(sla.resolveDue, 'ago') : null);
    if (sla.status === 'paused' || WAITING.has(c.status)) kvRow(dl, 'Clock', 'Paused while the case waits', 'muted');
  }

  function renderUnderstanding(c) {
    const host = $('understanding');
    const nodes = [];

    const intentBlock = el('div', 'block');
    intentBlock.append(el('div', 'block__label', 'Intent'));
    const intent = c.intent;
    if (intent && intent.label) {
      const row = el('div', 'intent');
      const name = el('span', 'intent__label', humanize(intent.label));
      name.title = intent.label;
      row.append(name);
      if (intent.confidence !== undefined && intent.confidence !== null) row.append(meter(intent.confidence));
      row.append(el('span', 'tag ' + (intent.confirmed ? 'tag--ok' : 'tag--quiet'), intent.confirmed ? 'Confirmed' : 'Not confirmed'));
      intentBlock.append(row);
      const alternatives = Array.isArray(intent.alternatives) ? intent.alternatives : [];
      if (alternatives.length) {
        const alt = el('div', 'intent__alts');
        alt.append(el('span', 'muted', 'Also possible: '));
        alternatives.forEach((a, i) => {
          if (i) alt.append(document.createTextNode(', '));
          const span = el('span', null, humanize(a.label) + (a.confidence !== undefined ? ' ' + percent(a.confidence) : ''));
          span.title = a.label;
          alt.append(span);
        });
        intentBlock.append(alt);
      }
    } else {
      intentBlock.append(el('div', 'muted', 'Not recognised'));
    }
    nodes.push(intentBlock);

    const handoff = el('div', 'block');
    handoff.append(el('div', 'block__label', 'Why it came to a person'));
    handoff.append(el('div', c.handoffReason ? null : 'muted', c.handoffReason ? (HANDOFF_LABELS[c.handoffReason] || humanize(c.handoffReason)) : '—'));
    nodes.push(handoff);

    const signals = Array.isArray(c.signals) ? c.signals.filter(Boolean) : [];
    const signalBlock = el('div', 'block');
    signalBlock.append(el('div', 'block__label', 'Signals'));
    if (signals.length) {
      const tags = el('div', 'tags');
      signals.forEach((s) => tags.append(el('span', 'tag tag--signal', humanize(s))));
      signalBlock.append(tags);
    } else {
      signalBlock.append(el('div', 'muted', 'None'));
    }
    nodes.push(signalBlock);

    const articles = Array.isArray(c.articles) ? c.articles : [];
    const articleBlock = el('div', 'block');
    articleBlock.append(el('div', 'block__label', 'Articles tried'));
    if (articles.length) {
      const ul = el('ul', 'articles');
      for (const a of articles) {
        const li = el('li', 'article');
        const outcome = a.solved === true ? ['ok', '✓', 'Solved'] : a.solved === false ? ['no', '✗', 'Did not help'] : ['unknown', '?', 'No answer'];
        const mark = el('span', 'article__mark article__mark--' + outcome[0], outcome[1]);
        mark.setAttribute('aria-hidden', 'true');
        li.append(mark);
        const title = el('span', 'article__title', a.title || a.id);
        if (a.id) title.title = a.id;
        li.append(title);
        li.append(el('span', 'article__outcome article__outcome--' + outcome[0], outcome[2]));
        ul.append(li);
      }
      articleBlock.append(ul);
    } else {
      articleBlock.append(el('div', 'muted', 'None'));
    }
    nodes.push(articleBlock);

    host.replaceChildren(...nodes);
  }

  function meter(confidence) {
    const wrap = el('span', 'meter');
    const n = Number(confidence);
    const value = Number.isFinite(n) ? (n <= 1 ? n : n / 100) : 0;
    const bar = el('meter', 'meter__bar');
    bar.min = 0;
    bar.max = 1;
    bar.low = 0.5;
    bar.high = 0.75;
    bar.optimum = 1;
    bar.value = value;
    bar.setAttribute('aria-label', 'Confidence');
    wrap.append(bar);
    wrap.append(el('span', 'meter__text', percent(confidence)));
    return wrap;
  }

  function renderPriority(c) {
    const host = $('priority');
    const p = c.priority || {};
    const head = el('div', 'priority__head');
    head.append(priorityBadge(p.level, p.score, false));
    const reasons = Array.isArray(p.reasons) ? p.reasons : [];
    const maxTotal = reasons.reduce((sum, r) => sum + (Number(r.maxPoints) || 0), 0);
    if (maxTotal > 0) head.append(el('span', 'muted', 'score out of ' + formatNumber(maxTotal)));
    const nodes = [head];

    if (reasons.length) {
      const table = el('table', 'reasons');
      const caption = el('caption', 'visually-hidden', 'How the priority score adds up');
      table.append(caption);
      const cols = el('colgroup');
      cols.append(el('col', 'reasons__col-factor'), el('col', 'reasons__col-points'), el('col'));
      table.append(cols);
      const thead = el('thead');
      const hr = el('tr');
      ['Factor', 'Points', 'Why'].forEach((t) => {
        const th = el('th', null, t);
        th.scope = 'col';
        hr.append(th);
      });
      thead.append(hr);
      table.append(thead);
      const tbody = el('tbody');
      for (const r of reasons) {
        const tr = el('tr');
        const factor = el('th', 'reasons__factor', humanize(r.factor));
        factor.scope = 'row';
        factor.title = r.factor || '';
        tr.append(factor);
        const pts = el('td', 'reasons__points');
        pts.append(el('span', 'reasons__num', formatNumber(r.points) + (r.maxPoints !== undefined && r.maxPoints !== null ? ' / ' + formatNumber(r.maxPoints) : '')));
        const max = Number(r.maxPoints);
        if (max > 0) {
          const bar = el('span', 'reasons__bar');
          const fill = el('span', 'reasons__fill');
          // Widths come from a fixed set of classes: the page allows no style attributes.
          fill.classList.add('w' + Math.max(0, Math.min(10, Math.round((Number(r.points) || 0) / max * 10))));
          bar.append(fill);
          pts.append(bar);
        }
        tr.append(pts);
        tr.append(el('td', 'reasons__why', r.explanation || ''));
        tbody.append(tr);
      }
      table.append(tbody);
      nodes.push(table);
    } else {
      nodes.push(el('p', 'muted', 'No breakdown.'));
    }
    host.replaceChildren(...nodes);
  }

  function renderRouting(c) {
    const host = $('routing');
    const nodes = [];
    const dl = el('dl', 'kv');
    kvRow(dl, 'Queue', queueName(c.queue));
    if (Number(c.reassignments) > 0) kvRow(dl, 'Transfers', String(c.reassignments));
    nodes.push(dl);

    const reasons = Array.isArray(c.routeReasons) ? c.routeReasons.filter(Boolean) : [];
    if (reasons.length) {
      const ul = el('ul', 'bullets');
      reasons.forEach((r) => ul.append(el('li', null, r)));
      nodes.push(ul);
    }
    const escalation = Array.isArray(c.escalation) ? c.escalation.filter(Boolean) : [];
    const block = el('div', 'block');
    block.append(el('div', 'block__label', 'Escalation'));
    if (escalation.length) {
      const ul = el('ul', 'bullets bullets--alert');
      escalation.forEach((r) => ul.append(el('li', null, r)));
      block.append(ul);
    } else {
      block.append(el('div', 'muted', 'None'));
    }
    nodes.push(block);
    host.replaceChildren(...nodes);
  }

  function renderTimeline(c) {
    const list = $('timeline');
    const entries = Array.isArray(c.timeline) ? c.timeline : [];
    if (!entries.length) {
      list.replaceChildren(el('li', 'muted', 'Nothing yet.'));
      return;
    }
    list.replaceChildren(...entries.map((e) => {
      const li = el('li', 'timeline__item' + (isNoteEvent(e) ? ' timeline__item--note' : e.kind === 'escalated' ? ' timeline__item--escalated' : e.kind === 'tagged' ? ' timeline__item--tagged' : ''));
      li.dataset.kind = e.kind || '';
      const head = el('div', 'timeline__head');
      head.append(el('span', 'timeline__kind', humanize(e.kind)));
      if (e.actor) head.append(el('span', 'timeline__actor', e.actor));
      head.append(timeEl(e.at, 'ago', 'timeline__time'));
      li.append(head);
      if (e.text) li.append(el('div', 'timeline__text', e.text));
      return li;
    }));
  }

  function fillTransferQueues(c) {
    const select = $('transfer-queue');
    const previous = select.value;
    const options = [new Option('Choose a queue…', '')];
    for (const q of state.queues) {
      if (q.id === c.queue) continue;
      options.push(new Option(q.name || humanize(q.id), q.id));
    }
    select.replaceChildren(...options);
    if (previous && state.queues.some((q) => q.id === previous && q.id !== c.queue)) select.value = previous;
  }

  // ---------------------------------------------------------------------------------------------
  // Views: the main pane shows cases (#case=…) or the dashboard (#dashboard)

  const DASHBOARD_HASH = '#dashboard';

  // "Cases" leads back to the case that was open, so a look at the dashboard loses no place.
  function casesHash() {
    const ref = state.openRef || state.lastRef;
    return ref ? '#case=' + encodeURIComponent(ref) : '#';
  }

  function renderViews() {
    $('view-cases').href = casesHash();
    for (const [id, current] of [['view-cases', !state.dashboard], ['view-dashboard', state.dashboard]]) {
      if (current) $(id).setAttribute('aria-current', 'page');
      else $(id).removeAttribute('aria-current');
    }
    $('case-view').setAttribute('aria-label', state.dashboard ? 'Dashboard' : 'Case');
  }

  function toggleDashboard() {
    location.hash = state.dashboard ? casesHash() : DASHBOARD_HASH;
  }

  function showDashboard() {
    // The open case closes (its draft is kept) so that case shortcuts cannot act on a case out of sight.
    if (state.openRef) {
      state.lastRef = state.openRef;
      closeCase();
    }
    state.dashboard = true;
    $('case-empty').hidden = true;
    $('dashboard').hidden = false;
    renderViews();
    loadMetrics(true);
  }

  function hideDashboard() {
    if (!state.dashboard) return;
    state.dashboard = false;
    clearTimeout(metricsTimer);
    metricsTimer = 0;
    $('dashboard').hidden = true;
    $('case-empty').hidden = false;
    renderViews();
  }

  // ---------------------------------------------------------------------------------------------
  // Dashboard: /api/metrics in words. Every rate shows what it is out of; no base, no percentage.

  let metricsToken = 0;
  let metricsTimer = 0;
  let metricsAt = 0; // when the last load started

  async function loadMetrics(announce) {
    clearTimeout(metricsTimer);
    metricsTimer = 0;
    metricsAt = Date.now();
    const token = ++metricsToken;
    $('dashboard').setAttribute('aria-busy', 'true');
    try {
      const report = await api('/api/metrics');
      if (token !== metricsToken) return;
      renderDashboard(report || {});
      if (announce) $('dashboard-status').textContent = 'Figures updated at ' + clockFormat.format(new Date()) + '.';
    } catch (e) {
      if (token !== metricsToken) return;
      reportError(e);
      if ($('dashboard-body').hidden) $('dashboard-placeholder').textContent = 'The figures could not be loaded.';
    } finally {
      if (token === metricsToken) $('dashboard').removeAttribute('aria-busy');
    }
  }

  // While agents work, case events come every few seconds: load at most once per interval, and
  // always once after the last event, so the figures end up current without a load per event.
  function scheduleMetrics() {
    if (!state.dashboard || metricsTimer) return;
    const wait = Math.max(REFRESH_DEBOUNCE_MS, metricsAt + METRICS_INTERVAL_MS - Date.now());
    metricsTimer = setTimeout(() => {
      metricsTimer = 0;
      loadMetrics(false);
    }, wait);
  }

  // .NET sends a TimeSpan as "[-][d.]hh:mm:ss[.fffffff]".
  function parseTimeSpan(value) {
    const match = /^(-)?(?:(\d+)\.)?(\d+):(\d+):(\d+)(?:\.(\d+))?$/.exec(String(value || ''));
    if (!match) return null;
    const seconds = ((Number(match[2] || 0) * 24 + Number(match[3])) * 60 + Number(match[4])) * 60 + Number(match[5]) + Number('0.' + (match[6] || '0'));
    return (match[1] ? -1 : 1) * seconds * 1000;
  }

  const countFormat = new Intl.NumberFormat('en-GB');

  function plural(n, noun) {
    return countFormat.format(n) + ' ' + noun + (n === 1 ? '' : 's');
  }

  // Whole percentages, except that a share that is neither none nor all never rounds to 0 % or 100 %.
  function sharePercent(share) {
    const p = share * 100;
    if (p > 0 && p < 1) return '<1%';
    if (p > 99 && p < 100) return '>99%';
    return Math.round(p) + '%';
  }

  function rateParts(rate, noun) {
    const n = Number(rate && rate.numerator) || 0;
    const d = Number(rate && rate.denominator) || 0;
    if (d <= 0) return { percent: '—', detail: 'No data yet', share: 0, empty: true };
    return { percent: sharePercent(n / d), detail: countFormat.format(n) + ' of ' + plural(d, noun), share: n / d, empty: false };
  }

  function metric(key, label, value, detail, options) {
    const item = el('div', 'metric');
    item.dataset.metric = key;
    item.append(el('dt', 'metric__label', label));
    const dd = el('dd', 'metric__value' + (options && options.empty ? ' is-empty' : ''), value);
    if (options && options.unit) dd.append(el('span', 'metric__unit', ' ' + options.unit));
    item.append(dd, el('dd', 'metric__detail', detail));
    return item;
  }

  function rateMetric(key, label, rate, noun) {
    const parts = rateParts(rate, noun);
    return metric(key, label, parts.percent, parts.detail, { empty: parts.empty });
  }

  function durationMetric(key, label, figures) {
    const count = Number(figures && figures.count) || 0;
    const median = parseTimeSpan(figures && figures.median);
    if (!count || median === null) return metric(key, label, '—', 'No data yet', { empty: true });
    const p90 = parseTimeSpan(figures.p90);
    const detail = (p90 === null ? '' : '90% within ' + duration(p90) + ' · ') + 'over ' + plural(count, 'case');
    return metric(key, label, duration(median), detail, { unit: 'median' });
  }

  function handoffLabel(reason) {
    const key = String(reason).charAt(0).toLowerCase() + String(reason).slice(1);
    return HANDOFF_LABELS[key] || humanize(reason);
  }

  function shareBar(share, label) {
    const bar = el('meter', 'dash-bar');
    bar.min = 0;
    bar.max = 1;
    bar.value = share;
    // The percentage beside it says the same to a screen reader.
    bar.setAttribute('aria-hidden', 'true');
    bar.title = label;
    return bar;
  }

  // One row per item: name, a bar with the percentage, and "n of d".
  function shareRows(tbody, rows, noun, emptyText) {
    if (!rows.length) {
      const td = el('td', 'dash-table__empty', emptyText);
      td.colSpan = 3;
      const tr = el('tr');
      tr.append(td);
      tbody.replaceChildren(tr);
      return;
    }
    tbody.replaceChildren(...rows.map((row) => {
      const parts = rateParts(row.rate, noun);
      const tr = el('tr');
      const name = el('th', 'dash-table__name', row.label);
      name.scope = 'row';
      if (row.title) name.title = row.title;
      const share = el('td', 'dash-table__share');
      share.append(shareBar(parts.share, parts.percent), el('span', 'dash-table__percent', parts.percent));
      tr.append(name, share, el('td', 'dash-table__num', parts.detail));
      return tr;
    }));
  }

  function csatMetrics(prefix, figures) {
    const csat = figures || {};
    const ratings = Number(csat.ratings) || 0;
    const mean = csat.mean === null || csat.mean === undefined ? NaN : Number(csat.mean);
    return [
      ratings && Number.isFinite(mean)
        ? metric(prefix + 'csat', 'Average rating', mean.toFixed(1), 'From ' + plural(ratings, 'rating'), { unit: 'of 5' })
        : metric(prefix + 'csat', 'Average rating', '—', 'No ratings yet', { empty: true }),
      rateMetric(prefix + 'satisfied', 'Rated 4 or 5', csat.satisfied, 'rating')
    ];
  }

  function renderDashboard(r) {
    $('dashboard-updated').replaceChildren(document.createTextNode('Updated '), timeEl(r.at, 'ago'));

    $('dash-self-service').replaceChildren(
      metric('conversations', 'Conversations', countFormat.format(Number(r.conversations) || 0), 'All, including ones still going on'),
      rateMetric('self-service', 'Solved by self-service', r.selfService, 'conversation'),
      rateMetric('handoff', 'Handed to a person', r.handoff, 'conversation'));

    const intents = Object.entries(r.selfServiceByIntent || {})
      .map(([intent, rate]) => ({ label: humanize(intent), title: intent, rate: rate, size: Number(rate && rate.denominator) || 0 }))
      .sort((a, b) => b.size - a.size || a.label.localeCompare(b.label));
    shareRows($('dash-intents'), intents, 'conversation', 'No conversation with a recognised intent has ended yet.');

    const reasons = Object.entries(r.handoffReasons || {});
    const handoffs = reasons.reduce((sum, [, count]) => sum + (Number(count) || 0), 0);
    shareRows($('dash-reasons'), reasons
      .map(([reason, count]) => ({ label: handoffLabel(reason), rate: { numerator: Number(count) || 0, denominator: handoffs } }))
      .sort((a, b) => b.rate.numerator - a.rate.numerator || a.label.localeCompare(b.label)), 'handoff', 'No conversation has come to a person yet.');

    $('dash-response').replaceChildren(
      durationMetric('first-response', 'First response', r.firstResponse),
      durationMetric('time-to-assignment', 'Time to assignment', r.timeToAssignment),
      rateMetric('first-response-in-target', 'First response within target', r.firstResponseWithinTarget, 'answered case'),
      rateMetric('resolved-in-target', 'Resolved within target', r.resolvedWithinTarget, 'resolved case'));

    const backlog = Number(r.backlog) || 0;
    const oldest = parseTimeSpan(r.oldestBacklog);
    const median = parseTimeSpan(r.medianBacklogAge);
    $('dash-workload').replaceChildren(
      metric('cases', 'Cases', countFormat.format(Number(r.cases) || 0), 'All handed to agents'),
      metric('backlog', 'Open cases', countFormat.format(backlog),
        backlog && oldest !== null ? 'Oldest ' + duration(oldest) + (median === null ? '' : ' · median age ' + duration(median)) : 'Nothing open'),
      rateMetric('reassigned', 'Reassigned', r.reassigned, 'case'),
      rateMetric('reopened', 'Reopened', r.reopened, 'resolved case'));

    // Satisfaction split: the assistant's self-service beside the agents' help.
    $('dash-csat-bot').replaceChildren(...csatMetrics('bot-', r.botCsat));
    $('dash-csat-human').replaceChildren(...csatMetrics('', r.humanCsat));

    $('dashboard-placeholder').hidden = true;
    $('dashboard-body').hidden = false;
  }

  // ---------------------------------------------------------------------------------------------
  // What the agent may do (the server decides; this only keeps hopeless buttons disabled)

  function abilities(c) {
    if (!c) {
      const none = 'Open a case first.';
      return { claim: none, reply: none, note: none, transfer: none, wait: none, stopWaiting: none, resolve: none, reopen: none };
    }
    const open = !CLOSED.has(c.status);
    const waiting = WAITING.has(c.status);
    const mine = isMine(c.owner);
    const free = !c.owner;
    const closedWhy = 'The case is ' + (STATUS_LABELS[c.status] || c.status).toLowerCase() + '; reopen it first.';
    return {
      claim: !open ? closedWhy : mine ? 'You already own this case.' : !free ? 'The case is owned by ' + c.owner + '; ask them or a supervisor to transfer it.' : null,
      reply: !open ? closedWhy : !free && !mine ? 'The case is owned by ' + c.owner + '; only the owner replies.' : null,
      note: null,
      transfer: !open ? closedWhy : null,
      wait: !open ? closedWhy : waiting ? 'The case is already waiting.' : !mine ? 'Claim the case before setting it to wait.' : null,
      stopWaiting: !open ? closedWhy : !waiting ? 'The case is not waiting.' : null,
      resolve: !open ? closedWhy : !free && !mine ? 'The case is owned by ' + c.owner + '.' : null,
      reopen: open ? 'The case is still open.' : null
    };
  }

  const ACTION_BUTTONS = {
    'act-claim': 'claim',
    'act-wait-customer': 'wait',
    'act-wait-third': 'wait',
    'act-stop-waiting': 'stopWaiting',
    'act-transfer': 'transfer',
    'act-resolve': 'resolve',
    'act-reopen': 'reopen'
  };

  function updateAbilities(c) {
    const can = abilities(c);
    for (const [id, ability] of Object.entries(ACTION_BUTTONS)) {
      const button = $(id);
      const why = can[ability];
      button.disabled = state.busy || !!why;
      button.title = why || '';
    }
    // Resolve and Reopen never apply at once: they share one place in the bar.
    const closed = !!c && CLOSED.has(c.status);
    $('act-resolve').hidden = closed;
    $('act-reopen').hidden = !closed;
    // Forms for actions that are no longer possible close themselves.
    if (can.transfer) closeInlineForm('transfer-form');
    if (can.resolve) closeInlineForm('resolve-form');
  }

  // ---------------------------------------------------------------------------------------------
  // Composer: reply (reaches the customer's live chat) or internal note

  function draftFor(ref) {
    if (!state.drafts.has(ref)) state.drafts.set(ref, { reply: '', note: '' });
    return state.drafts.get(ref);
  }

  function saveDraft() {
    if (!state.openRef) return;
    draftFor(state.openRef)[state.mode] = $('composer-text').value;
  }

  function loadDraft() {
    $('composer-text').value = state.openRef ? draftFor(state.openRef)[state.mode] : '';
  }

  function setMode(mode) {
    if (mode !== 'reply' && mode !== 'note') return;
    if (mode !== state.mode) {
      saveDraft();
      state.mode = mode;
      loadDraft();
    }
    $(mode === 'reply' ? 'mode-reply' : 'mode-note').checked = true;
    updateComposer();
  }

  function updateComposer() {
    const c = state.openCase;
    const form = $('composer');
    const note = state.mode === 'note';
    form.dataset.mode = state.mode;
    const customer = c && ((c.customer && c.customer.name) || c.customerName);
    $('composer-label').textContent = note
      ? 'Internal note — only agents see this'
      : 'Reply' + (customer ? ' to ' + customer : '') + ' — sent to the customer’s live chat';
    $('composer-text').placeholder = note ? 'What should the next agent know?' : 'Write to the customer…';
    $('composer-send').textContent = note ? 'Add note' : 'Send reply';
    $('canned').disabled = note || !state.canned.length;

    const why = abilities(c)[state.mode];
    const hint = $('composer-hint');
    hint.dataset.tone = why ? 'blocked' : '';
    if (why) hint.textContent = why;
    else if (!note && c && !c.owner) hint.textContent = 'Replying makes you the owner.';
    else if (!note && c && !c.sla?.firstResponseAt) hint.textContent = 'This is the first response.';
    else hint.textContent = '';
    $('composer-send').disabled = state.busy || !!why;
  }

  function insertAtCursor(textarea, text) {
    const start = textarea.selectionStart;
    const end = textarea.selectionEnd;
    const before = textarea.value.slice(0, start);
    const after = textarea.value.slice(end);
    const glueBefore = before && !/\s$/.test(before) ? (before.endsWith('\n') ? '' : ' ') : '';
    textarea.value = before + glueBefore + text + after;
    const caret = (before + glueBefore + text).length;
    textarea.setSelectionRange(caret, caret);
    textarea.focus();
    saveDraft();
  }

  async function submitComposer() {
    const c = state.openCase;
    if (!c || state.busy) return;
    const textarea = $('composer-text');
    const text = textarea.value.trim();
    const note = state.mode === 'note';
    const why = abilities(c)[state.mode];
    if (why) {
      banner(why, 'info');
      return;
    }
    if (!text) {
      banner(note ? 'A note needs some text.' : 'A reply needs some text.', 'info');
      textarea.focus();
      return;
    }
    const ref = c.reference;
    const ok = await act(note ? 'note' : 'reply', { text: text }, note ? 'Note added' : 'Reply sent');
    if (ok) {
      draftFor(ref)[note ? 'note' : 'reply'] = '';
      if (state.openRef === ref && state.mode === (note ? 'note' : 'reply')) textarea.value = '';
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Actions

  function setBusy(busy) {
    state.busy = busy;
    $('case').setAttribute('aria-busy', String(busy));
    updateAbilities(state.openCase);
    updateComposer();
  }

  async function act(action, body, done) {
    const c = state.openCase;
    if (!c || state.busy) return false;
    const ref = c.reference;
    setBusy(true);
    try {
      const updated = await api(casePath(ref, action), { method: 'POST', body: body });
      if (state.openRef === ref) {
        if (updated && updated.reference === ref) showCase(updated);
        else loadCase(ref, { quiet: true });
      }
      toast(done + ' · ' + ref);
      scheduleRefresh();
      return true;
    } catch (e) {
      reportError(e);
      // The case may have moved on under us (someone else claimed it): show how it is now.
      if (e.status === 409 && state.openRef === ref) loadCase(ref, { quiet: true });
      // Or the agent is at capacity: show the load the server counted.
      if (e.status === 409) loadTeam();
      return false;
    } finally {
      setBusy(false);
    }
  }

  function tryAction(ability, run) {
    const why = abilities(state.openCase)[ability];
    if (why) {
      banner(why, 'info');
      return;
    }
    run();
  }

  function claim() {
    tryAction('claim', () => act('claim', undefined, 'Claimed'));
  }

  function toggleInlineForm(id) {
    const form = $(id);
    const opening = form.hidden;
    closeInlineForms();
    if (!opening) return;
    form.hidden = false;
    const button = id === 'transfer-form' ? $('act-transfer') : $('act-resolve');
    button.setAttribute('aria-expanded', 'true');
    const first = form.querySelector('select, input');
    if (first) first.focus();
  }

  function closeInlineForm(id) {
    const form = $(id);
    if (form.hidden) return;
    const hadFocus = form.contains(document.activeElement);
    form.hidden = true;
    const button = id === 'transfer-form' ? $('act-transfer') : $('act-resolve');
    button.setAttribute('aria-expanded', 'false');
    if (hadFocus && !button.disabled) button.focus();
  }

  function closeInlineForms() {
    closeInlineForm('transfer-form');
    closeInlineForm('resolve-form');
  }

  // ---------------------------------------------------------------------------------------------
  // Reference data

  async function loadDispositions() {
    try {
      const codes = await api('/api/dispositions');
      state.dispositions = Array.isArray(codes) ? codes : [];
    } catch (e) {
      reportError(e);
    }
    const select = $('resolve-disposition');
    select.replaceChildren(new Option('Choose…', ''), ...state.dispositions.map((d) => new Option(humanize(d), d)));
  }

  async function loadCanned() {
    try {
      const replies = await api('/api/canned-replies');
      state.canned = Array.isArray(replies) ? replies.filter((r) => r && r.text) : [];
    } catch (e) {
      reportError(e);
    }
    const select = $('canned');
    const options = [new Option(state.canned.length ? 'Canned replies…' : 'No canned replies', '')];
    state.canned.forEach((r, i) => {
      const option = new Option(r.title || r.text.slice(0, 40), String(i));
      option.title = r.text;
      options.push(option);
    });
    select.replaceChildren(...options);
    updateComposer();
  }

  // ---------------------------------------------------------------------------------------------
  // Refreshing and live updates

  let refreshTimer = 0;
  let refreshRunning = false;
  let refreshAgain = false;
  let refreshCase = false;

  function scheduleRefresh(options) {
    if (options && (options.withCase || (options.reference && options.reference === state.openRef))) refreshCase = true;
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(runRefresh, REFRESH_DEBOUNCE_MS);
  }

  async function runRefresh() {
    if (state.leaving) return;
    if (refreshRunning) {
      refreshAgain = true;
      return;
    }
    refreshRunning = true;
    const withCase = refreshCase && state.openRef && !state.busy;
    refreshCase = false;
    try {
      await Promise.all([loadQueues(), loadCases(), loadTeam(), withCase ? loadCase(state.openRef, { quiet: true }) : null]);
    } finally {
      refreshRunning = false;
      if (refreshAgain) {
        refreshAgain = false;
        scheduleRefresh();
      }
    }
  }

  let presenceTimer = 0;

  function schedulePresence() {
    clearTimeout(presenceTimer);
    presenceTimer = setTimeout(() => {
      presenceTimer = 0;
      if (state.leaving) return;
      loadTeam();
      loadQueues();
    }, REFRESH_DEBOUNCE_MS);
  }

  let events = null;
  let liveState = 'connecting';
  let retryDelay = 2000;
  let retryTimer = 0;
  let missedEvents = false;

  function setLive(next) {
    liveState = next;
    const live = $('live');
    live.dataset.state = next;
    $('live-text').textContent = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…', offline: 'Offline' }[next];
    live.title = next === 'live' ? 'Live updates are on' : next === 'offline'
      ? 'Live updates are off; the console refreshes every 30 seconds and keeps trying to reconnect'
      : 'Live updates are reconnecting';
  }

  function connectEvents() {
    if (!('EventSource' in window)) {
      setLive('offline');
      return;
    }
    clearTimeout(retryTimer);
    if (events) events.close();
    setLive(missedEvents ? 'reconnecting' : 'connecting');
    const source = new EventSource('/api/events');
    events = source;

    source.addEventListener('open', () => {
      if (events !== source) return;
      retryDelay = 2000;
      setLive('live');
      // Anything could have happened while we were away.
      if (missedEvents) {
        missedEvents = false;
        scheduleRefresh({ withCase: true });
        scheduleMetrics();
      } else {
        // An open feed is what makes this agent online: the queues now count them.
        scheduleRefresh();
      }
    });

    source.addEventListener('case', (event) => {
      let data = null;
      try {
        data = JSON.parse(event.data);
      } catch (e) { /* refresh everything anyway */ }
      if (data && data.kind === 'case.created' && data.reference) state.fresh.set(data.reference, Date.now());
      if (data && data.kind === 'case.escalated' && data.reference && isAlerted()) alertEscalation(data.reference);
      scheduleRefresh({ reference: data && data.reference, withCase: !data || !data.reference });
      scheduleMetrics();
    });

    // An agent's console connected or went away: who is online and the queues' capacity change.
    source.addEventListener('presence', schedulePresence);

    source.addEventListener('error', () => {
      if (events !== source || state.leaving) return;
      missedEvents = true;
      if (source.readyState === EventSource.CLOSED) {
        // The browser gave up (the stream answered with an error): is the session still there?
        setLive('offline');
        source.close();
        api('/api/agent/me').catch(() => { /* 401 goes to login; anything else: keep retrying */ });
        retryTimer = setTimeout(connectEvents, retryDelay);
        retryDelay = Math.min(retryDelay * 2, 60000);
      } else {
        setLive('reconnecting');
      }
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Escalation alerts: supervisors and admins get one per escalation the live feed reports, naming
  // the case and why, with a button to open it. They stay until opened or dismissed; a case
  // escalated again replaces its earlier alert.

  function isAlerted() {
    return !!(state.me && ALERTED_ROLES.has(state.me.role));
  }

  async function alertEscalation(ref) {
    let c = null;
    try {
      c = await api(casePath(ref));
    } catch (e) {
      if (e.status === 401) return;
      // The alert names the case anyway.
    }
    if (state.leaving) return;
    showEscalationAlert(ref, c && c.reference === ref ? c : null);
  }

  function showEscalationAlert(ref, c) {
    const host = $('alerts');
    const existing = Array.from(host.children).find((n) => n.dataset.ref === ref);
    if (existing) existing.remove();
    while (host.children.length >= MAX_ALERTS) host.firstElementChild.remove();

    const node = el('div', 'alert');
    node.dataset.ref = ref;
    node.setAttribute('role', 'alert');
    const icon = el('span', 'alert__icon', '!');
    icon.setAttribute('aria-hidden', 'true');
    node.append(icon);

    const text = el('p', 'alert__text');
    text.append(el('strong', 'alert__title', 'Case ' + ref + ' escalated to the supervisors'));
    if (c) {
      const reasons = newestReasons(c);
      const about = [queueName(c.queue), c.problem].filter(Boolean).join(' · ');
      if (reasons.length) text.append(el('span', 'alert__reasons', ': ' + reasons.join('; ')));
      if (about) text.append(el('span', 'alert__about', about));
    }
    node.append(text);

    const open = el('button', 'btn alert__open', 'Open case');
    open.type = 'button';
    open.setAttribute('aria-label', 'Open case ' + ref);
    open.addEventListener('click', () => {
      removeAlert(node, false);
      openCase(ref);
      $('case-view').focus({ preventScroll: true });
    });
    node.append(open);

    const close = el('button', 'banner__close alert__close', '×');
    close.type = 'button';
    close.setAttribute('aria-label', 'Dismiss the alert about ' + ref);
    close.addEventListener('click', () => removeAlert(node, true));
    node.append(close);

    host.append(node);
  }

  function removeAlert(node, keepFocus) {
    const hadFocus = node.contains(document.activeElement);
    const next = node.nextElementSibling || node.previousElementSibling;
    node.remove();
    if (hadFocus && keepFocus) {
      const target = next && next.querySelector('.alert__open');
      (target || $('case-view')).focus({ preventScroll: true });
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Filters

  function saveFilters() {
    try {
      localStorage.setItem(FILTERS_KEY, JSON.stringify({ queue: state.queue, status: state.status }));
    } catch (e) { /* storage may be off */ }
  }

  function restoreFilters() {
    try {
      const saved = JSON.parse(localStorage.getItem(FILTERS_KEY) || 'null');
      if (saved && typeof saved === 'object') {
        if (typeof saved.queue === 'string' && saved.queue) state.queue = saved.queue;
        if (FILTER_TITLES[saved.status]) state.status = saved.status;
      }
    } catch (e) { /* ignore */ }
    const radio = document.querySelector('input[name="status"][value="' + state.status + '"]');
    if (radio) radio.checked = true;
  }

  // ---------------------------------------------------------------------------------------------
  // Keyboard

  function isTextEntry(target) {
    if (!target || !(target instanceof Element)) return false;
    if (target.isContentEditable) return true;
    const tag = target.tagName;
    if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
    if (tag !== 'INPUT') return false;
    return !['radio', 'checkbox', 'button', 'submit', 'reset'].includes(target.type);
  }

  function focusComposer(mode) {
    if (!state.openCase) {
      banner('Open a case first.', 'info');
      return;
    }
    setMode(mode);
    const textarea = $('composer-text');
    textarea.focus();
    textarea.setSelectionRange(textarea.value.length, textarea.value.length);
  }

  function onKeyDown(event) {
    if (event.defaultPrevented || event.isComposing) return;
    if ($('shortcuts').open) return;
    const target = event.target;

    if (isTextEntry(target)) {
      if (event.key === 'Escape') {
        if (target.id === 'filter' && target.value) {
          target.value = '';
          state.text = '';
          renderCases();
        } else if (target.closest('.inline-form')) {
          closeInlineForms();
        } else if (target.id === 'tag-input') {
          setTagError('');
          target.blur();
        } else {
          target.blur();
        }
        event.preventDefault();
      }
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey) return;

    const inList = $('case-list').contains(target);
    switch (event.key) {
      case 'j':
      case 'ArrowDown':
        if (event.key === 'ArrowDown' && !inList) return;
        moveCursor(1);
        break;
      case 'k':
      case 'ArrowUp':
        if (event.key === 'ArrowUp' && !inList) return;
        moveCursor(-1);
        break;
      case 'Enter':
        // Links, buttons and fields handle Enter themselves.
        if (target !== document.body && target !== $('case-view') && !inList) return;
        if (inList && target.classList.contains('case-row')) {
          openCase(target.dataset.ref);
        } else {
          openCursor();
        }
        break;
      case 'c':
        if (!state.openCase) return;
        claim();
        break;
      case 't':
        takeNext();
        break;
      case 'r':
        focusComposer('reply');
        break;
      case 'n':
        focusComposer('note');
        break;
      case '/':
        $('filter').focus();
        $('filter').select();
        break;
      case 'd':
        toggleDashboard();
        break;
      case '?':
        openShortcuts();
        break;
      case 'Escape':
        closeInlineForms();
        dismissBanners();
        return;
      default:
        return;
    }
    event.preventDefault();
  }

  function openShortcuts() {
    const dialog = $('shortcuts');
    if (typeof dialog.showModal === 'function') dialog.showModal();
  }

  // ---------------------------------------------------------------------------------------------
  // Wiring

  function bind() {
    document.addEventListener('keydown', onKeyDown);
    window.addEventListener('hashchange', onHashChange);

    document.querySelectorAll('input[name="status"]').forEach((radio) => {
      radio.addEventListener('change', () => {
        if (!radio.checked) return;
        state.status = radio.value;
        saveFilters();
        renderScope();
        loadCases();
      });
    });

    const filter = $('filter');
    filter.addEventListener('input', () => {
      state.text = filter.value;
      renderCases();
    });
    filter.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown' || (event.key === 'Enter' && !event.isComposing)) {
        event.preventDefault();
        if (event.key === 'Enter' && state.visible.length === 1) {
          openCase(state.visible[0].reference);
          return;
        }
        state.cursorRef = null;
        moveCursor(1);
      }
    });

    $('take-next').addEventListener('click', takeNext);
    $('act-claim').addEventListener('click', claim);
    $('act-wait-customer').addEventListener('click', () => act('wait', { waiting: 'waitingOnCustomer' }, 'Waiting on the customer; SLA paused'));
    $('act-wait-third').addEventListener('click', () => act('wait', { waiting: 'waitingOnThirdParty' }, 'Waiting on a third party; SLA paused'));
    $('act-stop-waiting').addEventListener('click', () => act('stop-waiting', undefined, 'Back in progress'));
    $('act-reopen').addEventListener('click', () => act('reopen', undefined, 'Reopened'));
    $('act-transfer').addEventListener('click', () => toggleInlineForm('transfer-form'));
    $('act-resolve').addEventListener('click', () => toggleInlineForm('resolve-form'));
    document.querySelectorAll('[data-close-form]').forEach((button) => {
      button.addEventListener('click', () => closeInlineForm(button.dataset.closeForm));
    });

    $('transfer-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      const queue = $('transfer-queue').value;
      const reason = $('transfer-reason').value.trim();
      if (!queue || !reason) {
        banner(!queue ? 'Choose the queue to transfer to.' : 'Say why the case is transferred; the next agent reads it.', 'info');
        (queue ? $('transfer-reason') : $('transfer-queue')).focus();
        return;
      }
      if (await act('transfer', { queue: queue, reason: reason }, 'Transferred to ' + queueName(queue))) {
        $('transfer-reason').value = '';
        closeInlineForm('transfer-form');
      }
    });

    $('resolve-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      const disposition = $('resolve-disposition').value;
      if (!disposition) {
        banner('Choose a disposition code.', 'info');
        $('resolve-disposition').focus();
        return;
      }
      if (await act('resolve', { disposition: disposition }, 'Resolved')) {
        $('resolve-disposition').value = '';
        closeInlineForm('resolve-form');
      }
    });

    document.querySelectorAll('input[name="composer-mode"]').forEach((radio) => {
      radio.addEventListener('change', () => {
        if (radio.checked) setMode(radio.value);
      });
    });
    const textarea = $('composer-text');
    textarea.addEventListener('input', saveDraft);
    textarea.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        submitComposer();
      }
    });
    $('composer').addEventListener('submit', (event) => {
      event.preventDefault();
      submitComposer();
    });
    $('canned').addEventListener('change', () => {
      const select = $('canned');
      const reply = state.canned[Number(select.value)];
      select.value = '';
      if (reply && select.value === '') {
        if (state.mode !== 'reply') setMode('reply');
        insertAtCursor($('composer-text'), reply.text);
      }
    });

    $('tag-form').addEventListener('submit', (event) => {
      event.preventDefault();
      addTags();
    });
    $('tag-input').addEventListener('input', () => {
      if ($('tag-error').textContent) setTagError('');
    });

    $('dashboard-refresh').addEventListener('click', () => loadMetrics(true));
    $('sign-out').addEventListener('click', signOut);
    $('shortcuts-open').addEventListener('click', openShortcuts);
    $('shortcuts-open-2').addEventListener('click', openShortcuts);

    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') tick();
    });
  }

  async function signOut() {
    const button = $('sign-out');
    button.disabled = true;
    try {
      await fetch('/agent/logout', { method: 'POST', credentials: 'same-origin', headers: { 'X-Helpdesk-Console': '1' } });
    } catch (e) {
      button.disabled = false;
      banner('Could not sign out: the server cannot be reached.');
      return;
    }
    state.leaving = true;
    if (events) events.close();
    location.href = LOGIN_URL;
  }

  async function start() {
    bind();
    restoreFilters();
    renderScope();
    setMode('reply');
    updateAbilities(null);

    try {
      state.me = await api('/api/agent/me');
      renderMe();
    } catch (e) {
      reportError(e);
      if (e.status === 401) return;
    }

    await Promise.all([loadQueues(), loadCases(), loadTeam(), loadDispositions(), loadCanned()]);
    $('app').setAttribute('aria-busy', 'false');
    renderScope();
    onHashChange();
    connectEvents();
    setInterval(tick, TICK_MS);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
