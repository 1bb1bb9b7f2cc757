// The archive calendar of a month: a real table (caption, weekday column headers) so screen
// readers announce "Tuesday, 17"; days with stories are links, the day shown is marked current.

import { html, type SafeHtml } from './html.ts';
import type { CalendarDay, CalendarView } from './view-models.ts';

export function renderCalendar(view: CalendarView): SafeHtml {
  return html`<div class="calendar">
<table>
<caption>${view.caption}</caption>
<thead><tr>${view.weekdays.map((weekday) => html`<th scope="col">${weekday}</th>`)}</tr></thead>
<tbody>
${view.weeks.map((week) => html`<tr>${week.map(renderDay)}</tr>\n`)}</tbody>
</table>
${(view.previousMonth || view.nextMonth) && html`<p class="calendar-nav">${
    view.previousMonth && html`<a class="calendar-prev" href="${view.previousMonth.href}"><span aria-hidden="true">‹ </span>${view.previousMonth.text}</a>`
  }${
    view.nextMonth && html`<a class="calendar-next" href="${view.nextMonth.href}">${view.nextMonth.text}<span aria-hidden="true"> ›</span></a>`
  }</p>`}
</div>`;
}

function renderDay(day: CalendarDay | null): SafeHtml {
  if (day === null) return html`<td></td>`;
  if (day.isCurrent) {
    return day.href
      ? html`<td class="is-current"><a href="${day.href}" aria-current="date">${day.day}</a></td>`
      : html`<td class="is-current"><span aria-current="date">${day.day}</span></td>`;
  }
  return day.href ? html`<td class="has-stories"><a href="${day.href}">${day.day}</a></td>` : html`<td>${day.day}</td>`;
}
