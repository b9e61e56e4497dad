using System.Text;
using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.People;
using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Managers;

/// <summary>`reps`, `rep`, `style`, `race`, `focus`, `schedule`, `pause`, `resume`, `nudge`.</summary>
public sealed class RosterCommands(
    ManagerAccess access, ReportingLine reportingLine, RepSettings settings, EscalationStore escalations, AuditLog audit,
    PersonDirectory people, RepChangeNotice notice, TimeProvider clock)
{
    private static readonly string[] DayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    public async Task<CommandResult> RepsAsync(Person actor, CancellationToken cancellationToken)
    {
        var team = await TeamAsync(actor, cancellationToken);
        var reps = await settings.OverviewAsync(team, cancellationToken);
        if (reps.Count == 0)
        {
            return CommandResult.Say("You have no reps in CoachBot's roster yet. Admins can `import` a roster.");
        }

        var text = new StringBuilder($"Your reps ({reps.Count}):");
        foreach (var r in reps)
        {
            text.Append($"\n• {r.Name} · {r.Style ?? "style unknown"} · {r.Race}{(r.Paused ? " · paused" : "")}{(r.Role != "rep" ? $" · {r.Role}" : "")}");
        }

        return CommandResult.Say(text.ToString());
    }

    public async Task<CommandResult> RepAsync(Person actor, PersonRef reference, CancellationToken cancellationToken)
    {
        var found = await access.ForRepAsync(actor, reference, "rep", cancellationToken);
        if (found.Rep is not { } rep)
        {
            return found.Failure!;
        }

        var overview = (await settings.OverviewAsync([rep.Id], cancellationToken))[0];
        var manager = rep.ManagerId is { } m ? await people.GetAsync(m, cancellationToken) : null;
        var blocks = new List<MessageBlock>
        {
            new HeaderBlock(rep.DisplayName),
            new FieldsBlock(
            [
                new Field("Style", overview.Style is null ? "unknown" : $"{overview.Style} ({overview.StyleSource})"),
                new Field("Race", overview.Race),
                new Field("Focus", overview.Focus.Length == 0 ? "none yet" : string.Join(", ", overview.Focus)),
                new Field("Schedule", Schedule(overview)),
                new Field("Manager", manager?.DisplayName.Raw ?? "none"),
                new Field("Time zone", rep.TimeZone),
            ]),
        };

        var open = await escalations.ListAsync(new EscalationScope.Rep(rep.Id), includeResolved: false, cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var e in open)
        {
            blocks.Add(new ContextBlock($"{e.ShortId} · {e.Reason.Label()} · {e.State.ToDb()} · {EscalationCard.Age(now - e.CreatedAt)}"));
            if (e.SharedText is { } words)
            {
                blocks.Add(new QuoteBlock(words));
                await audit.WriteAsync(actor.Id, AuditActions.SharedWordsSeen, rep.Id, $"{e.ShortId} rep", cancellationToken);
            }
        }

        var reply = new InboxReply([new CoachMessage($"{rep.DisplayName}'s coaching profile", blocks)]);
        return new CommandResult(reply, rep.Id);
    }

    public Task<CommandResult> SetStyleAsync(Person actor, PersonRef who, string style, CancellationToken cancellationToken) =>
        ChangeAsync(actor, who, "style", rep => settings.SetStyleAsync(rep.Id, style, cancellationToken), rep => $"{rep.DisplayName}'s style is now {style}.",
            _ => $"set your coaching style to {style}, so your nudges are now worded for that style.", style, cancellationToken);

    public Task<CommandResult> SetRaceAsync(Person actor, PersonRef who, string race, CancellationToken cancellationToken) =>
        ChangeAsync(actor, who, "race", rep => settings.SetRaceAsync(rep.Id, race, cancellationToken), rep => $"{rep.DisplayName} now runs the {race} race.",
            _ => $"set your race to {Races.FromDbValue(race)?.Label() ?? race}.", race, cancellationToken);

    public Task<CommandResult> SetFocusAsync(Person actor, PersonRef who, IReadOnlyList<string> skills, CancellationToken cancellationToken) =>
        ChangeAsync(actor, who, "focus", rep => settings.SetFocusAsync(rep.Id, skills.ToArray(), cancellationToken),
            rep => $"{rep.DisplayName}'s focus: {string.Join(", ", skills)}.",
            _ => $"set your focus skills to {string.Join(", ", skills.Select(s => FocusSkills.FromDbValue(s)?.Label() ?? s))}.",
            string.Join(",", skills), cancellationToken);

    public Task<CommandResult> SetScheduleAsync(Person actor, ManagerCommand.SetSchedule command, CancellationToken cancellationToken) =>
        ChangeAsync(actor, command.Person, "schedule",
            rep => settings.SetScheduleAsync(rep.Id, rep.WorkspaceId, command.SendTimes.ToArray(), command.WorkingDays?.Select(d => (short)d).ToArray(), cancellationToken),
            rep => $"{rep.DisplayName}'s nudges now go out at {Times(command.SendTimes)} their time"
                   + (command.WorkingDays is { } days ? $" on {string.Join(", ", days.Select(d => DayNames[d - 1]))}." : "."),
            // Send times are stored as the rep's local clock times, so they are shown as such, with the zone they are in.
            rep => $"changed your nudge times to {Times(command.SendTimes)} your time ({rep.TimeZone})"
                   + (command.WorkingDays is { } days ? $", on {string.Join(", ", days.Select(d => DayNames[d - 1]))}." : "."),
            null, cancellationToken);

    public Task<CommandResult> SetPausedAsync(Person actor, PersonRef who, bool paused, CancellationToken cancellationToken) =>
        ChangeAsync(actor, who, paused ? "pause" : "resume", rep => settings.SetPausedAsync(rep.Id, rep.WorkspaceId, paused, cancellationToken),
            rep => paused ? $"{rep.DisplayName}'s nudges are paused." : $"{rep.DisplayName}'s nudges are back on.",
            _ => paused ? "paused your nudges. Type `resume` when you want them back." : "turned your nudges back on.", null, cancellationToken);

    public async Task<CommandResult> NudgeAsync(Person actor, PersonRef who, bool now, CancellationToken cancellationToken)
    {
        var found = await access.ForRepAsync(actor, who, "nudge", cancellationToken);
        if (found.Rep is not { } rep)
        {
            return found.Failure!;
        }

        if (!now)
        {
            var overview = (await settings.OverviewAsync([rep.Id], cancellationToken))[0];
            return CommandResult.Say(overview.NextDueAt is { } due
                ? $"{rep.DisplayName}'s next nudge is due {Local(due, rep.TimeZone):ddd yyyy-MM-dd HH:mm} their time ({rep.TimeZone}). Use `nudge @person now` to send one now."
                : $"{rep.DisplayName}'s next nudge is being worked out ({Schedule(overview)}). Use `nudge @person now` to send one now.", rep.Id, "next");
        }

        return await settings.NudgeNowAsync(rep.Id, clock.GetUtcNow(), cancellationToken)
            ? CommandResult.Say($"A nudge for {rep.DisplayName} goes out within the minute.", rep.Id, "now")
            : CommandResult.Error($"{rep.DisplayName} has no active schedule (not onboarded yet, paused or stopped); nothing was sent.");
    }

    private async Task<CommandResult> ChangeAsync(Person actor, PersonRef who, string verb, Func<Person, Task> change, Func<Person, string> reply,
        Func<Person, string> toldRep, string? detail, CancellationToken cancellationToken)
    {
        var found = await access.ForRepAsync(actor, who, verb, cancellationToken);
        if (found.Rep is not { } rep)
        {
            return found.Failure!;
        }

        await change(rep);
        var told = await notice.TellAsync(actor, rep, toldRep(rep), cancellationToken);
        return CommandResult.Say(told ? $"{reply(rep)} I've let them know." : reply(rep), rep.Id, detail);
    }

    private static DateTime Local(DateTimeOffset at, string timeZone) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : TimeZoneInfo.Utc).DateTime;

    private static string Times(IEnumerable<TimeOnly> times) => string.Join(", ", times.Select(t => t.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)));

    private async Task<long[]> TeamAsync(Person actor, CancellationToken cancellationToken) => actor.Role == PersonRole.Admin
        ? (await reportingLine.EveryoneInAsync(actor.WorkspaceId, actor.Id, cancellationToken)).ToArray()
        : (await reportingLine.PeopleUnderAsync(actor.Id, cancellationToken)).ToArray();

    private static string Schedule(RepOverview r) =>
        r.Stopped ? "stopped"
        : r.SendTimes is null ? "not set up yet"
        : $"{string.Join(", ", r.SendTimes.Select(t => t.ToString("HH:mm")))} on {string.Join(",", (r.WorkingDays ?? []).Select(d => DayNames[d - 1]))}{(r.Paused ? " (paused)" : "")}";
}
