/* Behaviour the templates would otherwise write inline: the Content-Security-Policy allows
   scripts from this site only, so no <script> blocks, onclick= or hx-on attributes. */
document.addEventListener("htmx:afterRequest", function (event) {
  // <form data-remove-after-request="#read-box">: the box goes once its request succeeded.
  var elt = event.detail.elt;
  var selector = elt && elt.getAttribute && elt.getAttribute("data-remove-after-request");
  if (selector && event.detail.successful) {
    var target = document.querySelector(selector);
    if (target) target.remove();
  }
});
