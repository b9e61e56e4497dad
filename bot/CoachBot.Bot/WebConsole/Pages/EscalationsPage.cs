using System.Globalization;
using System.Text;
using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.People;
using static CoachBot.Bot.WebConsole.Pages.Html;

namespace CoachBot.Bot.WebConsole.Pages;

/// <summary>
/// Open, acknowledged and resolved escalations, and each manager's time to acknowledge against the deadline. The scope
/// is the store's own (<see cref="EscalationScope.ManagerReach"/> for a manager's chain). What a rep shared and the
/// managers' notes are never shown here: people open the card in chat for that.
/// </summary>
public sealed class EscalationsPage(ConsoleAudience audience, EscalationStore store, PersonNames names, TimeProvider time) : IConsolePage
{
    public string Slug => "escalations";

    public string Title => "Escalations";

    public int Order => 40;

    public bool IsVisibleTo(ConsoleViewer viewer) => true;

    public async Task<string> RenderAsync(ConsoleViewer viewer, IReadOnlyDictionary<string, string> query, CancellationToken cancellationToken)
    {
        EscalationScope scope = viewer.Role switch
        {
            PersonRole.Admin => new EscalationScope.Workspace(viewer.WorkspaceId),
            PersonRole.Manager => new EscalationScope.ManagerReach(viewer.PersonId,
                [.. (await audience.PeopleAsync(viewer, cancellationToken)).Where(id => id != viewer.PersonId)]),
            _ => new EscalationScope.Rep(viewer.PersonId),
        };
        var all = await store.ListAsync(scope, includeResolved: true, cancellationToken);
        var who = await names.ForAsync(all.SelectMany(e => new[] { e.RepId, e.OwnerId ?? 0 }), cancellationToken);
        var now = time.GetUtcNow();
        var html = new StringBuilder(H2(viewer.Role == PersonRole.Rep ? "Your escalations" : "Escalations"));
        if (all.Count == 0)
        {
            return html.Append(P("There are no escalations. When a rep asks for help, it appears here with its owner and deadline.")).ToString();
        }

        foreach (var state in Enum.GetValues<EscalationState>())
        {
            var rows = all.Where(e => e.State == state).ToList();
            html.Append($"<h3>{E($"{state} ({rows.Count})")}</h3>\n");
            html.Append(rows.Count == 0
                ? P($"No {state.ToString().ToLowerInvariant()} escalations.")
                : Table(["Id", "Rep", "Reason", "Severity", "Raised (UTC)", "Owner", "Acknowledgement"], rows.Select(e => (IReadOnlyList<string>)[
                    e.ShortId, Name(who, e.RepId), e.Reason.Label(), e.Severity.ToString(), At(e.CreatedAt), e.OwnerId is { } o ? Name(who, o) : "No owner",
                    AckText(e, now)])));
        }

        if (viewer.Role != PersonRole.Rep)
        {
            html.Append(H2("Time to acknowledge, per manager"));
            html.Append(Table(["Manager", "Acknowledged", "Within the deadline", "Median time to acknowledge", "Open past the deadline"],
                all.Where(e => e.OwnerId is not null).GroupBy(e => e.OwnerId!.Value).OrderBy(g => Name(who, g.Key), StringComparer.Ordinal).Select(g =>
                {
                    var acked = g.Where(e => e.AcknowledgedAt is not null).ToList();
                    var onTime = acked.Count(e => e.AckDueAt is null || e.AcknowledgedAt <= e.AckDueAt);
                    var waits = acked.Select(e => e.AcknowledgedAt!.Value - e.CreatedAt).Order().ToList();
                    var late = g.Count(e => e.State == EscalationState.Open && e.AckDueAt < now);
                    return (IReadOnlyList<string>)[Name(who, g.Key), $"{acked.Count} of {g.Count()}", $"{onTime} of {acked.Count}",
                        waits.Count == 0 ? "none acknowledged yet" : Duration(waits[waits.Count / 2]), late.ToString(CultureInfo.InvariantCulture)];
                })));
            html.Append(P("Counted over the 50 newest escalations in your view."));
        }

        return html.ToString();
    }

    private static string AckText(Escalation e, DateTimeOffset now) => (e.AcknowledgedAt, e.AckDueAt) switch
    {
        ({ } at, { } due) => $"after {Duration(at - e.CreatedAt)}; deadline was {Duration(due - e.CreatedAt)} ({(at <= due ? "met" : "missed")})",
        ({ } at, null) => $"after {Duration(at - e.CreatedAt)}",
        (null, { } due) when due < now => $"not yet; the deadline passed {Duration(now - due)} ago. The owner should acknowledge it in the managers' channel now.",
        (null, { } due) => $"not yet; due within {Duration(due - now)}",
        _ => "not yet",
    };

    private static string Name(IReadOnlyDictionary<long, string> who, long id) => who.GetValueOrDefault(id, "someone no longer on the roster");

    private static string At(DateTimeOffset at) => at.UtcDateTime.ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture);

    private static string Duration(TimeSpan span) =>
        span.TotalHours >= 48 ? $"{Invariant(span.TotalDays, "0")} days"
        : span.TotalMinutes >= 90 ? $"{Invariant(span.TotalHours, "0.#")} hours"
        : $"{Invariant(Math.Max(0, span.TotalMinutes), "0")} minutes";

    private static string Invariant(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
