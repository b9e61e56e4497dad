using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.People;
using Dapper;
using Npgsql;

namespace CoachBot.Coaching.Managers;

/// <summary>Flags anyone joining the managers' channel who is not a manager in CoachBot's roster: alert the channel and DM the admins.</summary>
public sealed class ChannelGuard(ManagersChannel channel, PersonDirectory people, NpgsqlDataSource dataSource, ChatMessengers messengers, AuditLog audit)
{
    public async Task<ChannelGuardVerdict> CheckJoinAsync(MemberJoined joined, CancellationToken cancellationToken)
    {
        if (!await channel.IsManagersChannelAsync(joined.Channel, cancellationToken))
        {
            return ChannelGuardVerdict.NotGuarded;
        }

        var key = joined.Member;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var workspace = await connection.QuerySingleAsync<(long Id, string? BotUserId)>(new CommandDefinition(
            "select id, bot_user_id from workspace where platform = @platform and external_id = @external",
            new { platform = PersonDirectory.PlatformName(key.Platform), external = key.WorkspaceId }, cancellationToken: cancellationToken));
        var person = await people.FindAsync(key, cancellationToken);
        if (key.UserId == workspace.BotUserId || person is { IsManager: true })
        {
            return ChannelGuardVerdict.Allowed;
        }

        var who = person is { } known ? known.DisplayName.ToString() : "Someone who is not in CoachBot's roster";
        var alert = $"⚠️ {who} joined the managers' channel but is not a manager in CoachBot's roster. Escalations here are for managers only.";
        try
        {
            await channel.PostAsync(workspace.Id, joined.Channel, CoachMessage.Plain(alert), cancellationToken);
        }
        catch (ChatDeliveryException)
        {
            // The admins still get the DM below; the audit line records the join either way.
        }

        var admins = await connection.QueryAsync<long>(new CommandDefinition(
            "select id from person where workspace_id = @id and role = 'admin'", new { id = workspace.Id }, cancellationToken: cancellationToken));
        foreach (var adminId in admins)
        {
            if (await people.GetAsync(adminId, cancellationToken) is { } admin)
            {
                try
                {
                    await messengers.For(admin.Key.Platform).SendDirectAsync(admin.Key, CoachMessage.Plain(alert), cancellationToken);
                }
                catch (ChatDeliveryException)
                {
                    continue;
                }
            }
        }

        await audit.WriteAsync(null, AuditActions.ManagersChannelIntruder, person?.Id, $"user {key.UserId}", cancellationToken);
        return ChannelGuardVerdict.Intruder;
    }
}
