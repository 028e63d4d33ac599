// Live updates for storyline's pages. The server sends a "detection" event
// (Server-Sent Events, /api/events) each time story detection completes;
// when its generation is newer than the one the page shows, the page
// fetches itself again and swaps in its content, so a reader sees new
// articles join without reloading or losing their place. The script is a
// file of its own because the Content-Security-Policy allows no inline
// script.
(function () {
  'use strict';
  if (!window.EventSource || !window.fetch || !window.DOMParser) {
    return;
  }
  var status = document.getElementById('live');
  var say = function (text) {
    if (status) {
      status.textContent = text;
    }
  };
  var shown = function () {
    var content = document.getElementById('content');
    return content ? Number(content.getAttribute('data-generation')) : -1;
  };
  var busy = false;
  var refresh = function () {
    if (busy) {
      return;
    }
    busy = true;
    fetch(window.location.href, {headers: {'Accept': 'text/html'}, credentials: 'same-origin'})
      .then(function (response) {
        if (response.status === 404) {
          throw new Error('This story has merged into another; go back to the list.');
        }
        if (!response.ok) {
          throw new Error('Update failed (' + response.status + '); reload the page.');
        }
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('content');
        var old = document.getElementById('content');
        if (fresh && old) {
          old.replaceWith(document.importNode(fresh, true));
          say('Updated ' + new Date().toLocaleTimeString());
        }
      })
      .catch(function (err) {
        say(err.message);
      })
      .then(function () {
        busy = false;
      });
  };
  var events = new EventSource('/api/events');
  events.addEventListener('open', function () {
    say('Live');
  });
  events.addEventListener('error', function () {
    say('Live updates paused; retrying…');
  });
  events.addEventListener('detection', function (e) {
    var data;
    try {
      data = JSON.parse(e.data);
    } catch (err) {
      return;
    }
    if (data.generation > shown()) {
      refresh();
    }
  });
}());
