// Charts with Chart.js (from its WebJar, served by the analytics service itself: nothing from a CDN).

const COLOURS = ['#1f5fa8', '#e07b00', '#2e8540', '#b3261e', '#6b4fbb', '#00838f', '#8d6e63', '#5f6368'];

export function colour(i) {
  return COLOURS[i % COLOURS.length];
}

/** A chart on canvas, or null where Chart.js did not load (the figures stay readable in their tables). */
export function chart(canvas, type, labels, datasets, options = {}) {
  if (!window.Chart) return null;
  return new window.Chart(canvas, {
    type,
    data: {labels, datasets: datasets.map((d, i) => ({backgroundColor: colour(i), borderColor: colour(i), ...d}))},
    options: {
      responsive: true, maintainAspectRatio: false, animation: false,
      plugins: {legend: {position: 'bottom'}},
      ...options,
    },
  });
}

/** New labels and data for a chart made by chart(). */
export function update(c, labels, datasets) {
  if (!c) return;
  c.data.labels = labels;
  datasets.forEach((d, i) => {
    if (c.data.datasets[i]) Object.assign(c.data.datasets[i], d);
    else c.data.datasets.push({backgroundColor: colour(i), borderColor: colour(i), ...d});
  });
  c.data.datasets.length = datasets.length;
  c.update();
}
