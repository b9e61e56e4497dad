using System.Globalization;
using System.Text;
using CoachBot.Bot.WebConsole.Charts;
using CoachBot.Coaching.Managers;
using CoachBot.Coaching.People;
using static CoachBot.Bot.WebConsole.Pages.Html;

namespace CoachBot.Bot.WebConsole.Pages;

/// <summary>Ledger states per workspace or tenant over time, and each 429, unknown outcome and unreachable person with what to do.</summary>
public sealed class DeliveryPage(ConsoleAudience audience, DeliveryQuery delivery, TimeProvider time) : IConsolePage
{
    private static readonly (string State, string Colour)[] States =
        [("sent", "#2ca02c"), ("pending", "#7f7f7f"), ("sending", "#17becf"), ("failed", "#d62728"), ("expired", "#ff7f0e"), ("unknown", "#9467bd")];

    public string Slug => "delivery";

    public string Title => "Delivery";

    public int Order => 30;

    // Delivery is operations work; a rep's own nudges are on their Team page.
    public bool IsVisibleTo(ConsoleViewer viewer) => viewer.Role != PersonRole.Rep;

    public async Task<string> RenderAsync(ConsoleViewer viewer, IReadOnlyDictionary<string, string> query, CancellationToken cancellationToken)
    {
        if (!IsVisibleTo(viewer))
        {
            return P("The Delivery page is for managers and admins. Your own nudges and streak are on the Team page.");
        }

        var ledger = await delivery.LoadAsync(await audience.PeopleAsync(viewer, cancellationToken), cancellationToken);
        var html = new StringBuilder(H2($"Delivery, last {DeliveryQuery.Days} days"));
        var today = time.GetUtcNow().UtcDateTime.Date;
        var days = Enumerable.Range(0, DeliveryQuery.Days + 1).Select(i => today.AddDays(i - DeliveryQuery.Days)).ToList();
        var labels = days.Select(d => d.ToString("d MMM", CultureInfo.InvariantCulture)).ToList();
        if (ledger.Days.Count == 0)
        {
            html.Append(P("No nudges were scheduled for your people in this period, so the ledger is empty."));
        }

        foreach (var workspace in ledger.Days.GroupBy(d => (d.Workspace, d.Platform)))
        {
            var counts = workspace.ToLookup(d => d.Status);
            var series = States.Where(s => counts[s.State].Any())
                .Select(s => new StackedSeries(s.State, s.Colour, days.Select(day => counts[s.State].Where(c => c.Day.Date == day).Sum(c => c.Count)).ToList())).ToList();
            var kind = workspace.Key.Platform == "teams" ? "Teams tenant" : "Slack workspace";
            html.Append($"<h3>{E($"{kind} {workspace.Key.Workspace}")}</h3>\n")
                .Append(SvgChart.StackedColumns($"Ledger states per day in {kind} {workspace.Key.Workspace}", labels, series))
                .Append(Table(["State", "Nudges"], series.Select(s => (IReadOnlyList<string>)[s.Name, s.Counts.Sum().ToString(CultureInfo.InvariantCulture)])));
        }

        html.Append(H2("Slowed down by the platform (429)"));
        html.Append(ledger.RateLimited.Count == 0
            ? P("No nudge was rate limited in this period.")
            : Table(["Rep", "Slot (UTC)", "State", "Attempts", "Reason", "What to do"], ledger.RateLimited.Select(p => Row(p, DeliveryAdvice.RateLimited(p.Platform)))));
        html.Append(H2("Unknown outcomes"));
        html.Append(ledger.Unknown.Count == 0
            ? P("Every nudge in this period has a known outcome.")
            : Table(["Rep", "Slot (UTC)", "State", "Attempts", "Reason", "What to do"], ledger.Unknown.Select(p => Row(p, DeliveryAdvice.UnknownOutcome(p.Platform, p.LastError)))));
        html.Append(H2("People CoachBot cannot reach"));
        html.Append(ledger.Unreachable.Count == 0
            ? P("Everyone can be reached.")
            : Table(["Person", "Platform", "Reason", "What to do"], ledger.Unreachable.Select(u =>
            {
                var (why, fix) = ReachAdvice.For(u.Reason);
                return (IReadOnlyList<string>)[u.Name, ReachLoss.PlatformNameOf(u.Platform), why, fix];
            })));
        return html.ToString();
    }

    private static IReadOnlyList<string> Row(DeliveryQuery.Problem p, DeliveryAdvice.Advice advice) =>
        [p.Name, p.SlotAt.ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture), p.Status, p.Attempts.ToString(CultureInfo.InvariantCulture), advice.Reason, advice.WhatToDo];
}
