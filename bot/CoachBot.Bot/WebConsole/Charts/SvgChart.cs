using System.Globalization;
using System.Net;
using System.Text;

namespace CoachBot.Bot.WebConsole.Charts;

/// <summary>One named layer of a stacked column chart, in a colour the caller picks (a state keeps its colour).</summary>
public sealed record StackedSeries(string Name, string Colour, IReadOnlyList<int> Counts);

/// <summary>One named line on a chart; a null point is a week with nothing to show (a gap, not a zero).</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double?> Points);

/// <summary>
/// Charts drawn on the server as inline SVG. Chosen over a JavaScript chart library because the console must work with no
/// network and no build step for front-end assets, pages stay plain HTML a test can read, and there is nothing to keep
/// patched. Every label is XML-encoded; the output is a well-formed &lt;svg&gt; element.
/// </summary>
public static class SvgChart
{
    private const int Width = 560;
    private const int Height = 220;
    private const int Left = 40;
    private const int Right = 150;
    private const int Top = 16;
    private const int Bottom = 36;
    private static readonly string[] Colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"];

    /// <summary>Lines over shared x labels (weeks), y from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static string Lines(string title, IReadOnlyList<string> xLabels, IReadOnlyList<ChartSeries> series, double min, double max, string unit)
    {
        var svg = Open(title, Width, Height);
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        double X(int i) => Left + (xLabels.Count <= 1 ? plotW / 2.0 : plotW * i / (double)(xLabels.Count - 1));
        double Y(double v) => Top + plotH * (1 - (Math.Clamp(v, min, max) - min) / (max - min));

        foreach (var tick in new[] { min, (min + max) / 2, max })
        {
            svg.Append(F($"<line x1=\"{Left}\" y1=\"{Y(tick):0.#}\" x2=\"{Left + plotW}\" y2=\"{Y(tick):0.#}\" stroke=\"#ddd\"/>"));
            svg.Append(F($"<text x=\"{Left - 4}\" y=\"{Y(tick) + 4:0.#}\" text-anchor=\"end\" font-size=\"10\">{Encode(Format(tick) + unit)}</text>"));
        }

        for (var i = 0; i < xLabels.Count; i++)
        {
            svg.Append(F($"<text x=\"{X(i):0.#}\" y=\"{Height - Bottom + 14}\" text-anchor=\"middle\" font-size=\"10\">{Encode(xLabels[i])}</text>"));
        }

        for (var s = 0; s < series.Count; s++)
        {
            var colour = Colours[s % Colours.Length];
            foreach (var run in Runs(series[s].Points))
            {
                var points = string.Join(' ', run.Select(i => F($"{X(i):0.#},{Y(series[s].Points[i]!.Value):0.#}")));
                svg.Append(run.Count == 1
                    ? F($"<circle cx=\"{X(run[0]):0.#}\" cy=\"{Y(series[s].Points[run[0]]!.Value):0.#}\" r=\"3\" fill=\"{colour}\"/>")
                    : $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{points}\"/>");
            }

            svg.Append(F($"<rect x=\"{Width - Right + 10}\" y=\"{Top + s * 16}\" width=\"10\" height=\"10\" fill=\"{colour}\"/>"));
            svg.Append(F($"<text x=\"{Width - Right + 24}\" y=\"{Top + s * 16 + 9}\" font-size=\"11\">{Encode(series[s].Name)}</text>"));
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Stacked columns: one per x label, one colour per series (e.g. ledger states per day).</summary>
    public static string StackedColumns(string title, IReadOnlyList<string> xLabels, IReadOnlyList<StackedSeries> series)
    {
        var svg = Open(title, Width, Height);
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        var totals = Enumerable.Range(0, xLabels.Count).Select(i => series.Sum(s => s.Counts[i])).ToList();
        var max = Math.Max(1, totals.DefaultIfEmpty(0).Max());
        var column = xLabels.Count == 0 ? 0 : plotW / (double)xLabels.Count;
        svg.Append(F($"<text x=\"{Left - 4}\" y=\"{Top + 4}\" text-anchor=\"end\" font-size=\"10\">{max}</text>"));
        svg.Append(F($"<text x=\"{Left - 4}\" y=\"{Top + plotH + 4}\" text-anchor=\"end\" font-size=\"10\">0</text>"));
        for (var i = 0; i < xLabels.Count; i++)
        {
            var y = (double)(Top + plotH);
            for (var s = 0; s < series.Count; s++)
            {
                var h = plotH * series[s].Counts[i] / (double)max;
                if (h > 0)
                {
                    y -= h;
                    svg.Append(F($"<rect x=\"{Left + i * column + 2:0.#}\" y=\"{y:0.#}\" width=\"{Math.Max(1, column - 4):0.#}\" height=\"{h:0.#}\" fill=\"{series[s].Colour}\"><title>{Encode($"{xLabels[i]}: {series[s].Counts[i]} {series[s].Name}")}</title></rect>"));
                }
            }

            // At most about eight labels fit under the columns; the rest are in each column's tooltip.
            if (i % Math.Max(1, (int)Math.Ceiling(xLabels.Count / 8.0)) == 0)
            {
                svg.Append(F($"<text x=\"{Left + (i + 0.5) * column:0.#}\" y=\"{Height - Bottom + 14}\" text-anchor=\"middle\" font-size=\"10\">{Encode(xLabels[i])}</text>"));
            }
        }

        for (var s = 0; s < series.Count; s++)
        {
            svg.Append(F($"<rect x=\"{Width - Right + 10}\" y=\"{Top + s * 16}\" width=\"10\" height=\"10\" fill=\"{series[s].Colour}\"/>"));
            svg.Append(F($"<text x=\"{Width - Right + 24}\" y=\"{Top + s * 16 + 9}\" font-size=\"11\">{Encode(series[s].Name)}</text>"));
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>A small inline trend for a table cell, 0 to 1 (a rate).</summary>
    public static string Sparkline(string title, IReadOnlyList<double?> points)
    {
        const int w = 100, h = 24;
        var svg = Open(title, w, h);
        double X(int i) => points.Count <= 1 ? w / 2.0 : 2 + (w - 4) * i / (double)(points.Count - 1);
        double Y(double v) => 2 + (h - 4) * (1 - Math.Clamp(v, 0, 1));
        foreach (var run in Runs(points))
        {
            svg.Append(run.Count == 1
                ? F($"<circle cx=\"{X(run[0]):0.#}\" cy=\"{Y(points[run[0]]!.Value):0.#}\" r=\"2\" fill=\"#1f77b4\"/>")
                : $"<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"1.5\" points=\"{string.Join(' ', run.Select(i => F($"{X(i):0.#},{Y(points[i]!.Value):0.#}")))}\"/>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(string title, int width, int height) => new StringBuilder()
        .Append(F($"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">"))
        .Append("<title>").Append(Encode(title)).Append("</title>");

    // Consecutive indexes with a value: a missing week breaks the line instead of drawing it to zero.
    private static List<List<int>> Runs(IReadOnlyList<double?> points)
    {
        var runs = new List<List<int>>();
        List<int>? current = null;
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i] is null)
            {
                current = null;
                continue;
            }

            if (current is null)
            {
                current = [];
                runs.Add(current);
            }

            current.Add(i);
        }

        return runs;
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
