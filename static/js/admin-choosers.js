// Starts Wagtail's date and time pickers from the settings its widgets leave in JSON
// (portal/templates/wagtailadmin/widgets/), instead of the inline scripts the
// Content-Security-Policy refuses. Filters and dialogs that arrive later are started too.
(function () {
  const starters = {
    date: () => window.initDateChooser,
    time: () => window.initTimeChooser,
    datetime: () => window.initDateTimeChooser,
  };

  function start() {
    document.querySelectorAll("script[data-redress-chooser]:not([data-started])").forEach((data) => {
      const starter = starters[data.dataset.redressChooser]?.();
      if (typeof starter !== "function") return;
      data.dataset.started = "true";
      starter(data.dataset.for, JSON.parse(data.textContent));
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
  new MutationObserver(start).observe(document.documentElement, { childList: true, subtree: true });
})();
