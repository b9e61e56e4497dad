using CoachBot.Coaching.Data;
using CoachBot.Platforms.Slack;
using Hangfire;
using Microsoft.Extensions.Options;

namespace CoachBot.Bot.Slack;

/// <summary>
/// In the background after start: schedules the stranded-request (and, with OAuth, the install-state) sweep and, with a single-workspace token, learns the
/// bot's own ids with auth.test (a working token re-enables its workspace; a dead one disables it). Never blocks or fails the start.
/// </summary>
internal sealed class SlackStartupService(
    IServiceScopeFactory scopes, SlackBotIdentity identity, SlackWorkspaces workspaces, SlackInboundSweepJob.Schedule sweep,
    IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackStartupService> logger) : BackgroundService
{
    private static readonly TimeSpan RetryWhileDatabaseIsAway = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // PostgreSQL away at start (an outage, a restart in the same minute): start-up is finished once it is back.
        var warned = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await StartAsyncOnce(stoppingToken);
                return;
            }
            catch (Exception ex) when (DatabaseOutage.IsOutage(ex))
            {
                if (!warned)
                {
                    SlackEndpointLog.StartupWaitsForDatabase(logger, ex.GetType().Name, RetryWhileDatabaseIsAway);
                    warned = true;
                }

                await Task.Delay(RetryWhileDatabaseIsAway, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task StartAsyncOnce(CancellationToken stoppingToken)
    {
        try
        {
            sweep.RegisterRecurringJobs();

            if (string.IsNullOrWhiteSpace(options.Value.BotToken))
            {
                // Installed workspaces only: each team's bot identity is known from its install or learned at first use.
                return;
            }

            using var scope = scopes.CreateScope();
            var me = await scope.ServiceProvider.GetRequiredService<SlackWebClient>().AuthTestAsync(null, stoppingToken);
            identity.Remember(me);
            await workspaces.EnableAsync(me.TeamId, me.UserId, stoppingToken);
            SlackEndpointLog.Identified(logger, me.UserId, me.BotId, me.TeamId);
        }
        catch (SlackApiException ex)
        {
            SlackEndpointLog.AuthTestFailed(logger, ex.Error);
            if (ex.ErrorClass == SlackErrorClass.WorkspaceFatal && options.Value.TeamId is { Length: > 0 } team)
            {
                await workspaces.DisableAsync(team, $"auth.test: {ex.Error}", CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !DatabaseOutage.IsOutage(ex))
        {
            SlackEndpointLog.AuthTestFailed(logger, ex.GetType().Name);
        }
    }
}
