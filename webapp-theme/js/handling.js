// Handling pages. PrimeFaces makes the reply editor's container an ARIA textbox: it gets the field's label.
(function () {
    var host = document.getElementById('draft:editor');
    if (host) {
        host.setAttribute('aria-labelledby', 'draft:editorLabel');
    }
})();
