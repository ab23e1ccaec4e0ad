// The leaders' dashboard and the wall screen: draws each [data-chart] from the page's JSON (json_script
// "board-data") with our copy of ECharts; a click on a bar, a point or a funnel layer opens the rows behind it
// (#board[data-drill] + the point's query). #board[data-theme] picks the ECharts theme, [data-scale] enlarges the
// type for the wall, [data-units] keeps that many units (the worst first), [data-refresh] reloads the page every N
// seconds. Charts follow their box's size.
(function () {
  "use strict";

  const LIGHT_COLORS = { red: "#d93025", yellow: "#f2a600", blue: "#1a73e8", green: "#1e8e3e", grey: "#9aa0a6" };
  const STAGE_COLORS = ["#3d7be0", "#24858a", "#c27c00", "#1e8e3e"];

  // Names (chains, focuses, units, series) are data typed by users; ECharts renders tooltips as HTML, so every
  // name that goes into a formatter's string passes through here. ECharts' own markers (`i.marker`) stay HTML.
  const HTML_ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
  function escapeHtml(value) {
    return String(value ?? "").replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
  }

  function yi(value) {
    return (Math.round(value * 100) / 100).toString();
  }

  function lightSeries(series, horizontal) {
    return series.map((s) => ({
      name: s.name, type: "bar", stack: "lights", data: s.data, itemStyle: { color: LIGHT_COLORS[s.light] },
      barMaxWidth: horizontal ? 18 : 40, emphasis: { focus: "series" },
      label: { show: true, formatter: (p) => (p.value ? p.value : "") },
    }));
  }

  const BUILD = {
    focus(data) {
      return {
        tooltip: { trigger: "axis", axisPointer: { type: "shadow" },
          formatter: (items) => {
            const index = items[0].dataIndex;
            const met = data.met[index];
            return `${escapeHtml(items[0].name)}<br>达标 ${met.value}/${met.total} 项<br>` +
              items.filter((i) => i.value).map((i) => `${i.marker}${escapeHtml(i.seriesName)} ${i.value}`).join("<br>");
          } },
        legend: { top: 0 },
        grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
        xAxis: { type: "value", minInterval: 1 },
        yAxis: { type: "category", data: data.categories, inverse: true },
        series: lightSeries(data.series, true),
      };
    },
    funnel(data) {
      return {
        tooltip: { trigger: "item", formatter: (p) => `${escapeHtml(p.name)}：${p.value}个<br>计划总投资 ${yi(p.data.amount_wan / 10000)}亿元` },
        color: STAGE_COLORS,
        series: [{
          type: "funnel", sort: "none", left: "10%", right: "10%", top: 8, bottom: 8, minSize: "20%", gap: 2,
          label: { show: true, position: "inside", formatter: "{b} {c}个", color: "#fff", fontWeight: "bold" },
          data: data,
        }],
      };
    },
    chains(data) {
      return {
        tooltip: { trigger: "axis", axisPointer: { type: "shadow" },
          formatter: (items) => `${escapeHtml(items[0].name)}<br>签约 ${items[0].data.count} 个，计划总投资 ${yi(items[0].value)} 亿元` },
        grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
        xAxis: { type: "value", name: "亿元" },
        yAxis: { type: "category", data: data.categories, inverse: true, axisLabel: { interval: 0 } },
        series: [{ type: "bar", data: data.data, barMaxWidth: 18, itemStyle: { color: "#4f8fe6" },
          label: { show: true, position: "right", formatter: (p) => (p.value ? yi(p.value) : "") } }],
      };
    },
    months(data) {
      const [current, previous] = data.series;
      return {
        tooltip: { trigger: "axis" },
        legend: { top: 0 },
        grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
        xAxis: { type: "category", data: data.categories },
        yAxis: { type: "value", minInterval: 1, name: "个" },
        series: [
          { name: current.name, type: "bar", data: current.data, barMaxWidth: 24, itemStyle: { color: "#c8102e" },
            label: { show: true, position: "top", formatter: (p) => (p.value ? p.value : "") } },
        ].concat(previous  // last year's line only where last year has data (no flat zero line)
          ? [{ name: previous.name, type: "line", data: previous.data, symbolSize: 8, itemStyle: { color: "#8a96a8" } }]
          : []),
      };
    },
    units(data) {
      return {
        tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
        legend: { top: 0 },
        grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
        xAxis: { type: "value", minInterval: 1 },
        yAxis: { type: "category", data: data.categories, inverse: true, axisLabel: { interval: 0 } },
        series: lightSeries(data.series, true),
      };
    },
  };

  // Keep the first `limit` categories (the data come worst first) of a chart with stacked series.
  function firstRows(data, limit) {
    if (!limit || data.categories.length <= limit) return data;
    return { ...data, categories: data.categories.slice(0, limit),
      series: data.series.map((s) => ({ ...s, data: s.data.slice(0, limit) })) };
  }

  // Enlarge the type; a category axis keeps its labels within their rows' height.
  function scaleText(option, size, rowHeight) {
    [].concat(option.xAxis || [], option.yAxis || []).forEach((axis) => {
      const fit = axis.type === "category" && rowHeight ? Math.min(size, Math.floor(rowHeight * 0.8)) : size;
      axis.axisLabel = { ...(axis.axisLabel || {}), fontSize: fit };
      axis.nameTextStyle = { fontSize: size };
    });
    if (option.legend) option.legend.textStyle = { fontSize: size };
    option.series.forEach((series) => { if (series.label) series.label.fontSize = size; });
    option.tooltip = { ...(option.tooltip || {}), textStyle: { fontSize: size } };
  }

  // A tall list (units, chains) gets the height its rows need, so names never overlap on any screen.
  function fitHeight(element, data) {
    const rows = (data && data.categories && data.categories.length) || 0;
    if (element.classList.contains("board-chart-tall") && !document.body.classList.contains("screen")) {
      element.style.height = `${Math.max(320, rows * 24 + 60)}px`;
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    const board = document.getElementById("board");
    const source = document.getElementById("board-data");
    if (!board || !source || typeof echarts === "undefined") return;
    const data = JSON.parse(source.textContent);
    data.units = firstRows(data.units, parseInt(board.dataset.units || "0", 10));
    const scale = parseFloat(board.dataset.scale || "1");
    const charts = [];
    board.querySelectorAll("[data-chart]").forEach((element) => {
      const name = element.dataset.chart;
      fitHeight(element, data[name]);
      const chart = echarts.init(element, board.dataset.theme || null, { renderer: "canvas" });
      const option = BUILD[name](data[name]);
      const rows = data[name].categories ? data[name].categories.length : 0;
      if (scale !== 1) scaleText(option, Math.round(12 * scale), rows && (element.clientHeight - 60) / rows);
      if (board.dataset.theme) option.backgroundColor = "transparent";
      chart.setOption(option);
      chart.on("click", (point) => {
        const query = point.data && point.data.query;
        if (query) window.location.href = `${board.dataset.drill}?${query}`;
      });
      charts.push(chart);
    });
    const resize = () => charts.forEach((chart) => chart.resize());
    window.addEventListener("resize", resize);
    if (typeof ResizeObserver !== "undefined") new ResizeObserver(resize).observe(board);
    board.dataset.ready = "1";
    if (board.dataset.refresh) setTimeout(() => window.location.reload(), parseInt(board.dataset.refresh, 10) * 1000);
  });
})();
