/*! Loopscope embed: include once in a course page, after its snippets.
 *
 *   <div data-loopscope="example=lock&autoplay=1"></div>
 *   <pre data-loopscope="autoplay=1">import asyncio ...</pre>
 *   <script src="https://course.example/loopscope/static/loopscope-embed.js"></script>
 *
 * Every element with a data-loopscope attribute becomes an iframe showing
 * Loopscope in its compact view (?embed=1). The attribute holds the view's
 * options as in a link (docs/embedding.md): example=, autoplay=, editor=,
 * panels=, step=, speed=, gran=, lang=, theme=. A <pre> (or any element
 * without example=) carries its Python program as its text; the program
 * travels in the link's fragment, lz-string-compressed as the app reads it.
 * The frames take the height the app posts ({type: "loopscope:resize"}).
 * data-loopscope-base on the script sets where the app lives (default: the
 * folder above this script's static/ folder). No dependencies.
 */
(function () {
  'use strict';

  var ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

  // lz-string's compressToEncodedURIComponent: an LZW-style dictionary coder
  // writing codes of growing width, six bits per output character.
  function compress(text) {
    var dict = Object.create(null);
    var fresh = Object.create(null);
    var size = 3;
    var width = 2;
    var grow = 2;
    var out = [];
    var bits = 0;
    var count = 0;
    var w = '';

    function put(value, n) {
      for (var i = 0; i < n; i++) {
        bits = (bits << 1) | (value & 1);
        value >>= 1;
        if (count === 5) {
          out.push(ALPHABET.charAt(bits));
          bits = 0;
          count = 0;
        } else {
          count++;
        }
      }
    }
    function tick() {
      grow--;
      if (grow === 0) {
        grow = Math.pow(2, width);
        width++;
      }
    }
    function emit(phrase) {
      if (fresh[phrase]) {
        var code = phrase.charCodeAt(0);
        if (code < 256) {
          put(0, width);
          put(code, 8);
        } else {
          put(1, width);
          put(code, 16);
        }
        tick();
        delete fresh[phrase];
      } else {
        put(dict[phrase], width);
      }
      tick();
    }

    for (var i = 0; i < text.length; i++) {
      var c = text.charAt(i);
      if (!(c in dict)) {
        dict[c] = size++;
        fresh[c] = true;
      }
      var wc = w + c;
      if (wc in dict) {
        w = wc;
      } else {
        emit(w);
        dict[wc] = size++;
        w = c;
      }
    }
    if (w !== '') emit(w);
    put(2, width);
    // Flush: pad the last character.
    for (;;) {
      bits <<= 1;
      if (count === 5) {
        out.push(ALPHABET.charAt(bits));
        break;
      }
      count++;
    }
    return out.join('');
  }

  var script = document.currentScript;
  var base = (script && script.getAttribute('data-loopscope-base')) ||
    (script && script.src ? new URL('..', script.src).href : './');

  function frameFor(el) {
    var options = (el.getAttribute('data-loopscope') || '').replace(/^[?#&]+/, '');
    var params = options.split('&').filter(function (p) {
      return p && !/^(embed|code)(=|$)/i.test(p);
    });
    var hasExample = params.some(function (p) { return /^example=/i.test(p); });
    var url = base + '?embed=1' + (params.length ? '&' + params.join('&') : '');
    if (!hasExample) {
      var code = el.textContent.replace(/^\n/, '');
      url += '#code/' + compress(code);
    }
    var frame = document.createElement('iframe');
    frame.className = 'loopscope';
    frame.src = url;
    frame.title = el.getAttribute('title') || 'Loopscope';
    frame.setAttribute('loading', 'lazy');
    frame.style.width = '100%';
    frame.style.height = (el.getAttribute('data-height') || '520') + 'px';
    frame.style.border = '0';
    return frame;
  }

  function mount() {
    var els = document.querySelectorAll('[data-loopscope]');
    for (var i = 0; i < els.length; i++) {
      if (els[i].tagName === 'IFRAME' || els[i].tagName === 'SCRIPT') continue;
      els[i].parentNode.replaceChild(frameFor(els[i]), els[i]);
    }
  }

  window.addEventListener('message', function (e) {
    var d = e.data;
    if (!d || d.type !== 'loopscope:resize' || typeof d.height !== 'number') return;
    var frames = document.querySelectorAll('iframe.loopscope');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === e.source) {
        frames[i].style.height = Math.min(Math.max(d.height, 120), 4000) + 'px';
      }
    }
  });

  window.Loopscope = { compress: compress, mount: mount };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', mount);
  } else {
    mount();
  }
})();
