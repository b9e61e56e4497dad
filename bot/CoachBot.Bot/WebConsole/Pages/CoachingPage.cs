using System.Globalization;
using System.Text;
using CoachBot.Bot.WebConsole.Charts;
using CoachBot.Coaching.People;
using CoachBot.Coaching.Profiles;
using static CoachBot.Bot.WebConsole.Pages.Html;

namespace CoachBot.Bot.WebConsole.Pages;

/// <summary>
/// Reply rate and confidence by style rendering, race and skill, week by week. Team numbers appear only for groups of
/// at least <see cref="MinGroup"/> reps, so nobody's own answers can be read off a chart; a rep sees their own numbers.
/// </summary>
public sealed class CoachingPage(ConsoleAudience audience, CoachingQuery coaching, TimeProvider time) : IConsolePage
{
    public const int MinGroup = 5;

    private static readonly (string Dimension, string Heading)[] Breakdowns =
        [("all", "Overall"), ("style", "By style rendering"), ("race", "By race"), ("skill", "By skill")];

    public string Slug => "coaching";

    public string Title => "Coaching";

    public int Order => 20;

    public bool IsVisibleTo(ConsoleViewer viewer) => true;

    public async Task<string> RenderAsync(ConsoleViewer viewer, IReadOnlyDictionary<string, string> query, CancellationToken cancellationToken)
    {
        var own = viewer.Role == PersonRole.Rep;
        var cells = await coaching.CellsAsync(await audience.PeopleAsync(viewer, cancellationToken), cancellationToken);
        var html = new StringBuilder(H2(own ? "Your coaching, week by week" : "Coaching, week by week"));
        if (cells.Count == 0)
        {
            return html.Append(P($"No nudges were sent in the last {CoachingQuery.Weeks} weeks, so there is nothing to chart yet. Charts appear after the first nudges go out.")).ToString();
        }

        var weeks = WeekLabels(time.GetUtcNow());
        foreach (var (dimension, heading) in Breakdowns)
        {
            var groups = cells.Where(c => c.Dimension == dimension && c.WeeksBack is null).OrderBy(c => c.Value, StringComparer.Ordinal).ToList();
            var shown = own ? groups : groups.Where(g => g.Reps >= MinGroup).ToList();
            var hidden = groups.Except(shown).ToList();
            html.Append("<section>\n").Append($"<h3>{E(heading)}</h3>\n");
            if (shown.Count > 0)
            {
                html.Append(SvgChart.Lines($"Reply rate {heading.ToLowerInvariant()}", weeks, Series(cells, shown, c => c.Sent == 0 ? null : 100.0 * c.Answered / c.Sent), 0, 100, "%"));
                html.Append(SvgChart.Lines($"Average confidence {heading.ToLowerInvariant()}", weeks, Series(cells, shown, c => c.Confidence), 1, 5, ""));
                // Team rows give rates, not counts: counts of the shown groups would let anyone subtract their way to a hidden one.
                html.Append(Table(["Group", "Reps", "Reply rate", "Average confidence"],
                    shown.Select(g => (IReadOnlyList<string>)[Label(dimension, g.Value), g.Reps.ToString(CultureInfo.InvariantCulture),
                        own ? Percent(g.Answered, g.Sent) : Rate(g.Answered, g.Sent), Number(g.Confidence)])));
            }

            if (hidden.Count > 0)
            {
                var names = string.Join(", ", hidden.Select(h => $"{Label(dimension, h.Value)} ({h.Reps} {(h.Reps == 1 ? "rep" : "reps")})"));
                html.Append(P($"Hidden because fewer than {MinGroup} reps are in the group: {names}. Team numbers are shown only for groups of at least {MinGroup} reps, so no one's own answers can be picked out; they appear once more reps are nudged.", "hidden-aggregate"));
            }

            html.Append("</section>\n");
        }

        return html.ToString();
    }

    private static string Rate(int answered, int sent) => string.Create(CultureInfo.InvariantCulture, $"{100.0 * answered / sent:0}%");

    private static List<ChartSeries> Series(IReadOnlyList<CoachingQuery.Cell> cells, IEnumerable<CoachingQuery.Cell> groups, Func<CoachingQuery.Cell, double?> value) =>
        groups.Select(g =>
        {
            var byWeek = cells.Where(c => c.Dimension == g.Dimension && c.Value == g.Value && c.WeeksBack is not null).ToDictionary(c => c.WeeksBack!.Value);
            var points = Enumerable.Range(0, CoachingQuery.Weeks).Reverse().Select(back => byWeek.TryGetValue(back, out var c) ? value(c) : null).ToList();
            return new ChartSeries(Label(g.Dimension, g.Value), points);
        }).ToList();

    private static List<string> WeekLabels(DateTimeOffset now) =>
        Enumerable.Range(0, CoachingQuery.Weeks).Reverse()
            .Select(back => now.AddDays(-7 * (back + 1)).ToString("d MMM", CultureInfo.InvariantCulture)).ToList();

    private static string Label(string dimension, string value) => Capitalized(dimension switch
    {
        "style" => CommunicationStyles.FromDbValue(value)?.Label() ?? value,
        "race" => Races.FromDbValue(value)?.Label() ?? value,
        "skill" => FocusSkills.FromDbValue(value)?.Label() ?? value,
        _ => "All nudges",
    });
}
