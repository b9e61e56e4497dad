using System.Xml.Linq;
using CoachBot.Bot.WebConsole.Charts;

namespace CoachBot.Bot.Tests.WebConsole.Charts;

public sealed class SvgChartTests
{
    private const string Hostile = "<script>alert('x')</script> & \"Co\"";
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void LineChartIsWellFormedSvgWithEveryLabelEncoded()
    {
        var svg = SvgChart.Lines(Hostile, ["1 Feb", Hostile], [new ChartSeries(Hostile, [0.5, 0.7])], 0, 1, "%");

        var root = XElement.Parse(svg);
        Assert.Equal(Svg + "svg", root.Name);
        Assert.Equal(Hostile, root.Element(Svg + "title")!.Value);
        Assert.Equal(2, root.Descendants(Svg + "text").Count(t => t.Value == Hostile));
        Assert.DoesNotContain("<script>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void AWeekWithNoNudgesBreaksTheLineInsteadOfDrawingAZero()
    {
        var svg = XElement.Parse(SvgChart.Lines("t", ["a", "b", "c", "d", "e"], [new ChartSeries("s", [0.2, 0.4, null, 0.6, 0.8])], 0, 1, ""));

        var lines = svg.Descendants(Svg + "polyline").Select(p => p.Attribute("points")!.Value.Split(' ').Length).ToList();
        Assert.Equal([2, 2], lines);
    }

    [Fact]
    public void ALoneWeekIsDrawnAsADot()
    {
        var svg = XElement.Parse(SvgChart.Sparkline("t", [null, 0.5, null]));

        Assert.Empty(svg.Descendants(Svg + "polyline"));
        Assert.Single(svg.Descendants(Svg + "circle"));
    }

    [Fact]
    public void StackedColumnsDrawOneRectanglePerNonZeroCountWithItsCountInTheTooltip()
    {
        var svg = XElement.Parse(SvgChart.StackedColumns("ledger", ["Mon", "Tue"],
            [new StackedSeries("sent", "#2ca02c", [3, 0]), new StackedSeries(Hostile, "#9467bd", [1, 2])]));

        var tips = svg.Descendants(Svg + "rect").Select(r => r.Element(Svg + "title")?.Value).OfType<string>().ToList();
        Assert.Equal(["Mon: 3 sent", $"Mon: 1 {Hostile}", $"Tue: 2 {Hostile}"], tips);
    }

    [Fact]
    public void NumbersUseAFullStopWhateverTheCulture()
    {
        var before = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var svg = SvgChart.Sparkline("t", [0.333, 0.666]);

            Assert.Matches("points=\"2,15\\.\\d 98,8\\.\\d\"", svg);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = before;
        }
    }
}
