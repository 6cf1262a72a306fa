/*
 * Behaviour that used to sit in inline handlers, which the Content-Security-Policy forbids (issue #8).
 * A form marked data-once sends once: a second click while the first submission is on its way does nothing.
 */
document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form || !form.hasAttribute || !form.hasAttribute('data-once')) {
        return;
    }
    if (form.dataset.sent) {
        event.preventDefault();
        return;
    }
    form.dataset.sent = '1';
}, true);
