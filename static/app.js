// statuspress: optional enhancement. Every page works without this file.
//
// Uptime strips: the list of days is one tab stop. With this script, the arrow keys, Home and
// End move focus from day to day (a roving focus: each day can take focus, none is a tab stop
// of its own), so a keyboard user can read the days one by one; the focused day shows its
// words above the strip (style.css), Enter opens its first incident, Escape returns to the list.
// Days without words (the overview's calm days) are skipped.
(function () {
	"use strict";
	var strips = document.querySelectorAll("ol.uptime__days");
	Array.prototype.forEach.call(strips, function (list) {
		// The overview leaves calm days without words (aria-hidden, colour only): the keys move
		// between the days that have something to say.
		var days = Array.prototype.filter.call(list.children, function (li) {
			return li.getAttribute("aria-hidden") !== "true";
		});
		if (days.length === 0) return;
		days.forEach(function (day) {
			day.tabIndex = -1;
			// The links inside a day stay in the page for screen readers and pointers but leave
			// the tab order, so that Tab moves past the whole strip.
			Array.prototype.forEach.call(day.querySelectorAll("a"), function (a) { a.tabIndex = -1; });
		});
		var current = days.length - 1; // today
		function focusDay(i) {
			current = Math.max(0, Math.min(days.length - 1, i));
			days[current].focus();
		}
		list.addEventListener("keydown", function (e) {
			if (e.altKey || e.ctrlKey || e.metaKey) return;
			var day = e.target === list ? null : e.target.closest("li");
			var i = day ? days.indexOf(day) : -1;
			switch (e.key) {
			case "ArrowLeft":
				focusDay(i < 0 ? current : i - 1);
				break;
			case "ArrowRight":
				focusDay(i < 0 ? current : i + 1);
				break;
			case "Home":
				focusDay(0);
				break;
			case "End":
				focusDay(days.length - 1);
				break;
			case "Escape":
				if (i < 0) return;
				list.focus();
				break;
			case "Enter":
				var link = i < 0 ? null : days[i].querySelector("a");
				if (!link || e.target === link) return;
				link.click();
				break;
			default:
				return;
			}
			e.preventDefault();
		});
		list.addEventListener("click", function (e) {
			var i = days.indexOf(e.target.closest("li"));
			if (i >= 0) current = i;
		});
	});
})();
