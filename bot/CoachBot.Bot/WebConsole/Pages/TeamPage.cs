using System.Globalization;
using System.Text;
using CoachBot.Bot.WebConsole.Charts;
using CoachBot.Coaching.Goals;
using CoachBot.Coaching.Managers;
using CoachBot.Coaching.People;
using CoachBot.Coaching.Profiles;
using CoachBot.Coaching.Scheduling;
using static CoachBot.Bot.WebConsole.Pages.Html;

namespace CoachBot.Bot.WebConsole.Pages;

/// <summary>Per rep: style, race, goals and progress, the reply-rate trend, streak and records, reachability, next nudge.</summary>
public sealed class TeamPage(ConsoleAudience audience, TeamQuery team, TimeProvider time) : IConsolePage
{
    public string Slug => "team";

    public string Title => "Team";

    public int Order => 10;

    public bool IsVisibleTo(ConsoleViewer viewer) => true;

    public async Task<string> RenderAsync(ConsoleViewer viewer, IReadOnlyDictionary<string, string> query, CancellationToken cancellationToken)
    {
        var reps = await team.RepsAsync(await audience.PeopleAsync(viewer, cancellationToken), cancellationToken);
        var html = new StringBuilder(H2(viewer.Role == PersonRole.Rep ? "You" : "Your team"));
        if (reps.Count == 0)
        {
            return html.Append(P(viewer.Role == PersonRole.Rep
                ? "CoachBot has no coaching profile for you yet. Send CoachBot a direct message to get started."
                : "There are no reps in your part of the roster yet. Import a roster or ask reps to message CoachBot.")).ToString();
        }

        var now = time.GetUtcNow();
        var rows = reps.Select(r => (IReadOnlyList<string>)[
            r.Name,
            CommunicationStyles.FromDbValue(r.Style) is { } style ? Capitalized(style.Label()) : "Not known yet",
            Capitalized(Races.FromDbValue(r.Race)?.Label() ?? r.Race),
            r.Goals.Count == 0 ? "No goals set" : string.Join("\n", r.Goals.Select(GoalWording.Standing)),
            SvgChart.Sparkline($"{r.Name}: reply rate, last {TeamQuery.TrendWeeks} weeks",
                r.Weeks.Select(w => w.Sent == 0 ? (double?)null : (double)w.Answered / w.Sent).ToList())
                + E(" " + Percent(r.Weeks.Sum(w => w.Answered), r.Weeks.Sum(w => w.Sent))),
            string.Create(CultureInfo.InvariantCulture, $"{r.Streak.Current} in a row; best {r.Streak.Best}; most in a week {r.BestWeekAnswered}"),
            Reach(r),
            NextNudge(r, now),
        ]);
        return html.Append(Table(["Rep", "Style", "Race", "Goals and progress", $"Reply rate ({TeamQuery.TrendWeeks} weeks)", "Streak and records", "Reachable", "Next nudge (their time)"], rows, 4))
            .ToString();
    }

    private static string Reach(TeamQuery.RepRow rep)
    {
        if (rep.Reachable)
        {
            return "Yes";
        }

        var (why, fix) = ReachAdvice.For(rep.UnreachableReason);
        return $"No. {why} What to do: {fix}";
    }

    private static string NextNudge(TeamQuery.RepRow rep, DateTimeOffset now) => rep switch
    {
        { Stopped: true } => "None: the rep stopped nudges",
        { Paused: true } => "None: the rep paused nudges",
        { NextDueAt: { } next } => LocalTimeText.Format(next, rep.TimeZone, now),
        _ => "Not scheduled yet",
    };
}
