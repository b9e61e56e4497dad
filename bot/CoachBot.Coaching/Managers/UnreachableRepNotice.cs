using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.People;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CoachBot.Coaching.Managers;

/// <summary>
/// Tells a rep's manager once that CoachBot can no longer reach the rep (blocked the bot, left, app removed), because
/// nudges stop silently otherwise. A rep still reachable on their other platform is not lost, so nobody is told; a rep
/// lost on both hears about it once, with both reasons. Callers run this on the transition to unreachable.
/// </summary>
public sealed partial class UnreachableRepNotice(
    PersonDirectory people, PersonReach reach, ChatMessengers messengers, NpgsqlDataSource dataSource, ILogger<UnreachableRepNotice> logger)
{
    public async Task NotifyManagerAsync(long repId, CancellationToken cancellationToken)
    {
        var rep = await people.GetAsync(repId, cancellationToken);
        var where = await reach.ForPersonAsync(repId, cancellationToken);
        if (rep is null || !where.LostEverywhere)
        {
            return;
        }

        Person? manager = null;
        foreach (var managerId in where.ManagerIds.Distinct())
        {
            if (await people.GetAsync(managerId, cancellationToken) is { Reachable: true } found)
            {
                manager = found;
                break;
            }
        }

        if (manager is null || !await ClaimAsync(where, cancellationToken))
        {
            return;
        }

        var notice = new CoachMessage(
            "CoachBot can no longer reach one of your reps.",
            [
                new SectionBlock("I can no longer reach one of your reps, so their coaching nudges are on hold until they open a chat with me again. A direct check-in may help."),
                new FieldsBlock([
                    new Field("Rep", rep.DisplayName.Raw),
                    new Field("Platform", string.Join(" and ", where.Losses.Select(l => l.PlatformName))),
                    new Field("Reason", Reasons(where.Losses)),
                ]),
            ]);
        try
        {
            await messengers.For(manager.Key.Platform).SendDirectAsync(manager.Key, notice, cancellationToken);
        }
        catch (ChatDeliveryException ex)
        {
            LogNotDelivered(logger, repId, ex.Code);
        }
    }

    private static string Reasons(IReadOnlyList<ReachLoss> losses) => losses.Count == 1
        ? ReachAdvice.For(losses[0].Reason).Why
        : string.Join(" ", losses.Select(l => $"{l.PlatformName}: {ReachAdvice.For(l.Reason).Why}"));

    // One notice per loss: a retried job (or the other platform's copy of the same loss) finds this loss noted already.
    private async Task<bool> ClaimAsync(PersonReach.RepReach where, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition("""
            insert into reach_loss_notice as n (subject, lost_at) values (@Subject, @LostAt)
            on conflict (subject) do update set lost_at = excluded.lost_at, notified_at = now() where n.lost_at < excluded.lost_at
            returning true
            """, new { where.Subject, where.LostAt }, cancellationToken: cancellationToken));
    }

    [LoggerMessage(EventId = 5401, Level = LogLevel.Warning, Message = "Could not tell the manager of rep {RepId} that the rep is unreachable: {Code}")]
    private static partial void LogNotDelivered(ILogger logger, long repId, string code);
}
