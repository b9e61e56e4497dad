using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.People;
using Dapper;
using Npgsql;

namespace CoachBot.Coaching.Managers;

/// <summary>`import` and `managers add|remove` (admins only), and `keywords` (any manager, for the workspace).</summary>
public sealed class AdminCommands(
    PersonResolver resolver, RosterImport roster, EscalationService escalations, RepChangeNotice notice, NpgsqlDataSource dataSource)
{
    public async Task<CommandResult> ImportAsync(Person actor, string csv, CancellationToken cancellationToken)
    {
        if (ManagerAuthorization.CanAdminister(actor) is { Allowed: false } refused)
        {
            return CommandResult.Refuse(refused.Refusal!);
        }

        var (rows, error) = RosterCsv.Parse(csv);
        if (error is not null)
        {
            return CommandResult.Error($"{error} Nothing was imported. {ManagerUsage.For("import")}");
        }

        var result = await roster.ImportAsync(actor, rows, cancellationToken);
        return CommandResult.Say(
            $"Roster imported: {result.Matched} matched by email, {result.Pending} not met yet (applied when they first talk to CoachBot), {result.ManagersLinked} manager links set.",
            detail: $"{rows.Count} rows");
    }

    public async Task<CommandResult> SetManagerAsync(Person actor, bool add, PersonRef who, CancellationToken cancellationToken)
    {
        var lookup = await resolver.ResolveAsync(actor.WorkspaceId, who, cancellationToken);
        if (ManagerAuthorization.CanAdminister(actor) is { Allowed: false } refused)
        {
            return CommandResult.Refuse(refused.Refusal!, lookup.Person?.Id);
        }

        if (lookup.Person is not { } person)
        {
            return CommandResult.Error($"{lookup.Problem} {ManagerUsage.For("managers")}");
        }

        if (person.Role == PersonRole.Admin)
        {
            return CommandResult.Error($"{person.DisplayName} is an admin; admins stay managers.");
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("update person set role = @role, updated_at = now() where id = @id",
            new { role = add ? "manager" : "rep", id = person.Id }, cancellationToken: cancellationToken));
        var told = await notice.TellAsync(actor, person,
            add ? "made you a manager in CoachBot. `/coach help` lists the manager commands." : "removed your manager role in CoachBot.", cancellationToken);
        var reply = add ? $"{person.DisplayName} is now a manager in CoachBot." : $"{person.DisplayName} is no longer a manager in CoachBot.";
        return CommandResult.Say(told ? $"{reply} I've let them know." : reply, person.Id, add ? "add" : "remove");
    }

    public async Task<CommandResult> KeywordsAsync(Person actor, string? add, string? remove, CancellationToken cancellationToken)
    {
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            if (add is not null)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "insert into escalation_keyword (workspace_id, keyword) values (@workspaceId, @add) on conflict do nothing",
                    new { workspaceId = actor.WorkspaceId, add }, cancellationToken: cancellationToken));
            }

            if (remove is not null)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "delete from escalation_keyword where workspace_id = @workspaceId and keyword = @remove",
                    new { workspaceId = actor.WorkspaceId, remove }, cancellationToken: cancellationToken));
            }
        }

        var words = await escalations.WorkspaceKeywordsAsync(actor.WorkspaceId, cancellationToken);
        var list = words.Count == 0 ? "none" : string.Join(", ", words.Select(Chat.UserText.Of));
        return CommandResult.Say($"Watched keywords (only in replies a rep chose to share): {list}.", detail: add is not null ? $"add {add}" : remove is not null ? $"remove {remove}" : "list");
    }
}
