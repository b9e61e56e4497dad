using CoachBot.Coaching.Scheduling;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CoachBot.Bot.Demo;

/// <summary>/demo: the local workspace's clock panel. Mapped only in demo mode, loopback callers only.</summary>
public static class DemoEndpoints
{
    private const int MaxAdvanceMinutes = 60 * 24 * 31;

    public static IEndpointRouteBuilder MapDemoEndpoints(this IEndpointRouteBuilder app)
    {
        var demo = app.MapGroup("/demo").AddEndpointFilter<LoopbackOnlyFilter>();
        demo.MapGet("/clock", (DemoClock clock) => TypedResults.Ok(ClockState.Of(clock)));
        demo.MapPost("/clock/advance", AdvanceAsync);
        demo.MapPost("/nudge-now", NudgeNowAsync);
        return app;
    }

    private static async Task<Results<Ok<ClockState>, BadRequest<DemoError>>> AdvanceAsync(
        int? minutes, DemoClock clock, DemoFastForward fastForward, CancellationToken cancellationToken)
    {
        if (minutes is not (> 0 and <= MaxAdvanceMinutes))
        {
            return TypedResults.BadRequest(new DemoError($"minutes must be a whole number from 1 to {MaxAdvanceMinutes} (e.g. 60 for one hour, 1440 for one day)"));
        }

        await fastForward.AdvanceAsync(TimeSpan.FromMinutes(minutes.Value), cancellationToken);
        return TypedResults.Ok(ClockState.Of(clock));
    }

    private static async Task<Results<Ok<NudgeNow>, BadRequest<DemoError>, NotFound<DemoError>>> NudgeNowAsync(
        string? user, NpgsqlDataSource dataSource, IOptions<DemoOptions> options, DemoClock clock, IDemoNudgeTrigger trigger,
        ILogger<DemoClock> logger, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(user))
        {
            return TypedResults.BadRequest(new DemoError("user is required: the Slack user id of a rep, e.g. ?user=U0REPAVA"));
        }

        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rep = await connection.QuerySingleOrDefaultAsync<DueRep>(new CommandDefinition("""
            update rep_schedule s set next_due_at = @now, updated_at = now()
            from person p join workspace w on w.id = p.workspace_id
            where s.person_id = p.id and w.platform = 'slack' and w.external_id = @teamId and p.platform_user_id = @user
            returning s.person_id as personid, s.paused, s.stopped, s.snoozed_until as snoozeduntil, p.time_zone as timezone, p.display_name as displayname
            """, new { now, teamId = options.Value.TeamId, user }, cancellationToken: cancellationToken));
        if (rep is null)
        {
            var reps = await connection.QueryAsync<string>(new CommandDefinition("""
                select p.platform_user_id from rep_schedule s join person p on p.id = s.person_id join workspace w on w.id = p.workspace_id
                where w.platform = 'slack' and w.external_id = @teamId order by 1
                """, new { teamId = options.Value.TeamId }, cancellationToken: cancellationToken));
            return TypedResults.NotFound(new DemoError($"{user} is not a rep with a schedule in {options.Value.TeamId}; reps: {string.Join(", ", reps)}"));
        }

        DemoLog.MarkedDue(logger, rep.PersonId);
        await trigger.RunDueNowAsync(cancellationToken);
        return TypedResults.Ok(new NudgeNow(user, rep.PersonId, now, rep.Describe(rep.DisplayName is { Length: > 0 } name ? name : user, now)));
    }

    // The dispatcher skips paused and stopped reps but not a snooze: the answer says which, so the demo never fails silently.
    private sealed class DueRep
    {
        public long PersonId { get; set; }
        public bool Paused { get; set; }
        public bool Stopped { get; set; }
        public DateTime? SnoozedUntil { get; set; }
        public string TimeZone { get; set; } = "UTC";
        public string DisplayName { get; set; } = "";

        /// <param name="who">The rep's name as the workspace shows it (their user id if they have none).</param>
        public string Describe(string who, DateTimeOffset now) => this switch
        {
            { Stopped: true } => $"{who} switched coaching off (`stop`), so no nudge is sent until they type `start`.",
            { Paused: true } => $"{who} paused nudges, so no nudge is sent until they type `resume`.",
            { SnoozedUntil: { } until } when until > now.UtcDateTime =>
                $"{who} snoozed nudges until {LocalTimeText.Format(new DateTimeOffset(DateTime.SpecifyKind(until, DateTimeKind.Utc)), TimeZone, now)}; this demo button sends the next nudge anyway.",
            _ => $"Next nudge for {who} is due now.",
        };
    }

    public sealed record ClockState(DateTimeOffset Now, long OffsetMinutes, double OffsetSeconds)
    {
        public static ClockState Of(DemoClock clock) => new(clock.GetUtcNow(), (long)clock.Offset.TotalMinutes, clock.Offset.TotalSeconds);
    }

    /// <param name="Message">What happens next, in words: due now, or why nothing is sent (paused, stopped) or sent despite a snooze.</param>
    public sealed record NudgeNow(string User, long PersonId, DateTimeOffset NextDueAt, string Message);

    public sealed record DemoError(string Error);
}
