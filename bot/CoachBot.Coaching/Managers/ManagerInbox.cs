using System.Globalization;
using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Crm.Import;
using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.Goals;
using CoachBot.Coaching.People;
using Microsoft.Extensions.Options;
using static CoachBot.Coaching.Managers.ManagerCommand;

namespace CoachBot.Coaching.Managers;

/// <summary>
/// The managers' side of the inbox, mirroring <see cref="ICoachingInbox"/>; the composed inbox routes "/coach" commands,
/// "esc." actions and member joins here. Only managers in CoachBot's own roster get past the door; every action and every
/// refusal is audited.
/// </summary>
public sealed class ManagerInbox(
    PersonDirectory people, AuditLog audit, EscalationCommands escalations, RosterCommands roster, AdminCommands admin,
    InsightCommands insight, ReachCommands reach, Crm.CrmCommands crm, ChannelGuard guard, ManagerHome home, ProposeGoalCommand goals, ImportDealsCommand crmImport,
    IOptions<EscalationOptions> options)
{
    public async Task<InboxReply> OnCommandAsync(InboundCommand command, CancellationToken cancellationToken)
    {
        var parsed = ManagerCommandParser.Parse(command.Text);
        return await RunAsync(command.From, parsed, null, cancellationToken);
    }

    public async Task<InboxReply> OnActionAsync(InboundAction action, CancellationToken cancellationToken)
    {
        if (!action.ActionId.StartsWith(EscalationActions.Prefix, StringComparison.Ordinal))
        {
            return InboxReply.None;
        }

        var parsed = ToCommand(action);
        return await RunAsync(action.From, parsed, "button", cancellationToken);
    }

    public Task<ChannelGuardVerdict> OnMemberJoinedAsync(MemberJoined joined, CancellationToken cancellationToken) =>
        guard.CheckJoinAsync(joined, cancellationToken);

    /// <summary>Blocks to append to the person's home view; empty for non-managers.</summary>
    public Task<IReadOnlyList<MessageBlock>> GetHomeBlocksAsync(Sender from, CancellationToken cancellationToken) =>
        home.GetBlocksAsync(from, cancellationToken);

    private async Task<InboxReply> RunAsync(Sender from, ManagerCommand command, string? via, CancellationToken cancellationToken)
    {
        var actor = await people.FindAsync(from.Key, cancellationToken);
        var gate = ManagerAuthorization.CanUseManagerCommands(actor);
        if (!gate.Allowed)
        {
            await audit.WriteAsync(actor?.Id, AuditActions.Command(command.Verb), null, actor is null ? $"unknown sender {from.Key}" : via,
                cancellationToken, refused: true);
            return InboxReply.Say(gate.Refusal!);
        }

        var result = await DispatchAsync(actor!, command, cancellationToken);
        if (result.Audit)
        {
            var detail = via is null ? result.Detail : $"{result.Detail} ({via})".TrimStart();
            await audit.WriteAsync(actor!.Id, AuditActions.Command(command.Verb), result.SubjectId, detail, cancellationToken, result.Refused);
        }

        return result.Reply;
    }

    private Task<CommandResult> DispatchAsync(Person actor, ManagerCommand command, CancellationToken ct) => command switch
    {
        Help => Task.FromResult(CommandResult.Error(ManagerUsage.Help)),
        Invalid bad => Task.FromResult(CommandResult.Error(bad.Message)),
        Reps => roster.RepsAsync(actor, ct),
        Rep c => roster.RepAsync(actor, c.Person, ct),
        SetStyle c => roster.SetStyleAsync(actor, c.Person, c.Style, ct),
        SetRace c => roster.SetRaceAsync(actor, c.Person, c.Race, ct),
        SetFocus c => roster.SetFocusAsync(actor, c.Person, c.Skills, ct),
        SetSchedule c => roster.SetScheduleAsync(actor, c, ct),
        Pause c => roster.SetPausedAsync(actor, c.Person, true, ct),
        Resume c => roster.SetPausedAsync(actor, c.Person, false, ct),
        Nudge c => roster.NudgeAsync(actor, c.Person, c.Now, ct),
        ListEscalations c => escalations.ListAsync(actor, c.Filter, ct),
        Ack c => escalations.AcknowledgeAsync(actor, c.EscalationId, ct),
        Resolve c => escalations.ResolveAsync(actor, c.EscalationId, c.ResolutionNote, ct),
        Reassign c => escalations.ReassignAsync(actor, c.EscalationId, c.To, ct),
        Snooze c => escalations.SnoozeAsync(actor, c.EscalationId, c.For, ct),
        Note c => escalations.NoteAsync(actor, c.EscalationId, c.Text, ct),
        Brief c => insight.BriefAsync(actor, c.Person, ct),
        Stats => insight.StatsAsync(actor, ct),
        Import c => admin.ImportAsync(actor, c.Csv, ct),
        SetManager c => admin.SetManagerAsync(actor, c.Add, c.Person, ct),
        Keywords c => admin.KeywordsAsync(actor, c.Add, c.Remove, ct),
        ProposeGoal c => goals.ProposeAsync(actor, c.Person, c.Goal, ct),
        Unreachable => reach.UnreachableAsync(actor, ct),
        InstallTeams => reach.InstallTeamsAsync(actor, ct),
        Crm.CrmCommand c => crm.RunAsync(actor, c, ct),
        ImportDeals c => crmImport.ImportAsync(actor, c.Csv, ct),
        _ => Task.FromResult(CommandResult.Error(ManagerUsage.All)),
    };

    // Buttons carry the numeric id; text typed into a card (Teams inputs, Slack modals) arrives as InputText.
    private ManagerCommand ToCommand(InboundAction action)
    {
        if (!long.TryParse(action.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
        {
            return new Invalid("That button is out of date; use `/coach escalations` to see open escalations.");
        }

        var input = string.IsNullOrWhiteSpace(action.InputText) ? null : action.InputText.Trim();
        var shortId = EscalationId.Format(id);
        return action.ActionId switch
        {
            EscalationActions.Acknowledge => new Ack(id),
            EscalationActions.Resolve => new Resolve(id, input),
            EscalationActions.Reassign => input is not null && CommandArguments.ParsePerson(input.Split(' ', StringSplitOptions.RemoveEmptyEntries)) is { } to
                ? new Reassign(id, to)
                : new Invalid($"Reassign with `/coach reassign {shortId} @manager`."),
            EscalationActions.Snooze => new Snooze(id, input is not null && CommandArguments.TryDuration(input, out var d) ? d : options.Value.DefaultSnooze),
            EscalationActions.Note => input is not null ? new Note(id, input) : new Invalid($"Add a note with `/coach note {shortId} your note`."),
            _ => new Invalid("Unknown escalation button."),
        };
    }
}
