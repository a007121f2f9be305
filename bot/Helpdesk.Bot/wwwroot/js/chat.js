// Starts the support chat: asks our server for a Direct Line session, then renders Bot Framework
// Web Chat into #webchat. Kept in its own file because the page allows no inline script.
(function () {
  'use strict';

  // Same value as --nb-accent in css/site.css: Web Chat is styled through options, not our stylesheet.
  const ACCENT = '#2f5bea';
  const ACCENT_SOFT = '#eef2ff';
  const INK = '#0b1f3a';
  const LINE = '#e3e7ef';

  // A session request that hangs would leave the spinner up forever; give up and offer Retry instead.
  const SESSION_TIMEOUT_MS = 15000;

  const styleOptions = {
    accent: ACCENT,
    primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    backgroundColor: '#f8f9fc',
    rootHeight: '100%',

    avatarSize: 40,
    botAvatarInitials: 'NB',
    botAvatarBackgroundColor: INK,
    userAvatarInitials: 'You',
    userAvatarBackgroundColor: ACCENT,

    bubbleBackground: '#ffffff',
    bubbleBorderColor: LINE,
    bubbleBorderWidth: 1,
    bubbleBorderRadius: 16,
    bubbleFromUserBackground: ACCENT,
    bubbleFromUserTextColor: '#ffffff',
    bubbleFromUserBorderColor: ACCENT,
    bubbleFromUserBorderWidth: 1,
    bubbleFromUserBorderRadius: 16,
    bubbleMaxWidth: 560,

    suggestedActionLayout: 'flow',
    suggestedActionBorderRadius: 999,
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionBorderColor: ACCENT,
    suggestedActionTextColor: ACCENT,
    suggestedActionBackgroundColorOnHover: ACCENT_SOFT,

    sendBoxButtonColor: ACCENT,
    sendBoxBorderTop: 'solid 1px ' + LINE,
    sendBoxHeight: 56,
    hideUploadButton: true,
    // How long a message may take to reach the server before Web Chat offers to resend it.
    sendTimeout: 20000
  };

  const container = document.getElementById('webchat');
  const status = document.getElementById('chat-status');
  const retryButton = document.getElementById('chat-retry');

  function setState(state) {
    status.setAttribute('data-state', state);
    container.setAttribute('aria-busy', state === 'loading' ? 'true' : 'false');
  }

  async function requestSession() {
    const controller = new AbortController();
    const timer = setTimeout(function () { controller.abort(); }, SESSION_TIMEOUT_MS);
    try {
      const response = await fetch('/api/chat/session', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
        signal: controller.signal
      });
      if (!response.ok) {
        throw new Error('Chat session request failed with HTTP ' + response.status);
      }
      const session = await response.json();
      if (!session || typeof session.token !== 'string' || session.token === '') {
        throw new Error('Chat session response has no token');
      }
      return session;
    } finally {
      clearTimeout(timer);
    }
  }

  // The send box appears a moment after renderWebChat returns, so wait for it before focusing.
  function focusSendBoxWhenReady() {
    const selector = '[data-id="webchat-sendbox-input"]';
    const focus = function () {
      const input = container.querySelector(selector);
      if (input) {
        input.focus();
      }
      return Boolean(input);
    };
    if (focus()) {
      return;
    }
    const observer = new MutationObserver(function () {
      if (focus()) {
        observer.disconnect();
      }
    });
    observer.observe(container, { childList: true, subtree: true });
    setTimeout(function () { observer.disconnect(); }, 10000);
  }

  function render(session) {
    // The server proxies Direct Line under our own origin; the user id travels inside the token,
    // so no userID is passed here. The server greets the user itself, so no join event is sent.
    const directLine = window.WebChat.createDirectLine({
      domain: location.origin + '/v3/directline',
      token: session.token,
      webSocket: true
    });
    window.WebChat.renderWebChat({ directLine: directLine, locale: 'en-GB', styleOptions: styleOptions }, container);
    setState('ready');
    focusSendBoxWhenReady();
  }

  async function start() {
    setState('loading');
    retryButton.disabled = true;
    try {
      if (!window.WebChat) {
        throw new Error('Web Chat failed to load');
      }
      render(await requestSession());
    } catch (error) {
      console.error(error);
      setState('error');
      retryButton.disabled = false;
      retryButton.focus();
    }
  }

  retryButton.addEventListener('click', start);
  start();
})();
