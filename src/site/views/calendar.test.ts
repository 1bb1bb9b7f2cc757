// Tests for the archive calendar: an accessible table with caption and weekday column headers,
// days with stories as links, the current day marked, and the month links.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderCalendar } from './calendar.ts';
import type { CalendarView } from './view-models.ts';

function november(): CalendarView {
  return {
    caption: 'Ноябрь 2026',
    weekdays: ['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Вс'],
    weeks: [
      [null, null, null, null, null, null, { day: 1, href: '/ru/archive/2026/11/01/', isCurrent: false }],
      [2, 3, 4, 5, 6, 7, 8].map((day) => ({ day, href: day === 4 ? undefined : `/ru/archive/2026/11/0${day}/`, isCurrent: day === 3 })),
    ],
    previousMonth: { text: 'Октябрь 2026', href: '/ru/archive/2026/10/' },
    nextMonth: { text: 'Декабрь 2026', href: '/ru/archive/2026/12/' },
  };
}

describe('renderCalendar', () => {
  const out = renderCalendar(november()).value;

  it('is a table with a caption and weekday column headers', () => {
    assert.match(out, /<table>\n<caption>Ноябрь 2026<\/caption>\n<thead><tr><th scope="col">Пн<\/th><th scope="col">Вт<\/th>/);
    assert.equal(out.match(/<th scope="col">/g)?.length, 7);
    assert.equal(out.match(/<tr>/g)?.length, 3);
  });

  it('writes empty cells for days outside the month', () => {
    assert.match(out, /<tr><td><\/td><td><\/td><td><\/td><td><\/td><td><\/td><td><\/td><td class="has-stories"><a href="\/ru\/archive\/2026\/11\/01\/">1<\/a><\/td><\/tr>/);
  });

  it('links days with stories and writes other days as plain numbers', () => {
    assert.match(out, /<td class="has-stories"><a href="\/ru\/archive\/2026\/11\/02\/">2<\/a><\/td>/);
    assert.match(out, /<td>4<\/td>/);
  });

  it('marks the current day with aria-current="date", linked or not', () => {
    assert.match(out, /<td class="is-current"><a href="\/ru\/archive\/2026\/11\/03\/" aria-current="date">3<\/a><\/td>/);
    assert.equal(out.match(/aria-current/g)?.length, 1);
    const unlinked = november();
    unlinked.weeks[1]![1] = { day: 3, isCurrent: true };
    assert.match(renderCalendar(unlinked).value, /<td class="is-current"><span aria-current="date">3<\/span><\/td>/);
  });

  it('links the previous and next months, the arrows hidden from screen readers', () => {
    assert.match(out, /<a class="calendar-prev" href="\/ru\/archive\/2026\/10\/"><span aria-hidden="true">‹ <\/span>Октябрь 2026<\/a>/);
    assert.match(out, /<a class="calendar-next" href="\/ru\/archive\/2026\/12\/">Декабрь 2026<span aria-hidden="true"> ›<\/span><\/a>/);
  });

  it('leaves the month links out when there are none', () => {
    assert.doesNotMatch(renderCalendar({ ...november(), previousMonth: undefined, nextMonth: undefined }).value, /calendar-nav/);
  });

  it('escapes the caption and weekday names', () => {
    assert.match(renderCalendar({ ...november(), caption: '<b>x</b>' }).value, /<caption>&lt;b&gt;x&lt;\/b&gt;<\/caption>/);
  });
});
